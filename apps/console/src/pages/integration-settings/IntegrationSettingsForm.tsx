import { useState, type FormEvent } from 'react';
import type { IntegrationSettings, ServiceSelectionRule } from '@portal/contracts/http';
import { ServiceSelectionRuleSchema } from '@portal/contracts/http';
import { clientSettingsApi } from '../../api/client-settings';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useAction } from '../../hooks/use-action';

const RULE_WORDS: Record<ServiceSelectionRule, string> = {
  FASTEST: 'Fastest: the eligible service whose window ends earliest',
  CHEAPEST: 'Cheapest: the lowest price whose window meets Due By',
};

/** The switch and the rule, saved together: the API checks them as one (422 when a rule is needed). */
export function IntegrationSettingsForm({ clientId, saved, onSaved }: { clientId: string; saved: IntegrationSettings; onSaved: (s: IntegrationSettings) => void }) {
  const [enabled, setEnabled] = useState(saved.orderCreationEnabled);
  const [rule, setRule] = useState<ServiceSelectionRule | ''>(saved.serviceSelectionRule ?? '');
  const [justSaved, setJustSaved] = useState(false);
  const save = useAction(async () => {
    const answer = await clientSettingsApi.putIntegrationSettings(clientId, { orderCreationEnabled: enabled, serviceSelectionRule: rule === '' ? null : rule });
    onSaved(answer);
    setJustSaved(true);
  });
  const dirty = enabled !== saved.orderCreationEnabled || (rule || null) !== saved.serviceSelectionRule;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setJustSaved(false);
    void save.run();
  };

  return (
    <form onSubmit={submit} className="stack">
      <label className="switch">
        <input type="checkbox" role="switch" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
        <span className="switch__track" aria-hidden="true" />
        <span className="switch__label">
          Create orders from integrations
          <span className="checkbox__hint">While off, every event for this client is refused with a reason and recorded.</span>
        </span>
      </label>
      <Field label="Service selection rule" path="serviceSelectionRule" error={save.error} hint="Needed to turn integrations on once the client has services: it picks a service when the store asks for none.">
        <select value={rule} onChange={(e) => setRule(e.target.value as ServiceSelectionRule | '')}>
          <option value="">No rule</option>
          {ServiceSelectionRuleSchema.options.map((r) => (
            <option key={r} value={r}>
              {RULE_WORDS[r]}
            </option>
          ))}
        </select>
      </Field>
      <ErrorNotice error={save.error} action="Saving the integration settings" hidePaths={['serviceSelectionRule']} />
      {justSaved && !dirty && (
        <Notice tone="ok">
          Saved. Integrations are {saved.orderCreationEnabled ? 'on' : 'off'}
          {saved.serviceSelectionRule ? `, and the ${saved.serviceSelectionRule.toLowerCase()} service is picked` : ''}. Stores see the change within a second.
        </Notice>
      )}
      <div className="actions">
        <Button type="submit" variant="primary" pending={save.pending} pendingText="Saving…" disabled={!dirty}>
          Save settings
        </Button>
      </div>
    </form>
  );
}
