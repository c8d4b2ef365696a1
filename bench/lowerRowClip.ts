// The lower row over a whole clip (issue #13, lowrow35): a saved video motion on a portrait, each --root's render read back with
// the driver's lower-teeth reading (src/motion/lowerTeeth.ts lowerRowShow on the render, its mesh's own landmarks), against the
// driver's own (the motion's w driverLowerShow, smoothed). Per root: the frames whose lower row shows (>= SHOWN IOD) ours vs the
// driver's, their agreement, mean IOD. Sheet: driver | roots at chosen frames (mouth 4x), and a strip of every --strip'th frame.
//   node --import tsx bench/lowerRowClip.ts --portrait lp_s42.jpg --motion m.json --driver lp_d6.mp4 --root /work/main,. \
//     [--every 2] [--frames 156,164,168] [--strip 8] [--sheet x.jpg] [--per-frame]
// s37: `--motion b.json,a.json` one motion per root (a tracker change), the driver reading from `--reference m.json` or the last.
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import { lowerRowShow, lowerShowIod } from '../src/motion/lowerTeeth.ts';
import { saturation } from '../src/math/colour.ts';
import { DRIVER_LOWER_SHOW } from '../src/rig/mouthBase.ts';
import { cachedPortrait } from './portraitCache.ts';
import { mouthBox, mouthTile, rendererOfRoot, driverMouthShots } from './mouthTiles.ts';
import { readLandmarks } from './readBack.ts';
import { SHARED_DATA } from './sharedData.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const SHOWN = 0.02, SIZE = 512, ZOOM = 4, TILE = 240;
const portraitFile = opt('--portrait', 'lp_s42.jpg');
const roots = opt('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));
// (s37 lowrow37: one motion per root, e.g. before/after a tracker change, --motion b.json,a.json; the driver's reading from
// --reference, else the last motion)
const load = async (f: string) => JSON.parse(await readFile(f, 'utf8')) as { frames: MotionFrame[] };
const motions = await Promise.all(opt('--motion', '').split(',').map(load));
const motionOf = (q: number) => motions[Math.min(q, motions.length - 1)]!;
const motion = args.includes('--reference') ? await load(opt('--reference', '')) : motions[motions.length - 1]!;
const every = Number(opt('--every', '2')), stripEvery = Number(opt('--strip', '8'));
const picks = opt('--frames', '').split(',').filter(Boolean).map(Number);
const sheet = opt('--sheet', '');
/** a rendered tooth: at least the lips' light, less saturated than RENDER_SAT of theirs (the Mona Lisa's ochre teeth are .8 of her lips' saturation, over the driver test's .7) */
const RENDER_SAT = Number(opt('--render-sat', '0.85'));
const renderTooth = (r: number, g: number, b: number, lipLight: number, lipSat: number) => 0.299 * r + 0.587 * g + 0.114 * b > lipLight && saturation(r, g, b) < Math.max(0.3, RENDER_SAT * lipSat);
const portrait = await cachedPortrait(path.join(SHARED_DATA, 'portraits', portraitFile));
const n = motion.frames.length;
const driverOf = (i: number) => motion.frames[i]!.w[DRIVER_LOWER_SHOW];
const stripFrames = Array.from({ length: Math.floor((n - 1) / stripEvery) + 1 }, (_, q) => q * stripEvery);

/** The render's lower row read back (IOD over its lower lip) with its mesh's landmarks, and its mouth tile. */
function readBack(img: RgbaImage, lm: number[][]): number {
  const flat = Float32Array.from(lm.flatMap((q) => [q[0]!, q[1]!, q[2] ?? 0]));
  const iod = Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!); // measures.ts: the outer eye corners
  const gap = Math.hypot(lm[13]![0]! - lm[14]![0]!, lm[13]![1]! - lm[14]![1]!) / iod;
  const share = lowerRowShow(img, flat, renderTooth);
  return share === null ? 0 : lowerShowIod(share, gap);
}

