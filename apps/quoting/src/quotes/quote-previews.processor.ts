import { Processor } from '@nestjs/bullmq';
import { QueueNames } from '@portal/contracts';
import { WORKER_OPTIONS } from '@portal/messaging';
import { QuoteRequestWorker } from './quote-request-worker';

/** Quotes a person waits for (previews, draft edits, finalisation), never queued behind intake's. */
@Processor(QueueNames.quotePreviews, WORKER_OPTIONS[QueueNames.quotePreviews])
export class QuotePreviewsProcessor extends QuoteRequestWorker {}
