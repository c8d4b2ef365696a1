// `real3d view <image|avatar> --yaw -25:25 [--pitch A:B] [--expr jawOpen=0.6,...] [--frames N] -o x.mp4|x.png`
// Looks at an avatar: a turntable video (.mp4), a pose grid PNG (a range of yaw/pitch), a single
// frame PNG (single values), or with --controls the expression grid (each control at 1).
import type { Command } from 'commander';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { InputError, CancelledError } from '../errors.ts';
import { withAtomicFile, writeFileAtomic, assertWritableOutput } from '../io/atomic.ts';
import { RIG_CONTROLS } from '../rig/controls.ts';
import { STILL_MOUTH } from '../rig/mouthBase.ts';
import type { Avatar } from '../avatar/types.ts';
import type { MotionFrame } from '../types.ts';
import type { ProgressEvent } from '../config.ts';
import { addOutputOption } from './options.ts';
import { chooseProgressStyle, progressPrinter, abortOnSignals } from './progress.ts';

interface ViewOptions {
  output: string;
  quiet?: boolean;
  yaw: string;
  pitch: string;
  expr?: string;
  frames?: string;
  size?: string;
  controls?: boolean;
  sheet?: boolean;
  fps?: string;
}

/** "A:B" or "A" -> [A, B]. */
export function parseRange(flag: string, text: string): [number, number] {
  const parts = text.split(':').map((s) => Number(s.trim()));
  if (parts.length < 1 || parts.length > 2 || parts.some((v) => !Number.isFinite(v))) throw new InputError(`${flag} needs a number or a range A:B in degrees, got "${text}".`);
  return [parts[0]!, parts[parts.length - 1]!];
}

/** "jawOpen=0.6,mouthSmileLeft=1" -> weights; names must be rig controls. */
export function parseExpr(text: string | undefined): Record<string, number> {
  const w: Record<string, number> = {};
  if (!text) return w;
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const [name, value] = part.split('=');
    if (!name || !(RIG_CONTROLS as readonly string[]).includes(name)) throw new InputError(`--expr: unknown control "${name}". Known: ${RIG_CONTROLS.join(', ')}.`);
    const v = value === undefined ? 1 : Number(value);
    if (!Number.isFinite(v) || v < 0 || v > 1) throw new InputError(`--expr: ${name} needs a value in 0..1, got "${value}".`);
    w[name] = v;
  }
  return w;
}

async function loadOrBuild(input: string, onProgress: (e: ProgressEvent) => void, signal: AbortSignal): Promise<Avatar> {
  let head: Buffer;
  try {
    head = (await readFile(input)).subarray(0, 8);
  } catch {
    throw new InputError(`Cannot read ${input}: the file does not exist or is not readable.`);
  }
  const { loadAvatar, buildAvatar } = await import('../avatar/build.ts');
  if (head.toString('latin1') === 'R3DAVATR' || input.endsWith('.avatar')) {
    onProgress({ stage: 'avatar', done: 0, total: 1, message: 'loading the avatar' });
    return loadAvatar(input);
  }
  const { analyzePortrait } = await import('../analyze/index.ts');
  const portrait = await analyzePortrait(input, {}, { onProgress, signal });
  onProgress({ stage: 'avatar', done: 0, total: 1, message: 'building the 3D avatar' });
  return buildAvatar(portrait);
}

const steps = (a: number, b: number, n: number) => (n <= 1 || a === b ? [a] : Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1)));

export function register(program: Command): void {
  const cmd = program
    .command('view')
    .description('Render an avatar (or a photo) at other poses/expressions: turntable .mp4, pose grid .png, single frame .png, or --controls grid')
    .argument('<input>', 'portrait photo or saved .avatar file');
  addOutputOption(cmd, 'output: .mp4 (turntable) or .png (frame or grid); written atomically', { required: true });
  cmd
    .option('--yaw <A:B>', 'yaw in degrees relative to the photo, a value or a range', '0')
    .option('--pitch <A:B>', 'pitch in degrees relative to the photo, a value or a range', '0')
    .option('--expr <list>', 'expression, e.g. jawOpen=0.6,mouthSmileLeft=1 (other controls keep the photo\'s own)')
    .option('--frames <n>', 'turntable frames (mp4, default 75) or grid columns (png, default 5)')
    .option('--size <px>', 'output frame size (default 512)')
    .option('--fps <n>', 'turntable frame rate (default 25)')
    .option('--controls', 'png: the expression grid, each rig control at 1')
    .option('--sheet', 'png: the contact sheet (turntable grid + expression close-ups), as in docs/avatar/')
    .option('-q, --quiet', 'no progress output')
    .action(async (input: string, o: ViewOptions) => {
      const { signal, dispose } = abortOnSignals();
      try {
        await view(input, o, progressPrinter(chooseProgressStyle(o)), signal);
      } finally {
        dispose();
      }
    });
}

