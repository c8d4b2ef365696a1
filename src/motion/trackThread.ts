// Body of a helper tracking thread (see trackVideo): its own face model on another core, tracking
// the frames the main thread hands it, one at a time and in order.
import { parentPort } from 'node:worker_threads';
import { FaceTracker } from './faceTracker.ts';
import type { TrackReply, TrackRequest } from './trackPool.ts';

const port = parentPort!;
const tracker = new FaceTracker();
let queue: Promise<void> = Promise.resolve();

port.on('message', (msg: TrackRequest) => {
  // FaceTracker keeps the previous box: frames must be tracked strictly one after the other
  queue = queue.then(async () => {
    let reply: TrackReply;
    try {
      const face = await tracker.track({ width: msg.width, height: msg.height, data: new Uint8ClampedArray(msg.data) });
      reply = { id: msg.id, face };
    } catch (err) {
      reply = { id: msg.id, error: (err as Error)?.message ?? String(err) };
    }
    port.postMessage(reply);
  });
});
