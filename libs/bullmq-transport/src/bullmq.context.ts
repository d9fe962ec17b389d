import { BaseRpcContext } from '@nestjs/microservices';
import type { Job } from 'bullmq';

type BullMqContextArgs = [Job];

/** What a handler gets besides the payload (`@Ctx()`), as RmqContext does for RabbitMQ. */
export class BullMqContext extends BaseRpcContext<BullMqContextArgs> {
  /** The BullMQ job being handled: its id, attemptsMade, opts, and the raw data. */
  getJob(): Job {
    return this.args[0];
  }

  /** The event type the job was routed by (its name). */
  getPattern(): string {
    return this.args[0].name;
  }
}
