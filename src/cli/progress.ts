// Progress reporting for long CLI jobs: a one-line bar on a terminal, plain lines at a modest rate
// when stderr is a log or a pipe, JSON lines for programs, or nothing.
import type { ProgressEvent } from '../config.ts';

export type ProgressStyle = 'bar' | 'lines' | 'json' | 'quiet';

export function chooseProgressStyle(opts: { quiet?: boolean; json?: boolean }, isTTY = !!process.stderr.isTTY): ProgressStyle {
  if (opts.json) return 'json';
  if (opts.quiet) return 'quiet';
  return isTTY ? 'bar' : 'lines';
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

/** One plain progress line: "render 50/250 (20%)  12.3 fps  ETA 16s". Pure, for tests. */
export function formatLine(e: ProgressEvent): string {
  const parts = [`${e.stage} ${e.done}/${e.total}`];
  if (e.total > 1) parts[0] += ` (${Math.round((100 * Math.min(e.done, e.total)) / e.total)}%)`;
  if (e.message) parts.push(e.message);
  if (e.fps !== undefined) parts.push(`${e.fps.toFixed(1)} fps`);
  if (e.eta !== undefined && Number.isFinite(e.eta) && e.done < e.total) parts.push(`ETA ${Math.ceil(e.eta)}s`);
  return parts.join('  ');
}

/**
 * Plain lines for logs and pipes, at a modest rate: when a stage starts and ends, when a step's
 * message changes, and within a stage every 10% and its last step; a slow stage also every 5 s,
 * so a log is never silent for long (a 10-minute render: about 130 lines, not one per frame).
 */
const HEARTBEAT_MS = 5000;

export function linePrinter(write: (line: string) => void, now: () => number = Date.now): (e: ProgressEvent) => void {
  let stage = '';
  let message: string | undefined;
  let stageStart = 0;
  let lastAt = 0;
  let lastFraction = 0;
  return (e) => {
    const t = now();
    const fraction = e.total > 0 ? Math.min(1, e.done / e.total) : 0;
    if (e.stage !== stage) {
      if (stage) write(`${stage} done in ${((t - stageStart) / 1000).toFixed(1)} s`);
      stage = e.stage;
      stageStart = t;
    } else if (e.message === message && fraction < lastFraction + 0.1 - 1e-9 && t - lastAt < HEARTBEAT_MS && !(fraction >= 1 && lastFraction < 1)) return;
    message = e.message;
    lastAt = t;
    lastFraction = fraction;
    if (e.stage !== 'done') write(formatLine(e));
  };
}

export function progressPrinter(style: ProgressStyle): (e: ProgressEvent) => void {
  if (style === 'quiet') return () => {};
  if (style === 'json') return (e) => process.stdout.write(JSON.stringify({ type: 'progress', ...e }) + '\n');
  if (style === 'lines') return linePrinter((line) => process.stderr.write(`${line}\n`));
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
