// Blinks through a saved motion, both eyes zoomed (nearest-neighbour): per blink a row of every
// `--step`th frame from its fall to its rise, each cell the frame as the product renders it (before)
// over the same frame with `--on` look options turned on (after); the photo's eyes first. Rendered
// directly at 512 (no encoding), in one process: before | after differ by the options alone. Never asserts.
//   node --import tsx bench/blinkStrip.ts out.jpg lp_s7.jpg m.json [--on paintedShade,midLid] [--bake whiteOutOfFill] [--step 2] [--blinks 3] [--zoom 4] [--eye L|R] [--over 0.1]
// Prints per frame the band step (bandStep: luma under the lower lid line over luma above it, per eye) before -> after.
// (s38, midblink38) and the lowered lid's body against the skin above it (lidStep).
// (s37, blink37) A blink: a run of frames with `blink` over .1; and the frame after it.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import sharp, { type OverlayOptions } from 'sharp';
import type { MotionFrame } from '../src/types.ts';
import { SHARED_DATA } from './sharedData.ts';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { paintedEyeShadeSetting } from '../src/render/closedEye/paintedWhite.ts';
import { whiteOutOfFillSetting } from '../src/render/closedEye/whiteOutOfFill.ts';
import { browBoneLightSetting, browLiftBlurSetting } from '../src/render/closedEye/browBoneLight.ts';
import { lidSkinToneSetting } from '../src/render/closedEye/lidSkinTone.ts';
import { creaseValleySetting } from '../src/render/closedEye/creaseValley.ts';
import { skinInMaskSetting } from '../src/render/closedEye/skinInMask.ts';
import { lidBodyGrainSetting } from '../src/render/closedEye/lidBodyGrain.ts';
import { lidNoPalerSetting } from '../src/render/closedEye/lidNoPaler.ts';
import { midLidSetting } from '../src/render/closedEye/midLid.ts';

const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const [out, file, motionFile] = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
if (!out || !file || !motionFile) throw new Error('usage: bench/blinkStrip.ts out.jpg portrait.jpg motion.json [--on paintedShade] [--step 2] [--blinks 3]');
/** The look options `--on` can turn on for the after row (each read per frame by the renderer). */
const OPTIONS: Record<string, { on: boolean }> = { paintedShade: paintedEyeShadeSetting, midLid: midLidSetting };
const ON = (arg('--on') ?? '').split(',').filter(Boolean);
for (const o of ON) if (!OPTIONS[o]) throw new Error(`--on ${o}: one of ${Object.keys(OPTIONS).join(', ')}`);
/** The options read once, when a renderer is made (the shut eye's bake): `--bake` makes a second renderer with them on for the after row. */
const BAKE_OPTIONS: Record<string, { on: boolean }> = { whiteOutOfFill: whiteOutOfFillSetting, browBoneLight: browBoneLightSetting, lidSkinTone: lidSkinToneSetting, browLiftBlur: browLiftBlurSetting, creaseValley: creaseValleySetting, skinInMask: skinInMaskSetting , lidBodyGrain: lidBodyGrainSetting, lidNoPaler: lidNoPalerSetting };
const BAKE = (arg('--bake') ?? '').split(',').filter(Boolean);
for (const o of BAKE) if (!BAKE_OPTIONS[o]) throw new Error(`--bake ${o}: one of ${Object.keys(BAKE_OPTIONS).join(', ')}`);
const STEP = Number(arg('--step') ?? 2), BLINKS = Number(arg('--blinks') ?? 3), ZOOM = Number(arg('--zoom') ?? 4), EYE = arg('--eye');
// --over: the blink weight a blink's frames exceed (.1; a video's lowered lids: higher)
const OVER = Number(arg('--over') ?? 0.1);
const TALL = Number(arg('--tall') ?? 1.2);
// --frames a,b,c (s39, shutlid39): these frames as one run instead of the blinks found
const PICK = arg('--frames')?.split(',').map(Number);
const FRAMES = (JSON.parse(readFileSync(motionFile, 'utf8')) as { frames: MotionFrame[] }).frames;

/** A frame's blink: the motion's `blink` (audio) or the larger eye's blink weight (a driving video's). */
const closure = (f: MotionFrame) => Math.max(f.blink ?? 0, f.w.eyeBlinkLeft ?? 0, f.w.eyeBlinkRight ?? 0);

/** Each blink's frames (blink over .1, and the frame after), every STEP-th. */
function blinkRuns(frames: readonly MotionFrame[]): number[][] {
  const runs: number[][] = [];
  let start = -1;
  for (let i = 0; i <= frames.length; i++) {
    const on = i < frames.length && closure(frames[i]!) > OVER;
    if (on && start < 0) start = i;
    if (!on && start >= 0) {
      const a = start, b = Math.min(frames.length - 1, i);
      const run: number[] = [];
      for (let k = a; k <= b; k += STEP) run.push(k);
      runs.push(run);
      start = -1;
    }
  }
  return runs;
}

