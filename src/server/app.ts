// `real3d serve`: the web page and the JSON HTTP API on one port (fastify). This file assembles the
// server: storage, the job queue (local threads or BullMQ on Redis), the request checks (protect.ts),
// the face preview (previewRoute.ts), the job API (jobRoutes.ts) and live mode (live.ts).
import { readFileSync } from 'node:fs';
import { access, constants, mkdir, readFile, rm } from 'node:fs/promises';
import { InputError } from '../errors.ts';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import { JobStore } from './jobs.ts';
import { JobQueue, type JobRunner } from './queue.ts';
import type { JobBackend } from './backend.ts';
import { RemoteQueue } from './distributed/remoteQueue.ts';
import { parseRedisUrl } from './distributed/redis.ts';
import { DEFAULT_SERVER_OPTIONS, type ServerOptions, type ServerOptionsInput } from './options.ts';
import { openApiDocument } from './openapi.ts';
import { createPreviewThread, createThreadRunner } from './thread-runner.ts';
import type { PreviewAnalysis } from './preview.ts';
import { normaliseOrigin } from './guards.ts';
import { diskStorage, type ServerStorage } from './storage.ts';
import { registerLive } from './live.ts';
import { registerProtection } from './protect.ts';
import { registerPreviewRoute } from './previewRoute.ts';
import { registerJobRoutes } from './jobRoutes.ts';
export { publicJob } from './jobRoutes.ts';

export interface ServerDeps {
  /** runs one job; default: generate() on worker threads */
  runner?: JobRunner;
  /** face preview of a photo file; default: the face models on a preview thread */
  analyze?: (file: string) => Promise<PreviewAnalysis>;
  /** job records and upload streams; default: the disk (tests inject a full one) */
  storage?: Partial<ServerStorage>;
}

export interface RunningServer {
  app: FastifyInstance;
  /** the local queue, or BullMQ on Redis with --redis */
  queue: JobBackend;
  /** base URL, e.g. http://127.0.0.1:7861 */
  url: string;
  /** what start() found on disk */
  recovered: { requeued: number; failed: number; broken: number };
  close(): Promise<void>;
}

const PUBLIC_DIR = new URL('./public/', import.meta.url);
const STATIC_FILES: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
};

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export async function startServer(options: ServerOptionsInput = {}, deps: ServerDeps = {}): Promise<RunningServer> {
  const opts: ServerOptions = { ...DEFAULT_SERVER_OPTIONS, ...options, limits: { ...DEFAULT_SERVER_OPTIONS.limits, ...options.limits } };
  const allowedOrigins = parseAllowedOrigins(opts.allowOrigins);
  const storage: ServerStorage = { ...diskStorage, ...deps.storage };
  const dataDir = await prepareDataDir(opts.dataDir);
  const store = new JobStore(dataDir, storage);
  // with --redis, jobs are rendered by `real3d worker` processes, not here
  const threads = deps.runner || opts.redis ? undefined : createThreadRunner(opts.workers);
  const queue = await createBackend(opts, store, deps.runner ?? threads?.run);
  const recovered = await queue.start();
  const previewThread = deps.analyze ? undefined : createPreviewThread();
  const analyze = deps.analyze ?? previewThread!.analyze;
  const analyzeDir = path.join(dataDir, 'tmp');
  await rm(analyzeDir, { recursive: true, force: true }); // previews left by a stopped server
  await mkdir(analyzeDir, { recursive: true });

  // connectionTimeout: a backstop for any socket with no traffic at all (a stalled non-upload body);
  // event streams send a ping every 15 s, uploads have their own, shorter, body timeout
  const app = Fastify({ logger: opts.log, bodyLimit: 64 * 1024, forceCloseConnections: true, connectionTimeout: Math.max(2 * opts.bodyTimeoutMs, 120_000) });
  await app.register(multipart, { throwFileSizeLimit: false });
  registerProtection(app, { host: opts.host, allowedOrigins });
  await registerStaticRoutes(app, opts);
  app.get('/api/health', async () => {
    const { queued, running, total } = queue.counts();
    return { ok: true, version: VERSION, queue: opts.redis ? 'redis' : 'local', workers: opts.redis ? undefined : opts.workers, queued, running, jobs: total, uptime: Math.round(process.uptime()) };
  });
  const receiving = { limits: opts.limits, idleMs: opts.bodyTimeoutMs, storage };
  registerLive(app, { receive: receiving, tmpDir: analyzeDir });
  registerPreviewRoute(app, { analyze, analyzeDir, receiving, maxImagePixels: opts.limits.maxImagePixels });
  const closeEventStreams = registerJobRoutes(app, { opts, queue, store, receiving });

  const stopWorkers = async (): Promise<void> => {
    await queue.close();
    await app.close();
    await threads?.close();
    await previewThread?.close();
  };
  const addr = await listenOrExplain(app, opts, stopWorkers);
  const hostForUrl = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  let closing: Promise<void> | undefined;
  return {
    app,
    queue,
    url: `http://${hostForUrl}:${addr.port}`,
    recovered,
    close() {
      closing ??= (async () => {
        closeEventStreams();
        await stopWorkers();
      })();
      return closing;
    },
  };
}