async function view(input: string, o: ViewOptions, onProgress: (e: ProgressEvent) => void, signal: AbortSignal): Promise<void> {
  const out = path.resolve(o.output);
  const ext = path.extname(out).toLowerCase();
  if (ext !== '.mp4' && ext !== '.png') throw new InputError(`-o/--output must end in .mp4 (turntable) or .png (frame or grid), got "${o.output}".`);
  const [y0, y1] = parseRange('--yaw', o.yaw);
  const [p0, p1] = parseRange('--pitch', o.pitch);
  // (an expression held still: no driver or speech moves its mouth, which is drawn at rest, render/mouth/tongueGate.ts)
  const w = o.expr ? { ...parseExpr(o.expr), [STILL_MOUTH]: 1 } : {};
  const size = o.size ? Number(o.size) : 512;
  if (!Number.isInteger(size) || size < 16 || size > 4096) throw new InputError(`--size needs a whole number of pixels 16..4096, got "${o.size}".`);
  const frames = o.frames ? Number(o.frames) : ext === '.mp4' ? 75 : 5;
  if (!Number.isInteger(frames) || frames < 1 || frames > 10000) throw new InputError(`--frames needs a whole number 1..10000, got "${o.frames}".`);
  await assertWritableOutput(out);
  const avatar = await loadOrBuild(input, onProgress, signal);
  const { createRenderer } = await import('../render/renderer.ts');
  const renderer = createRenderer(avatar, { width: size, height: size });
  const neutral = renderer.neutralFrame();
  const at = (yaw: number, pitch: number): MotionFrame => ({ ...neutral, w: { ...neutral.w, ...w }, pose: { ...neutral.pose, yaw, pitch } });

  if (ext === '.mp4') {
    const { VideoEncoder } = await import('../io/encode.ts');
    const fps = o.fps ? Number(o.fps) : 25;
    if (!Number.isFinite(fps) || fps <= 0 || fps > 120) throw new InputError(`--fps needs a number in (0, 120], got "${o.fps}".`);
    await withAtomicFile(out, async (tmp) => {
      const enc = new VideoEncoder({ output: tmp, container: 'mp4', width: size, height: size, fps });
      try {
        // yaw sweeps A -> B -> A once; pitch twice as fast, so the head draws a figure of eight
        const started = performance.now();
        for (let i = 0; i < frames; i++) {
          if (signal.aborted) throw new CancelledError();
          const t = frames === 1 ? 0 : i / frames;
          const sy = 0.5 - 0.5 * Math.cos(2 * Math.PI * t), sp = 0.5 - 0.5 * Math.cos(4 * Math.PI * t);
          await enc.write(renderer.render(at(y0 + (y1 - y0) * sy, p0 + (p1 - p0) * sp)));
          const rate = (i + 1) / ((performance.now() - started) / 1000);
          onProgress({ stage: 'render', done: i + 1, total: frames, fps: rate, eta: (frames - i - 1) / rate });
        }
        onProgress({ stage: 'encode', done: frames, total: frames, message: 'finishing the file' });
        await enc.finish();
      } catch (err) {
        enc.kill();
        throw err;
      }
    });
    onProgress({ stage: 'done', done: frames, total: frames });
    process.stdout.write(`wrote ${out}: ${frames} frames ${size}x${size}, yaw ${y0}..${y1}, pitch ${p0}..${p1}\n`);
    return;
  }
  onProgress({ stage: 'render', done: 0, total: 1, message: 'rendering the picture' });
  const { renderSheet, poseCells, expressionCells, contactSheet } = await import('../render/sheet.ts');
  const { encodePng } = await import('../io/image.ts');
  if (o.sheet) {
    await writeFileAtomic(out, await contactSheet(renderer, path.basename(input)));
    onProgress({ stage: 'done', done: 1, total: 1 });
    process.stdout.write(`wrote ${out}: contact sheet\n`);
  } else if (o.controls) {
    await writeFileAtomic(out, await renderSheet(renderer, expressionCells(renderer), { columns: 6, cell: Math.min(size, 256) }));
    onProgress({ stage: 'done', done: 1, total: 1 });
    process.stdout.write(`wrote ${out}: expression grid (${RIG_CONTROLS.length} controls)\n`);
  } else if (y0 === y1 && p0 === p1) {
    const img = renderer.render(at(y0, p0));
    await writeFileAtomic(out, await encodePng(img));
    onProgress({ stage: 'done', done: 1, total: 1 });
    process.stdout.write(`wrote ${out}: one frame ${size}x${size}\n`);
  } else {
    const yaws = steps(y0, y1, frames), pitches = steps(p0, p1, p0 === p1 ? 1 : 3);
    const cells = poseCells(renderer, yaws, pitches, w);
    await writeFileAtomic(out, await renderSheet(renderer, cells, { columns: yaws.length, cell: Math.min(size, 256) }));
    onProgress({ stage: 'done', done: 1, total: 1 });
    process.stdout.write(`wrote ${out}: ${yaws.length} x ${pitches.length} pose grid\n`);
  }
}
