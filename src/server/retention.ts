// Time to live of finished jobs and cached avatars, shared by the local queue and the Redis-backed one.
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { FINISHED_STATES, type JobRecord, type JobStore } from './jobs.ts';
import { avatarsDirOf } from './jobRun.ts';

/** Deletes finished jobs (from `jobs` and the store), and cached avatars, older than ttlHours. */
export async function sweepExpired(store: JobStore, jobs: Map<string, JobRecord>, ttlHours: number, now = Date.now()): Promise<number> {
  if (ttlHours <= 0) return 0;
  const limit = now - ttlHours * 3_600_000;
  let removed = 0;
  for (const job of [...jobs.values()]) {
    if (!FINISHED_STATES.has(job.state) || !job.finishedAt) continue;
    if (Date.parse(job.finishedAt) > limit) continue;
    jobs.delete(job.id);
    await store.remove(job.id);
    removed++;
  }
  const avatarsDir = avatarsDirOf(store);
  for (const name of await readdir(avatarsDir).catch(() => [] as string[])) {
    const file = path.join(avatarsDir, name);
    const s = await stat(file).catch(() => undefined);
    if (s && s.mtimeMs <= limit) await rm(file, { recursive: true, force: true });
  }
  return removed;
}
