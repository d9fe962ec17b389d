import { useState, type FormEvent } from 'react';
import type { CreateRateTable, RateMethod } from '@portal/contracts/http';
import { RateMethodSchema } from '@portal/contracts/http';
import { clientSettingsApi } from '../../api/client-settings';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { toMinorUnits } from '../../format/money';
import { RATE_METHOD_WORDS } from '../../format/words';
import { useAction } from '../../hooks/use-action';

/** A rate table: a base rate with an optional minimum and maximum. Threshold modifiers are left to the API. */
export function NewRateTableForm({ onCreated }: { onCreated: () => void }) {
  const [name, setName] = useState('');
  const [currency, setCurrency] = useState('USD');
  const [method, setMethod] = useState<RateMethod>('FLAT');
  const [amount, setAmount] = useState('');
  const [unitAmount, setUnitAmount] = useState('');
  const [minimum, setMinimum] = useState('');
  const [maximum, setMaximum] = useState('');
  const create = useAction(async () => {
    // Typed in the currency's major unit (12.50), kept by the API in minor units (1250).
    const toMinor = (value: string) => toMinorUnits(value, currency.trim().toUpperCase());
    const body: CreateRateTable = {
      name: name.trim(),
      currency: currency.trim().toUpperCase(),
      base: { method, amount: toMinor(amount) ?? 0, unitAmount: method === 'FLAT' ? undefined : toMinor(unitAmount) },
      modifiers: [],
      minimum: toMinor(minimum),
      maximum: toMinor(maximum),
    };
    await clientSettingsApi.createRateTable(body);
    setName('');
    onCreated();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void create.run();
  };
  return (
    <form className="stack subtle-panel" onSubmit={submit} aria-label="New rate table">
      <h3 className="subtle-panel__title">New rate table</h3>
      <div className="grid grid--3">
        <Field label="Rate table name" path="name" error={create.error}>
          <input value={name} onChange={(e) => setName(e.target.value)} required />
        </Field>
        <Field label="Currency" path="currency" error={create.error} hint="ISO code, such as USD">
          <input value={currency} onChange={(e) => setCurrency(e.target.value)} required maxLength={3} />
        </Field>
        <Field label="Base method" path="base.method" error={create.error}>
          <select value={method} onChange={(e) => setMethod(e.target.value as RateMethod)}>
            {RateMethodSchema.options.map((m) => (
              <option key={m} value={m}>
                {RATE_METHOD_WORDS[m]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Base amount" path="base.amount" error={create.error} hint="In the currency, such as 12.50">
          <input type="number" min={0} step="0.01" value={amount} onChange={(e) => setAmount(e.target.value)} required />
        </Field>
        {method !== 'FLAT' && (
          <Field label={`Amount ${RATE_METHOD_WORDS[method].toLowerCase()}`} path="base.unitAmount" error={create.error}>
            <input type="number" min={0} step="0.01" value={unitAmount} onChange={(e) => setUnitAmount(e.target.value)} required />
          </Field>
        )}
        <Field label="Minimum price (optional)" path="minimum" error={create.error}>
          <input type="number" min={0} step="0.01" value={minimum} onChange={(e) => setMinimum(e.target.value)} />
        </Field>
        <Field label="Maximum price (optional)" path="maximum" error={create.error}>
          <input type="number" min={0} step="0.01" value={maximum} onChange={(e) => setMaximum(e.target.value)} />
        </Field>
      </div>
      <ErrorNotice error={create.error} action="Creating the rate table" hidePaths={['name', 'currency', 'base', 'minimum', 'maximum']} />
      <div className="actions">
        <Button type="submit" variant="primary" pending={create.pending} pendingText="Creating…">
          Create rate table
        </Button>
      </div>
    </form>
  );
}
