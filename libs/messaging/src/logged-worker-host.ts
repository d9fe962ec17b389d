import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { describeError } from './describe-error';

/**
 * A processor whose failures are logged where operators look, with the job's identity: BullMQ keeps
 * the failed job (and retries it), but a silent failure is invisible until someone opens the dashboard.
 */
export abstract class LoggedWorkerHost extends WorkerHost {
  protected readonly logger = new Logger(this.constructor.name);

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    const final = job ? job.attemptsMade >= (job.opts.attempts ?? 1) || error.name === 'UnrecoverableError' : true;
    this.logger[final ? 'error' : 'warn'](
      { jobId: job?.id, jobName: job?.name, queue: job?.queueName, attemptsMade: job?.attemptsMade, final, err: describeError(error) },
      final ? 'Job failed for good: it stays in the failed set to inspect and retry' : 'Job failed; it will be retried',
    );
  }
}
