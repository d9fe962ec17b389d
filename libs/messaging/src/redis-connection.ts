import { Cluster, Redis } from 'ioredis';
import type { ConnectionOptions } from 'bullmq';
import { redisOptions } from './redis-options';

/** Where Redis is: one server (`redisUrl`), or a Redis Cluster when seed nodes are given. */
export interface RedisTarget {
  redisUrl: string;
  /** `host:port` seed nodes of a Redis Cluster; empty for a single server. */
  redisClusterNodes: string[];
}

const seed = (node: string): { host: string; port: number } => {
  const [host, port] = node.trim().split(':');
  return { host, port: Number(port || 6379) };
};

/**
 * A Redis client for a role (see redisOptions): a plain client for one server, a Cluster client
 * for a cluster (queue names then share a slot through the {hash tag} in QUEUE_PREFIX).
 */
export function redisClient(target: RedisTarget, role: 'worker' | 'producer'): Redis | Cluster {
  const options = redisOptions(target.redisUrl, role);
  if (target.redisClusterNodes.length === 0) return new Redis(options);
  const { host: _host, port: _port, db: _db, ...perNode } = options;
  return new Cluster(target.redisClusterNodes.map(seed), {
    redisOptions: perNode,
    enableOfflineQueue: role === 'worker',
    // BullMQ's Lua scripts touch several keys of one queue: they stay in one slot thanks to the
    // prefix's hash tag, so redirections are rare and short.
    maxRedirections: 16,
  });
}

/**
 * What BullMQ is given to connect: options for one server (each queue and worker opens its own
 * connections, as BullMQ prefers), or a Cluster client, which BullMQ can only take as an instance.
 */
export function bullConnection(target: RedisTarget, role: 'worker' | 'producer'): ConnectionOptions {
  return target.redisClusterNodes.length === 0 ? (redisOptions(target.redisUrl, role) as ConnectionOptions) : (redisClient(target, role) as unknown as ConnectionOptions);
}
