// Progress reporting for long CLI jobs: a one-line bar on a TTY, JSON lines for programs, or nothing.
import type { ProgressEvent } from '../config.ts';

export type ProgressStyle = 'bar' | 'json' | 'quiet';

export function chooseProgressStyle(opts: { quiet?: boolean; json?: boolean }): ProgressStyle {
  if (opts.json) return 'json';
  if (opts.quiet) return 'quiet';
  return process.stderr.isTTY ? 'bar' : 'quiet';
}

/** Formats one bar line: stage, bar, frames, fps, ETA. Pure, for tests. */
export function formatBar(e: ProgressEvent, width = 24): string {
  const frac = e.total > 0 ? Math.min(1, e.done / e.total) : 0;
  const filled = Math.round(frac * width);
  const bar = '#'.repeat(filled) + '-'.repeat(width - filled);
  const parts = [`${e.stage.padEnd(7)} [${bar}] ${e.done}/${e.total}`];
  if (e.fps !== undefined) parts.push(`${e.fps.toFixed(1)} fps`);
  if (e.eta !== undefined && Number.isFinite(e.eta)) parts.push(`ETA ${Math.ceil(e.eta)}s`);
  if (e.message) parts.push(e.message);
  return parts.join('  ');
}

export function progressPrinter(style: ProgressStyle): (e: ProgressEvent) => void {
  if (style === 'quiet') return () => {};
  if (style === 'json') return (e) => process.stdout.write(JSON.stringify({ type: 'progress', ...e }) + '\n');
  let last = 0;
  return (e) => {
    const now = Date.now();
    if (now - last < 100 && e.stage === 'render' && e.done !== e.total) return;
    last = now;
    process.stderr.write(`\r\x1b[2K${formatBar(e)}`);
    if (e.stage === 'done') process.stderr.write('\n');
  };
}

/** An AbortController wired to Ctrl-C / SIGTERM: the first press stops the job cleanly. */
export function abortOnSignals(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
