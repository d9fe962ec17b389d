import { useId, useMemo, useState, type FormEvent } from 'react';
import type { Client, CreateClient, Units } from '@portal/contracts/http';
import { UnitsSchema } from '@portal/contracts/http';
import { clientSettingsApi } from '../../api/client-settings';
import { AddressFields } from '../../components/AddressFields';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { fromAddressDraft, toAddressDraft } from '../../format/address-draft';
import { browserTimezone, timezoneSuggestions } from '../../format/timezones';
import { useAction } from '../../hooks/use-action';

interface ClientFormProps {
  /** The client to edit; absent to create one. */
  client?: Client;
  onSaved: (client: Client) => void;
  onCancel: () => void;
}

/** A client's name, timezone, units and default pickup: what every order of theirs is read with. */
export function ClientForm({ client, onSaved, onCancel }: ClientFormProps) {
  const listId = useId();
  const zones = useMemo(timezoneSuggestions, []);
  const [name, setName] = useState(client?.name ?? '');
  const [timezone, setTimezone] = useState(client?.timezone ?? browserTimezone());
  const [units, setUnits] = useState<Units>(client?.units ?? 'kg');
  const [hasPickup, setHasPickup] = useState(Boolean(client?.defaultPickup));
  const [pickup, setPickup] = useState(() => toAddressDraft(client?.defaultPickup));

  const save = useAction(async () => {
    const body: CreateClient = { name: name.trim(), timezone: timezone.trim(), units, defaultPickup: hasPickup ? fromAddressDraft(pickup) : null };
    const saved = client ? await clientSettingsApi.updateClient(client.id, body) : await clientSettingsApi.createClient(body);
    onSaved(saved);
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.run();
  };

  return (
    <form onSubmit={submit} className="stack" aria-label={client ? `Edit ${client.name}` : 'New client'}>
      <div className="grid grid--3">
        <Field label="Name" path="name" error={save.error}>
          <input value={name} onChange={(e) => setName(e.target.value)} required autoComplete="organization" />
        </Field>
        <Field label="Timezone" path="timezone" error={save.error} hint="IANA name, such as America/New_York: times are shown and read in it">
          <input value={timezone} onChange={(e) => setTimezone(e.target.value)} list={listId} required spellCheck={false} />
        </Field>
        <Field label="Units" path="units" error={save.error}>
          <select value={units} onChange={(e) => setUnits(e.target.value as Units)}>
            {UnitsSchema.options.map((u) => (
              <option key={u} value={u}>
                {u === 'kg' ? 'Kilograms (kg)' : 'Pounds (lb)'}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <datalist id={listId}>
        {zones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <label className="checkbox">
        <input type="checkbox" checked={hasPickup} onChange={(e) => setHasPickup(e.target.checked)} />
        <span>
          Has a default pickup address
          <span className="checkbox__hint">Dropoff-only orders are picked up here; without one they become drafts or are refused.</span>
        </span>
      </label>
      {hasPickup && <AddressFields legend="Default pickup" value={pickup} onChange={setPickup} path="defaultPickup" error={save.error} />}
      <ErrorNotice error={save.error} action={client ? 'Saving the client' : 'Creating the client'} />
      <div className="actions">
        <Button type="submit" variant="primary" pending={save.pending} pendingText={client ? 'Saving…' : 'Creating…'}>
          {client ? 'Save client' : 'Create client'}
        </Button>
        <Button variant="ghost" onClick={onCancel} disabled={save.pending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
