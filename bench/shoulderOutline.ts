// The shoulders' outline under a rolled head (issue #15, s45 shoulder45: mt_man + mt_sun f124-149 grew a
// flat-topped, stair-stepped bump on the image-right shoulder at roll 8-9 deg). Per --root checkout (its own
// avatar and renderer), frames of a saved motion (`--motion m.json --frames 110,136`) or the photo's pose with
// a forced roll (`--rolls 1,9,-9`) or pose (`--poses 25/0/0,0/-12/6`: yaw/pitch/roll), rendered over nothing at the crop's size; per side, over the shoulder's
// columns (0.4 face widths or more from the chin sideways, backdrop at a quarter face width above the chin at
// rest), the outline = the first row from there down with alpha >= 128:
//   dev   = largest |outline - rest outline| (px): how far the shoulder's edge moved (a body's slow follow: a few px)
//   rough = mean |second difference| of the outline (px per column) [rest's]: steps and kinks raise it
//   jump  = largest |slope - rest slope| between neighbouring columns (px): a stair's riser
//   fringe = pixels above the outline (up to 40 px over the rest outline) with alpha 8-127 [rest's]: the soft edge drawn out (a doubled outline)
// `--sheet out.png --box x,y,w,h --zoom 3`: each frame's box per root (rows = roots). Never asserts.
//   node --import tsx bench/shoulderOutline.ts --portrait mt_man.png --motion m.json --frames 110,136 --root /work/wt/before45,. --box 330,330,182,150
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import sharp, { type OverlayOptions } from 'sharp';
import type { MotionFrame } from '../src/types.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { checkoutRenderer } from './headCells.ts';

