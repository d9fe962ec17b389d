import type { Cluster, Redis } from 'ioredis';

/**
 * Closes a client for good. A connected client quits (replies still due arrive first). One between
 * reconnect attempts cannot send QUIT (a fail-fast client refuses to queue it), and left alone it
 * keeps retrying for ever on a ref'd timer: it is disconnected instead, which cancels the retry.
 */
export async function closeRedis(client: Redis | Cluster): Promise<void> {
  if (client.status === 'end') return;
  if (client.status === 'ready') {
    try {
      await client.quit();
      return;
    } catch {
      // The connection dropped while quitting: fall through and stop the retries.
    }
  }
  client.disconnect();
}
