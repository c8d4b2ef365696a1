// Body of a render worker thread: runs generate() for the jobs the main thread posts, so the HTTP
// server stays responsive (progress events, video streaming) while a job uses the CPU.
import { parentPort } from 'node:worker_threads';
import type { GenerateInput, ProgressEvent } from '../config.ts';
import { CancelledError, Real3dError } from '../errors.ts';
import type { ThreadRequest, ThreadReply } from './thread-runner.ts';

const { generate } = (await import('../pipeline/generate.ts')) as {
  generate: (input: GenerateInput, control?: { signal?: AbortSignal; onProgress?: (e: ProgressEvent) => void }) => Promise<{ output: string; frames: number; duration: number }>;
};

const port = parentPort!;
let current: { id: number; controller: AbortController } | undefined;

function post(msg: ThreadReply): void {
  port.postMessage(msg);
}

port.on('message', (msg: ThreadRequest) => {
  if (msg.type === 'cancel') {
    if (current?.id === msg.id) current.controller.abort(new CancelledError());
    return;
  }
  const controller = new AbortController();
  current = { id: msg.id, controller };
  generate(msg.input, { signal: controller.signal, onProgress: (event) => post({ type: 'progress', id: msg.id, event }) })
    .then((r) => post({ type: 'result', id: msg.id, result: { output: r.output, frames: r.frames, duration: r.duration } }))
    .catch((err: unknown) => {
      const e = err as Error;
      post({ type: 'error', id: msg.id, name: e?.name ?? 'Error', message: e?.message ?? String(err), userFacing: err instanceof Real3dError, stack: e?.stack });
    })
    .finally(() => {
      if (current?.id === msg.id) current = undefined;
    });
});
post({ type: 'ready' });
