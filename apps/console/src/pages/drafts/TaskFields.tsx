import { useState } from 'react';
import type { Task } from '@portal/contracts/http';
import type { ApiError } from '../../api/api-error';
import { AddressFields } from '../../components/AddressFields';
import { AddressView } from '../../components/AddressView';
import { Button } from '../../components/Button';
import { Section } from '../../components/Section';
import type { AddressDraft } from '../../format/address-draft';

interface TaskFieldsProps {
  title: 'Pickup' | 'Dropoff';
  task: Task | null;
  value: AddressDraft;
  onChange: (value: AddressDraft) => void;
  path: 'pickup' | 'dropoff';
  error?: ApiError;
}

/**
 * A task's address as it reads, with its fields one click away: most drafts lack a weight, not an
 * address. A missing task, or one the API found fault with, opens straight away.
 */
export function TaskFields({ title, task, value, onChange, path, error }: TaskFieldsProps) {
  const [editing, setEditing] = useState(task === null);
  const open = editing || (error?.detailsAt(path).length ?? 0) > 0;
  const noun = title.toLowerCase();
  return (
    <Section
      title={title}
      description={task ? undefined : `This order has no ${noun} yet: add one here, or give the client a default pickup address.`}
      actions={
        task && !open ? (
          <Button size="small" onClick={() => setEditing(true)}>
            Change {noun} address
          </Button>
        ) : undefined
      }
    >
      {open ? <AddressFields legend={`${title} address and contact`} value={value} onChange={onChange} path={path} error={error} /> : task && <AddressView address={task.address} contact={task.contact} />}
    </Section>
  );
}
