// `real3d worker`: renders jobs queued by `real3d serve --redis` (BullMQ on Redis), on any machine
// that sees the server's data folder.
import type { Command } from 'commander';
import { InputError } from '../errors.ts';
import { DEFAULT_SERVER_OPTIONS } from '../server/options.ts';

function wholeNumber(name: string, min: number) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new InputError(`--${name} must be a whole number >= ${min} (got ${JSON.stringify(v)})`);
    return n;
  };
}

export function register(program: Command): void {
  program
    .command('worker')
    .description('Render jobs queued by `real3d serve --redis` on this machine (BullMQ on Redis; the store folder shared with the server)')
    .requiredOption('--redis <url>', 'the Redis the server queues jobs in, e.g. redis://10.0.0.5:6379')
    .requiredOption('--store <dir>', "the server's --data folder, as this machine sees it (a shared folder: NFS, SMB, a bind mount)")
    .option('--concurrency <n>', 'jobs rendered at the same time by this process', wholeNumber('concurrency', 1), 1)
    .option('--lock-seconds <s>', "how long a job stays claimed without this worker's heartbeat; a killed worker's job moves to another after about this long", wholeNumber('lock-seconds', 1), 30)
    .option('--max-job-minutes <m>', 'stop a job (failed) that runs longer than this; 0 = no limit', (v: string) => {
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0) throw new InputError(`--max-job-minutes must be a number >= 0 (got ${JSON.stringify(v)})`);
      return n;
    }, DEFAULT_SERVER_OPTIONS.maxJobSeconds / 60)
    .option('--no-avatar-cache', 'do not reuse avatars of the same photo (the cache lives in the store, shared by all workers)')
    .action(async (o: { redis: string; store: string; concurrency: number; lockSeconds: number; maxJobMinutes: number; avatarCache: boolean }) => {
      // Redis and BullMQ load only when the command runs
      const { parseRedisUrl } = await import('../server/distributed/redis.ts');
      const { startWorker } = await import('../server/distributed/worker.ts');
      const worker = await startWorker({
        redis: parseRedisUrl(o.redis),
        dataDir: o.store,
        concurrency: o.concurrency,
        lockSeconds: o.lockSeconds,
        avatarCache: o.avatarCache,
        maxJobSeconds: o.maxJobMinutes * 60,
        log: (line) => process.stderr.write(`real3d worker: ${line}\n`),
      });
      process.stderr.write(`real3d worker: pid ${process.pid} taking jobs from ${o.redis} (store ${o.store}, ${o.concurrency} at a time; Ctrl-C to stop after the running jobs)\n`);
      let stopping = false;
      const stop = () => {
        // a second Ctrl-C leaves at once; the running jobs go to another worker after --lock-seconds
        if (stopping) process.exit(130);
        stopping = true;
        process.stderr.write('real3d worker: stopping after the running jobs (Ctrl-C again to leave now)\n');
        worker.close().then(() => process.exit(0), () => process.exit(1));
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
}
