import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Reason, UpdateDraft } from '@portal/contracts';
import { OutboxRelay, writeOutbox } from '@portal/messaging';
import { resolveTask } from '@portal/order-domain';
import { AppError, conflict, notFound, Principal, resourceId, unprocessable } from '@portal/service-kit';
import { Order } from '../entities/order.entity';
import { OrderAnnouncements } from '../events/order-announcements';
import { ClientDirectory } from '../intake/client-directory';
import { QuoteClient } from '../quoting/quote-client';
import { chosenService, toQuotable } from '../quoting/quotable';
import { tenantFilter } from '../tenant-filter';
import { reasonDetails } from './draft-reason-paths';

const changedMeanwhile = (): AppError =>
  conflict('This draft was changed, finalised or cancelled by someone else meanwhile: read it again and retry.');
const notADraft = (order: Order): AppError => conflict(`This order is ${order.status.toLowerCase()}, not a draft: only drafts can be changed.`);

/**
 * Drafts are fixed by a person and finalised explicitly (PRODUCT 1.4). Every change is an update
 * guarded by the draft's status and its `updatedAt` as read (optimistic locking): racing
 * finalisations place an order once, and a finalisation or edit that raced another edit answers
 * 409 instead of placing, or keeping, data it did not quote.
 */
@Injectable()
export class DraftsService {
  constructor(
    private readonly em: EntityManager,
    private readonly clients: ClientDirectory,
    private readonly quotes: QuoteClient,
    private readonly announcements: OrderAnnouncements,
    private readonly relay: OutboxRelay,
  ) {}

  async edit(principal: Principal, orderId: string, patch: UpdateDraft): Promise<Order> {
    const draft = await this.findDraft(principal, orderId);
    const client = await this.clients.get(draft.clientId);
    if (!client) throw notFound('Client');
    const changed = Object.assign(new Order(), draft, this.applied(draft, patch, client.timezone), { updatedAt: new Date() });
    changed.draftReasons = (await this.quote(changed)).draftReasons;
    const updated = await this.em.fork().nativeUpdate(
      Order,
      this.unchanged(draft),
      {
        pickup: changed.pickup,
        dropoff: changed.dropoff,
        readyBy: changed.readyBy,
        dueBy: changed.dueBy,
        weight: changed.weight,
        pieces: changed.pieces,
        serviceCode: changed.serviceCode,
        draftReasons: changed.draftReasons,
        updatedAt: changed.updatedAt,
      },
    );
    if (updated === 0) throw changedMeanwhile();
    return changed;
  }

  async finalize(principal: Principal, orderId: string): Promise<Order> {
    const draft = await this.findDraft(principal, orderId);
    const result = await this.quote(draft);
    const service = chosenService(result);
    if (!service) {
      await this.em.fork().nativeUpdate(Order, this.unchanged(draft), { draftReasons: result.draftReasons, updatedAt: new Date() });
      throw this.stillDraft(result.draftReasons);
    }
    const placed = Object.assign(new Order(), draft, { status: 'PLACED' as const, service, draftReasons: [], updatedAt: new Date() });
    const won = await this.em.fork().transactional(async (tx) => {
      const updated = await tx.nativeUpdate(Order, this.unchanged(draft), { status: 'PLACED', service, draftReasons: [], updatedAt: placed.updatedAt });
      if (updated === 0) return false;
      await writeOutbox(tx, this.announcements.for(placed));
      return true;
    });
    if (!won) throw changedMeanwhile();
    this.relay.nudge();
    return placed;
  }

  async cancel(principal: Principal, orderId: string): Promise<Order> {
    const draft = await this.findDraft(principal, orderId);
    const cancelled = Object.assign(new Order(), draft, { status: 'CANCELLED' as const, updatedAt: new Date() });
    const updated = await this.em.fork().nativeUpdate(Order, { id: draft.id, status: 'DRAFT' }, { status: 'CANCELLED', updatedAt: cancelled.updatedAt });
    if (updated === 0) throw changedMeanwhile();
    return cancelled;
  }

  /** The draft exactly as it was read: no other edit, finalisation or cancellation since. */
  private unchanged(draft: Order) {
    return { id: draft.id, status: 'DRAFT' as const, updatedAt: draft.updatedAt };
  }

  private async findDraft(principal: Principal, orderId: string): Promise<Order> {
    const order = await this.em.fork().findOne(Order, { id: resourceId(orderId, 'Order'), ...tenantFilter(principal) });
    if (!order) throw notFound('Order');
    if (order.status !== 'DRAFT') throw notADraft(order);
    return order;
  }

  private quote(order: Order) {
    return this.quotes.quote({ clientId: order.clientId, courierId: order.courierId, order: toQuotable(order), correlationId: order.id });
  }

  /** The draft with the patch applied: tasks read in the client's timezone, Ready By and Due By re-derived. */
  private applied(draft: Order, patch: UpdateDraft, timezone: string): Partial<Order> {
    const next: Partial<Order> = {};
    if (patch.weight !== undefined) next.weight = patch.weight;
    if (patch.pieces !== undefined) next.pieces = patch.pieces;
    if (patch.serviceCode !== undefined) next.serviceCode = patch.serviceCode;
    for (const name of ['pickup', 'dropoff'] as const) {
      const input = patch[name];
      if (input === undefined) continue;
      const resolved = resolveTask(input, timezone, name);
      if (!resolved.ok) throw new AppError(400, 'VALIDATION_FAILED', resolved.reason.message, [{ path: name, message: resolved.reason.message }]);
      next[name] = resolved.task;
    }
    if (next.dropoff) {
      // Without an earliest completion time, Ready By is when the gateway received the event.
      next.readyBy = next.dropoff.completeAfter ? new Date(next.dropoff.completeAfter) : draft.receivedAt;
      next.dueBy = next.dropoff.completeBefore ? new Date(next.dropoff.completeBefore) : null;
      if (next.dueBy && next.dueBy < next.readyBy) {
        throw new AppError(400, 'VALIDATION_FAILED', 'The dropoff window ends before it starts.', [{ path: 'dropoff.completeBefore', message: 'is earlier than completeAfter' }]);
      }
    }
    return next;
  }

  private stillDraft(reasons: Reason[]): AppError {
    return unprocessable('DRAFT_NOT_QUOTABLE', 'The draft still cannot be quoted: fix the reasons in details, then finalise again.', reasonDetails(reasons));
  }
}
