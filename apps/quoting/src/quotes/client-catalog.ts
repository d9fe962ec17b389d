import { MikroORM } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type { ServiceSelectionRule, Units } from '@portal/contracts';
import type { AssignedService } from '@portal/order-domain';
import { ReadThroughCache } from '@portal/service-kit';
import { ClientServicesView } from '../entities/client-services-view.entity';
import { ClientView } from '../entities/client-view.entity';
import { RateTableView } from '../entities/rate-table-view.entity';
import { ServiceView } from '../entities/service-view.entity';

/** Everything quoting needs to know about one client. */
export interface ClientCatalog {
  timezone: string;
  units: Units;
  rule: ServiceSelectionRule | null;
  assigned: AssignedService[];
  courierServiceCodes: string[];
}

const TTL_MS = 500;

/**
 * Reads a client's catalogue from the projection and keeps it for half a second: under load, one
 * set of lookups serves every order of that client in the meantime, and configuration changes still
 * show within a second.
 */
@Injectable()
export class ClientCatalogs {
  // Unknown clients are not remembered: their projection may arrive any moment.
  private readonly cache = new ReadThroughCache<ClientCatalog>({ ttlMs: TTL_MS, cacheMisses: false, max: 10_000, load: (id) => this.load(id) });

  constructor(private readonly orm: MikroORM) {}

  get(clientId: string): Promise<ClientCatalog | null> {
    return this.cache.get(clientId);
  }

  private async load(clientId: string): Promise<ClientCatalog | null> {
    const em = this.orm.em.fork();
    const client = await em.findOne(ClientView, { id: clientId });
    if (!client) return null;
    const assignments = (await em.findOne(ClientServicesView, { id: client.id }))?.assignments ?? [];
    const [services, tables, courierServices] = await Promise.all([
      em.find(ServiceView, { id: { $in: assignments.map((a) => a.serviceId) }, deleted: false }),
      em.find(RateTableView, { id: { $in: assignments.map((a) => a.rateTableId) }, deleted: false }),
      em.find(ServiceView, { courierId: client.courierId, deleted: false }, { fields: ['code'] }),
    ]);
    const serviceById = new Map(services.map((s) => [s.id, s.body]));
    const tableById = new Map(tables.map((t) => [t.id, t.body]));
    return {
      timezone: client.timezone,
      units: client.units,
      rule: client.serviceSelectionRule,
      // A pair whose service or table was deleted a moment ago is simply no longer offered.
      assigned: assignments.flatMap((a) => {
        const service = serviceById.get(a.serviceId);
        const rateTable = tableById.get(a.rateTableId);
        return service && rateTable ? [{ service, rateTable }] : [];
      }),
      courierServiceCodes: courierServices.map((s) => s.code),
    };
  }
}
