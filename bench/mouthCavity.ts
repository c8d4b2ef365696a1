// The mouth's interior against the real one at the most open frames of self-reenactments (photo =
// frame 0, driven by the clip's own motion, as eval reads it): inside the inner-lip polygon, the
// share of dark cavity, the teeth's colour and the lines between teeth (critic15's mouthstats.py,
// fix-first #1: "no dark mouth cavity", "mt_sun's teeth look stained"). Each --root (a checkout)
// renders its own row, so before/after compare; the sheet is real | root1 | root2 ... at 3x.
//   node --import tsx bench/mouthCavity.ts [obama1,obama2,feifei1,katie,mt_sun] [--root a,b] [--frames 6] [--out docs/mouth/x.jpg]
// Per frame, inside the polygon (skin = median luma of a patch between the lower lip and the chin):
//   dark   share of pixels under DARK_SHARE x skin (the cavity; critic15 real .13-.22, ours ~0)
//   teeth  pixels over 1.05 x skin with chroma under 0.35 of their max channel: their mean value
//          (max channel), chroma (max - min), R-B and G/R (gold: high R-B, low G/R)
//   edge   mean |dL| between horizontally adjacent teeth pixels / skin x 100 (lines between teeth)
// Motion and avatars are cached in $REAL3D_TRACKS (default /tmp/real3d-tracks).
import path from 'node:path';
import { existsSync, mkdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import sharp from 'sharp';
import { mouthBox, mouthTile, stack, strip } from './mouthTiles.ts';
import { VIDEOS } from './mouthBase.ts';
import { decodeVideoFrames } from '../src/io/media.ts';
import { analyzePortrait } from '../src/analyze/index.ts';
import { extractCrop } from '../src/analyze/crop.ts';
import { motionFromVideo } from '../src/motion/fromVideo.ts';
import { detectOne } from '../src/eval/frames.ts';
import { interiorStats, type Stats } from './mouthInterior.ts';

const CLIPS: Record<string, string> = { ...VIDEOS, obama1: VIDEOS.obama2!.replace('clip2', 'clip1') };
const median = (v: number[]) => { const s = v.filter((x) => x === x).sort((a, b) => a - b); return s.length ? s[s.length >> 1]! : NaN; };
function summary(all: (Stats | null)[]): string {
  const s = all.filter((x): x is Stats => x !== null);
  const m = (k: keyof Stats, dg = 3) => median(s.map((x) => x[k])).toFixed(dg);
  return `dark ${m('dark')} teeth ${m('teeth')} value ${m('value', 0)} chroma ${m('chroma', 1)} R-B ${m('rb', 1)} G/R ${m('gr')} edge ${m('edge', 2)} luma/skin p10/25/50/90 ${m('l10', 2)}/${m('l25', 2)}/${m('l50', 2)}/${m('top', 2)} p90/sclera ${m('topSclera', 2)} teeth luma ${m('teethY', 0)} /skin ${m('teethLuma', 2)} (${s.length} frames)`;
}

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1]! : dflt; };
const clips = (args[0] && !args[0].startsWith('--') ? args[0] : 'obama1,obama2,feifei1,katie,mt_sun').split(',');
const roots = opt('--root', path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));
const count = Number(opt('--frames', '6'));
const out = opt('--out', '/tmp/mouthCavity.jpg');
const TRACKS = process.env.REAL3D_TRACKS ?? '/tmp/real3d-tracks';
const ZOOM = 3;
mkdirSync(TRACKS, { recursive: true });
/** The tile's box (`side` px) centred on this frame's own mouth: the heads move. */
const around = (lm: ArrayLike<ArrayLike<number>>, side: number) => {
  const b = mouthBox(lm, 1.5, 0.42);
  return { side, left: Math.round(b.left + b.side / 2 - side / 2), top: Math.round(b.top + 0.42 * (b.side - side)) };
};
const sheets: { png: Buffer; width: number; height: number }[] = [];

