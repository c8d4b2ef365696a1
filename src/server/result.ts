// Serving a job's result video: Range requests (206) so players can seek. The file is opened once,
// then measured and streamed from that descriptor: a delete racing the request cannot make the
// size and the bytes disagree, and a result already gone is a 404.
import { open, type FileHandle } from 'node:fs/promises';
import type { FastifyReply } from 'fastify';
import { parseRange } from './range.ts';

export interface VideoReply {
  contentType: string;
  /** the name the browser saves it as */
  filename: string;
  attachment: boolean;
  /** the request's Range header */
  range: string | undefined;
}

/** Sends `file`, or returns false (nothing sent) when it does not exist. */
export async function sendVideoFile(reply: FastifyReply, file: string, o: VideoReply): Promise<boolean> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
  let size: number;
  try {
    size = (await handle.stat()).size;
  } catch (err) {
    await handle.close();
    throw err;
  }
  reply.header('accept-ranges', 'bytes');
  reply.header('cache-control', 'private, max-age=3600');
  reply.header('content-disposition', `${o.attachment ? 'attachment' : 'inline'}; filename="${o.filename}"`);
  reply.type(o.contentType);
  const range = parseRange(o.range, size);
  if (range.kind === 'unsatisfiable') {
    await handle.close();
    reply.code(416).header('content-range', `bytes */${size}`).send();
    return true;
  }
  // the stream closes the descriptor when it ends or is destroyed (client gone)
  if (range.kind === 'partial') {
    reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${size}`).header('content-length', range.end - range.start + 1);
    reply.send(handle.createReadStream({ start: range.start, end: range.end }));
  } else {
    reply.header('content-length', size);
    reply.send(handle.createReadStream());
  }
  return true;
}