/** The --allow-origin list as normalised origins; a malformed one is the user's to fix. */
function parseAllowedOrigins(origins: readonly string[]): ReadonlySet<string> {
  try {
    return new Set(origins.map(normaliseOrigin));
  } catch (err) {
    throw new InputError(`--allow-origin: ${(err as Error).message}.`);
  }
}

/** The data folder, created and checked writable before any job is accepted. */
async function prepareDataDir(dir: string): Promise<string> {
  const dataDir = path.resolve(dir);
  try {
    await mkdir(path.join(dataDir, 'jobs'), { recursive: true });
    await access(dataDir, constants.W_OK);
  } catch (err) {
    throw new InputError(`Cannot use the data folder ${dataDir} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}): choose a writable folder with --data.`);
  }
  return dataDir;
}

/** BullMQ on Redis with --redis, else the local queue running jobs with `runner` (threads or a test's). */
async function createBackend(opts: ServerOptions, store: JobStore, runner: JobRunner | undefined): Promise<JobBackend> {
  if (opts.redis) return new RemoteQueue(store, { redis: parseRedisUrl(opts.redis), maxQueued: opts.maxQueued, ttlHours: opts.ttlHours, attempts: 2 });
  return new JobQueue(store, runner!, {
    workers: opts.workers,
    maxQueued: opts.maxQueued,
    ttlHours: opts.ttlHours,
    maxAttempts: 2,
    avatarCache: opts.avatarCache && (await pipelineSavesAvatars()),
    maxJobSeconds: opts.maxJobSeconds,
  });
}

/** The page, its script and style (read once at start), the OpenAPI document, an empty favicon. */
async function registerStaticRoutes(app: FastifyInstance, opts: ServerOptions): Promise<void> {
  for (const [route, s] of Object.entries(STATIC_FILES)) {
    const body = await readFile(new URL(s.file, PUBLIC_DIR));
    app.get(route, async (_req, reply) => reply.type(s.type).header('cache-control', 'no-cache').send(body));
  }
  const openapi = openApiDocument(opts.limits, VERSION, opts.maxJobPixels);
  app.get('/favicon.ico', async (_req, reply) => reply.code(204).send());
  app.get('/openapi.json', async () => openapi);
}

/** Listens on --host/--port; a taken port or a foreign address stops everything and says what to change. */
async function listenOrExplain(app: FastifyInstance, opts: ServerOptions, stopWorkers: () => Promise<void>): Promise<AddressInfo> {
  try {
    await app.listen({ port: opts.port, host: opts.host });
  } catch (err) {
    await stopWorkers();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new InputError(`Port ${opts.port} on ${opts.host} is already in use: stop the other server or choose another --port.`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new InputError(`Cannot listen on ${opts.host}: it is not an address of this computer (use 127.0.0.1 or 0.0.0.0).`);
    throw err;
  }
  return app.server.address() as AddressInfo;
}

/** True when the pipeline can save and reuse avatars (src/avatar/build.ts with saveAvatar/loadAvatar). */
async function pipelineSavesAvatars(): Promise<boolean> {
  try {
    const mod = (await import('../avatar/build.ts' as string)) as Record<string, unknown>;
    return typeof mod.saveAvatar === 'function' && typeof mod.loadAvatar === 'function';
  } catch {
    return false;
  }
}
