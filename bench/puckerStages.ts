// Where a driver's pucker / "O" opening goes on a photo, stage by stage (issue #13, round27): at the
// picked frames, per --root checkout,
//   motion  the frame's weights (jaw, pucker, funnel, smile, lower-down, mouthClose, mouthDark);
//   mesh    the rig mesh's lip gap (landmarks 13-14 over 33-263) and width (61-291) in IOD;
//   lines   the shader's inner lip lines at the mouth's centre column, in IOD: as projected (raw),
//           after the corners' smoothing and the O's rounding (round), after the O's fold (fold),
//           with the O's hole width (columns where the lines are apart) over the mesh width;
//   render  the face mesh's read-back of the frame: gap and width / IOD, and the share of dark
//           pixels (< .35 of the chin's skin) down the centre column between the raw lines;
// and the driver's own read-back. Never asserts.
//   node --import tsx bench/puckerStages.ts --video lp_d11.mp4 --photo lp_s9.jpg --frames 65,90 [--root a,b]
import path from 'node:path';
import { mkdir, writeFile } from 'node:fs/promises';
import { decodeVideoFrames } from '../src/io/media.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import { cachedPortrait } from './portraitCache.ts';
import { cachedTrack } from './driverTracks.ts';
import { rendererOfRoot } from './mouthTiles.ts';
import { skinLuma } from './mouthInterior.ts';
import { polygonMask } from '../src/eval/masks.ts';
import { LIPS_OUTER_LOWER, LIPS_OUTER_UPPER } from '../src/rig/topology.ts';
import { luma, dist, readLandmarks, type Lm } from './readBack.ts';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const opt = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const video = opt('--video', 'lp_d11.mp4'), photo = opt('--photo', 'lp_s9.jpg');
const picks = opt('--frames', '65,90').split(',').map(Number);
const roots = opt('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));
const FPS = 25, SIZE = 512, dump = opt('--dump', '');
const save = async (img: RgbaImage, name: string) => {
  if (!dump) return;
  const { default: sharp } = await import('sharp');
  await mkdir(dump, { recursive: true });
  await sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.length), { raw: { width: img.width, height: img.height, channels: 4 } }).png().toFile(path.join(dump, `${name}.png`));
};
const f3 = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : '  -  ');
/** The dark hole inside the outer lip contour (pixels < .35 of the chin's skin): its widest row and tallest column, IOD. */
function darkHole(img: RgbaImage, lm: Lm): string {
  const iod = dist(lm, 33, 263), sk = skinLuma(img.data, img.width, lm, iod);
  const mask = polygonMask([...LIPS_OUTER_UPPER, ...[...LIPS_OUTER_LOWER].reverse()].map((i) => lm[i]!), img.width, img.height);
  const rows = new Map<number, number>(), cols = new Map<number, number>();
  let n = 0;
  for (let q = 0; q < mask.length; q++) {
    if (!mask[q] || luma(img.data, q * 4) / sk >= 0.35) continue;
    const x = q % img.width, y = Math.floor(q / img.width);
    rows.set(y, (rows.get(y) ?? 0) + 1); cols.set(x, (cols.get(x) ?? 0) + 1); n++;
  }
  const most = (m: Map<number, number>) => Math.max(0, ...m.values()) / iod;
  return `hole w ${f3(most(rows))} h ${f3(most(cols))} area ${f3(n / (iod * iod))}`;
}
const readBack = (img: RgbaImage, lm: Lm) => `gap ${f3(dist(lm, 13, 14) / dist(lm, 33, 263))} width ${f3(dist(lm, 61, 291) / dist(lm, 33, 263))} | ${darkHole(img, lm)}`;

const videoFile = video.startsWith('/') ? video : path.join(DATA, 'video', video);
for await (const [i, img] of (async function* () { let k = 0; for await (const im of decodeVideoFrames(videoFile, { fps: FPS, maxSide: 720, maxFrames: Math.max(...picks) + 1 })) { if (picks.includes(k)) yield [k, im] as const; k++; } })()) {
  const lm = await readLandmarks(img);
  await save(img, `driver_f${i}`);
  if (lm && dump) await writeFile(path.join(dump, `driver_f${i}.json`), JSON.stringify(lm));
  console.log(`driver f${i}: ${lm ? readBack(img, lm) : 'no face'}`);
}

