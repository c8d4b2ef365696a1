// The eval's mouth box frame by frame (issue #13): on a self-reenactment (photo = frame 0, as `eval --mode
// reenact`), each frame's mouth-box PSNR/SSIM of ours and of the photo repeated against the real frame, with
// the real lip gap (detected on every frame, so the box follows the real lips on each), grouped by how open
// the real mouth is, the frames where ours loses most to the photo, and a sheet of them (real | ours | photo,
// the box at 3x). The track and the real frames' landmarks are cached in $REAL3D_CACHE/mouthbox.
// --parts: at the worst frames (or --frames), which part of the motion moves the box off the real frame: the frame
// rendered with its pose alone, its weights alone (pose 0), and with each weight put back to the photo's own.
//   node --import tsx bench/mouthBoxFrames.ts lp_d6 [--seconds 5] [--worst 8] [--sheet x.jpg] [--csv x.csv] [--parts]
import path from 'node:path';
import { existsSync, mkdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import sharp from 'sharp';
import type { Motion, MotionFrame, RgbaImage } from '../src/types.ts';
import { trackVideo, motionFramesFromRaw, type RawFaceFrame } from '../src/motion/fromVideo.ts';
import { withDriverMouthReads } from '../src/motion/driverMouthReads.ts';
import { setupSource, cropReal, numberedFrames, detectOne } from '../src/eval/frames.ts';
import { lipBox, lipGap, boxMask, closeUp, type Box } from '../src/eval/mouthRegion.ts';
import { intersect } from '../src/eval/masks.ts';
import { psnr, maskedMean } from '../src/eval/metrics/image.ts';
import { lumaStats, ssimMap } from '../src/eval/metrics/ssim.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { DEFAULT_EVAL_OPTIONS } from '../src/eval/defaults.ts';
import { VIDEOS } from './mouthBase.ts';

const CACHE = path.join(process.env.REAL3D_CACHE ?? '/tmp/real3d-cache', 'mouthbox');
const FPS = 25;
/** Real lip gap (IOD) bands: shut, near shut, open (the eval's MOUTH_OPEN_GAP = .08). */
const BANDS: [string, number, number][] = [['shut <.03', 0, 0.03], ['near .03-.08', 0.03, 0.08], ['open >=.08', 0.08, Infinity]];
const SHOWN = ['jawOpen', 'mouthClose', 'mouthLowerDown', 'mouthUpperUp', 'mouthPress', 'mouthPucker', 'mouthFunnel', 'mouthRollUpper', 'mouthRollLower', 'mouthSmileLeft', 'mouthSmileRight', 'mouthStretchLeft', 'mouthStretchRight', 'mouthShrugUpper', 'mouthShrugLower'];

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : dflt;
}

async function cachedJson<T>(file: string, make: () => Promise<T>): Promise<T> {
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as T;
  const v = await make();
  mkdirSync(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(v));
  return v;
}

/** The eval's motion (motionFromVideo with mapToInitPose), from a cached track. */
async function motionOf(clip: string, video: string, seconds: number): Promise<Motion> {
  const stored = await cachedJson(path.join(CACHE, `${clip}-${seconds}s-track.json`), async () =>
    (await trackVideo(video, { fps: FPS, maxSide: 720, maxSeconds: seconds })).map((r) => r && { ...r, lm: Array.from(r.lm!) }));
  const raw = stored.map((r: any) => r && { ...r, lm: Float32Array.from(r.lm) }) as (RawFaceFrame | null)[];
  const { frames } = motionFramesFromRaw(raw, FPS, true);
  // the driver's mouth readings as motionFromVideo carries them (s46: through driverMouthReads.ts, so driverTeeth and the
  // readings added since s35 are in; before, a copy of s35's: no driverTeeth, the library row uncut)
  withDriverMouthReads(frames, raw);
  return { version: 1, fps: FPS, frameCount: frames.length, source: { kind: 'video', file: video }, options: { fps: FPS }, seed: 0, relativePose: true, frames } as Motion;
}

export interface FrameRow {
  frame: number;
  gap: number;
  ours: [number, number];
  photo: [number, number];
  w: Record<string, number>;
}

function scoresIn(img: RgbaImage, stats: ReturnType<typeof lumaStats>, real: RgbaImage, realStats: ReturnType<typeof lumaStats>, mask: Uint8Array): [number, number] {
  return [psnr(img, real, mask), maskedMean(ssimMap(stats, realStats), mask)];
}

const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / Math.max(1, a.length);

