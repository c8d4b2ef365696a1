// Reading one job record back from the shared store: in the distributed mode the worker that runs
// a job writes its record, and the server reads it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { JobRecord, JobStore } from '../jobs.ts';

/** The job's record as stored, or undefined when its folder or job.json is gone or unreadable. */
export async function readJobRecord(store: JobStore, id: string): Promise<JobRecord | undefined> {
  try {
    const job = JSON.parse(await readFile(path.join(store.dirOf(id), 'job.json'), 'utf8')) as JobRecord;
    return job.id === id ? job : undefined;
  } catch {
    return undefined;
  }
}

/** Name of the marker file a cancel leaves in the job folder, so a worker that starts it later skips it. */
export const CANCEL_MARKER = 'cancelled';