interface Lines { c: number; unit: number; raw: [number, number]; round: [number, number]; fold: [number, number]; holeCols: number; round01: number; oInside: number; rebuilt: number }
const raw = await cachedTrack(videoFile, FPS);
for (const root of roots) {
  const { motionFramesFromRaw } = await import(path.join(root, 'src/motion/framesFromRaw.ts'));
  const { mouthDarkSeries } = await import(path.join(root, 'src/motion/mouthDark.ts'));
  const { MouthShader } = await import(path.join(root, 'src/render/mouth/shader.ts'));
  let lines: Lines | null = null;
  const proto = MouthShader.prototype, setLips = proto.setLips, setFold = proto.setFold;
  const at = (t: Float32Array, c: number) => t[c]!;
  proto.setLips = function (this: any, ...a: unknown[]) {
    setLips.apply(this, a);
    const c = Math.floor(this.centreX), unit = this.place.unit;
    let holeCols = 0;
    for (let x = 0; x < this.upperY.length; x++) if (this.lowerY[x] - this.upperY[x] > 0.25) holeCols++;
    lines = { c, unit, raw: [at(this.upperRaw, c), at(this.lowerRaw, c)], round: [at(this.upperY, c), at(this.lowerY, c)], fold: [NaN, NaN], holeCols, round01: this.light.round, oInside: this.oInside, rebuilt: this.place.rebuilt };
  };
  proto.setFold = function (this: any, ...a: unknown[]) {
    setFold.apply(this, a);
    if (lines) lines.fold = [at(this.upperY, lines.c), at(this.lowerY, lines.c)];
  };
  const frames = motionFramesFromRaw(raw, FPS, true).frames as MotionFrame[];
  const dark = mouthDarkSeries(raw.map((r) => r?.mouthDark)) as number[] | null;
  if (dark) frames.forEach((f, i) => (f.mouthDark = dark[i]));
  const portrait = await cachedPortrait(photo.startsWith('/') ? photo : path.join(DATA, 'portraits', photo));
  const r = await rendererOfRoot(root, portrait, SIZE);
  const tag = path.basename(root);
  if (process.argv.includes('--count')) await countPurses(root, r, frames, tag);
  for (const i of picks) {
    const f = frames[i];
    if (!f) continue;
    const w = f.w as Record<string, number>, n = (k: string) => (w[k] ?? 0).toFixed(2);
    console.log(`${tag} f${i} motion: jaw ${n('jawOpen')} pk ${n('mouthPucker')} fn ${n('mouthFunnel')} smile ${n('mouthSmileLeft')}/${n('mouthSmileRight')} lowDn ${n('mouthLowerDown')} upUp ${n('mouthUpperUp')} close ${n('mouthClose')} rest ${n('restLipGap')} dark ${(f.mouthDark ?? NaN).toFixed(2)}`);
    const mesh = r.landmarks(f), iodM = dist(mesh, 33, 263);
    lines = null;
    const shot = r.render(f), img = { ...shot, data: new Uint8ClampedArray(shot.data) };
    const L = lines as Lines | null;
    const g = (p: [number, number]) => f3((p[1] - p[0]) / (L ? L.unit : 1));
    console.log(`${tag} f${i} mesh: gap ${f3(dist(mesh, 13, 14) / iodM)} width ${f3(dist(mesh, 61, 291) / iodM)}`);
    if (L) console.log(`${tag} f${i} lines: raw ${g(L.raw)} round ${g(L.round)} fold ${g(L.fold)} | hole ${(L.holeCols / (dist(mesh, 61, 291))).toFixed(2)} of mesh width | round ${L.round01.toFixed(2)} oInside ${L.oInside.toFixed(2)} rebuilt ${L.rebuilt.toFixed(2)}`);
    const lm = await readLandmarks(img);
    await save(img, `${tag}_f${i}`);
    if (lm && dump) await writeFile(path.join(dump, `${tag}_f${i}.json`), JSON.stringify(lm));
    if (!lm) { console.log(`${tag} f${i} render: no face`); continue; }
    let darkPx = 0;
    if (L) {
      const sk = skinLuma(img.data, img.width, lm, dist(lm, 33, 263));
      for (let dx = -2; dx <= 2; dx++) for (let y = Math.floor(L.raw[0]); y <= Math.ceil(L.raw[1]); y++) if (luma(img.data, (y * img.width + L.c + dx) * 4) / sk < 0.35) darkPx++;
      darkPx /= 5 * L.unit;
    }
    console.log(`${tag} f${i} render: ${readBack(img, lm)} dark column ${f3(darkPx)} IOD`);
  }
}

/**
 * --count: the frames of the first 200 whose opening is a lined small purse (round or O-inside > 0 and
 * the mesh's 13-14 gap under lipSurface.ts smallPurse's 0.12 IOD, past the photo's): the frames the
 * purse rule can move (from the motion's weights over the photo's, no rendering).
 */
async function countPurses(root: string, r: Awaited<ReturnType<typeof rendererOfRoot>>, frames: MotionFrame[], tag: string): Promise<void> {
  const { roundness } = await import(path.join(root, 'src/render/mouth/roundMouth.ts'));
  const { oInsideOf } = await import(path.join(root, 'src/render/mouth/roundInside.ts'));
  const n = r.neutralFrame().w as Record<string, number>, rest = r.landmarks(r.neutralFrame());
  const photoGap = dist(rest, 13, 14) / dist(rest, 33, 263), hits: number[] = [];
  frames.slice(0, 200).forEach((f, i) => {
    const w = f.w as Record<string, number>, d = (k: string) => Math.max(0, (w[k] ?? 0) - (n[k] ?? 0));
    const p = { rounding: d('mouthPucker') + 0.5 * d('mouthFunnel'), driverDark: f.mouthDark };
    const lm = r.landmarks(f), gap = dist(lm, 13, 14) / dist(lm, 33, 263);
    if ((roundness(p) > 0 || oInsideOf(p) > 0) && gap < 0.12 && gap > photoGap + 0.005) hits.push(i);
  });
  console.log(`${tag} lined small purses: ${hits.length}/200 frames ${hits.join(',')}`);
}
