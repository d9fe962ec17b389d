import { once } from 'node:events';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { eventually } from '@portal/test-database';
import { Redis } from 'ioredis';
import { closeRedis } from '../src/close-redis';
import { redisOptions } from '../src/redis-options';

/** A loopback port nothing listens on (yet). */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('closeRedis', () => {
  it('quits a connected client', async () => {
    const client = new Redis(redisOptions('redis://127.0.0.1:6379', 'producer'));
    await once(client, 'ready');
    await closeRedis(client);
    // QUIT answered; the server then closes the connection.
    await eventually(() => expect(client.status).toBe('end'));
  });

  it('stops a fail-fast client between reconnect attempts from retrying: nothing connects once the server is back', async () => {
    const port = await closedPort();
    const client = new Redis(redisOptions(`redis://127.0.0.1:${port}`, 'producer'));
    client.on('error', () => undefined);
    await eventually(() => expect(client.status).toBe('reconnecting'));

    await closeRedis(client);

    // The server comes back: a client still retrying (ioredis waits 50 ms, then 100, 200, ... between
    // attempts) would connect within a second.
    let connections = 0;
    const server: Server = createServer((socket) => {
      connections++;
      socket.destroy();
    }).listen(port, '127.0.0.1');
    await once(server, 'listening');
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(connections).toBe(0);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
