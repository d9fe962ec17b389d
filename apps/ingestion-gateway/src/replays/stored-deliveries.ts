import { MikroORM } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type { Platform } from '@portal/contracts';
import { RefusedDelivery } from '../entities/refused-delivery.entity';
import { StoredEvent } from '../entities/stored-event.entity';
import type { InboundDelivery } from '../platforms/platform-adapter';

/** A delivery the gateway kept, as it arrived. */
export interface StoredDelivery {
  id: string;
  platform: Platform;
  externalEventId: string | null;
  externalOrderId: string | null;
  delivery: InboundDelivery;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the deliveries kept for replays: accepted ones in `events`, refused ones in `refused_deliveries`. */
@Injectable()
export class StoredDeliveries {
  constructor(private readonly orm: MikroORM) {}

  /** The delivery of this connection under this id, accepted or refused; null when none was kept. */
  async find(deliveryId: string, connectionId: string): Promise<StoredDelivery | null> {
    if (!UUID.test(deliveryId) || !UUID.test(connectionId)) return null;
    const em = this.orm.em.fork();
    const row = (await em.findOne(StoredEvent, { id: deliveryId, connectionId })) ?? (await em.findOne(RefusedDelivery, { id: deliveryId, connectionId }));
    if (!row) return null;
    return {
      id: row.id,
      platform: row.platform,
      externalEventId: row.externalEventId,
      externalOrderId: row.externalOrderId,
      delivery: { headers: row.headers, body: row.body, receivedAt: row.receivedAt },
    };
  }
}
