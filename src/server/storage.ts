// The few disk writes of `real3d serve` that tests must be able to fail (a full disk): job records
// and upload streams. Production uses the real file system; tests inject a failing one.
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { writeFileAtomic } from '../io/atomic.ts';

export interface ServerStorage {
  /** writes a whole file atomically (job.json) */
  writeFileAtomic(file: string, data: string): Promise<void>;
  /** a new file an upload streams into; fails if it exists */
  createUploadStream(file: string): Writable;
}

export const diskStorage: ServerStorage = {
  writeFileAtomic,
  createUploadStream: (file) => createWriteStream(file, { flags: 'wx', mode: 0o600 }),
};

/** True for "no space left" and "quota exceeded": the server's problem, not the client's. */
export function isDiskFull(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

export const DISK_FULL_MESSAGE = "The server's disk is full: nothing of this request was kept. Try again later, or ask the server's owner to free space.";
