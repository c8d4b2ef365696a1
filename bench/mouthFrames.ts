// The real mouth and ours side by side at chosen frames of a self-reenactment (photo = frame 0),
// with the frame's mouth weights and where the mouth's pieces sit, for finding why an opening
// looks as it does. Each --root (a checkout) renders its own row, so before/after compare.
//   node --import tsx bench/mouthFrames.ts obama2 17,29,51 [--root a,b] [--out x.png]
// The motion (as eval reads it) and the frame-0 avatar are cached in $REAL3D_TRACKS (default /tmp/real3d-tracks).
import path from 'node:path';
import { existsSync, mkdirSync } from 'node:fs';
import { mouthBox, mouthTile, stack, strip } from './mouthTiles.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { analyzePortrait } from '../src/analyze/index.ts';
import { extractCrop } from '../src/analyze/crop.ts';
import { readFile, writeFile } from 'node:fs/promises';
import { motionFromVideo } from '../src/motion/fromVideo.ts';
import { VIDEOS } from './mouthBase.ts';
import { detectOne } from '../src/eval/frames.ts';
import { polygonMask } from '../src/eval/masks.ts';
import { LIPS_INNER_LOWER, LIPS_INNER_UPPER } from '../src/rig/topology.ts';

/** Inside the inner lip contour: the mean colour, and the mean of its brightest 15 % (the teeth where they show). */
function interior(data: Uint8ClampedArray | Uint8Array, size: number, lm: ArrayLike<ArrayLike<number>>): string {
  const poly = [...LIPS_INNER_UPPER, ...[...LIPS_INNER_LOWER].reverse()].map((i) => [lm[i]![0]!, lm[i]![1]!] as [number, number]);
  const mask = polygonMask(poly, size, size);
  const px: [number, number, number, number][] = [];
  for (let q = 0; q < mask.length; q++) if (mask[q]) { const o = q * 4; px.push([data[o]!, data[o + 1]!, data[o + 2]!, 0.3 * data[o]! + 0.59 * data[o + 1]! + 0.11 * data[o + 2]!]); }
  if (px.length < 10) return 'closed';
  const mean = (a: typeof px) => [0, 1, 2].map((k) => Math.round(a.reduce((s, p) => s + p[k]!, 0) / a.length)).join(',');
  px.sort((a, b) => b[3] - a[3]);
  return `interior ${mean(px)} bright ${mean(px.slice(0, Math.max(1, Math.round(0.15 * px.length))))} (${px.length} px) teeth detail ${teethDetail(data, size, mask, px[Math.floor(0.05 * px.length)]![3])}`;
}

/**
 * How much the teeth vary across the row (session 15, #13: "one smooth band without gaps between
 * teeth"): over the teeth pixels inside the opening (at least half its bright 95th percentile,
 * both horizontal neighbours too), the mean |L - mean of the two neighbours|, as a percentage of
 * their mean L. A smooth band reads ~1, separate teeth with dark lines between them more.
 */
