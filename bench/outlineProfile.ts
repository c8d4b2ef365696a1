// The open mouth's outline shape off the pixels, driver vs ours (s57 boat57; figures outlineProfileFigures.ts): per
// frame the opening's region (dark + teeth, connected, inside the outer lips) on the driver's real frame (face mesh
// for the box only) and on each --root's render of a saved motion, its lower edge's depth profile across the width
// (full / half / bulge / tip) and the upper edge's; a sheet per frame driver | roots, mouth 3x, the region's
// outline drawn in green.
//   node --import tsx bench/outlineProfile.ts OUT --video clip.mp4 --motion m.json --portrait lp_s42.jpg --frames 6,109 [--root a,b] [--profile]
import path from 'node:path';
import { mkdir, readFile } from 'node:fs/promises';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { detectFaces } from '../src/face/detect.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import type { MotionFrame, RgbaImage } from '../src/types.ts';
import { LIPS_INNER_LOWER, LIPS_INNER_UPPER } from '../src/rig/topology.ts';
import { edgeProfile, lipEdgeOutline, openingOutline, type OpeningOutline, type ProfileFigures } from './outlineProfileFigures.ts';

const arg = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const out = process.argv[2]!;
const roots = arg('--root', '.').split(',').filter(Boolean).map((r) => path.resolve(r));
const frames = arg('--frames', '').split(',').filter(Boolean).map(Number);
const zoom = 3, showProfile = process.argv.includes('--profile');
const { default: sharp } = await import('sharp');
await mkdir(out, { recursive: true });
type Lm = [number, number][];
const iodOf = (lm: ArrayLike<ArrayLike<number>>) => Math.hypot(lm[33]![0]! - lm[263]![0]!, lm[33]![1]! - lm[263]![1]!);

const fmt = (p: ProfileFigures | null) => p ? `full ${p.full.toFixed(2)} half ${p.half.toFixed(2)} bulge ${p.bulge >= 0 ? '+' : ''}${p.bulge.toFixed(2)} tip ${p.tip.toFixed(2)}` : 'full  -                        ';

/**
 * Each edge's depth over the half width (the opening's height share, the lower / upper) and the corner's opening angle
 * (degrees) between the two edges at .15 half widths in from the corners (mean of both corners' reading via tip).
 */
