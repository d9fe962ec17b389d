import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { signGenericPayload } from '@portal/contracts';

/** One request of a load run. Times are performance.now() in this process. */
export interface Sent {
  externalId: string;
  scheduledAt: number;
  sentAt: number;
  answeredAt: number;
  status: number; // 0 = no answer (network error or timeout)
  error?: string;
}

/**
 * Open-loop sender: fires on schedule whatever the answers; requests beyond the socket pool queue in
 * the agent. With several gateway replicas it spreads requests over them in turn, as a load
 * balancer would.
 */
export class Sender {
  private readonly agent: http.Agent;
  private readonly targets: URL[];
  private next = 0;

  constructor(
    webhookUrls: string[],
    private readonly secret: string,
    connections: number,
  ) {
    this.targets = webhookUrls.map((u) => {
      const url = new URL(u);
      if (url.hostname === 'localhost') url.hostname = '127.0.0.1';
      if (!['127.0.0.1', '::1', '[::1]'].includes(url.hostname)) throw new Error(`the bench only sends to loopback, not ${url.hostname}`);
      return url;
    });
    this.agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  }

  send(body: string, record: Sent): Promise<void> {
    const url = this.targets[this.next++ % this.targets.length];
    const signature = signGenericPayload(this.secret, body);
    record.sentAt = performance.now();
    return new Promise<void>((resolve) => {
      const done = (status: number, error?: string) => {
        if (record.answeredAt) return;
        record.answeredAt = performance.now();
        record.status = status;
        if (error) record.error = error;
        resolve();
      };
      const req = http.request(
        {
          agent: this.agent,
          host: url.hostname.replace(/^\[|\]$/g, ''),
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-signature': signature },
        },
        (res) => {
          res.resume();
          res.on('end', () => done(res.statusCode ?? 0));
          res.on('error', (e) => done(0, (e as NodeJS.ErrnoException).code ?? e.message));
        },
      );
      req.setTimeout(10_000, () => req.destroy(new Error('TIMEOUT')));
      req.on('error', (e) => done(0, (e as NodeJS.ErrnoException).code ?? e.message));
      req.end(body);
    });
  }

  /** Sends `count` events at `rate`/s in small timer batches; resolves when every answer is in. */
  async run(count: number, rate: number, makeBody: (index: number) => { externalId: string; body: string }): Promise<{ sent: Sent[]; startedAt: number; lastSentAt: number }> {
    const sent: Sent[] = [];
    const pending: Promise<void>[] = [];
    const interval = 1000 / rate;
    const tickMs = Math.min(10, Math.max(2, interval));
    const startedAt = performance.now();
    let lastSentAt = startedAt;
    await new Promise<void>((resolve) => {
      const fire = () => {
        const due = Math.min(count, Math.floor((performance.now() - startedAt) / interval) + 1);
        while (sent.length < due) {
          const index = sent.length;
          const { externalId, body } = makeBody(index);
          const record: Sent = { externalId, scheduledAt: startedAt + index * interval, sentAt: 0, answeredAt: 0, status: 0 };
          sent.push(record);
          pending.push(this.send(body, record));
        }
        lastSentAt = performance.now();
        if (sent.length >= count) {
          clearInterval(timer);
          resolve();
        }
      };
      const timer = setInterval(fire, tickMs);
      fire();
    });
    await Promise.all(pending);
    return { sent, startedAt, lastSentAt };
  }

  close(): void {
    this.agent.destroy();
  }
}