const SIZE = 512;
const avatar = buildAvatar(await cachedPortrait(path.join(SHARED_DATA, 'portraits', file)));
const made = (on: boolean) => { for (const o of BAKE) BAKE_OPTIONS[o]!.on = on; return createRenderer(avatar, { width: SIZE, height: SIZE }); };
const r = made(false), rAfter = BAKE.length ? made(true) : r;
const box = (lm: readonly (readonly number[])[]) => {
  const corners = EYE === 'L' ? [33, 133] : EYE === 'R' ? [263, 362] : [33, 133, 263, 362];
  const xs = corners.map((i) => lm[i]![0]!), ys = [159, 386, 145, 374].map((i) => lm[i]![1]!);
  const ew = Math.hypot(lm[133]![0]! - lm[33]![0]!, lm[133]![1]! - lm[33]![1]!);
  const yc = (Math.min(...ys) + Math.max(...ys)) / 2;
  // --tall (s39, shutlid39): the crop's height in eye widths (1.2; 2 shows the whole shut lid up to the brow), centred a little above the eye
  return { x0: Math.min(...xs) - 0.25 * ew, x1: Math.max(...xs) + 0.25 * ew, yc: yc - Math.max(0, TALL - 1.2) * 0.3 * ew, h: TALL * ew };
};
const rest = box(r.landmarks(r.neutralFrame()));
const CW = Math.round(rest.x1 - rest.x0), CH = Math.round(rest.h);
const W = CW * ZOOM, H = CH * ZOOM;
const cut = async (data: Uint8ClampedArray, b: ReturnType<typeof box>) => {
  const left = Math.max(0, Math.min(SIZE - CW, Math.round((b.x0 + b.x1) / 2 - CW / 2)));
  const top = Math.max(0, Math.min(SIZE - CH, Math.round(b.yc - CH / 2)));
  return sharp(Buffer.from(data), { raw: { width: SIZE, height: SIZE, channels: 4 } }).extract({ left, top, width: CW, height: CH }).resize(W, H, { kernel: 'nearest' }).png().toBuffer();
};
const label = (t: string) => Buffer.from(`<svg width="${W}" height="22"><rect width="100%" height="22" fill="black" opacity="0.55"/><text x="4" y="16" font-size="15" fill="yellow" font-family="sans-serif">${t}</text></svg>`);
/** Each eye's lower lid (image-left eye, then image-right): the face mesh's lower lid points, corner to corner. */
const LOWER = [[33, 7, 163, 144, 145, 153, 154, 155, 133], [263, 249, 390, 373, 374, 380, 381, 382, 362]];
/**
 * The band across a half-shut eye (shut36: the lid's shade stopping at the mesh's lower lid line): per
 * column between the eye's corners (middle 60 %), the luma of the 3 rows under the lower lid line over
 * the 3 rows above it, the median per eye. Over 1: the eye's bottom brighter than the eye over it.
 */
function bandStep(data: Uint8ClampedArray, lm: readonly (readonly number[])[]): number[] {
  const luma = (x: number, y: number) => { const i = (Math.round(y) * SIZE + Math.round(x)) * 4; return 0.3 * data[i]! + 0.59 * data[i + 1]! + 0.11 * data[i + 2]!; };
  return LOWER.map((ids) => {
    const pts = ids.map((i) => lm[i]!).sort((a, b) => a[0]! - b[0]!);
    const xa = pts[0]![0]!, xb = pts[pts.length - 1]![0]!, out: number[] = [];
    for (let x = Math.ceil(xa + 0.2 * (xb - xa)); x <= xb - 0.2 * (xb - xa); x++) {
      let k = 0;
      while (k + 2 < pts.length && x > pts[k + 1]![0]!) k++;
      const t = (x - pts[k]![0]!) / (pts[k + 1]![0]! - pts[k]![0]! || 1), y = pts[k]![1]! + t * (pts[k + 1]![1]! - pts[k]![1]!);
      let up = 0, down = 0;
      for (let d = 1; d <= 3; d++) { up += luma(x, y - d); down += luma(x, y + d); }
      out.push(down / Math.max(1, up));
    }
    return out.sort((a, b) => a - b)[out.length >> 1] ?? NaN;
  });
}
/** Each eye's upper lid (image-left eye, then image-right), corner to corner. */
const UPPER = [[33, 246, 161, 160, 159, 158, 157, 173, 133], [263, 466, 388, 387, 386, 385, 384, 398, 362]];
/**
 * (s38, midblink38) The lowered lid's smudge: per eye, the lid's body (1 px to .15 eye widths over the face mesh's
 * upper lid line, middle 60 % of the columns) against the skin above it (.3-.45 eye widths over the line): luma ratio
 * and chroma distance dC (|c/l - skin's| summed over r,g,b, x100, medians). A grey smear: luma under 1 and dC up.
 */
