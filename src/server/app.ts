// `real3d serve`: the web page and the JSON HTTP API on one port (fastify). Jobs go through
// JobQueue (persisted under the data folder); uploads are checked by decoding; results are served
// with Range support so browsers can seek.
import { readFileSync } from 'node:fs';
import { access, constants, mkdir, readFile, rm } from 'node:fs/promises';
import { InputError } from '../errors.ts';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { FINISHED_STATES, JobStore, isJobId, newJobId, queuedProgress, type JobFile, type JobRecord, type UploadField } from './jobs.ts';
import { JobQueue, QueueFullError, type JobRunner } from './queue.ts';
import type { JobBackend } from './backend.ts';
import { RemoteQueue } from './distributed/remoteQueue.ts';
import { parseRedisUrl } from './distributed/redis.ts';
import { DEFAULT_SERVER_OPTIONS, parseJobOptions, type ServerOptions, type ServerOptionsInput } from './options.ts';
import { HttpError, discard, receiveMultipart, validateAudio, validateImage, validateVideo } from './uploads.ts';
import { sendVideoFile } from './result.ts';
import { openApiDocument } from './openapi.ts';
import { createPreviewThread, createThreadRunner } from './thread-runner.ts';
import type { PreviewAnalysis } from './preview.ts';
import { budgetRefusal, crossSiteRefusal, isAllowedOrigin, jobWork, normaliseOrigin } from './guards.ts';
import { registerEventRoutes } from './events.ts';
import { DISK_FULL_MESSAGE, diskStorage, isDiskFull, type ServerStorage } from './storage.ts';
import { registerLive } from './live.ts';

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

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function securityHeaders(reply: FastifyReply): void {
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'no-referrer');
  reply.header('x-frame-options', 'DENY');
  reply.header('content-security-policy', "default-src 'self'; img-src 'self' blob: data:; media-src 'self' blob:; connect-src 'self'; style-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'");
}

/** The job as the API shows it: no server paths, links to its resources. */
export function publicJob(job: JobRecord, queue: JobBackend): Record<string, unknown> {
  const base = `/api/jobs/${job.id}`;
  const inputs: Record<string, unknown> = {};
  for (const [field, f] of Object.entries(job.files) as [UploadField, JobFile][]) inputs[field] = { bytes: f.bytes, ...f.info };
  const out: Record<string, unknown> = {
    id: job.id,
    state: job.state,
    createdAt: job.createdAt,
    progress: job.progress,
    options: job.options,
    inputs,
    links: { self: base, events: `${base}/events`, ...(job.state === 'done' ? { result: `${base}/result` } : {}) },
  };
  if (job.state === 'queued') out.position = queue.positionOf(job.id);
  if (job.startedAt) out.startedAt = job.startedAt;
  if (job.finishedAt) out.finishedAt = job.finishedAt;
  if (job.error) out.error = job.error;
  if (job.note) out.note = job.note;
  if (job.avatar) out.avatar = job.avatar;
  if (job.worker) out.worker = job.worker;
  if (job.result && job.state === 'done') {
    out.result = { url: `${base}/result`, bytes: job.result.bytes, contentType: job.result.contentType, frames: job.result.frames, duration: job.result.duration };
  }
  return out;
}

function sendError(reply: FastifyReply, status: number, message: string, code: string): FastifyReply {
  return reply.code(status).type('application/json').send({ error: message, code });
}

function jobOr404(queue: JobBackend, id: string, reply: FastifyReply): JobRecord | undefined {
  const job = isJobId(id) ? queue.get(id) : undefined;
  if (!job) sendError(reply, 404, `No job ${id.slice(0, 40)}. It may have been deleted or expired.`, 'not_found');
  return job;
}

