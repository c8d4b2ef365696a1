// eyeWide's rendered gain by face (widegain48): per portrait, the neutral frame with a raise (eyeWide over the
// photo's) of .3 / .6 / 1 on both eyes, read back by the face mesh off the render (detectFaces) and by the renderer's
// own landmarks. Per eye: `rise` the upper lid's move over the rest render at the iris's centre column (iris
// diameters, the rest read-back's iris), `show` the lid over the iris's top, `below` the lower lid under the iris's
// bottom (negative: the lid covers it), `arch` the lid's apex over the corners' chord (% of the eye's width).
// Sheet rows = portraits, columns rest | .3 | .6 | 1, both eyes zoomed. --root renders with another checkout. Never asserts.
//   node --import tsx bench/wideGain.ts [--root /work/main] [--raises .3,.6,1] [--sheet out.png] lp_s42.jpg,mt_man.png,...
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { cachedPortrait } from './portraitCache.ts';
import { detectFaces } from '../src/face/detect.ts';
import { cropImage, labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import { EYE_L_LOWER, EYE_L_UPPER, EYE_R_LOWER, EYE_R_UPPER } from '../src/rig/topology.ts';
import type { RgbaImage } from '../src/types.ts';
import { SHARED_DATA } from './sharedData.ts';

const args = process.argv.slice(2);
const arg = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const root = path.resolve(arg('--root') ?? path.join(import.meta.dirname, '..'));
const sheet = arg('--sheet');
const raises = (arg('--raises') ?? '0.3,0.6,1').split(',').map(Number);
const list = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')).at(-1);
if (!list) throw new Error('usage: node --import tsx bench/wideGain.ts [--root dir] [--sheet out.png] a.jpg,b.png');
const { buildAvatar } = await import(pathToFileURL(path.join(root, 'src/avatar/build.ts')).href);
const { createRenderer } = await import(pathToFileURL(path.join(root, 'src/render/renderer.ts')).href);
const copy = (img: RgbaImage): RgbaImage => ({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) });
type Lm = ArrayLike<ArrayLike<number>>;

/** The line through points (sorted by x) at x; NaN outside. */
function lineAt(pts: [number, number][], x: number): number {
  const s = pts.slice().sort((a, b) => a[0] - b[0]);
  for (let k = 0; k + 1 < s.length; k++) if (x >= s[k]![0] && x <= s[k + 1]![0]) return s[k]![1] + ((x - s[k]![0]) / Math.max(1e-6, s[k + 1]![0] - s[k]![0])) * (s[k + 1]![1] - s[k]![1]);
  return NaN;
}
interface EyeRead { cx: number; cy: number; r: number; lidY: number; lowY: number; arch: number }
/** One eye off landmarks: its iris (centre, mean rim radius), the upper / lower lid at the iris's centre column, the arch. */
function eyeRead(lm: Lm, upper: readonly number[], lower: readonly number[], irisAt?: { cx: number }): EyeRead | null {
  const up = upper.map((i) => [lm[i]![0]!, lm[i]![1]!] as [number, number]);
  const low = lower.map((i) => [lm[i]![0]!, lm[i]![1]!] as [number, number]);
  const xs = up.map((p) => p[0]);
  const c = [468, 473].find((i) => lm[i] && lm[i]![0]! > Math.min(...xs) && lm[i]![0]! < Math.max(...xs));
  if (c === undefined) return null;
  const cx = lm[c]![0]!, cy = lm[c]![1]!;
  const r = [1, 2, 3, 4].reduce((t, k) => t + Math.hypot(lm[c + k]![0]! - cx, lm[c + k]![1]! - cy), 0) / 4;
  const x = irisAt?.cx ?? cx;
  const s = up.slice().sort((a, b) => a[0] - b[0]);
  const ew = Math.hypot(s.at(-1)![0] - s[0]![0], s.at(-1)![1] - s[0]![1]);
  const chord = (px: number) => s[0]![1] + ((px - s[0]![0]) / Math.max(1e-6, s.at(-1)![0] - s[0]![0])) * (s.at(-1)![1] - s[0]![1]);
  return { cx, cy, r, lidY: lineAt(up, x), lowY: lineAt(low, x), arch: Math.max(...s.map(([px, py]) => chord(px) - py)) / ew };
}
const SIDES = [[EYE_L_UPPER, EYE_L_LOWER], [EYE_R_UPPER, EYE_R_LOWER]] as const;
const eyesOf = (lm: Lm, at?: (EyeRead | null)[]) => SIDES.map(([u, l], e) => eyeRead(lm, u, l, at?.[e] ?? undefined));
/** rise over rest (the rest iris's diameters, at the rest iris's column), show, below, arch % */
const figs = (e: EyeRead | null, rest: EyeRead | null) => {
  if (!e || !rest) return null;
  const d = 2 * rest.r;
  return { rise: (rest.lidY - e.lidY) / d, show: (rest.cy - rest.r - e.lidY) / d, below: (e.lowY - rest.cy - rest.r) / d, arch: 100 * e.arch };
};
const f2 = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? (v >= 0 ? ' ' : '') + v.toFixed(2) : '   - ');
const fmt = (g: ReturnType<typeof figs>) => (g ? `rise ${f2(g.rise)} show ${f2(g.show)} below ${f2(g.below)} arch ${g.arch.toFixed(1).padStart(4)}` : '-');