const tiles = new Map<string, Buffer>();
for (const [q, root] of roots.entries()) {
  const r = await rendererOfRoot(root, portrait, SIZE), frameList = motionOf(q).frames;
  const shownAt: string[] = [];
  let frames = 0, oursShown = 0, driverShown = 0, agree = 0, sumOurs = 0, sumDriver = 0, shownWhereNone = 0, none = 0;
  for (let i = 0; i < n; i++) {
    const want = picks.includes(i) || stripFrames.includes(i);
    if (i % every && !want) continue;
    const f = frameList[i]!;
    const shot = r.render(f), img = { ...shot, data: new Uint8ClampedArray(shot.data) };
    const lm = r.landmarks(f) as number[][];
    if (want) tiles.set(`${root}:${i}`, await sharp(await mouthTile(img.data, SIZE, mouthBox(lm, 1.3, 0.45), ZOOM)).resize(TILE, TILE).png().toBuffer());
    if (i % every) continue;
    const ours = readBack(img, lm), drv = driverOf(i) ?? 0;
    frames++; sumOurs += ours; sumDriver += drv;
    const o = ours >= SHOWN, d = drv >= SHOWN;
    if (o || d) shownAt.push(`${i}:${ours.toFixed(3)}/${drv.toFixed(3)}`);
    oursShown += +o; driverShown += +d; agree += +(o === d);
    if (!d) { none++; shownWhereNone += +o; }
  }
  console.log(`${portraitFile} ${path.basename(root).padEnd(10)} frames ${frames}: lower row shown ours ${(oursShown / frames).toFixed(2)} [driver ${(driverShown / frames).toFixed(2)}], agree ${(agree / frames).toFixed(2)}, shown where the driver shows none ${shownWhereNone}/${none}, mean IOD ours ${(sumOurs / frames).toFixed(3)} [${(sumDriver / frames).toFixed(3)}]`);
  if (args.includes('--per-frame')) console.log(`  frame:ours/driver where either shows: ${shownAt.join(' ')}`);
}
if (sheet) {
  const video = path.join(SHARED_DATA, 'video', opt('--driver', 'lp_d6.mp4'));
  const drv = await driverMouthShots(video, 25, [...picks, ...stripFrames], readLandmarks);
  const label = async (t: string) => sharp(Buffer.from(`<svg width="${TILE}" height="22"><rect width="100%" height="100%" fill="black"/><text x="3" y="16" font-size="14" fill="white">${t}</text></svg>`)).png().toBuffer();
  const rowsOf = async (list: number[]) => {
    const comps: { input: Buffer; left: number; top: number }[] = [];
    for (const [c, i] of list.entries()) {
      const d = drv.get(i);
      if (d) comps.push({ input: await sharp(d).resize(TILE, TILE).png().toBuffer(), left: c * TILE, top: 0 });
      comps.push({ input: await label(`f${i} driver ${(driverOf(i) ?? 0).toFixed(3)}`), left: c * TILE, top: TILE });
      for (const [q, root] of roots.entries()) {
        const t = tiles.get(`${root}:${i}`);
        if (t) comps.push({ input: t, left: c * TILE, top: (q + 1) * (TILE + 22) });
        comps.push({ input: await label(`${path.basename(root)}`), left: c * TILE, top: (q + 1) * (TILE + 22) + TILE });
      }
    }
    return comps;
  };
  const write = async (list: number[], file: string, per: number) => {
    const chunks = Array.from({ length: Math.ceil(list.length / per) }, (_, q) => list.slice(q * per, (q + 1) * per));
    const bandH = (roots.length + 1) * (TILE + 22);
    const comps: { input: Buffer; left: number; top: number }[] = [];
    for (const [b, chunk] of chunks.entries()) for (const c of await rowsOf(chunk)) comps.push({ ...c, top: c.top + b * bandH });
    await sharp({ create: { width: TILE * Math.min(per, list.length), height: bandH * chunks.length, channels: 3, background: '#000' } }).composite(comps).jpeg({ quality: 70 }).toFile(file);
    console.log(`sheet ${file}`);
  };
  if (picks.length) await write(picks, sheet, picks.length);
  await write(stripFrames, sheet.replace(/\.jpg$/, '-strip.jpg'), 9);
}