function printBands(rows: FrameRow[]): void {
  console.log('band           frames  PSNR ours  photo   diff | SSIM ours  photo');
  for (const [name, lo, hi] of [...BANDS, ['all', 0, Infinity] as [string, number, number]]) {
    const r = rows.filter((x) => x.gap >= lo && x.gap < hi);
    if (!r.length) continue;
    const po = mean(r.map((x) => x.ours[0])), pp = mean(r.map((x) => x.photo[0]));
    console.log(`${name.padEnd(14)} ${String(r.length).padStart(6)}  ${po.toFixed(2).padStart(9)} ${pp.toFixed(2).padStart(6)} ${(po - pp).toFixed(2).padStart(6)} | ${mean(r.map((x) => x.ours[1])).toFixed(3).padStart(9)} ${mean(r.map((x) => x.photo[1])).toFixed(3).padStart(6)}`);
  }
}

async function sheet(frames: { row: FrameRow; tiles: RgbaImage[] }[], side: number, out: string): Promise<void> {
  const toPng = (img: RgbaImage) => sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), { raw: { width: img.width, height: img.height, channels: 4 } }).png().toBuffer();
  const label = (text: string) => Buffer.from(`<svg width="${3 * side}" height="22"><rect width="100%" height="100%" fill="#000"/><text x="4" y="16" font-size="15" fill="#fff" font-family="sans-serif">${text}</text></svg>`);
  const composite: { input: Buffer; left: number; top: number }[] = [];
  const rowH = side + 22;
  for (let k = 0; k < frames.length; k++) {
    const { row, tiles } = frames[k]!;
    composite.push({ input: label(`f${row.frame} gap ${row.gap.toFixed(3)}  real | ours ${row.ours[0].toFixed(1)} | photo ${row.photo[0].toFixed(1)} dB`), left: 0, top: k * rowH });
    for (let t = 0; t < tiles.length; t++) composite.push({ input: await toPng(tiles[t]!), left: t * side, top: k * rowH + 22 });
  }
  await sharp({ create: { width: 3 * side, height: rowH * frames.length, channels: 3, background: '#000' } }).composite(composite).jpeg({ quality: 85 }).toFile(out);
}

type Render = (f: MotionFrame) => RgbaImage;

/** Box PSNR against the real frame of the frame's variants: pose alone, weights alone, each weight back to the photo's own. */
function partsOf(render: Render, neutral: MotionFrame, f: MotionFrame, real: RgbaImage, mask: Uint8Array): string {
  const score = (v: MotionFrame) => psnr(render(v), real, mask);
  const full = score(f);
  const parts = [`full ${full.toFixed(2)}`, `pose only ${score({ ...neutral, pose: f.pose }).toFixed(2)}`, `weights only ${score({ ...f, pose: neutral.pose }).toFixed(2)}`, `rest ${score(neutral).toFixed(2)}`];
  const gains: [string, number][] = [];
  for (const k of Object.keys(f.w)) {
    const own = neutral.w[k] ?? 0;
    if (Math.abs((f.w[k] ?? 0) - own) < 0.02) continue;
    gains.push([k, score({ ...f, w: { ...f.w, [k]: own } }) - full]);
  }
  gains.sort((a, b) => b[1] - a[1]);
  const own = ['jawOpen', 'mouthLowerDown', 'mouthUpperUp', 'mouthSmileLeft', 'mouthSmileRight', 'restLipGap'].map((k) => `${k} ${(f.w[k] ?? 0).toFixed(3)}/${(neutral.w[k] ?? 0).toFixed(3)}`).join(' ');
  return `${parts.join(', ')}; frame/photo's own: ${own}; back to the photo's: ${gains.slice(0, 6).map(([k, g]) => `${k} ${g >= 0 ? '+' : ''}${g.toFixed(2)}`).join(', ')}`;
}

