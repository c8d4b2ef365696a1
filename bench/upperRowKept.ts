// Does our upper row show wherever the driver shows its upper teeth, over a whole clip? (issue #13, ownrow35
// after critic34: slab34's gate dropped lp_s42's row in many frames of lp_d6 that picked frames missed.)
// Every frame of a motion rendered per --root, read inside the rendered mesh's own inner lips; every driver
// frame read inside its read-back face mesh. Per frame the teeth share (motion/mouthDark.ts isTeethPixel
// against each image's own lips) of the opening's upper half (above the line between the inner lips'
// middles, along the mouth's axis) and the outer third's share of the teeth. Reports, per root, the share of
// the driver's upper-teeth frames (upper share >= --driver-min) where ours shows an upper row (>= --ours-min),
// the frames missed, and the row's switches on/off over the clip. Sheet: every --step-th frame, driver |
// roots, mouth ~4x. Never asserts. (s39, photomouth39: also the frames where the driver shows no upper teeth and ours'
// opening holds a pale band, grey teeth included: --pale-min.)
//   node --import tsx bench/upperRowKept.ts --photo lp_s42.jpg --motion m_d6.json --video lp_d6.mp4 \
//        [--root /work/main,.] [--step 4] [--from 0] [--to 199] [--sheet-from 40] [--out sheet.jpg]
import path from 'node:path';
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { polygonMask } from '../src/eval/masks.ts';
import { cropImage, labelledGrid, squareBox, type GridCell } from '../src/eval/eyes.ts';
import { isTeethPixel } from '../src/motion/mouthDark.ts';
import { saturation } from '../src/math/colour.ts';
import { LIPS_INNER_LOWER, LIPS_INNER_UPPER } from '../src/rig/topology.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import { cachedPortrait } from './portraitCache.ts';
import { rendererOfRoot } from './mouthTiles.ts';
import { dist, luma, median, type Lm } from './readBack.ts';
import { driverPicks, renderedPick } from './pickedFrames.ts';
import { SHARED_DATA } from './sharedData.ts';

