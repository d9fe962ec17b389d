import type { RateTable, Service } from '@portal/contracts/http';
import { clientSettingsApi } from '../../api/client-settings';
import { EmptyState } from '../../components/EmptyState';
import { LoadingState } from '../../components/LoadingState';
import { PageHeader } from '../../components/PageHeader';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { Section } from '../../components/Section';
import { formatMoney } from '../../format/money';
import { RATE_METHOD_WORDS, slaWords } from '../../format/words';
import { useRatesAndServices } from '../../hooks/use-rates-and-services';
import { NewRateTableForm } from './NewRateTableForm';
import { NewServiceForm } from './NewServiceForm';
import { DeleteAction } from '../../components/DeleteAction';

const priceWords = (r: RateTable): string => {
  const money = (amount: number) => formatMoney({ amount, currency: r.currency });
  const base = r.base.method === 'FLAT' ? money(r.base.amount) : `${money(r.base.amount)} + ${money(r.base.unitAmount ?? 0)} ${RATE_METHOD_WORDS[r.base.method].toLowerCase()}`;
  const bounds = [r.minimum !== undefined ? `min ${money(r.minimum)}` : '', r.maximum !== undefined ? `max ${money(r.maximum)}` : ''].filter(Boolean).join(', ');
  return bounds ? `${base} (${bounds})` : base;
};

const limitWords = (s: Service): string =>
  [s.maxWeight ? `up to ${s.maxWeight.value} ${s.maxWeight.unit}` : '', s.maxPieces ? `up to ${s.maxPieces} pieces` : '', s.area ? 'service area' : '', s.hours ? 'opening hours' : 'around the clock']
    .filter(Boolean)
    .join(' · ');

/** The courier's services (when and where) and rate tables (how much), assigned to clients in pairs. */
export function RatesAndServicesPage() {
  const catalogue = useRatesAndServices();
  const services = catalogue.data?.services ?? [];
  const rateTables = catalogue.data?.rateTables ?? [];
  return (
    <>
      <PageHeader
        title="Rates and Services"
        description="A service says when and where you deliver; a rate table says how much. Assign them to a client in pairs on its Integration Settings."
      />
      <LoadingState loading={catalogue.loading} error={catalogue.error} what="Loading services and rate tables" onRetry={catalogue.reload} hasData={catalogue.data !== undefined}>
        <div className="sections">
          <Section title="Services">
            {services.length === 0 ? (
              <EmptyState title="No services yet" />
            ) : (
              <ResponsiveTable
                caption="Services"
                rows={services}
                rowKey={(s) => s.id}
                columns={[
                  { header: 'Code', cell: (s) => <strong>{s.code}</strong> },
                  { header: 'Name', cell: (s) => s.name },
                  { header: 'Promise', cell: (s) => slaWords(s.sla) },
                  { header: 'Limits', cell: limitWords },
                  {
                    header: 'Actions',
                    cell: (s) => (
                      <DeleteAction label="Delete service" question={`Delete ${s.code}? Clients it is assigned to lose it.`} remove={() => clientSettingsApi.deleteService(s.id)} onDeleted={catalogue.reload} />
                    ),
                  },
                ]}
              />
            )}
            <NewServiceForm onCreated={catalogue.reload} />
          </Section>
          <Section title="Rate tables">
            {rateTables.length === 0 ? (
              <EmptyState title="No rate tables yet" />
            ) : (
              <ResponsiveTable
                caption="Rate tables"
                rows={rateTables}
                rowKey={(r) => r.id}
                columns={[
                  { header: 'Name', cell: (r) => <strong>{r.name}</strong> },
                  { header: 'Currency', cell: (r) => r.currency },
                  { header: 'Price', cell: priceWords },
                  { header: 'Modifiers', cell: (r) => (r.modifiers.length === 0 ? <span className="muted">None</span> : `${r.modifiers.length}`) },
                  {
                    header: 'Actions',
                    cell: (r) => (
                      <DeleteAction label="Delete rate table" question={`Delete ${r.name}?`} remove={() => clientSettingsApi.deleteRateTable(r.id)} onDeleted={catalogue.reload} />
                    ),
                  },
                ]}
              />
            )}
            <NewRateTableForm onCreated={catalogue.reload} />
          </Section>
        </div>
      </LoadingState>
    </>
  );
}