const args = process.argv.slice(2);
const opt = (name: string, d: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : d; };
const name = opt('--portrait', 'mt_man.png');
const roots = opt('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));
const motionFile = opt('--motion', '');
const frameIds = opt('--frames', '').split(',').filter(Boolean).map(Number);
const rolls = opt('--rolls', '').split(',').filter(Boolean).map(Number);
// `--poses yaw/pitch/roll,...`: the photo's pose turned so (e.g. 25/0/0)
const poses = opt('--poses', '').split(',').filter(Boolean).map((s) => s.split('/').map(Number) as [number, number, number]);
const sheetOut = opt('--sheet', '');
const zoom = Number(opt('--zoom', '3'));

export interface OutlineFigures { dev: number; rough: number; jump: number; fringe: number }

/** how far above the rest outline a frame's outline is looked for (px; the head's jaw and ear stay above) */
const LOOK_UP = 40;

/** Per column of `cols`, the first row from `top` (or LOOK_UP above the rest outline `y0`) down with alpha >= 128 (NaN: none). */
export function outlineRows(alpha: Uint8ClampedArray, size: number, cols: number[], top: number, y0?: number[]): number[] {
  return cols.map((x, i) => {
    const from = Math.max(0, top, y0 && Number.isFinite(y0[i]!) ? y0[i]! - LOOK_UP : 0);
    for (let y = from; y < size; y++) if (alpha[(y * size + x) * 4 + 3]! >= 128) return y;
    return NaN;
  });
}

/** The figures of one outline against the rest outline over the same columns (neighbouring columns only). */
export function outlineFigures(alpha: Uint8ClampedArray, size: number, cols: number[], top: number, y: number[], y0: number[]): OutlineFigures {
  let dev = 0, rough = 0, nr = 0, jump = 0, fringe = 0;
  for (let i = 0; i < cols.length; i++) {
    if (Number.isFinite(y[i]!) && Number.isFinite(y0[i]!)) dev = Math.max(dev, Math.abs(y[i]! - y0[i]!));
    if (i > 0 && cols[i]! === cols[i - 1]! + 1 && Number.isFinite(y[i]! + y[i - 1]! + y0[i]! + y0[i - 1]!)) {
      jump = Math.max(jump, Math.abs((y[i]! - y[i - 1]!) - (y0[i]! - y0[i - 1]!)));
      if (i < cols.length - 1 && cols[i + 1]! === cols[i]! + 1 && Number.isFinite(y[i + 1]!)) { rough += Math.abs(y[i + 1]! - 2 * y[i]! + y[i - 1]!); nr++; }
    }
    const end = Number.isFinite(y[i]!) ? y[i]! : size;
    for (let r = Math.max(0, top, Number.isFinite(y0[i]!) ? y0[i]! - LOOK_UP : 0); r < end; r++) { const a = alpha[(r * size + cols[i]!) * 4 + 3]!; if (a >= 8 && a < 128) fringe++; }
  }
  return { dev, rough: nr ? rough / nr : 0, jump, fringe };
}

async function main(): Promise<void> {
  const motion = motionFile ? JSON.parse(await readFile(motionFile, 'utf8')) as { frames: MotionFrame[] } : null;
  const tiles = new Map<string, Buffer[]>();
  const fmt = (f: OutlineFigures) => `dev ${f.dev.toFixed(0).padStart(2)} rough ${f.rough.toFixed(2)} jump ${f.jump.toFixed(0).padStart(2)} fringe ${String(f.fringe).padStart(4)}`;
  for (const root of roots) {
    const { cachedPortrait } = await import(path.join(root, 'bench/portraitCache.ts'));
    const portrait = await cachedPortrait(path.join(SHARED_PORTRAITS, name));
    const { renderer: r, size, neutral } = await checkoutRenderer(root, portrait);
    const lm = r.landmarks(neutral);
    const chinX = lm[152]![0], chinY = lm[152]![1];
    const fw = Math.abs(lm[454]![0] - lm[234]![0]);
    const top = Math.round(chinY - 0.25 * fw);
    const restAlpha = Uint8ClampedArray.from(r.render(neutral, { background: null }).data);
    const sides = { left: [] as number[], right: [] as number[] };
    for (let x = 0; x < size; x++) {
      if (Math.abs(x - chinX) < 0.4 * fw || restAlpha[(top * size + x) * 4 + 3]! >= 128) continue;
      (x < chinX ? sides.left : sides.right).push(x);
    }
    const rest = { left: outlineRows(restAlpha, size, sides.left, top), right: outlineRows(restAlpha, size, sides.right, top) };
    const restFig = (s: 'left' | 'right') => outlineFigures(restAlpha, size, sides[s], top, rest[s], rest[s]);
    console.log(`${path.basename(root)} ${name} chin ${chinY.toFixed(0)} fw ${fw.toFixed(0)} top ${top} cols L ${sides.left.length} R ${sides.right.length} | rest L rough ${restFig('left').rough.toFixed(2)} fringe ${restFig('left').fringe} | R rough ${restFig('right').rough.toFixed(2)} fringe ${restFig('right').fringe}`);
    const jobs: { label: string; frame: MotionFrame }[] = [
      ...frameIds.map((i) => ({ label: `f${i}`, frame: motion!.frames[i]! })),
      ...rolls.map((roll) => ({ label: `roll${roll}`, frame: { ...neutral, pose: { yaw: 0, pitch: 0, roll, tx: 0, ty: 0, tz: 0 } } as MotionFrame })),
      ...poses.map(([yaw, pitch, roll]) => ({ label: `${yaw}/${pitch}/${roll}`, frame: { ...neutral, pose: { yaw, pitch, roll, tx: 0, ty: 0, tz: 0 } } as MotionFrame })),
    ];
    for (const { label, frame } of jobs) {
      const img = r.render(frame, { background: null });
      const alpha = Uint8ClampedArray.from(img.data);
      const out: string[] = [];
      for (const s of ['left', 'right'] as const) {
        if (!sides[s].length) continue;
        const y = outlineRows(alpha, size, sides[s], top, rest[s]);
        out.push(`${s[0]!.toUpperCase()} ${fmt(outlineFigures(alpha, size, sides[s], top, y, rest[s]))}`);
      }
      const roll = frame.pose?.roll ?? 0;
      console.log(`  ${label.padEnd(8)} roll ${roll.toFixed(1).padStart(5)}  ${out.join(' | ')}`);
      if (sheetOut) {
        const [bx, by, bw, bh] = opt('--box', '0,256,256,256').split(',').map(Number) as [number, number, number, number];
        const shown = r.render(frame);
        const tile = await sharp(Buffer.from(shown.data), { raw: { width: size, height: size, channels: 4 } })
          .extract({ left: bx, top: by, width: bw, height: bh }).resize(bw * zoom, bh * zoom, { kernel: 'nearest' }).png().toBuffer();
        tiles.set(`${root}|${label}`, [...(tiles.get(`${root}|${label}`) ?? []), tile]);
      }
    }
  }
  if (sheetOut) {
    const [, , bw, bh] = opt('--box', '0,256,256,256').split(',').map(Number) as [number, number, number, number];
    const labels = [...frameIds.map((i) => `f${i}`), ...rolls.map((r) => `roll${r}`), ...poses.map((q) => q.join('/'))];
    const W = bw * zoom + 4, H = bh * zoom + 4;
    const comp: OverlayOptions[] = [];
    roots.forEach((root, ri) => labels.forEach((l, ci) => { const t = tiles.get(`${root}|${l}`)?.[0]; if (t) comp.push({ input: t, left: ci * W, top: ri * H }); }));
    await sharp({ create: { width: W * labels.length, height: H * roots.length, channels: 3, background: '#202020' } }).composite(comp).png().toFile(sheetOut);
    console.log('sheet', sheetOut, 'rows', roots.map((r) => path.basename(r)).join(' / '), 'columns', labels.join(' '));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