export async function startServer(options: ServerOptionsInput = {}, deps: ServerDeps = {}): Promise<RunningServer> {
  const opts: ServerOptions = { ...DEFAULT_SERVER_OPTIONS, ...options, limits: { ...DEFAULT_SERVER_OPTIONS.limits, ...options.limits } };
  let allowedOrigins: ReadonlySet<string>;
  try {
    allowedOrigins = new Set(opts.allowOrigins.map(normaliseOrigin));
  } catch (err) {
    throw new InputError(`--allow-origin: ${(err as Error).message}.`);
  }
  const storage: ServerStorage = { ...diskStorage, ...deps.storage };
  const dataDir = path.resolve(opts.dataDir);
  try {
    await mkdir(path.join(dataDir, 'jobs'), { recursive: true });
    await access(dataDir, constants.W_OK);
  } catch (err) {
    throw new InputError(`Cannot use the data folder ${dataDir} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}): choose a writable folder with --data.`);
  }
  const store = new JobStore(dataDir, storage);
  // with --redis, jobs are rendered by `real3d worker` processes, not here
  const threads = deps.runner || opts.redis ? undefined : createThreadRunner(opts.workers);
  const queue: JobBackend = opts.redis
    ? new RemoteQueue(store, { redis: parseRedisUrl(opts.redis), maxQueued: opts.maxQueued, ttlHours: opts.ttlHours, attempts: 2 })
    : new JobQueue(store, deps.runner ?? threads!.run, {
        workers: opts.workers,
        maxQueued: opts.maxQueued,
        ttlHours: opts.ttlHours,
        maxAttempts: 2,
        avatarCache: opts.avatarCache && (await pipelineSavesAvatars()),
        maxJobSeconds: opts.maxJobSeconds,
      });
  const recovered = await queue.start();
  const previewThread = deps.analyze ? undefined : createPreviewThread();
  const analyze = deps.analyze ?? previewThread!.analyze;
  const analyzeDir = path.join(dataDir, 'tmp');
  await rm(analyzeDir, { recursive: true, force: true }); // previews left by a stopped server
  await mkdir(analyzeDir, { recursive: true });
  const staticBodies = new Map<string, Buffer>();
  for (const [route, s] of Object.entries(STATIC_FILES)) staticBodies.set(route, await readFile(new URL(s.file, PUBLIC_DIR)));
  const openapi = openApiDocument(opts.limits, VERSION, opts.maxJobPixels);

  // connectionTimeout: a backstop for any socket with no traffic at all (a stalled non-upload body);
  // event streams send a ping every 15 s, uploads have their own, shorter, body timeout
  const app = Fastify({ logger: opts.log, bodyLimit: 64 * 1024, forceCloseConnections: true, connectionTimeout: Math.max(2 * opts.bodyTimeoutMs, 120_000) });
  await app.register(multipart, { throwFileSizeLimit: false });

  const hostIsLoopback = LOOPBACK_NAMES.has(opts.host);
  app.addHook('onRequest', async (req, reply) => {
    securityHeaders(reply);
    // bound to loopback: refuse other Host names (DNS rebinding from a web page)
    if (hostIsLoopback) {
      const hostname = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
      if (!LOOPBACK_NAMES.has(hostname)) return sendError(reply, 403, 'This server only answers requests addressed to localhost.', 'forbidden');
    }
    // a web page on another site must not queue or delete jobs through the user's browser (CSRF)
    const refusal = crossSiteRefusal(req.method, req.headers, allowedOrigins);
    if (refusal) return sendError(reply, 403, refusal, 'cross_site');
    const origin = req.headers.origin;
    if (isAllowedOrigin(origin, allowedOrigins)) reply.header('access-control-allow-origin', origin!).header('vary', 'origin');
  });
  // the preflight a browser sends before a DELETE from an allowed origin
  app.options('/api/*', async (req, reply) => {
    if (!isAllowedOrigin(req.headers.origin, allowedOrigins)) return sendError(reply, 403, 'Cross-origin requests are not allowed; start the server with --allow-origin to allow a site.', 'cross_site');
    return reply.code(204).header('access-control-allow-methods', 'GET, POST, DELETE').header('access-control-allow-headers', 'content-type').header('access-control-max-age', '600').send();
  });

  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, req, reply) => {
    if (err instanceof HttpError) {
      // a stalled client gets its answer and the connection is closed (its body never came)
      if (err.statusCode === 408) reply.header('connection', 'close');
      return sendError(reply, err.statusCode, err.message, err.code);
    }
    if (isDiskFull(err)) {
      req.log.error(err);
      return sendError(reply, 507, DISK_FULL_MESSAGE, 'disk_full');
    }
    if (err instanceof QueueFullError) return sendError(reply.header('retry-after', '30'), 429, err.message, 'queue_full');
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return sendError(reply, err.statusCode, err.message, err.code ?? 'bad_request');
    req.log.error(err);
    return sendError(reply, 500, 'Internal server error. The server keeps running; try again.', 'internal');
  });
  app.setNotFoundHandler((req, reply) => sendError(reply, 404, `Nothing at ${req.method} ${req.url.slice(0, 100)}.`, 'not_found'));

  for (const [route, s] of Object.entries(STATIC_FILES)) {
    app.get(route, async (_req, reply) => reply.type(s.type).header('cache-control', 'no-cache').send(staticBodies.get(route)));
  }
  app.get('/favicon.ico', async (_req, reply) => reply.code(204).send());
  app.get('/openapi.json', async () => openapi);

  app.get('/api/health', async () => {
    const { queued, running, total } = queue.counts();
    return { ok: true, version: VERSION, queue: opts.redis ? 'redis' : 'local', workers: opts.redis ? undefined : opts.workers, queued, running, jobs: total, uptime: Math.round(process.uptime()) };
  });

  const receiving = { limits: opts.limits, idleMs: opts.bodyTimeoutMs, storage };
  registerLive(app, { receive: receiving, tmpDir: analyzeDir });

  // Face preview of a photo. One at a time: the CPU is shared with the render threads.
  let analyzing = Promise.resolve();
  let analyzeWaiting = 0;
  app.post('/api/analyze', async (req, reply) => {
    if (analyzeWaiting >= 4) return sendError(reply.header('retry-after', '2'), 429, 'Too many previews at once; try again in a moment.', 'busy');
    const dir = path.join(analyzeDir, newJobId());
    await mkdir(dir);
    analyzeWaiting++;
    try {
      const up = await receiveMultipart(req, dir, { ...receiving, allowed: new Set(['photo']) });
      if (!up.files.photo) throw new HttpError(400, 'Add a photo (form field "photo").', 'bad_input');
      const photo = await validateImage('photo', up.files.photo, opts.limits.maxImagePixels);
      const turn = analyzing.then(() => analyze(photo.path));
      analyzing = turn.then(
        () => {},
        () => {},
      );
      const result = await turn;
      return reply.send(result);
    } catch (err) {
      drainRequest(req);
      throw err;
    } finally {
      analyzeWaiting--;
      await discard(dir);
    }
  });

  app.post('/api/jobs', async (req, reply) => {
    queue.assertRoom();
    const l = opts.limits;
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > l.photoBytes + Math.max(l.audioBytes + l.videoBytes, 0) + l.backgroundBytes + 1048576) {
      throw new HttpError(413, 'The upload is larger than the photo, audio, video and background limits together.', 'too_large');
    }
    const id = newJobId();
    const dir = store.dirOf(id);
    await mkdir(dir, { recursive: true });
    try {
      const up = await receiveMultipart(req, dir, receiving);
      const jobOptions = parseJobOptions(up.fields);
      if (!up.files.photo) throw new HttpError(400, 'Add a photo (form field "photo").', 'bad_input');
      if (!up.files.audio && !up.files.video) throw new HttpError(400, 'Add a speech audio (field "audio") or a driving video (field "video").', 'bad_input');
      if (jobOptions.bg === 'image' && !up.files.background) throw new HttpError(400, 'bg=image needs a background image (field "background").', 'bad_input');
      if (jobOptions.pose === 'auto' && !up.files.audio) throw new HttpError(400, 'pose=auto moves the head with the speech: it needs an audio (field "audio").', 'bad_input');
      if (jobOptions.pose === 'video' && !up.files.video) throw new HttpError(400, 'pose=video needs a driving video (field "video").', 'bad_input');
      const files: JobRecord['files'] = { photo: strip(await validateImage('photo', up.files.photo, l.maxImagePixels)) };
      if (up.files.audio) files.audio = strip(await validateAudio(up.files.audio, opts.limits));
      if (up.files.video) files.video = strip(await validateVideo(up.files.video, opts.limits));
      if (up.files.background) files.background = strip(await validateImage('background', up.files.background, l.maxImagePixels));
      const overBudget = budgetRefusal(jobWork(jobOptions, files), jobOptions, opts.maxJobPixels);
      if (overBudget) throw new HttpError(422, overBudget, 'too_much_work');
      const job: JobRecord = { version: 1, id, state: 'queued', createdAt: new Date().toISOString(), attempts: 0, options: jobOptions, files, progress: queuedProgress() };
      await queue.submit(job);
      return reply.code(202).header('location', `/api/jobs/${id}`).send(publicJob(job, queue));
    } catch (err) {
      drainRequest(req);
      await discard(dir);
      throw err;
    }
  });

  app.get<{ Params: { id: string } }>('/api/jobs/:id', async (req, reply) => {
    const job = jobOr404(queue, req.params.id, reply);
    if (job) return reply.send(publicJob(job, queue));
  });

  app.delete<{ Params: { id: string } }>('/api/jobs/:id', async (req, reply) => {
    const job = jobOr404(queue, req.params.id, reply);
    if (!job) return;
    const wasFinished = FINISHED_STATES.has(job.state);
    await queue.cancel(job.id);
    return reply.send({ id: job.id, state: wasFinished ? 'deleted' : 'cancelled' });
  });

  const closeEventStreams = registerEventRoutes(app, queue, {
    maxStreams: opts.maxEventStreams,
    view: (j) => publicJob(j, queue),
    notFound: (reply, id) => jobOr404(queue, id, reply),
    tooMany: (reply, message) => sendError(reply.header('retry-after', '5'), 429, message, 'too_many_streams'),
  });

  app.get<{ Params: { id: string }; Querystring: { download?: string } }>('/api/jobs/:id/result', async (req, reply) => {
    const job = jobOr404(queue, req.params.id, reply);
    if (!job) return;
    if (job.state !== 'done' || !job.result) {
      const why = job.state === 'failed' ? `the job failed: ${job.error}` : `the job is ${job.state}`;
      return sendError(reply, 409, `No result: ${why}.`, 'not_ready');
    }
    const sent = await sendVideoFile(reply, store.fileOf(job.id, job.result.name), {
      contentType: job.result.contentType,
      filename: `real3d-${job.id.slice(0, 8)}${path.extname(job.result.name)}`,
      attachment: !!req.query.download,
      range: req.headers.range,
    });
    if (!sent) return sendError(reply, 404, `The result of job ${job.id} is gone: the job was deleted or expired.`, 'not_found');
    return reply;
  });

  try {
    await app.listen({ port: opts.port, host: opts.host });
  } catch (err) {
    await queue.close();
    await threads?.close();
    await previewThread?.close();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new InputError(`Port ${opts.port} on ${opts.host} is already in use: stop the other server or choose another --port.`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new InputError(`Cannot listen on ${opts.host}: it is not an address of this computer (use 127.0.0.1 or 0.0.0.0).`);
    throw err;
  }
  const addr = app.server.address() as AddressInfo;
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
        await queue.close();
        await app.close();
        await threads?.close();
        await previewThread?.close();
      })();
      return closing;
    },
  };
}

/**
 * After refusing an upload midway, reads (and drops) the rest of the body so the client gets the
 * error response instead of a reset connection, and the keep-alive connection stays usable.
 */
function drainRequest(req: FastifyRequest): void {
  if (req.raw.complete) return;
  req.raw.unpipe();
  req.raw.resume();
}

function strip(f: JobFile & { path: string }): JobFile {
  const { path: _p, ...rest } = f;
  return rest;
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
