import { MikroORM } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type { QuoteRequestedJob, QuoteResult } from '@portal/contracts';
import { AssignedService, quoteOrder } from '@portal/order-domain';
import { ClientServicesView } from '../entities/client-services-view.entity';
import { ClientView } from '../entities/client-view.entity';
import { RateTableView } from '../entities/rate-table-view.entity';
import { ServiceView } from '../entities/service-view.entity';

/** Thrown while client settings' copy of a client has not reached quoting yet: the job retries. */
export class ClientNotKnownYet extends Error {}

/** Quotes an order against the client's services and rate tables, as this app's copy holds them now. */
@Injectable()
export class QuoteOrder {
  constructor(private readonly orm: MikroORM) {}

  async execute(request: QuoteRequestedJob, now = new Date()): Promise<QuoteResult> {
    const em = this.orm.em.fork();
    const client = await em.findOne(ClientView, { id: request.clientId });
    if (!client) throw new ClientNotKnownYet(`Client ${request.clientId} has not reached quoting yet.`);
    const assignments = (await em.findOne(ClientServicesView, { id: client.id }))?.assignments ?? [];
    const [services, tables, courierServices] = await Promise.all([
      em.find(ServiceView, { id: { $in: assignments.map((a) => a.serviceId) }, deleted: false }),
      em.find(RateTableView, { id: { $in: assignments.map((a) => a.rateTableId) }, deleted: false }),
      em.find(ServiceView, { courierId: client.courierId, deleted: false }, { fields: ['code'] }),
    ]);
    const serviceById = new Map(services.map((s) => [s.id, s.body]));
    const tableById = new Map(tables.map((t) => [t.id, t.body]));
    // A pair whose service or table was deleted a moment ago is simply no longer offered.
    const assigned: AssignedService[] = assignments.flatMap((a) => {
      const service = serviceById.get(a.serviceId);
      const rateTable = tableById.get(a.rateTableId);
      return service && rateTable ? [{ service, rateTable }] : [];
    });
    return quoteOrder({
      order: request.order,
      timezone: client.timezone,
      units: client.units,
      rule: client.serviceSelectionRule,
      assigned,
      courierServiceCodes: courierServices.map((s) => s.code),
      now,
    });
  }
}
