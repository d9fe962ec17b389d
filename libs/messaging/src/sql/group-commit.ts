export interface GroupCommitOptions {
  /** Most items written by one call. */
  maxBatch: number;
  /** Most calls running at once; items arriving meanwhile wait and go together in the next one. */
  maxInFlight: number;
}

interface Waiting<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (reason: unknown) => void;
}

/**
 * Group commit: concurrent callers' writes go to the database together, one statement and one
 * commit for the lot, and each caller's promise settles only after that commit. Nothing waits for a
 * batch to fill: an item that finds a free slot is written at once, so a quiet system answers as
 * fast as before, and batches grow only while earlier writes are still in flight (under load, where
 * a commit per item costs most).
 *
 * `write` answers one result per item, in order. When a batch of several fails, each item is
 * written again on its own, so one item's failure is its own and never its neighbours'.
 */
export class GroupCommit<I, O> {
  private readonly waiting: Waiting<I, O>[] = [];
  private inFlight = 0;

  constructor(
    private readonly write: (items: I[]) => Promise<O[]>,
    private readonly options: GroupCommitOptions,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.drain();
    });
  }

  private drain(): void {
    while (this.inFlight < this.options.maxInFlight && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.options.maxBatch);
      this.inFlight++;
      void this.run(batch).finally(() => {
        this.inFlight--;
        this.drain();
      });
    }
  }

  private async run(batch: Waiting<I, O>[]): Promise<void> {
    try {
      const results = await this.writeAll(batch.map((w) => w.item));
      batch.forEach((w, i) => w.resolve(results[i]));
    } catch (error) {
      if (batch.length === 1) {
        batch[0].reject(error);
        return;
      }
      await Promise.all(batch.map((w) => this.writeAll([w.item]).then(([result]) => w.resolve(result), w.reject)));
    }
  }

  private async writeAll(items: I[]): Promise<O[]> {
    const results = await this.write(items);
    if (results.length !== items.length) throw new Error(`a group write answered ${results.length} results for ${items.length} items`);
    return results;
  }
}
