import { useState, type FormEvent } from 'react';
import type { ServiceAssignment } from '@portal/contracts/http';
import { clientSettingsApi } from '../../api/client-settings';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { LoadingState } from '../../components/LoadingState';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { Section } from '../../components/Section';
import { RATE_METHOD_WORDS, slaWords } from '../../format/words';
import { useAction } from '../../hooks/use-action';
import { useLoad } from '../../hooks/use-load';
import { useRatesAndServices } from '../../hooks/use-rates-and-services';
import { Link } from '../../routing/Link';
import { paths } from '../../routing/routes';

/** The client's (service, rate table) pairs: which services its orders are quoted for, and at what rates. */
export function ClientServicesSection({ clientId }: { clientId: string }) {
  const catalogue = useRatesAndServices();
  const pairs = useLoad((signal) => clientSettingsApi.getClientServices(clientId, signal), [clientId]);
  const [serviceId, setServiceId] = useState('');
  const [rateTableId, setRateTableId] = useState('');
  const replace = useAction(async (next: ServiceAssignment[]) => {
    pairs.setData(await clientSettingsApi.putClientServices(clientId, next));
  });

  const services = catalogue.data?.services ?? [];
  const rateTables = catalogue.data?.rateTables ?? [];
  const current = pairs.data ?? [];
  const unassigned = services.filter((s) => !current.some((p) => p.serviceId === s.id));

  const assign = async (event: FormEvent) => {
    event.preventDefault();
    const service = serviceId || unassigned[0]?.id;
    const rates = rateTableId || rateTables[0]?.id;
    if (!service || !rates) return;
    await replace.run([...current, { serviceId: service, rateTableId: rates }]);
    setServiceId('');
  };

  return (
    <Section
      title="Services and rate tables"
      description="Each assigned service is quoted for this client's orders with its rate table. A client with none is not quoted: its orders are placed without a service."
      actions={<Link to={paths.ratesAndServices}>Manage services and rate tables</Link>}
    >
      <LoadingState loading={pairs.loading || catalogue.loading} error={pairs.error ?? catalogue.error} what="Loading the client's services" onRetry={() => { pairs.reload(); catalogue.reload(); }} hasData={pairs.data !== undefined && catalogue.data !== undefined}>
        {current.length === 0 ? (
          <EmptyState title="No services assigned">This client does not use Rates and Services yet.</EmptyState>
        ) : (
          <ResponsiveTable
            caption="Assigned services"
            rows={current}
            rowKey={(p) => p.serviceId}
            columns={[
              {
                header: 'Service',
                cell: (p) => {
                  const s = services.find((x) => x.id === p.serviceId);
                  return s ? (
                    <>
                      <strong>{s.code}</strong> <span className="muted">{s.name}</span>
                    </>
                  ) : (
                    p.serviceId
                  );
                },
              },
              { header: 'Promise', cell: (p) => { const s = services.find((x) => x.id === p.serviceId); return s ? slaWords(s.sla) : '—'; } },
              {
                header: 'Rate table',
                cell: (p) => {
                  const r = rateTables.find((x) => x.id === p.rateTableId);
                  return r ? `${r.name} (${r.currency}, ${RATE_METHOD_WORDS[r.base.method].toLowerCase()})` : p.rateTableId;
                },
              },
              {
                header: 'Actions',
                cell: (p) => (
                  <Button size="small" variant="ghost" onClick={() => void replace.run(current.filter((x) => x.serviceId !== p.serviceId))} disabled={replace.pending} aria-label={`Remove ${services.find((x) => x.id === p.serviceId)?.code ?? 'service'}`}>
                    Remove
                  </Button>
                ),
              },
            ]}
          />
        )}
        {services.length === 0 || rateTables.length === 0 ? (
          <p className="muted">
            {services.length === 0 ? 'There are no services yet' : 'There are no rate tables yet'}: create them on <Link to={paths.ratesAndServices}>Rates and Services</Link>, then assign them here.
          </p>
        ) : unassigned.length > 0 ? (
          <form className="inline-form" onSubmit={assign} aria-label="Assign a service">
            <Field label="Service" path="0.serviceId" error={replace.error}>
              <select value={serviceId || unassigned[0]?.id} onChange={(e) => setServiceId(e.target.value)}>
                {unassigned.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.code} — {s.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Rate table">
              <select value={rateTableId || rateTables[0]?.id} onChange={(e) => setRateTableId(e.target.value)}>
                {rateTables.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name} ({r.currency})
                  </option>
                ))}
              </select>
            </Field>
            <Button type="submit" pending={replace.pending} pendingText="Saving…">
              Assign service
            </Button>
          </form>
        ) : null}
        <ErrorNotice error={replace.error} action="Changing the client's services" />
      </LoadingState>
    </Section>
  );
}