function lidStep(data: Uint8ClampedArray, lm: readonly (readonly number[])[]): { l: number; dC: number }[] {
  return UPPER.map((ids) => {
    const pts = ids.map((i) => lm[i]!).sort((a, b) => a[0]! - b[0]!);
    const xa = pts[0]![0]!, xb = pts[pts.length - 1]![0]!, ew = xb - xa;
    const lid: number[][] = [], skin: number[][] = [];
    for (let x = Math.ceil(xa + 0.2 * ew); x <= xb - 0.2 * ew; x++) {
      let k = 0;
      while (k + 2 < pts.length && x > pts[k + 1]![0]!) k++;
      const t = (x - pts[k]![0]!) / (pts[k + 1]![0]! - pts[k]![0]! || 1), y = pts[k]![1]! + t * (pts[k + 1]![1]! - pts[k]![1]!);
      const px = (yy: number) => { const i = (Math.round(yy) * SIZE + x) * 4; return [data[i]!, data[i + 1]!, data[i + 2]!]; };
      for (let d = 1; d <= 0.15 * ew; d++) lid.push(px(y - d));
      for (let d = Math.ceil(0.3 * ew); d <= 0.45 * ew; d++) skin.push(px(y - d));
    }
    const med = (v: number[]) => v.sort((a, b) => a - b)[v.length >> 1] ?? NaN;
    const stats = (c: number[][]) => {
      const l = med(c.map(([r, g, b]) => (r! + g! + b!) / 3));
      return { l, c: [0, 1, 2].map((ch) => med(c.map((p) => p[ch]! / Math.max(1, (p[0]! + p[1]! + p[2]!) / 3)))) };
    };
    const a = stats(lid), b = stats(skin);
    return { l: a.l / Math.max(1, b.l), dC: 100 * a.c.reduce((s2, v, ch) => s2 + Math.abs(v - b.c[ch]!), 0) };
  });
}
const render = (f: MotionFrame, on: boolean) => {
  for (const o of ON) OPTIONS[o]!.on = on;
  return new Uint8ClampedArray((on ? rAfter : r).render(f).data);
};

const runs = PICK ? [PICK] : blinkRuns(FRAMES).slice(0, BLINKS);
const perRow = 1 + Math.max(...runs.map((run) => run.length));
const tiles: OverlayOptions[] = [];
const restImg = new Uint8ClampedArray(r.render(r.neutralFrame()).data);
const photo = await cut(restImg, rest);
console.log(`rest: band step L/R ${bandStep(restImg, r.landmarks(r.neutralFrame())).map((v) => v.toFixed(2)).join(' / ')}`);
for (let row = 0; row < runs.length; row++) {
  const top = row * (2 * H + 10);
  tiles.push({ input: photo, left: 0, top }, { input: label(`${file} (rest render)`), left: 0, top });
  for (let c = 0; c < runs[row]!.length; c++) {
    const n = runs[row]![c]!, f = FRAMES[n]!, b = box(r.landmarks(f)), left = (c + 1) * (W + 4);
    const before = render(f, false), after = render(f, true), lm = r.landmarks(f);
    const sb = bandStep(before, lm), sa = bandStep(after, lm);
    console.log(`f${n} blink ${closure(f).toFixed(2)}: band step L/R (luma under the lower lid line / over it) ${sb.map((v) => v.toFixed(2)).join(' / ')} -> ${sa.map((v) => v.toFixed(2)).join(' / ')}`);
    const lidText = (v: { l: number; dC: number }[]) => v.map((e) => `${e.l.toFixed(2)} dC ${e.dC.toFixed(1)}`).join(' / ');
    console.log(`  lid over skin above L/R (luma, chroma) ${lidText(lidStep(before, lm))} -> ${lidText(lidStep(after, lm))}`);
    tiles.push({ input: await cut(before, b), left, top }, { input: label(`before f${n} b${closure(f).toFixed(2)}`), left, top });
    tiles.push({ input: await cut(after, b), left, top: top + H + 2 }, { input: label(`after f${n}${ON.length + BAKE.length ? ` (${[...ON, ...BAKE].join(',')})` : ''}`), left, top: top + H + 2 });
  }
  console.log(`blink ${row + 1}: frames ${runs[row]!.join(' ')}`);
}
await sharp({ create: { width: perRow * (W + 4), height: runs.length * (2 * H + 10), channels: 3, background: '#202020' } })
  .composite(tiles).jpeg({ quality: Number(arg('--quality') ?? 70) }).toFile(out);
console.log(`sheet: ${out} (${perRow * (W + 4)}x${runs.length * (2 * H + 10)})`);