const opt = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const photo = opt('--photo', 'lp_s42.jpg'), video = opt('--video', 'lp_d6.mp4'), motionPath = opt('--motion', '');
const roots = opt('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));
const step = Number(opt('--step', '4')), from = Number(opt('--from', '0'));
const driverMin = Number(opt('--driver-min', '0.15')), oursMin = Number(opt('--ours-min', '0.15'));
const out = opt('--out', '/tmp/upperRowKept.jpg');
// (s38, incisal38: a driver frame is "shut" where its inner lips' middles are within --shut-max IOD and it shows no upper
// teeth (< --driver-none); ours "shows teeth" there at an upper share >= --ours-min)
const shutMax = Number(opt('--shut-max', '0.03')), driverNone = Number(opt('--driver-none', '0.05'));
const perFrame = process.argv.includes('--per-frame');
/** the inner lips' middles apart over the eyes' corners' middles apart (a read-back face's IOD) */
const lipGapIod = (lm: Lm) => dist(lm, 13, 14) / (Math.hypot((lm[33]![0] + lm[133]![0]) / 2 - (lm[263]![0] + lm[362]![0]) / 2, (lm[33]![1] + lm[133]![1]) / 2 - (lm[263]![1] + lm[362]![1]) / 2) || 1);
const SIZE = 512, CELL = 120, PER_LINE = 10;
/** (s39) a pixel of the opening is pale (a grey or white band) over this share of the lips' light; ours "shows a band" at a share >= --pale-min */
const PALE_OF_LIP = 0.85, paleMin = Number(opt('--pale-min', '0.15'));

/** the lips' bodies: halfway between outer and inner lip landmarks (as motion/mouthDark.ts) */
const LIP_PAIRS: [number, number][] = [[0, 13], [37, 82], [267, 312], [39, 81], [269, 311], [17, 14], [84, 87], [314, 317], [181, 178], [405, 402]];

/**
 * The upper half's teeth share of the opening (null: shut), the outer third's share of all its teeth, and (s36,
 * rowbend36) the teeth share of the upper half in the middle, side and outer third of the mouth's width apart
 * (lit: does the row reach the corners).
 */
function upperRowRead(img: RgbaImage, lm: Lm): { upper: number; outer: number; lit: [number, number, number]; pale: number } | null {
  const d = img.data, W = img.width;
  const px = (x: number, y: number) => (Math.round(y) * W + Math.round(x)) * 4;
  const lips = LIP_PAIRS.map(([o, n]) => px((lm[o]![0] + lm[n]![0]) / 2, (lm[o]![1] + lm[n]![1]) / 2));
  const lipLight = median(lips.map((o) => luma(d, o))), lipSat = median(lips.map((o) => saturation(d[o]!, d[o + 1]!, d[o + 2]!)));
  const mask = polygonMask([...LIPS_INNER_UPPER, ...[...LIPS_INNER_LOWER].reverse()].map((i) => lm[i]!), W, img.height);
  const ax = lm[308]![0] - lm[78]![0], ay = lm[308]![1] - lm[78]![1], len = Math.hypot(ax, ay) || 1;
  const nx = -ay / len, ny = ax / len; // the mouth's down direction
  const mx = (lm[13]![0] + lm[14]![0]) / 2, my = (lm[13]![1] + lm[14]![1]) / 2, cx = (lm[78]![0] + lm[308]![0]) / 2;
  let inside = 0, teeth = 0, outer = 0;
  const zoneIn = [0, 0, 0], zoneTeeth = [0, 0, 0];
  let all = 0, pale = 0;
  for (let q = 0; q < mask.length; q++) {
    if (!mask[q]) continue;
    const x = (q % W) + 0.5, y = Math.floor(q / W) + 0.5;
    // (s39, photomouth39: a pale band anywhere in the opening, grey teeth included: lighter than PALE_OF_LIP of the lips, less saturated)
    all++;
    if (luma(d, q * 4) > PALE_OF_LIP * lipLight && saturation(d[q * 4]!, d[q * 4 + 1]!, d[q * 4 + 2]!) < Math.max(0.3, 0.7 * lipSat)) pale++;
    if ((x - mx) * nx + (y - my) * ny > 0) continue; // the lower half
    inside++;
    const zone = Math.min(2, Math.floor(3 * Math.abs(x - cx) / (len / 2)));
    zoneIn[zone]++;
    const o = q * 4;
    if (!isTeethPixel(d[o]!, d[o + 1]!, d[o + 2]!, lipLight, lipSat)) continue;
    teeth++;
    zoneTeeth[zone]++;
    if (Math.abs(x - cx) / (len / 2) > 2 / 3) outer++;
  }
  const lit = zoneTeeth.map((t, z) => (zoneIn[z]! ? t / zoneIn[z]! : 0)) as [number, number, number];
  return inside < 20 ? null : { upper: teeth / inside, outer: teeth ? outer / teeth : 0, lit, pale: pale / Math.max(1, all) };
}

const LIP = [61, 291, 0, 17, 13, 14, 40, 270, 91, 321];
const crop = (img: RgbaImage, lm: Lm) => cropImage(img, squareBox(LIP.map((i) => lm[i]!), 1.3, img.width, img.height));

const motion = JSON.parse(readFileSync(motionPath, 'utf8')) as { frames: MotionFrame[] };
const to = Math.min(motion.frames.length - 1, Number(opt('--to', String(motion.frames.length - 1))));
// (--every k: every k-th frame measured, a held-out clip in half the time)
const every = Number(opt('--every', '1'));
const frames = Array.from({ length: to - from + 1 }, (_, k) => from + k).filter((i) => (i - from) % every === 0);
const sheetFrom = Number(opt('--sheet-from', String(from)));
const sheetFrames = new Set(frames.filter((i) => i >= sheetFrom && (i - sheetFrom) % step === 0));

const driver = new Map<number, number>(), driverGap = new Map<number, number>(), driverOuter: number[] = [], driverLit: [number, number, number][] = [];
const cells = new Map<string, Map<number, GridCell>>();
const cellOf = (tag: string, i: number, c: GridCell) => { if (!cells.has(tag)) cells.set(tag, new Map()); cells.get(tag)!.set(i, c); };
for await (const { k, img, lm } of driverPicks(video, frames)) {
  const r = lm ? upperRowRead(img, lm) : null;
  driver.set(k, r?.upper ?? 0);
  driverGap.set(k, lm ? lipGapIod(lm) : 0);
  if (r && r.upper >= driverMin) { driverOuter.push(r.outer); driverLit.push(r.lit); }
  if (sheetFrames.has(k)) cellOf('driver', k, { label: `d${k} ${(r?.upper ?? 0).toFixed(2)}`, image: lm ? crop(img, lm) : img });
}
const portrait = await cachedPortrait(photo.startsWith('/') ? photo : path.join(SHARED_DATA, 'portraits', photo));
const shown = frames.filter((i) => (driver.get(i) ?? 0) >= driverMin);
const shut = frames.filter((i) => driverGap.get(i)! < shutMax && driver.get(i)! < driverNone);
console.log(`driver ${video}: shut (gap < ${shutMax} IOD, no teeth) in ${shut.length}/${frames.length} frames: ${shut.join(',')}`);
console.log(`driver ${video}: upper teeth (>= ${driverMin}) in ${shown.length}/${frames.length} frames; outer third ${(driverOuter.reduce((s, x) => s + x, 0) / Math.max(1, driverOuter.length)).toFixed(3)}`);
for (const root of roots) {
  const r = await rendererOfRoot(root, portrait, SIZE), tag = path.basename(root);
  const ours = new Map<number, number>(), outers: number[] = [], lits: [number, number, number][] = [], pales = new Map<number, number>();
  for (const i of frames) {
    const { img, meshLm } = renderedPick(r, motion.frames, i);
    const t = upperRowRead(img, meshLm);
    ours.set(i, t?.upper ?? 0);
    pales.set(i, t?.pale ?? 0);
    if (t && (driver.get(i) ?? 0) >= driverMin) { outers.push(t.outer); lits.push(t.lit); }
    if (sheetFrames.has(i)) cellOf(tag, i, { label: `${tag.slice(0, 4)}${i} ${(t?.upper ?? 0).toFixed(2)}`, image: crop(img, meshLm) });
  }
  const shutShown = shut.filter((i) => ours.get(i)! >= oursMin);
  console.log(`${tag.padEnd(10)} teeth shown where the driver is shut ${shutShown.length}/${shut.length}: ${shutShown.join(',') || '-'}; mean upper share there ${(shut.reduce((s2, i) => s2 + ours.get(i)!, 0) / Math.max(1, shut.length)).toFixed(3)} [driver ${(shut.reduce((s2, i) => s2 + driver.get(i)!, 0) / Math.max(1, shut.length)).toFixed(3)}]`);
  // (s39: where the driver shows no teeth at all, ours' pale band: the photo's own teeth kept over a shut or dark driver)
  const noTeeth = frames.filter((i) => driver.get(i)! < driverNone), paleShown = noTeeth.filter((i) => pales.get(i)! >= paleMin);
  console.log(`${tag.padEnd(10)} pale band (>= ${paleMin}) where the driver shows no upper teeth ${paleShown.length}/${noTeeth.length}: ${paleShown.map((i) => `${i}:${pales.get(i)!.toFixed(2)}`).join(' ') || '-'}`);
  if (perFrame) console.log(`${tag.padEnd(10)} per frame (gap driver, upper driver/ours): ${frames.map((i) => `${i}:${driverGap.get(i)!.toFixed(3)},${driver.get(i)!.toFixed(2)}/${ours.get(i)!.toFixed(2)}`).join(' ')}`);
  const kept = shown.filter((i) => ours.get(i)! >= oursMin), missed = shown.filter((i) => ours.get(i)! < oursMin);
  // (switches of our row on/off between neighbouring frames where the driver's stays on: flicker)
  let flips = 0;
  for (let k = 1; k < frames.length; k++) {
    const a = frames[k - 1]!, b = frames[k]!;
    if ((driver.get(a)! >= driverMin) && (driver.get(b)! >= driverMin) && (ours.get(a)! >= oursMin) !== (ours.get(b)! >= oursMin)) flips++;
  }
  const mean = (v: number[]) => (v.length ? v.reduce((s, x) => s + x, 0) / v.length : NaN);
  console.log(`${tag.padEnd(10)} upper row where the driver shows teeth ${kept.length}/${shown.length} = ${(kept.length / Math.max(1, shown.length)).toFixed(3)}; flips ${flips}; ` +
    `mean upper share there ${mean(shown.map((i) => ours.get(i)!)).toFixed(3)} [driver ${mean(shown.map((i) => driver.get(i)!)).toFixed(3)}]; outer third ${mean(outers).toFixed(3)}`);
  console.log(`${tag.padEnd(10)} missed: ${missed.join(',') || '-'}`);
  const zones = (v: [number, number, number][]) => [0, 1, 2].map((z) => mean(v.map((l) => l[z]!)).toFixed(3)).join(' / ');
  console.log(`${tag.padEnd(10)} teeth share of the upper half mid / side / outer third, where the driver shows teeth: ${zones(lits)} [driver ${zones(driverLit)}]`);
}
// (the sheet in blocks of PER_LINE frames: driver, then each root)
const tags = ['driver', ...roots.map((r) => path.basename(r))];
const picked = [...sheetFrames], rows: GridCell[][] = [], labels: string[] = [];
for (let s = 0; s < picked.length; s += PER_LINE) {
  for (const tag of tags) {
    rows.push(picked.slice(s, s + PER_LINE).map((i) => cells.get(tag)?.get(i) ?? { label: '-', image: { width: 1, height: 1, data: new Uint8ClampedArray(4) } }));
    labels.push(tag);
  }
}
const png = await labelledGrid(rows, { title: `${photo} <- ${video} every ${step}th frame (upper half's teeth share)`, cellW: CELL, cellH: CELL, rowLabels: labels });
await sharp(png).jpeg({ quality: 72 }).toFile(out);
console.log(`wrote ${out}`);
process.exit(0);
