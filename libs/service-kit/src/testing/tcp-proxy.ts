import { once } from 'node:events';
import { createConnection, createServer, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  host: string;
  port: number;
  /** Connections relayed right now (a client reconnecting after a cut shows here again). */
  readonly connections: number;
  /** Rewrites a URL (postgres://, redis://) to go through the proxy. */
  via(url: string): string;
  /**
   * The target becomes unreachable: open connections are reset and new ones refused, as when a
   * database host goes away. Other users of the real server are untouched.
   */
  cut(): Promise<void>;
  /** Reachable again on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A TCP relay between an app and a server (PostgreSQL, Redis) that a test can cut and restore, so an
 * outage is real for the app without stopping the server every other test shares.
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  const clients = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;

  const listen = async (): Promise<void> => {
    const next = createServer((client) => {
      const upstream = createConnection(target);
      sockets.add(client).add(upstream);
      clients.add(client);
      const forget = (): void => {
        clients.delete(client);
        sockets.delete(client);
        sockets.delete(upstream);
      };
      client.on('close', forget);
      upstream.on('close', forget);
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
      client.pipe(upstream).pipe(client);
    });
    next.listen(port, '127.0.0.1');
    await once(next, 'listening');
    const address = next.address();
    port = typeof address === 'object' && address ? address.port : port;
    server = next;
  };

  const stopListening = async (): Promise<void> => {
    const current = server;
    server = null;
    for (const socket of sockets) socket.resetAndDestroy();
    sockets.clear();
    clients.clear();
    if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
  };

  await listen();
  return {
    host: '127.0.0.1',
    get port() {
      return port;
    },
    get connections() {
      return clients.size;
    },
    via(url: string): string {
      const rewritten = new URL(url);
      rewritten.hostname = '127.0.0.1';
      rewritten.port = String(port);
      return rewritten.toString();
    },
    cut: stopListening,
    restore: async () => {
      if (!server) await listen();
    },
    close: stopListening,
  };
}
