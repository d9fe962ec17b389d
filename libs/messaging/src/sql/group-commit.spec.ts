import { GroupCommit } from './group-commit';

/** A write whose calls stay open until the test lets them finish, so what arrives meanwhile is seen. */
function heldWrite(fail: (item: number) => boolean = () => false) {
  const calls: number[][] = [];
  const pending: (() => void)[] = [];
  const write = (items: number[]) => {
    calls.push(items);
    return new Promise<number[]>((resolve, reject) => {
      pending.push(() => (items.some(fail) ? reject(new Error(`cannot write ${items.join(',')}`)) : resolve(items.map((i) => i * 10))));
    });
  };
  const finishAll = async () => {
    while (pending.length > 0) {
      pending.shift()?.();
      await new Promise((r) => setImmediate(r));
    }
  };
  return { calls, write, finishAll };
}

describe('GroupCommit', () => {
  it('writes an item at once when nothing is in flight', async () => {
    const held = heldWrite();
    const group = new GroupCommit(held.write, { maxBatch: 10, maxInFlight: 1 });
    const answer = group.submit(1);
    expect(held.calls).toEqual([[1]]);
    await held.finishAll();
    await expect(answer).resolves.toBe(10);
  });

  it('groups what arrives while a write is in flight, up to the group size, and answers each its own result', async () => {
    const held = heldWrite();
    const group = new GroupCommit(held.write, { maxBatch: 3, maxInFlight: 1 });
    const answers = [1, 2, 3, 4, 5, 6].map((i) => group.submit(i));
    expect(held.calls).toEqual([[1]]);
    await held.finishAll();
    expect(held.calls).toEqual([[1], [2, 3, 4], [5, 6]]);
    await expect(Promise.all(answers)).resolves.toEqual([10, 20, 30, 40, 50, 60]);
  });

  it('runs as many writes at once as allowed', () => {
    const held = heldWrite();
    const group = new GroupCommit(held.write, { maxBatch: 10, maxInFlight: 2 });
    for (const i of [1, 2, 3, 4]) void group.submit(i);
    expect(held.calls).toEqual([[1], [2]]);
  });

  it('writes the items of a failed group one by one, so only the item that fails is refused', async () => {
    const held = heldWrite((item) => item === 3);
    const group = new GroupCommit(held.write, { maxBatch: 10, maxInFlight: 1 });
    const answers = [1, 2, 3, 4].map((i) => group.submit(i).then((v) => v, (e: Error) => e.message));
    await held.finishAll();
    expect(held.calls).toEqual([[1], [2, 3, 4], [2], [3], [4]]);
    await expect(Promise.all(answers)).resolves.toEqual([10, 20, 'cannot write 3', 40]);
  });

  it('refuses every item when the write answers the wrong number of results', async () => {
    const group = new GroupCommit<number, number>(() => Promise.resolve([]), { maxBatch: 10, maxInFlight: 1 });
    await expect(group.submit(1)).rejects.toThrow('answered 0 results for 1 items');
  });
});
