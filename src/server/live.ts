// The live page (/live): its HTML and CSS, the browser bundles of the project's own modules
// (src/live/bundle.ts), Human's browser build with the face models and wasm binaries from the
// installed packages (never a CDN), the mouth models, and POST /live/avatar, which builds the avatar
// of an uploaded photo on a thread and returns its .avatar bytes. Registered by app.ts.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { liveScripts } from '../live/bundle.ts';
import { loadMouthModel } from '../motion/mouthModel.ts';
import { LIP_CAUSAL_MODEL_FILE, readLipModelText } from '../motion/lipModel.ts';
import { packageDir, MODELS_DIR } from '../face/runtime.ts';
import { newJobId } from './jobs.ts';
import { createFileThread } from './thread-runner.ts';
import { HttpError, discard, receiveMultipart, validateImage, publicText, type ReceiveOptions } from './uploads.ts';

const PAGE_DIR = new URL('../live/page/', import.meta.url);
/** The face models the page's tracker loads (src/live/page/webcam.ts). */
const MODEL_FILES = new Set(['blazeface.json', 'blazeface.bin', 'facemesh-attention.json', 'facemesh-attention.bin', 'iris.json', 'iris.bin']);
const WASM_FILES = new Set(['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm']);

/** The app's policy plus WebAssembly compilation, which the face tracker needs. */
const LIVE_CSP = "default-src 'self'; img-src 'self' blob: data:; media-src 'self' blob: mediastream:; connect-src 'self' blob:; style-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; object-src 'none'; frame-ancestors 'none'";

/** Avatars of uploaded photos, built on their own thread (analysis + avatar: seconds of CPU). */
function avatarThread(): { build(file: string): Promise<ArrayBuffer>; close(): Promise<void> } {
  const thread = createFileThread<{ id: number; bytes?: ArrayBuffer; error?: string; userFacing?: boolean }, ArrayBuffer>(
    new URL('./live-avatar-thread.mjs', import.meta.url),
    'the avatar thread',
    (msg) => msg.bytes ?? (msg.userFacing ? new HttpError(422, msg.error ?? 'The photo cannot be used.', 'bad_input') : new Error(msg.error)),
  );
  return { build: (file) => thread.request(file), close: () => thread.close() };
}

export function registerLive(app: FastifyInstance, opts: { receive: ReceiveOptions; tmpDir: string }): void {
  const page = (reply: FastifyReply, type: string) => reply.type(type).header('cache-control', 'no-cache').header('content-security-policy', LIVE_CSP);
  const humanDist = path.join(packageDir('@vladmandic/human'), 'dist');
  const wasmDir = path.join(packageDir('@tensorflow/tfjs-backend-wasm'), 'dist');
  const builder = avatarThread();
  app.addHook('onClose', async () => builder.close());

  app.get('/live', async (_req, reply) => page(reply, 'text/html; charset=utf-8').send(await readFile(new URL('live.html', PAGE_DIR))));
  app.get('/live/live.css', async (_req, reply) => page(reply, 'text/css; charset=utf-8').send(await readFile(new URL('live.css', PAGE_DIR))));
  // read once (130 KB, synchronously): not on every page load
  let lipModelText: string | undefined;
  app.get<{ Params: { name: string } }>('/live/:name', async (req, reply) => {
    const name = req.params.name;
    if (name === 'mouth-model.json') return page(reply, 'application/json').send(loadMouthModel());
    // the learned causal lip model, as stored (weights in base64: the page decodes them)
    if (name === 'lip-model.json') return page(reply, 'application/json').send((lipModelText ??= readLipModelText(LIP_CAUSAL_MODEL_FILE)));
    const script = (await liveScripts()).get(name);
    if (!script) throw new HttpError(404, `Nothing at /live/${name.slice(0, 60)}.`, 'not_found');
    return page(reply, 'text/javascript; charset=utf-8').send(script);
  });
  app.get('/live/human/human.esm.js', async (_req, reply) => page(reply, 'text/javascript; charset=utf-8').header('cache-control', 'max-age=3600').send(await readFile(path.join(humanDist, 'human.esm.js'))));
  app.get<{ Params: { name: string } }>('/live/models/:name', async (req, reply) => {
    if (!MODEL_FILES.has(req.params.name)) throw new HttpError(404, `No model ${req.params.name.slice(0, 60)}.`, 'not_found');
    const type = req.params.name.endsWith('.json') ? 'application/json' : 'application/octet-stream';
    return page(reply, type).header('cache-control', 'max-age=3600').send(await readFile(path.join(MODELS_DIR, req.params.name)));
  });
  app.get<{ Params: { name: string } }>('/live/wasm/:name', async (req, reply) => {
    if (!WASM_FILES.has(req.params.name)) throw new HttpError(404, `No file ${req.params.name.slice(0, 60)}.`, 'not_found');
    return page(reply, 'application/wasm').header('cache-control', 'max-age=3600').send(await readFile(path.join(wasmDir, req.params.name)));
  });

  // photo -> .avatar bytes; one build at a time (the CPU is shared with everything else)
  let building = Promise.resolve();
  let waiting = 0;
  app.post('/live/avatar', async (req, reply) => {
    if (waiting >= 3) return reply.code(429).header('retry-after', '5').send({ error: 'Several avatars are being built; try again in a few seconds.', code: 'busy' });
    const dir = path.join(opts.tmpDir, `live-${newJobId()}`);
    await mkdir(dir, { recursive: true });
    waiting++;
    try {
      const up = await receiveMultipart(req, dir, { ...opts.receive, allowed: new Set(['photo']) });
      if (!up.files.photo) throw new HttpError(400, 'Add a photo (form field "photo").', 'bad_input');
      const photo = await validateImage('photo', up.files.photo, opts.receive.limits.maxImagePixels);
      const turn = building.then(() => builder.build(photo.path));
      building = turn.then(() => undefined, () => undefined);
      let bytes: ArrayBuffer;
      try {
        bytes = await turn;
      } catch (err) {
        if (err instanceof HttpError) throw new HttpError(err.statusCode, publicText(err.message, photo.path, 'the photo'), err.code);
        throw err;
      }
      return reply.type('application/octet-stream').header('content-disposition', 'attachment; filename="portrait.avatar"').send(Buffer.from(bytes));
    } finally {
      waiting--;
      await discard(dir);
    }
  });
}
