import { useState, type FormEvent } from 'react';
import type { CreateService, Sla, Units } from '@portal/contracts/http';
import { UnitsSchema } from '@portal/contracts/http';
import { clientSettingsApi } from '../../api/client-settings';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { useAction } from '../../hooks/use-action';

type SlaType = Sla['type'];

const optionalNumber = (value: string): number | undefined => (value.trim() === '' ? undefined : Number(value));

/**
 * A service with its promise and limits. Opening hours, blackout dates and a service area are left
 * to the API (PATCH /v1/services/{id}); without hours a service is open around the clock.
 */
export function NewServiceForm({ onCreated }: { onCreated: () => void }) {
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [slaType, setSlaType] = useState<SlaType>('WITHIN');
  const [minutes, setMinutes] = useState('120');
  const [cutoff, setCutoff] = useState('14:00');
  const [maxWeight, setMaxWeight] = useState('');
  const [weightUnit, setWeightUnit] = useState<Units>('kg');
  const [maxPieces, setMaxPieces] = useState('');
  const create = useAction(async () => {
    const sla: Sla = slaType === 'WITHIN' ? { type: 'WITHIN', minutes: Number(minutes) } : { type: slaType, cutoff };
    const weight = optionalNumber(maxWeight);
    const body: CreateService = {
      code: code.trim(),
      name: name.trim(),
      sla,
      maxWeight: weight === undefined ? undefined : { value: weight, unit: weightUnit },
      maxPieces: optionalNumber(maxPieces),
    };
    await clientSettingsApi.createService(body);
    setCode('');
    setName('');
    onCreated();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void create.run();
  };
  return (
    <form className="stack subtle-panel" onSubmit={submit} aria-label="New service">
      <h3 className="subtle-panel__title">New service</h3>
      <div className="grid grid--3">
        <Field label="Code" path="code" error={create.error} hint="Stores ask for it by this code, such as RUSH_2H">
          <input value={code} onChange={(e) => setCode(e.target.value)} required spellCheck={false} />
        </Field>
        <Field label="Service name" path="name" error={create.error}>
          <input value={name} onChange={(e) => setName(e.target.value)} required />
        </Field>
        <Field label="Promise" path="sla" error={create.error}>
          <select value={slaType} onChange={(e) => setSlaType(e.target.value as SlaType)}>
            <option value="WITHIN">Within a number of minutes of Ready By</option>
            <option value="SAME_DAY">Same day, before a cutoff</option>
            <option value="NEXT_DAY">Next day</option>
          </select>
        </Field>
        {slaType === 'WITHIN' ? (
          <Field label="Minutes" path="sla.minutes" error={create.error}>
            <input type="number" min={1} value={minutes} onChange={(e) => setMinutes(e.target.value)} required />
          </Field>
        ) : (
          <Field label="Daily cutoff" path="sla.cutoff" error={create.error} hint="In the client's timezone">
            <input type="time" value={cutoff} onChange={(e) => setCutoff(e.target.value)} required />
          </Field>
        )}
        <Field label="Maximum weight (optional)" path="maxWeight" error={create.error}>
          <input type="number" min={0} step="any" value={maxWeight} onChange={(e) => setMaxWeight(e.target.value)} />
        </Field>
        <Field label="Weight unit">
          <select value={weightUnit} onChange={(e) => setWeightUnit(e.target.value as Units)}>
            {UnitsSchema.options.map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Maximum pieces (optional)" path="maxPieces" error={create.error}>
          <input type="number" min={1} value={maxPieces} onChange={(e) => setMaxPieces(e.target.value)} />
        </Field>
      </div>
      <ErrorNotice error={create.error} action="Creating the service" hidePaths={['code', 'name', 'sla', 'maxWeight', 'maxPieces']} />
      <div className="actions">
        <Button type="submit" variant="primary" pending={create.pending} pendingText="Creating…">
          Create service
        </Button>
      </div>
    </form>
  );
}