console.log(`root ${root}; per eye image-right (EYE_R) | image-left (EYE_L): face mesh read-back [renderer's landmarks]`);
const rows: GridCell[][] = [], eyeRows: GridCell[][] = [];
const eyeSheet = arg('--eye-sheet');
for (const file of list.split(',')) {
  const portrait = await cachedPortrait(path.join(SHARED_DATA, 'portraits', file));
  const r = createRenderer(buildAvatar(portrait), { width: portrait.image.width, height: portrait.image.height });
  const n = r.neutralFrame();
  const shots = [0, ...raises].map((a) => ({ a, frame: { ...n, w: { ...n.w, eyeWideLeft: n.w.eyeWideLeft + a, eyeWideRight: n.w.eyeWideRight + a } } }));
  const rest = copy(r.render(shots[0]!.frame));
  const fr = (await detectFaces(rest, { embedding: false }))[0];
  if (!fr) { console.log(`${file}: no face on the rest render`); continue; }
  const restRead = eyesOf(fr.landmarks as Lm), restOwn = eyesOf(r.landmarks(shots[0]!.frame));
  const lm = fr.landmarks as Lm;
  const iod = Math.hypot(lm[263]![0]! - lm[33]![0]!, lm[263]![1]! - lm[33]![1]!);
  const cx = (lm[263]![0]! + lm[33]![0]!) / 2, cy = (lm[263]![1]! + lm[33]![1]!) / 2;
  const bw = Math.round(1.5 * iod), bh = Math.round(bw / 3.2);
  const box: [number, number, number, number] = [Math.max(0, Math.round(cx - bw / 2)), Math.max(0, Math.round(cy - bh / 2)), bw, bh];
  const row: GridCell[] = [], eyeRow: GridCell[][] = [[], []];
  const eyeBox = (e: EyeRead): [number, number, number, number] => { const w = Math.round(0.75 * iod), h = Math.round(w / 2); return [Math.max(0, Math.round(e.cx - w / 2)), Math.max(0, Math.round(e.cy - h / 2)), w, h]; };
  console.log(`${file} photo eyeWide ${n.w.eyeWideLeft.toFixed(2)}/${n.w.eyeWideRight.toFixed(2)}`);
  for (const { a, frame } of shots) {
    const img = a === 0 ? rest : copy(r.render(frame));
    const f = a === 0 ? fr : (await detectFaces(img, { embedding: false }))[0];
    const read = f ? eyesOf(f.landmarks as Lm, restRead) : [null, null];
    const own = eyesOf(r.landmarks(frame), restOwn);
    // EYE_R is image-left... print image-right first as archBand does: EYE_L (index 0) is the subject's left = image-right
    const g = [0, 1].map((e) => figs(read[e]!, restRead[e]!)), o = [0, 1].map((e) => figs(own[e]!, restOwn[e]!));
    console.log(`  +${a.toFixed(1)}  ${fmt(g[0]!)} | ${fmt(g[1]!)}   [${fmt(o[0]!)} | ${fmt(o[1]!)}]`);
    for (const e of [0, 1]) if (restRead[e]) eyeRow[e]!.push({ label: `${file} ${e ? 'image-left' : 'image-right'} +${a}: rise ${f2(g[e]?.rise)} show ${f2(g[e]?.show)} below ${f2(g[e]?.below)}`, image: cropImage(img, eyeBox(restRead[e]!)) });
    row.push({ label: `${file} +${a}: rise ${f2(g[0]?.rise)} | ${f2(g[1]?.rise)}`, image: cropImage(img, box) });
  }
  rows.push(row);
  eyeRows.push(...eyeRow.filter((r) => r.length));
}
if (eyeSheet) {
  await writeFile(eyeSheet, await labelledGrid(eyeRows, { title: `each eye: rest | eyeWide raises ${raises.join(' / ')} (${path.basename(root)}; face mesh read-back, iris diameters)`, cellW: 360, cellH: 180 }));
  console.log(`eye sheet: ${eyeSheet}`);
}
if (sheet) {
  await writeFile(sheet, await labelledGrid(rows, { title: `rest | eyeWide raises ${raises.join(' / ')} (${path.basename(root)}; read-back rise, iris diameters)`, cellW: 420, cellH: 132 }));
  console.log(`sheet: ${sheet}`);
}
