// Redis connections of the distributed mode (BullMQ on Redis): the URL the user gave, turned into
// connection options, and a first reachability check that fails with one clear line.
import { Redis, type RedisOptions } from 'ioredis';
import { SetupError, InputError } from '../../errors.ts';

/** Name of the BullMQ queue and prefix of every key and channel this product uses in Redis. */
export const QUEUE_NAME = 'real3d-jobs';
/** Pub/sub channel on which the server asks workers to abort a running job. */
export const CANCEL_CHANNEL = 'real3d:cancel';

export interface RedisTarget {
  /** "host:port" as shown in messages (no password) */
  where: string;
  options: RedisOptions;
}

/** Parses redis://[user:pass@]host[:port][/db] (or rediss:// for TLS). */
export function parseRedisUrl(url: string): RedisTarget {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new InputError(`--redis must be a URL like redis://127.0.0.1:6379 (got ${JSON.stringify(url)})`);
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new InputError(`--redis must start with redis:// or rediss:// (got ${JSON.stringify(url)})`);
  const port = u.port ? Number(u.port) : 6379;
  const db = u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0;
  if (!Number.isInteger(db) || db < 0) throw new InputError(`--redis: the database number in ${JSON.stringify(url)} must be a whole number`);
  const host = u.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1';
  const options: RedisOptions = { host, port, db, lazyConnect: true };
  if (u.username) options.username = decodeURIComponent(u.username);
  if (u.password) options.password = decodeURIComponent(u.password);
  if (u.protocol === 'rediss:') options.tls = {};
  return { where: `${u.hostname}:${port}`, options };
}

/**
 * Connection options for BullMQ: workers and event listeners block on Redis, so they retry
 * forever (maxRetriesPerRequest null); the producer fails fast while Redis is down so a submit
 * gets an answer instead of hanging.
 */
export function bullConnection(target: RedisTarget, role: 'producer' | 'blocking'): RedisOptions {
  const retryStrategy = (times: number) => Math.min(5000, 200 * times);
  return role === 'producer'
    ? { ...target.options, lazyConnect: false, enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy }
    : { ...target.options, lazyConnect: false, maxRetriesPerRequest: null, retryStrategy };
}

/** Connects once and pings, so a wrong address fails at start with one line. */
export async function checkRedis(target: RedisTarget, timeoutMs = 5000): Promise<void> {
  const client = new Redis({ ...target.options, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: timeoutMs });
  // the socket's own error (ECONNREFUSED, ENOTFOUND...) says more than the "Connection is closed" that follows it
  let cause: Error | undefined;
  client.on('error', (err: Error) => (cause ??= err));
  try {
    await client.connect();
    await client.ping();
  } catch (err) {
    throw new SetupError(`Cannot reach Redis at ${target.where} (${(cause ?? (err as Error)).message}). Start redis-server there, or fix --redis.`);
  } finally {
    client.disconnect();
  }
}

/** Message for a Redis failure during work (submit, cancel), naming the address. */
export function unreachable(target: RedisTarget, err: unknown): string {
  const raw = (err as Error)?.message ?? String(err);
  // ioredis words a closed connection after its option names
  const why = /enableOfflineQueue|Stream isn't writeable|Connection is closed/i.test(raw) ? 'not connected' : raw;
  return `Cannot reach Redis at ${target.where} (${why}); the job was not queued. Try again when Redis is back.`;
}
