// The job API: submit (multipart upload, checked by decoding), read, cancel/delete, follow (events),
// and fetch the result with Range support so browsers can seek.
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { FINISHED_STATES, JobStore, isJobId, newJobId, queuedProgress, type JobFile, type JobRecord, type UploadField } from './jobs.ts';
import type { JobBackend } from './backend.ts';
import { parseJobOptions, type ServerOptions } from './options.ts';
import { HttpError, discard, receiveMultipart, validateAudio, validateImage, validateVideo } from './uploads.ts';
import { sendVideoFile } from './result.ts';
import { budgetRefusal, jobWork } from './guards.ts';
import { registerEventRoutes } from './events.ts';
import { sendError, drainRequest } from './reply.ts';

export interface JobRoutesContext {
  opts: ServerOptions;
  queue: JobBackend;
  store: JobStore;
  /** how uploads are received (limits, idle timeout, storage) */
  receiving: Parameters<typeof receiveMultipart>[2];
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

function jobOr404(queue: JobBackend, id: string, reply: FastifyReply): JobRecord | undefined {
  const job = isJobId(id) ? queue.get(id) : undefined;
  if (!job) sendError(reply, 404, `No job ${id.slice(0, 40)}. It may have been deleted or expired.`, 'not_found');
  return job;
}

/** Registers the /api/jobs routes; returns the function that closes open event streams. */
export function registerJobRoutes(app: FastifyInstance, ctx: JobRoutesContext): () => void {
  const { opts, queue, store, receiving } = ctx;
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
      const jobOptions = parseJobOptions(up.fields, { video: !!up.files.video });
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
  return closeEventStreams;
}

function strip(f: JobFile & { path: string }): JobFile {
  const { path: _p, ...rest } = f;
  return rest;
}