function cornerText(lo: ProfileFigures | null, up: ProfileFigures | null): string {
  if (!lo || !up) return '';
  const hl = lo.depth / (lo.width / 2), hu = up.depth / (up.width / 2);
  const ang = (Math.atan2(lo.tip * hl, 0.15) + Math.atan2(up.tip * hu, 0.15)) * 180 / Math.PI;
  return ` hlo ${hl.toFixed(2)} hup ${hu.toFixed(2)} corner15 ${ang.toFixed(0)}`;
}
/** The figures of one image, and its mouth crop (3x, the region's border green) as a PNG buffer. */
async function measure(img: RgbaImage, lm: ArrayLike<ArrayLike<number>>): Promise<{ line: string; png: Buffer; lo: ProfileFigures | null; up: ProfileFigures | null; elo: ProfileFigures | null; eup: ProfileFigures | null }> {
  const o = openingOutline(img, lm), iod = iodOf(lm);
  const lo = o && edgeProfile(o, 1), up = o && edgeProfile(o, -1);
  const W = img.width, H = img.height, data = new Uint8ClampedArray(img.data);
  const e = lipEdgeOutline(img, lm, LIPS_INNER_UPPER, LIPS_INNER_LOWER), elo = e && edgeProfile(e, 1, 1), eup = e && edgeProfile(e, -1, 1);
  if (o) for (let q = 0; q < W * H; q++) if (o.mask[q] && (!o.mask[q - 1] || !o.mask[q + 1] || !o.mask[q - W] || !o.mask[q + W])) { data[q * 4] = 0; data[q * 4 + 1] = 255; data[q * 4 + 2] = 0; }
  if (e) for (let k = 0; k < e.top.length; k++) for (const y of [e.top[k]!, e.bottom[k]!]) { const q = (Math.round(y) * W + e.x0 + k) * 4; if (q >= 0 && q < data.length) { data[q] = 255; data[q + 1] = 0; data[q + 2] = 255; } }
  const cx = 0.5 * (lm[78]![0]! + lm[308]![0]!), cy = 0.5 * (lm[13]![1]! + lm[14]![1]!), side = Math.round(Math.max(48, 0.9 * iod));
  const left = Math.max(0, Math.min(W - side, Math.round(cx - side / 2))), top = Math.max(0, Math.min(H - side, Math.round(cy - side / 2)));
  const raw = await sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.length), { raw: { width: W, height: H, channels: 4 } })
    .extract({ left, top, width: side, height: side }).resize(side * zoom, side * zoom, { kernel: 'nearest' }).png().toBuffer();
  const marked = await sharp(Buffer.from(data.buffer), { raw: { width: W, height: H, channels: 4 } })
    .extract({ left, top, width: side, height: side }).resize(side * zoom, side * zoom, { kernel: 'nearest' }).png().toBuffer();
  const png = await sharp({ create: { width: side * zoom, height: 2 * side * zoom, channels: 4, background: '#000' } })
    .composite([{ input: raw, left: 0, top: 0 }, { input: marked, left: 0, top: side * zoom }]).png().toBuffer().then((b) => sharp(b).resize(3 * 96, 6 * 96).png().toBuffer());
  const size = lo ? ` w ${(lo.width / iod).toFixed(3)} dlo ${(lo.depth / iod).toFixed(3)} dup ${up ? (up.depth / iod).toFixed(3) : '-'}` : '';
  let line = `lower ${fmt(lo)} | upper ${fmt(up)}${size}\n      EDGE lower ${fmt(elo)} | upper ${fmt(eup)}${cornerText(elo, eup)}`;
  if (showProfile && lo) line += `\n      lo ${lo.profile.map((v) => v.toFixed(2)).join(' ')}${up ? `\n      up ${up.profile.map((v) => v.toFixed(2)).join(' ')}` : ''}`;
  if (showProfile && elo) line += `\n      elo ${elo.profile.map((v) => v.toFixed(2)).join(' ')}${eup ? `\n      eup ${eup.profile.map((v) => v.toFixed(2)).join(' ')}` : ''}`;
  return { line, png, lo, up, elo, eup };
}

