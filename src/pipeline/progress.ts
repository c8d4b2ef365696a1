// Progress events and cancellation shared by the job's stages.
import type { JobControl, ProgressEvent } from '../config.ts';
import { CancelledError } from '../errors.ts';

export function emit(control: JobControl | undefined, e: ProgressEvent): void {
  control?.onProgress?.(e);
}

export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new CancelledError();
}
