/** Polls `probe` until it returns without throwing (an `expect` inside it failing counts as "not yet"). */
export async function eventually<T>(probe: () => Promise<T> | T, timeoutMs = 10_000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) break;
    await sleep(intervalMs);
  }
  if (lastError instanceof Error) {
    lastError.message = `eventually: still failing after ${timeoutMs} ms: ${lastError.message}`;
    throw lastError;
  }
  throw new Error(`eventually: still failing after ${timeoutMs} ms: ${String(lastError)}`);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
