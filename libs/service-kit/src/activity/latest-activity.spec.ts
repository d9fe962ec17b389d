import { LatestActivity, type Seen } from './latest-activity';

/** Records what it is handed; fails while `failing` is set. */
class Recorded extends LatestActivity {
  readonly batches: Seen[][] = [];
  failing = false;

  constructor(flushMs = 60_000) {
    super(flushMs);
  }

  protected async send(batch: Seen[]): Promise<void> {
    if (this.failing) throw new Error('store unavailable');
    this.batches.push(batch);
  }
}

const at = (iso: string): Date => new Date(iso);

describe('LatestActivity', () => {
  it('keeps only the latest time per id, whatever order uses are noted in', async () => {
    const activity = new Recorded();
    activity.note('a', at('2026-03-01T10:00:05Z'));
    activity.note('a', at('2026-03-01T10:00:01Z'));
    activity.note('b', at('2026-03-01T10:00:02Z'));
    await activity.flush();
    expect(activity.batches).toEqual([
      [
        { id: 'a', at: at('2026-03-01T10:00:05Z') },
        { id: 'b', at: at('2026-03-01T10:00:02Z') },
      ],
    ]);
  });

  it('sends nothing when nothing was noted, and each use once', async () => {
    const activity = new Recorded();
    await activity.flush();
    activity.note('a', at('2026-03-01T10:00:00Z'));
    await activity.flush();
    await activity.flush();
    expect(activity.batches).toHaveLength(1);
  });

  it('keeps a batch that could not be written for the next flush, merged with newer uses', async () => {
    const activity = new Recorded();
    activity.note('a', at('2026-03-01T10:00:00Z'));
    activity.note('b', at('2026-03-01T10:00:00Z'));
    activity.failing = true;
    await activity.flush();
    activity.note('a', at('2026-03-01T10:00:09Z'));
    activity.failing = false;
    await activity.flush();
    expect(activity.batches).toEqual([
      [
        { id: 'a', at: at('2026-03-01T10:00:09Z') },
        { id: 'b', at: at('2026-03-01T10:00:00Z') },
      ],
    ]);
  });

  it('splits many ids into batches of at most 1000', async () => {
    const activity = new Recorded();
    for (let i = 0; i < 2500; i++) activity.note(`id-${i}`, at('2026-03-01T10:00:00Z'));
    await activity.flush();
    expect(activity.batches.map((b) => b.length)).toEqual([1000, 1000, 500]);
  });

  it('flushes on its interval and once more when the app stops', async () => {
    const activity = new Recorded(20);
    activity.onModuleInit();
    activity.note('a', at('2026-03-01T10:00:00Z'));
    const deadline = Date.now() + 5000;
    while (activity.batches.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(activity.batches).toEqual([[{ id: 'a', at: at('2026-03-01T10:00:00Z') }]]);
    activity.note('b', at('2026-03-01T10:00:01Z'));
    await activity.onModuleDestroy();
    expect(activity.batches[activity.batches.length - 1]).toEqual([{ id: 'b', at: at('2026-03-01T10:00:01Z') }]);
  });
});