function teethDetail(data: Uint8ClampedArray | Uint8Array, size: number, mask: Uint8Array, bright: number): string {
  const L = (q: number) => 0.3 * data[q * 4]! + 0.59 * data[q * 4 + 1]! + 0.11 * data[q * 4 + 2]!;
  const floor = 0.5 * bright;
  let hp = 0, sum = 0, n = 0;
  for (let q = 1; q < mask.length - 1; q++) {
    if (!mask[q] || !mask[q - 1] || !mask[q + 1] || q % size === 0 || q % size === size - 1) continue;
    const l = L(q), a = L(q - 1), b = L(q + 1);
    if (l < floor || a < floor || b < floor) continue;
    hp += Math.abs(l - (a + b) / 2); sum += l; n++;
  }
  return n < 20 ? '- (under 20 px)' : `${((100 * hp) / sum).toFixed(2)} % (${n} px)`;
}

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const clip = args[0]!, at = args[1]!.split(',').map(Number);
const roots = opt('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));
const out = opt('--out', `/tmp/mouthFrames-${clip}.png`);
const TRACKS = process.env.REAL3D_TRACKS ?? '/tmp/real3d-tracks';
const ZOOM = 3;
mkdirSync(TRACKS, { recursive: true });

const want = new Set(at);
const real = new Map<number, Awaited<ReturnType<typeof extractCrop>>>();
let photo;
let k = 0;
for await (const img of decodeVideoFrames(VIDEOS[clip]!, { fps: 25, maxSide: 1024, maxFrames: Math.max(...at) + 1 })) {
  if (k === 0) photo = img;
  if (want.has(k)) real.set(k, img as never);
  k++;
}
const portrait = await analyzePortrait(photo!);
const c = portrait.analysis.crop;
const box = { x: Math.round(c.x), y: Math.round(c.y), side: Math.round(c.side) };
// the eval's own motion (eval/engine.ts), cached
const motionFile = `${TRACKS}/motion-${clip}.json`;
const frames = existsSync(motionFile) ? JSON.parse(await readFile(motionFile, 'utf8')).frames
  : (await motionFromVideo(VIDEOS[clip]!, { fps: 25, maxSeconds: 5, mapToInitPose: true })).frames;
if (!existsSync(motionFile)) await writeFile(motionFile, JSON.stringify({ frames }));
const rowsOut: Buffer[] = [];
let side = 0, left = 0, top = 0;
const tile = (data: Uint8ClampedArray | Uint8Array, size: number) => mouthTile(data, size, { left, top, side }, ZOOM);
for (const [ri, root] of roots.entries()) {
  const { buildAvatar, saveAvatar, loadAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
  const { createRenderer } = await import(path.join(root, 'src/render/renderer.ts'));
  // the frame's placement of the teeth (shader.ts), recorded as the renderer sets it
  const { MouthShader } = await import(path.join(root, 'src/render/mouth/shader.ts'));
  let placed: { upperY: number; lowerY: number; unit: number } | null = null;
  const setPlacement = MouthShader.prototype.setPlacement;
  MouthShader.prototype.setPlacement = function (p: typeof placed) { placed = p; return setPlacement.call(this, p); };
  const file = `${TRACKS}/frames-${clip}.${path.basename(root)}.avatar`;
  const av = existsSync(file) ? await loadAvatar(file) : buildAvatar(portrait);
  if (!existsSync(file)) await saveAvatar(av, file);
  const r = createRenderer(av, { width: c.size, height: c.size });
  const n = r.neutralFrame();
  if (ri === 0) {
    ({ side, left, top } = mouthBox(r.landmarks(n), 1.5, 0.42));
    const realTiles = [];
    for (const i of at) {
      const crop = await extractCrop(real.get(i)! as never, box, c.size) as any;
      const im = 'image' in crop ? crop.image : crop;
      realTiles.push(await tile(im.data, c.size));
      const face = await detectOne(im, false);
      console.log(`real frame ${i}: ${face ? interior(im.data, c.size, face.landmarks) : 'no face'}`);
    }
    rowsOut.push(await strip(realTiles, side * ZOOM));
  }
  const tiles = [];
  for (const i of at) {
    const f = frames[i]!;
    const img = r.render(f);
    tiles.push(await tile(img.data, c.size));
    const w = f.w as Record<string, number>;
    const pick = ['jawOpen', 'mouthLowerDown', 'mouthUpperUp', 'mouthSmileLeft', 'mouthSmileRight', 'mouthFunnel', 'mouthPucker', 'mouthRollLower', 'mouthRollUpper', 'mouthPress', 'mouthClose', 'restLipGap'];
    const lm = r.landmarks(f);
    const iod = Math.hypot(lm[33]![0] - lm[263]![0], lm[33]![1] - lm[263]![1]);
    // the inner lip centres against where they sit with this head pose and the photo's expression
    const rest = r.landmarks({ ...n, pose: f.pose });
    const rise = (rest[13]![1] - lm[13]![1]) / iod, drop = (lm[14]![1] - rest[14]![1]) / iod;
    r.render(f);
    const p = placed!, lead = (lm[14]![1] - p.lowerY) / p.unit, over = (p.upperY - lm[13]![1]) / p.unit;
    console.log(`${path.basename(root)} frame ${i}: upper lip up ${rise.toFixed(3)} (over the teeth anchor ${over.toFixed(3)}) lower lip down ${drop.toFixed(3)} (under the jaw anchor ${lead.toFixed(3)}) ${interior(img.data, c.size, lm)} gap ${(Math.hypot(lm[13]![0] - lm[14]![0], lm[13]![1] - lm[14]![1]) / iod).toFixed(3)} ` + pick.map((p) => `${p} ${(w[p] ?? 0).toFixed(2)}`).join(' '));
  }
  rowsOut.push(await strip(tiles, side * ZOOM));
}
await stack(rowsOut, side * ZOOM * at.length, side * ZOOM, out);
console.log(`wrote ${out} (rows: real, ${roots.map((r) => path.basename(r)).join(', ')}; ${side} px at ${ZOOM}x)`);
