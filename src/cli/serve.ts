// `real3d serve`: the web page and HTTP API on one port.
import type { Command } from 'commander';
import { DEFAULT_SERVER_OPTIONS } from '../server/options.ts';
import { numberArg } from './options.ts';

/** A bad value is a usage error like any other: the error, one hint line, exit code 2. */
const positiveNumber = (name: string, min = 0) => numberArg(`--${name}`, { min });

const MB = 1024 * 1024;

export function register(program: Command): void {
  const d = DEFAULT_SERVER_OPTIONS;
  program
    .command('serve')
    .description('Web app and JSON HTTP API on one port (POST /api/jobs, GET /api/jobs/:id, /openapi.json)')
    .option('--port <n>', 'port (0 = any free port)', positiveNumber('port'), d.port)
    .option('--host <addr>', 'address to bind; 0.0.0.0 exposes the server to your network', d.host)
    .option('--data <dir>', 'folder for jobs, uploads, results and cached avatars', d.dataDir)
    .option('--workers <n>', 'jobs rendered at the same time', positiveNumber('workers', 1), d.workers)
    .option('--max-queue <n>', 'most jobs waiting before new ones get 429', positiveNumber('max-queue', 1), d.maxQueued)
    .option('--ttl <hours>', 'delete finished jobs after this many hours (0 = keep)', positiveNumber('ttl'), d.ttlHours)
    .option('--max-photo-mb <mb>', 'photo upload limit', positiveNumber('max-photo-mb'), d.limits.photoBytes / MB)
    .option('--max-audio-mb <mb>', 'audio upload limit', positiveNumber('max-audio-mb'), d.limits.audioBytes / MB)
    .option('--max-video-mb <mb>', 'driving video upload limit', positiveNumber('max-video-mb'), d.limits.videoBytes / MB)
    .option('--max-seconds <s>', 'longest audio or video accepted', positiveNumber('max-seconds', 1), d.limits.maxSeconds)
    .option('--max-job-pixels <millions>', 'most frames x pixels one job may render, in millions (default: 120 s of 512x512 at 25 fps; debug frames count 4 panels); 0 = no limit', positiveNumber('max-job-pixels'), d.maxJobPixels / 1e6)
    .option('--max-job-minutes <m>', 'stop a job (failed) that runs longer than this; 0 = no limit', positiveNumber('max-job-minutes'), d.maxJobSeconds / 60)
    .option('--allow-origin <url>', 'also accept POST/DELETE from pages of this origin, e.g. http://localhost:3000 (repeatable); by default only the server\'s own page', (v: string, all: string[] | undefined) => [...(all ?? []), v])
    .option('--no-avatar-cache', 'do not reuse avatars of the same photo')
    .option('--log', 'log every request')
    .option('--redis <url>', 'queue jobs in BullMQ on Redis (redis://host:port) for `real3d worker` processes instead of rendering here; --data must be a folder the workers see too')
    .action(async (o: { port: number; host: string; data: string; workers: number; maxQueue: number; ttl: number; maxPhotoMb: number; maxAudioMb: number; maxVideoMb: number; maxSeconds: number; maxJobPixels: number; maxJobMinutes: number; allowOrigin?: string[]; avatarCache: boolean; log?: boolean; redis?: string }) => {
      // the server (fastify, sharp, media tools) loads only when the command runs, never for --help
      const { startServer } = await import('../server/app.ts');
      const server = await startServer({
        port: Math.round(o.port),
        host: o.host,
        dataDir: o.data,
        workers: Math.round(o.workers),
        maxQueued: Math.round(o.maxQueue),
        ttlHours: o.ttl,
        avatarCache: o.avatarCache,
        log: !!o.log,
        maxJobPixels: Math.round(o.maxJobPixels * 1e6),
        maxJobSeconds: o.maxJobMinutes * 60,
        allowOrigins: o.allowOrigin ?? [],
        ...(o.redis ? { redis: o.redis } : {}),
        limits: {
          photoBytes: Math.round(o.maxPhotoMb * MB),
          backgroundBytes: Math.round(o.maxPhotoMb * MB),
          audioBytes: Math.round(o.maxAudioMb * MB),
          videoBytes: Math.round(o.maxVideoMb * MB),
          maxSeconds: o.maxSeconds,
        },
      });
      const r = server.recovered;
      if (r.requeued || r.failed) process.stderr.write(`real3d serve: ${r.requeued} unfinished job(s) queued again, ${r.failed} marked failed\n`);
      const rendering = o.redis ? `jobs queued on ${o.redis} for real3d worker processes` : `workers: ${o.workers}`;
      process.stderr.write(`real3d serve: ${server.url}  (data: ${o.data}, ${rendering}; Ctrl-C to stop)\n`);
      if (o.host !== '127.0.0.1' && o.host !== 'localhost') process.stderr.write('real3d serve: warning: listening beyond this computer; anyone who can reach it can submit jobs\n');
      let stopping = false;
      const stop = () => {
        if (stopping) process.exit(130);
        stopping = true;
        process.stderr.write('real3d serve: stopping (running jobs will resume on the next start)\n');
        server.close().then(() => process.exit(0), () => process.exit(1));
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
}
