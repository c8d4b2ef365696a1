// Cancellation of long CPU-bound loops. A loop that never awaits a real event (a timer, I/O)
// blocks the event loop, so neither Ctrl-C (a signal handler) nor a server DELETE (an HTTP
// request, a thread message) can run until it ends. A checkpoint both checks the AbortSignal and,
// every `everyMs`, yields one turn of the event loop so those handlers get their chance.
import { CancelledError } from './errors.ts';

export type Checkpoint = () => Promise<void>;

/** Returns a function to await inside a long loop: cheap when called often (a clock read). */
export function cancellationCheckpoint(signal?: AbortSignal, everyMs = 100): Checkpoint {
  let last = performance.now();
  return async () => {
    if (signal?.aborted) throw new CancelledError();
    if (performance.now() - last < everyMs) return;
    // setImmediate runs after the poll phase, where signals, sockets and thread messages arrive
    await new Promise<void>((resolve) => setImmediate(resolve));
    last = performance.now();
    if (signal?.aborted) throw new CancelledError();
  };
}
