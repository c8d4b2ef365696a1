// Body of the live page's avatar thread: photo file -> analysis -> avatar -> the .avatar bytes, off
// the HTTP thread (the face models and the build take seconds of CPU).
import { parentPort } from 'node:worker_threads';
import { analyzePortrait } from '../analyze/index.ts';
import { buildAvatar, encodeAvatar } from '../avatar/build.ts';
import { Real3dError } from '../errors.ts';

const port = parentPort!;
port.on('message', async (msg: { id: number; file: string }) => {
  try {
    const avatar = buildAvatar(await analyzePortrait(msg.file, {}));
    const buf = encodeAvatar(avatar);
    const bytes = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
    port.postMessage({ id: msg.id, bytes }, [bytes]);
  } catch (err) {
    port.postMessage({ id: msg.id, error: (err as Error)?.message ?? String(err), userFacing: err instanceof Real3dError });
  }
});
