import { Processor } from '@nestjs/bullmq';
import { QueueNames } from '@portal/contracts';
import { describeError, failsForGood, LoggedWorkerHost, parseQueueJob, WORKER_OPTIONS } from '@portal/messaging';
import type { Job } from 'bullmq';
import { ReplayDeliveryUseCase } from './replay-delivery.use-case';

/** Transport only: a replay request read against its contract and handed to the use case; a final failure recorded FAILED. */
@Processor(QueueNames.deliveryReplays, WORKER_OPTIONS[QueueNames.deliveryReplays])
export class DeliveryReplaysProcessor extends LoggedWorkerHost {
  constructor(private readonly replay: ReplayDeliveryUseCase) {
    super();
  }

  async process(job: Job): Promise<void> {
    const request = parseQueueJob(QueueNames.deliveryReplays, job);
    try {
      const result = await this.replay.execute(request);
      this.logger.log({ eventId: request.replayId, replayOf: request.replayOf, ...result }, result.handedOn ? 'Replay handed on' : 'Replay handed on before; repeat ignored');
    } catch (error) {
      if (failsForGood(job, error)) await this.replay.recordFailure(request, describeError(error));
      throw error;
    }
  }
}
