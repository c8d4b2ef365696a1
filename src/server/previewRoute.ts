// POST /api/analyze: the face preview of a photo, one at a time (the CPU is shared with the render threads).
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { newJobId } from './jobs.ts';
import { HttpError, discard, receiveMultipart, validateImage } from './uploads.ts';
import type { PreviewAnalysis } from './preview.ts';
import { sendError, drainRequest } from './reply.ts';

export interface PreviewRouteContext {
  analyze: (file: string) => Promise<PreviewAnalysis>;
  /** where uploads wait while they are analysed (emptied at start) */
  analyzeDir: string;
  receiving: Parameters<typeof receiveMultipart>[2];
  maxImagePixels: number;
}

export function registerPreviewRoute(app: FastifyInstance, ctx: PreviewRouteContext): void {
  const { analyze, analyzeDir, receiving } = ctx;
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
      const photo = await validateImage('photo', up.files.photo, ctx.maxImagePixels);
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
}