async function main(): Promise<void> {
  const clip = process.argv[2]!;
  const video = VIDEOS[clip] ?? clip;
  const seconds = Number(arg('seconds', '5'));
  const worst = Number(arg('worst', '8'));
  const sheetOut = arg('sheet', '');
  const show = arg('frames', '').split(',').filter(Boolean).map(Number);
  const parts = process.argv.includes('--parts');
  const realKept = new Map<number, { real: RgbaImage; mask: Uint8Array }>();
  const o = { ...DEFAULT_EVAL_OPTIONS, video, mode: 'reenact' as const, frame: 0, maxSeconds: seconds };
  const src = await setupSource(o, () => {});
  const motion = await motionOf(clip, video, seconds);
  const r = createRenderer(buildAvatar(src.portrait), { width: src.size, height: src.size });
  const photo = src.portrait.image, photoStats = lumaStats(photo);
  const lmsFile = path.join(CACHE, `${clip}-${seconds}s-reallips.json`);
  const cachedLips: ([Box, number] | null)[] | undefined = existsSync(lmsFile) ? JSON.parse(await readFile(lmsFile, 'utf8')) : undefined;
  const lips: ([Box, number] | null)[] = [];
  const rows: FrameRow[] = [];
  const kept = new Map<number, RgbaImage[]>();
  const frames = Math.min(src.maxFrames, motion.frames.length, Number(arg('until', '1e9')) + 1);
  let last: [Box, number] | null = null;
  for await (const [i, frame] of numberedFrames(video, { fps: FPS, maxSide: src.maxSide, maxFrames: frames })) {
    const { image: real, valid } = await cropReal(frame, src.box, src.size);
    let lip = cachedLips ? cachedLips[i] ?? null : null;
    if (!cachedLips) {
      const face = await detectOne(real, false);
      lip = face ? [lipBox(face.landmarks), lipGap(face.landmarks)] : null;
    }
    lips.push(lip);
    last = lip ?? last;
    if (i === 0 || !last) continue;
    const gen = r.render(motion.frames[i]!);
    const genCopy: RgbaImage = { width: gen.width, height: gen.height, data: new Uint8ClampedArray(gen.data) };
    const mask = intersect(valid, boxMask(last[0], src.size, src.size))!;
    const realStats = lumaStats(real);
    const w = motion.frames[i]!.w;
    rows.push({ frame: i, gap: last[1], ours: scoresIn(genCopy, lumaStats(genCopy), real, realStats, mask), photo: scoresIn(photo, photoStats, real, realStats, mask), w: Object.fromEntries(SHOWN.map((k) => [k, w[k] ?? 0])) });
    kept.set(i, [real, genCopy].map((img) => closeUp(img, last![0], 240)));
    if (parts) realKept.set(i, { real, mask });
  }
  if (!cachedLips) { mkdirSync(CACHE, { recursive: true }); await writeFile(lmsFile, JSON.stringify(lips)); }
  console.log(`${clip}: ${rows.length} frames, mouth box = the real lips of each frame (the eval: of every 2nd)`);
  printBands(rows);
  const losing = [...rows].sort((a, b) => (a.ours[0] - a.photo[0]) - (b.ours[0] - b.photo[0]));
  console.log(`\nframes where ours loses most (ours - photo dB):`);
  console.log(`frame   gap   ours  photo  diff  ${SHOWN.map((k) => k.replace('mouth', '').slice(0, 7).padStart(7)).join(' ')}`);
  for (const x of losing.slice(0, Math.max(worst, 12))) console.log(`${String(x.frame).padStart(5)} ${x.gap.toFixed(3)} ${x.ours[0].toFixed(2)} ${x.photo[0].toFixed(2)} ${(x.ours[0] - x.photo[0]).toFixed(2).padStart(5)}  ${SHOWN.map((k) => x.w[k]!.toFixed(2).padStart(7)).join(' ')}`);
  if (parts) {
    const render: Render = (f) => { const g = r.render(f); return { width: g.width, height: g.height, data: new Uint8ClampedArray(g.data) }; };
    const neutral = r.neutralFrame();
    console.log(`\nparts (box PSNR against the real frame; "+x" = the gain when that weight is the photo's own):`);
    for (const x of show.length ? rows.filter((y) => show.includes(y.frame)) : losing.slice(0, 6)) {
      const k = realKept.get(x.frame)!;
      console.log(`f${x.frame}: ${partsOf(render, neutral, motion.frames[x.frame]!, k.real, k.mask)}`);
    }
  }
  const csv = arg('csv', '');
  if (csv) await writeFile(csv, ['frame,gap,psnrOurs,psnrPhoto,ssimOurs,ssimPhoto,' + SHOWN.join(','), ...rows.map((x) => [x.frame, x.gap, ...x.ours, ...x.photo, ...SHOWN.map((k) => x.w[k])].map((v) => +Number(v).toFixed(4)).join(','))].join('\n'));
  if (sheetOut) {
    const chosen = show.length ? rows.filter((x) => show.includes(x.frame)) : losing.slice(0, worst).sort((a, b) => a.frame - b.frame);
    const photoTile = (x: FrameRow) => closeUp(photo, lips[x.frame]?.[0] ?? lips[x.frame - 1]![0], 240);
    await sheet(chosen.map((x) => ({ row: x, tiles: [...kept.get(x.frame)!, photoTile(x)] })), 240, sheetOut);
    console.log(`sheet: ${sheetOut}`);
  }
}

await main();
