import { Processor } from '@nestjs/bullmq';
import { QueueNames } from '@portal/contracts';
import { WORKER_OPTIONS } from '@portal/messaging';
import { QuoteRequestWorker } from './quote-request-worker';

/** Intake's quotes: the children of order management's flows, read by the flow's parent. */
@Processor(QueueNames.quoteRequests, WORKER_OPTIONS[QueueNames.quoteRequests])
export class QuoteRequestsProcessor extends QuoteRequestWorker {}
