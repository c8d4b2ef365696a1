// Body of the preview thread: face analysis of uploaded photos off the HTTP thread (the face models
// take ~1.5 s of CPU per photo and seconds to load).
import { parentPort } from 'node:worker_threads';
import { analyzePhotoForPreview } from './preview.ts';

const port = parentPort!;
port.on('message', (msg: { id: number; file: string }) => {
  analyzePhotoForPreview(msg.file).then(
    (result) => port.postMessage({ id: msg.id, result }),
    (err: Error) => port.postMessage({ id: msg.id, error: err?.message ?? String(err) }),
  );
});
