import { Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { describeError } from '@portal/messaging';

/** The latest time something was seen. */
export interface Seen {
  id: string;
  at: Date;
}

/** Entries per `send`: keeps each job or statement small however many ids were seen. */
const MAX_BATCH = 1000;

/**
 * Remembers the latest time per id in memory and hands the batch on every `flushMs` and once more
 * when the app stops, so hot paths (every authenticated request, every verified delivery) note
 * activity without a write of their own. A batch that cannot go out is kept for the next flush (the
 * newest time wins), so an outage loses nothing; a crash loses at most one interval, which a "last
 * seen" time can afford. Subclasses say only where a batch goes.
 */
export abstract class LatestActivity implements OnModuleInit, OnModuleDestroy {
  protected readonly logger = new Logger(this.constructor.name);
  private pending = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  protected constructor(private readonly flushMs: number) {}

  /** Writes one batch (at most MAX_BATCH entries); a rejection keeps it for the next flush. */
  protected abstract send(batch: Seen[]): Promise<void>;

  note(id: string, at: Date): void {
    const time = at.getTime();
    const known = this.pending.get(id);
    if (known === undefined || time > known) this.pending.set(id, time);
  }

  /** Hands on what was noted since the last flush; flushes run one after another, never at once. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.flushPending());
    return this.flushing;
  }

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush(), this.flushMs);
    // A pending flush never keeps a stopping process alive: shutdown flushes explicitly.
    this.timer.unref();
  }

  /** Runs before the database and Redis connections close (those close on application shutdown). */
  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
  }

  private async flushPending(): Promise<void> {
    if (this.pending.size === 0) return;
    const entries = [...this.pending];
    this.pending = new Map();
    for (let start = 0; start < entries.length; start += MAX_BATCH) {
      const batch = entries.slice(start, start + MAX_BATCH);
      try {
        await this.send(batch.map(([id, time]) => ({ id, at: new Date(time) })));
      } catch (error) {
        for (const [id, time] of entries.slice(start)) this.note(id, new Date(time));
        this.logger.warn({ err: describeError(error), kept: entries.length - start }, 'Could not write activity; keeping it for the next flush');
        return;
      }
    }
  }
}