/** The shader's drawn opening (per column the rounded line, inside the raw one) as an outline. */
function drawnOutline(s: { upperY: Float32Array; lowerY: Float32Array; upperRaw: Float32Array; lowerRaw: Float32Array }): OpeningOutline | null {
  let x0 = -1, x1 = -1;
  const t = (x: number) => Math.max(s.upperY[x]!, s.upperRaw[x]!), b = (x: number) => Math.min(s.lowerY[x]!, s.lowerRaw[x]!);
  for (let x = 0; x < s.upperY.length; x++) if (t(x) === t(x) && b(x) === b(x) && b(x) > t(x)) { if (x0 < 0) x0 = x; x1 = x; }
  if (x0 < 0) return null;
  const top = new Float64Array(x1 - x0 + 1), bottom = new Float64Array(x1 - x0 + 1);
  for (let x = x0; x <= x1; x++) { top[x - x0] = t(x); bottom[x - x0] = Math.max(t(x), b(x)); }
  return { x0, top, bottom, mask: new Uint8Array(0), lipLuma: 0 };
}
const tiles = new Map<number, Buffer[]>();
const add = (i: number, b: Buffer) => { if (!tiles.has(i)) tiles.set(i, []); tiles.get(i)!.push(b); };
const rows: string[] = [];
const sums = new Map<string, number[][]>();
const keep = (tag: string, lo: ProfileFigures | null, up: ProfileFigures | null) => {
  if (!lo) return;
  if (!sums.has(tag)) sums.set(tag, []);
  sums.get(tag)!.push([lo.full, lo.half, lo.bulge, lo.tip, up?.full ?? NaN, up?.half ?? NaN]);
};
const video = arg('--video', '');
if (video) {
  let i = 0;
  for await (const fr of decodeVideoFrames(video, { fps: 25, maxSide: 512, maxFrames: Math.max(...frames) + 1 }) as AsyncGenerator<RgbaImage>) {
    if (frames.includes(i)) {
      const f = (await detectFaces({ ...fr, data: new Uint8ClampedArray(fr.data) }, { embedding: false }))[0];
      if (f) {
        const lm = (f.landmarks as number[][]).map((p) => [p[0]!, p[1]!] as [number, number]);
        const m = await measure(fr, lm);
        add(i, m.png); keep('real', m.lo, m.up); keep('real:edge', m.elo, m.eup);
        rows.push(`f${String(i).padEnd(4)} ${'real'.padEnd(9)} ${m.line}`);
      }
    }
    i++;
  }
}
const motionFile = arg('--motion', '');
if (motionFile) {
  const motion = JSON.parse(await readFile(motionFile, 'utf8')) as { frames: MotionFrame[] };
  const portrait = await cachedPortrait(path.join(SHARED_PORTRAITS, arg('--portrait', 'lp_s42.jpg')));
  for (const root of roots) {
    const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
    const { createRenderer } = await import(path.join(root, 'src/render/renderer.ts'));
    const { MouthShader } = await import(path.join(root, 'src/render/mouth/shader.ts'));
    // the drawn lines (the shader as the frame left it, as openingOutline.ts reads them): ours measured on the lip line itself
    let shader: { upperY: Float32Array; lowerY: Float32Array; upperRaw: Float32Array; lowerRaw: Float32Array } | null = null;
    const set = MouthShader.prototype.setLips;
    MouthShader.prototype.setLips = function (this: typeof shader, ...a: unknown[]) { shader = this; return set.apply(this, a); };
    // --set render/mouth/x.ts:xSetting.k=v[,...]: a setting changed on every root (a variant beside the product)
    for (const kv of arg('--set', '').split(',').filter(Boolean)) {
      const [file, rest] = kv.split(':'), [lhs, v] = rest!.split('='), [obj, key] = lhs!.split('.');
      (await import(path.join(root, 'src', file!)))[obj!][key!] = v === 'true' ? true : v === 'false' ? false : Number(v);
    }
    const r = createRenderer(buildAvatar(portrait), { width: 512, height: 512 });
    const tag = path.basename(root) + (arg('--set', '') ? '*' : '');
    for (const i of frames) {
      const img: RgbaImage = r.render(motion.frames[i]!);
      const lm = r.landmarks(motion.frames[i]!) as Lm;
      const m = await measure(img, lm);
      add(i, m.png); keep(tag, m.lo, m.up); keep(tag + ':edge', m.elo, m.eup);
      rows.push(`f${String(i).padEnd(4)} ${tag.padEnd(9)} ${m.line}`);
      const dr = drawnOutline(shader!);
      const dlo = dr && edgeProfile(dr, 1), dup = dr && edgeProfile(dr, -1);
      keep(tag + ':line', dlo, dup);
      rows.push(`f${String(i).padEnd(4)} ${(tag + ':line').padEnd(9)} lower ${fmt(dlo)} | upper ${fmt(dup)}` + (showProfile && dlo ? `\n      lo ${dlo.profile.map((v) => v.toFixed(2)).join(' ')}` : ''));
    }
    MouthShader.prototype.setLips = set;
  }
}
for (const row of rows.sort((a, b) => Number(a.slice(1, 5)) - Number(b.slice(1, 5)))) console.log(row);
for (const [tag, v] of sums) {
  const med = (k: number) => { const s = v.map((r) => r[k]!).filter((x) => x === x).sort((a, b) => a - b); return s.length ? s[s.length >> 1]! : NaN; };
  console.log(`median ${tag.padEnd(9)} lower full ${med(0).toFixed(2)} half ${med(1).toFixed(2)} bulge ${med(2).toFixed(2)} tip ${med(3).toFixed(2)} | upper full ${med(4).toFixed(2)} half ${med(5).toFixed(2)} (n ${v.length})`);
}
const ordered = [...tiles.keys()].sort((a, b) => a - b);
const tw = 3 * 96, th = 6 * 96;
const cols = Math.max(...ordered.map((k) => tiles.get(k)!.length));
const comp: { input: Buffer; left: number; top: number }[] = [];
ordered.forEach((k, r) => tiles.get(k)!.forEach((b, c) => comp.push({ input: b, left: c * (tw + 4), top: r * (th + 4) })));
if (comp.length) await sharp({ create: { width: cols * (tw + 4), height: ordered.length * (th + 4), channels: 3, background: '#333' } }).composite(comp).png().toFile(path.join(out, `sheet_${arg('--tag', 'x')}.png`));
