// One ffmpeg decode child process, watched: killed when the caller's signal aborts, killed when it
// produces nothing for DECODE_IDLE_MS (a hung or pathological file), and always killed when the
// caller is done with it, so no decoder outlives the job that started it.
import { spawn, type ChildProcess } from 'node:child_process';
import { ffmpegPath } from './ffmpeg.ts';

/** A decode that produces nothing for this long is killed (a hung or pathological file). */
export const DECODE_IDLE_MS = 60_000;

/** Room kept for ffmpeg's complaints: enough for its last lines, bounded for a chatty file. */
const STDERR_KEEP = 65536;

export interface Decoder {
  /** ffmpeg's output; call `touch` on every chunk read */
  stdout: AsyncIterable<Buffer>;
  /** resolves with the exit code once the process has closed */
  exited: Promise<number | null>;
  /** marks progress, re-arming the idle watchdog */
  touch(): void;
  /** whether the idle watchdog killed the process */
  stalled(): boolean;
  /** ffmpeg's last error line, or the exit code when it wrote none */
  lastError(code: number | null): string;
  /** stops watching and kills the process if it still runs; call in `finally` */
  close(): void;
}

function killOnAbort(proc: ChildProcess, signal?: AbortSignal): () => void {
  if (!signal) return () => {};
  const onAbort = () => proc.kill('SIGKILL');
  signal.addEventListener('abort', onAbort, { once: true });
  return () => signal.removeEventListener('abort', onAbort);
}

/** Kills the process when it has produced nothing for DECODE_IDLE_MS; `touch` on every output. */
function idleWatchdog(proc: ChildProcess): { touch: () => void; stop: () => void; fired: () => boolean } {
  let fired = false;
  let timer: NodeJS.Timeout;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      fired = true;
      proc.kill('SIGKILL');
    }, DECODE_IDLE_MS);
    timer.unref();
  };
  arm();
  return { touch: arm, stop: () => clearTimeout(timer), fired: () => fired };
}

/** Starts ffmpeg with `args` (which must name its own input and `pipe:1` output). */
export function spawnDecoder(args: string[], signal?: AbortSignal): Decoder {
  const proc = spawn(ffmpegPath(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const unhook = killOnAbort(proc, signal);
  const watchdog = idleWatchdog(proc);
  let stderr = '';
  proc.stderr!.on('data', (d) => {
    if (stderr.length < STDERR_KEEP) stderr += d;
  });
  return {
    stdout: proc.stdout! as AsyncIterable<Buffer>,
    exited: new Promise<number | null>((resolve) => proc.on('close', resolve)),
    touch: watchdog.touch,
    stalled: watchdog.fired,
    lastError: (code) => stderr.trim().split('\n').pop() || `ffmpeg exited with ${code}`,
    close: () => {
      unhook();
      watchdog.stop();
      if (proc.exitCode === null) proc.kill('SIGKILL');
    },
  };
}
