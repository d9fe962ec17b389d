import { useId, useState, type FormEvent } from 'react';
import type { Client, Order } from '@portal/contracts/http';
import { UnitsSchema } from '@portal/contracts/http';
import { orderManagementApi } from '../../api/order-management';
import { Button } from '../../components/Button';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Section';
import { useAction } from '../../hooks/use-action';
import { navigate, withQuery } from '../../routing/location';
import { paths } from '../../routing/routes';
import { draftChanges, hasChanges, toDraftForm, type DraftForm } from './draft-form';
import { DraftReasons } from './DraftReasons';
import { TaskFields } from './TaskFields';

interface DraftEditorProps {
  draft: Order;
  client: Client;
  /** Service codes to suggest (the client's assigned services, when the key may list them). */
  serviceCodes: string[];
  onSaved: (draft: Order) => void;
}

/** Edit what is missing, save to see the reasons recomputed, then Finalize or Cancel draft. */
export function DraftEditor({ draft, client, serviceCodes, onSaved }: DraftEditorProps) {
  const codesId = useId();
  const [form, setForm] = useState<DraftForm>(() => toDraftForm(draft, client.units));
  const [savedNotice, setSavedNotice] = useState<string>();
  const changes = draftChanges(draft, form);
  const dirty = hasChanges(changes);
  const set = (patch: Partial<DraftForm>) => {
    setSavedNotice(undefined);
    setForm((f) => ({ ...f, ...patch }));
  };

  const saveChanges = async (): Promise<Order> => {
    const saved = await orderManagementApi.editDraft(draft.id, changes);
    onSaved(saved);
    setForm(toDraftForm(saved, client.units));
    return saved;
  };
  const save = useAction(async () => {
    const saved = await saveChanges();
    const left = saved.draftReasons.length;
    setSavedNotice(left === 0 ? 'Saved. Nothing is missing any more: Finalize to place the order.' : `Saved. ${left === 1 ? 'One reason remains' : `${left} reasons remain`}, listed above.`);
  });
  // Finalising what is on screen: unsaved edits are saved first, so nothing typed is lost.
  const finalize = useAction(async () => {
    if (dirty) await saveChanges();
    const placed = await orderManagementApi.finalizeDraft(draft.id);
    navigate(withQuery(paths.order(placed.id), { placed: '1' }));
  });
  const cancel = useAction(async () => {
    const cancelled = await orderManagementApi.cancelDraft(draft.id);
    navigate(withQuery(paths.order(cancelled.id), { cancelled: '1' }));
  });
  const busy = save.pending || finalize.pending || cancel.pending;
  const fieldError = save.error ?? finalize.error;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.run();
  };

  return (
    <form onSubmit={submit} className="draft-layout" aria-label="Edit draft">
      <div className="sections">
        <Section title="Weight, pieces and service">
          <div className="grid grid--4">
            <Field label="Weight" path="weight" error={fieldError}>
              <input type="number" min={0} step="any" inputMode="decimal" value={form.weightValue} onChange={(e) => set({ weightValue: e.target.value })} />
            </Field>
            <Field label="Weight unit">
              <select value={form.weightUnit} onChange={(e) => set({ weightUnit: e.target.value as DraftForm['weightUnit'] })}>
                {UnitsSchema.options.map((u) => (
                  <option key={u} value={u}>
                    {u}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Pieces" path="pieces" error={fieldError}>
              <input type="number" min={1} step={1} inputMode="numeric" value={form.pieces} onChange={(e) => set({ pieces: e.target.value })} />
            </Field>
            <Field label="Service code" path="serviceCode" error={fieldError} hint="Empty: the client's rule picks one">
              <input value={form.serviceCode} onChange={(e) => set({ serviceCode: e.target.value })} list={codesId} spellCheck={false} />
            </Field>
          </div>
          <datalist id={codesId}>
            {serviceCodes.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </Section>
        <TaskFields title="Pickup" task={draft.pickup} value={form.pickup} onChange={(pickup) => set({ pickup, pickupTouched: true })} path="pickup" error={fieldError} />
        <TaskFields title="Dropoff" task={draft.dropoff} value={form.dropoff} onChange={(dropoff) => set({ dropoff, dropoffTouched: true })} path="dropoff" error={fieldError} />
      </div>
      <aside className="draft-layout__side" aria-label="Draft status and actions">
        <DraftReasons draft={draft} />
        {savedNotice && <Notice tone={draft.draftReasons.length === 0 ? 'ok' : 'warn'}>{savedNotice}</Notice>}
        <ErrorNotice error={save.error} action="Saving the draft" />
        <ErrorNotice error={finalize.error} action="Finalizing" />
        <ErrorNotice error={cancel.error} action="Cancelling the draft" />
        <div className="actions">
          <Button type="submit" pending={save.pending} pendingText="Saving…" disabled={!dirty || busy}>
            Save changes
          </Button>
          <Button variant="primary" onClick={() => void finalize.run()} pending={finalize.pending} pendingText="Finalizing…" disabled={busy}>
            Finalize
          </Button>
          <ConfirmButton question="Cancel this draft? The order will not be delivered." confirmLabel="Cancel draft" onConfirm={() => void cancel.run()} pending={cancel.pending} pendingText="Cancelling…" size="normal">
            Cancel draft
          </ConfirmButton>
        </div>
        <p className="muted draft-layout__hint">Finalize saves your changes first, then quotes the order again and places it.</p>
      </aside>
    </form>
  );
}