for (const clip of clips) {
  const motionFile = `${TRACKS}/motion-${clip}.json`;
  const frames = existsSync(motionFile) ? JSON.parse(await readFile(motionFile, 'utf8')).frames
    : (await motionFromVideo(CLIPS[clip]!, { fps: 25, maxSeconds: 5, mapToInitPose: true })).frames;
  if (!existsSync(motionFile)) await writeFile(motionFile, JSON.stringify({ frames }));
  // the most open frames by the motion's opening, at least 4 frames apart
  const order = frames.map((f: { w: Record<string, number> }, i: number) => [i, (f.w.jawOpen ?? 0) + (f.w.mouthLowerDown ?? 0) * 0.3] as [number, number]).sort((a: [number, number], b: [number, number]) => b[1] - a[1]);
  const at: number[] = [];
  for (const [i] of order) if (at.length < count && at.every((j) => Math.abs(j - i) >= 4)) at.push(i);
  at.sort((a, b) => a - b);
  const want = new Set(at);
  const real = new Map<number, unknown>();
  let photo: unknown, k = 0;
  for await (const img of decodeVideoFrames(CLIPS[clip]!, { fps: 25, maxSide: 1024, maxFrames: Math.max(...at) + 1 })) {
    if (k === 0) photo = img;
    if (want.has(k)) real.set(k, img);
    k++;
  }
  const portrait = await analyzePortrait(photo as never);
  const c = portrait.analysis.crop;
  const box = { x: Math.round(c.x), y: Math.round(c.y), side: Math.round(c.side) };
  const rows: Buffer[] = [];
  let mb = { side: 0, left: 0, top: 0 };
  for (const [ri, root] of roots.entries()) {
    const { buildAvatar, saveAvatar, loadAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
    const { createRenderer } = await import(path.join(root, 'src/render/renderer.ts'));
    const file = `${TRACKS}/cavity-${clip}.${path.basename(root)}.avatar`;
    const av = existsSync(file) ? await loadAvatar(file) : buildAvatar(portrait);
    if (!existsSync(file)) await saveAvatar(av, file);
    const r = createRenderer(av, { width: c.size, height: c.size });
    if (ri === 0) {
      mb = mouthBox(r.landmarks(r.neutralFrame()), 1.5, 0.42);
      const tiles: Buffer[] = [], st: (Stats | null)[] = [];
      for (const i of at) {
        const crop = await extractCrop(real.get(i) as never, box, c.size) as any;
        const im = 'image' in crop ? crop.image : crop;
        const face = await detectOne(im, false);
        tiles.push(await mouthTile(im.data, c.size, face ? around(face.landmarks, mb.side) : mb, ZOOM));
        st.push(face ? interiorStats(im.data, c.size, face.landmarks) : null);
      }
      console.log(`${clip} real      frames ${at.join(',')}: ${summary(st)}`);
      rows.push(await strip(tiles, mb.side * ZOOM));
    }
    const tiles: Buffer[] = [], st: (Stats | null)[] = [];
    for (const i of at) {
      const img = r.render(frames[i]), lm = r.landmarks(frames[i]);
      tiles.push(await mouthTile(img.data, c.size, around(lm, mb.side), ZOOM));
      st.push(interiorStats(img.data, c.size, lm));
    }
    console.log(`${clip} ${path.basename(root).padEnd(9)} frames ${at.join(',')}: ${summary(st)}`);
    rows.push(await strip(tiles, mb.side * ZOOM));
  }
  const tmp = `${TRACKS}/cavity-sheet-${clip}.png`;
  await stack(rows, mb.side * ZOOM * at.length, mb.side * ZOOM, tmp);
  sheets.push({ png: await readFile(tmp), width: mb.side * ZOOM * at.length, height: mb.side * ZOOM * rows.length });
}
// the clips' sheets one under the other, each scaled to one width
const W = 1200;
const scaled = await Promise.all(sheets.map(async (s) => ({ png: await sharp(s.png).resize(W).png().toBuffer(), h: Math.round((s.height * W) / s.width) })));
let y = 0;
const comp = scaled.map((s) => { const o = { input: s.png, left: 0, top: y }; y += s.h + 6; return o; });
await sharp({ create: { width: W, height: y, channels: 3, background: '#000' } }).composite(comp).jpeg({ quality: 85 }).toFile(out);
console.log(`wrote ${out} (per clip rows: real, ${roots.map((r) => path.basename(r)).join(', ')})`);
