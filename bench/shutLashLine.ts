// The shut eye's lash line and the patch's border (shutlash41), on our blink-1 renders and on real shut eyes.
// Per eye, in the eye frame (u along the corners, v across, eye widths), columns u .3-.7: the lash line is the
// darkest point within v -.08..+.15 of the corners' line; against the lid skin above it (median luma, v -.25..-.12):
// `dark` = its luma over the skin's, `width` = the run under half way from the skin to it (FWHM) in IOD (the
// distance between the eyes' corner midpoints), `warm` = its red share r/(r+g+b) minus the lid skin's (real shut
// lash lines are warmer than the skin, a grey line is not). Medians over the columns. The border (`ring`, ours only,
// at the bake): over the mask's feather (mask .3-.95) the drawn lid's luma minus the photo's it fades into, mean
// (+ a pale ring, - a dark one) and mean |.|, top (over the crease) and the rest; `crease step` (ring41): the drawn lid's
// luma .01-.04 over the crease minus .02-.05 under it, u .2-.95 (the ring's inner edge, inside the mask). Real: clip:frame picks (25 fps).
// --base <checkout>: the same renders through another checkout (before). --sheet out.png: real shut eyes, then per
// portrait before | after, both eyes (2 x 1.2 eye widths each). Never asserts.
//   node --import tsx bench/shutLashLine.ts [--only lp_s42.jpg,...] [--real lp_d6.mp4:173,...] [--base /work/wt/before41] [--sheet out.png]
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { cachedPortrait } from './portraitCache.ts';
import { clipFrameFace } from './clipFrame.ts';
import { cropImage, labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import { eyeBox } from './eyeBox.ts';
import { SHARED_DATA } from './sharedData.ts';
import { luminance } from '../src/math/colour.ts';
import { EYE_CORNERS, eyeSampler, median } from '../src/eval/shutLine.ts';
import type { Portrait, RgbaImage } from '../src/types.ts';

const arg = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const ONLY = arg('--only', 'lp_s42.jpg,st_full_body_1.png,lp_s12.jpg,lp_s0.jpg,st_art_1.png,lp_s2.jpg,mt_man.png').split(',').filter(Boolean);
/** Real shut frames: lids40's driver blinks and the library's candidates in the train clips (25 fps). */
const REAL = arg('--real', 'lp_d6.mp4:184,lp_d11.mp4:148,dfrf_french.mp4:78,videoretalking_4.mp4:106,styletalk_andrew_clip_1.mp4:105,edtalk_mouth_source.mp4:169').split(',').filter(Boolean);
const BASE = process.argv.includes('--base') ? arg('--base', '') : undefined;
const SHEET = process.argv.includes('--sheet') ? arg('--sheet', '') : undefined;
const CORNERS = EYE_CORNERS;
const U0 = 0.3, U1 = 0.7, V_LINE = [-0.08, 0.15] as const, V_SKIN = [-0.25, -0.12] as const, DV = 0.005;

type Lm = ArrayLike<ArrayLike<number>>;
type Line = { dark: number; width: number; warm: number };

const med = median;
const redShare = (c: readonly number[]) => c[0]! / Math.max(1, c[0]! + c[1]! + c[2]!);

/** The lash line of both eyes (image-left, image-right). */
function lashLines(img: RgbaImage, lm: Lm): Line[] {
  const mid = (a: number, b: number) => [(lm[a]![0]! + lm[b]![0]!) / 2, (lm[a]![1]! + lm[b]![1]!) / 2];
  const [m0, m1] = [mid(33, 133), mid(263, 362)];
  const iod = Math.hypot(m1[0]! - m0[0]!, m1[1]! - m0[1]!);
  return CORNERS.map(([o, n]) => {
    const ew = Math.hypot(lm[n]![0]! - lm[o]![0]!, lm[n]![1]! - lm[o]![1]!);
    const at = eyeSampler(img, lm, o, n);
    const cols: Line[] = [];
    const nCols = Math.max(5, Math.round((U1 - U0) * ew));
    for (let i = 0; i <= nCols; i++) {
      const u = U0 + ((U1 - U0) * i) / nCols;
      const skinRgb: number[][] = [];
      for (let v = V_SKIN[0]; v <= V_SKIN[1]; v += DV) skinRgb.push(at(u, v));
      const skinL = med(skinRgb.map((c) => luminance(c[0]!, c[1]!, c[2]!)));
      const skinR = med(skinRgb.map(redShare));
      const prof: { v: number; c: number[]; l: number }[] = [];
      for (let v = V_SKIN[1]; v <= V_LINE[1] + 0.1; v += DV) { const c = at(u, v); prof.push({ v, c, l: luminance(c[0]!, c[1]!, c[2]!) }); }
      let k = -1;
      prof.forEach((p, j) => { if (p.v >= V_LINE[0] && p.v <= V_LINE[1] && (k < 0 || p.l < prof[k]!.l)) k = j; });
      if (k < 0 || !(skinL > 0)) continue;
      const half = (skinL + prof[k]!.l) / 2;
      let lo = k, hi = k;
      while (lo > 0 && prof[lo - 1]!.l < half) lo--;
      while (hi < prof.length - 1 && prof[hi + 1]!.l < half) hi++;
      cols.push({ dark: prof[k]!.l / skinL, width: ((hi - lo + 1) * DV * ew) / iod, warm: redShare(prof[k]!.c) - skinR });
    }
    return { dark: med(cols.map((c) => c.dark)), width: med(cols.map((c) => c.width)), warm: med(cols.map((c) => c.warm)) };
  });
}
const fmtLine = (l: Line[]) => l.map((e) => `dark ${e.dark.toFixed(2)} width ${(e.width * 100).toFixed(1)}%iod warm ${(e.warm * 100).toFixed(1)}`).join('  |  ');

/** The patch's border at the bake (see the head comment), per eye, through the modules of a checkout. */
async function borders(root: string, portrait: Portrait): Promise<string[]> {
  const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
  const { closedEyeLibrary, eyeGeometry } = await import(path.join(root, 'src/render/closedEye/library.ts'));
  const { eyesMovedBySide } = await import(path.join(root, 'src/render/closedEye/overlay.ts'));
  const { sampleEye, finishEye } = await import(path.join(root, 'src/render/closedEye/bake.ts'));
  const { PATCH_W, PATCH_H } = await import(path.join(root, 'src/render/closedEye/frame.ts'));
  const { cellU, cellV, clamp01 } = await import(path.join(root, 'src/render/closedEye/grid.ts'));
  const { creaseAt, shutAt } = await import(path.join(root, 'src/render/closedEye/lids.ts'));
  const { lineAt } = await import(path.join(root, 'src/render/closedEye/library.ts'));
  const avatar = buildAvatar(portrait);
  const geo = eyeGeometry((i: number): [number, number] => [avatar.uv[i * 2]!, avatar.uv[i * 2 + 1]!]);
  const lib = closedEyeLibrary()[0]!;
  const moved = eyesMovedBySide(avatar.analysis);
  const sampled = geo.map((g: unknown, side: number) => sampleEye(avatar.texture, g, lib, moved[side]));
  const lashDark = Math.min(...sampled.map((s: { photoDark: number }) => s.photoDark));
  const crop = avatar.analysis?.crop;
  return sampled.map((s: { photo: Float32Array }, side: number) => {
    const g = geo[side];
    const baked = finishEye(s, g, lashDark, crop ? crop.size / crop.side : 1);
    const top: number[] = [], sides: number[] = [], bottom: number[] = [];
    // (ring41) the step at the crease inside the mask: the drawn lid just over the crease minus just under it (the ring's inner edge)
    const over: number[] = [], under: number[] = [];
    for (let r = 0; r < PATCH_H; r++) for (let c = 0; c < PATCH_W; c++) {
      const k = r * PATCH_W + c, m = baked.mask[k]!;
      const uu = cellU(c), dv = cellV(r) - creaseAt(g, clamp01(uu));
      if (uu >= 0.2 && uu <= 0.95) {
        const dl = luminance(baked.rgb[k * 3]!, baked.rgb[k * 3 + 1]!, baked.rgb[k * 3 + 2]!);
        if (dv >= -0.04 && dv <= -0.01) over.push(dl); else if (dv >= 0.02 && dv <= 0.05) under.push(dl);
      }
      if (m < 0.3 || m > 0.95) continue;
      const d = luminance(baked.rgb[k * 3]!, baked.rgb[k * 3 + 1]!, baked.rgb[k * 3 + 2]!) - luminance(s.photo[k * 3]!, s.photo[k * 3 + 1]!, s.photo[k * 3 + 2]!);
      const u = cellU(c), uc = clamp01(u), v = cellV(r);
      // the lash line itself is no border
      if (Math.abs(v - shutAt(g, uc)) < 0.08 && u > -0.1 && u < 1.1) continue;
      (v < creaseAt(g, uc) ? top : v > lineAt(g.lower, uc) + 0.02 ? bottom : sides).push(d);
    }
    const mean = (v: number[]) => v.reduce((p, q) => p + q, 0) / Math.max(1, v.length);
    const abs = (v: number[]) => mean(v.map(Math.abs));
    return `crease step ${(mean(over) - mean(under)).toFixed(1)} ring top ${mean(top).toFixed(1)} (|${abs(top).toFixed(1)}|) sides ${mean(sides).toFixed(1)} (|${abs(sides).toFixed(1)}|) bottom ${mean(bottom).toFixed(1)} (|${abs(bottom).toFixed(1)}|)`;
  });
}

const rows: GridCell[][] = [];
const crops = (img: RgbaImage, lm: Lm, label: string): GridCell[] =>
  CORNERS.map(([o, n], side) => ({ label: `${label} ${side ? 'R' : 'L'}`, image: cropImage(img, eyeBox(lm, o, n, img.width, img.height)) }));

const realRow: GridCell[] = [];
const all: Record<string, Line[]> = { real: [] };
for (const pick of REAL) {
  const real = await clipFrameFace(pick);
  if (typeof real === 'string') { console.log(`real ${pick}: ${real}`); continue; }
  const { clip, at, frame, lm } = real;
  const l = lashLines(frame, lm);
  all.real!.push(...l);
  console.log(`real ${pick.padEnd(26)} ${fmtLine(l)}`);
  realRow.push(...crops(frame, lm, `real ${clip.replace(/\.mp4$/, '')} f${at}`));
}
if (realRow.length) for (let i = 0; i < realRow.length; i += 6) rows.push(realRow.slice(i, i + 6));

const checkouts: [string, string][] = [...(BASE ? [['before', BASE] as [string, string]] : []), ['after', path.resolve(import.meta.dirname, '..')]];
for (const file of ONLY) {
  const portrait = await cachedPortrait(path.join(SHARED_DATA, 'portraits', file));
  const row: GridCell[] = [];
  for (const [name, root] of checkouts) {
    const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
    const { createRenderer } = await import(path.join(root, 'src/render/renderer.ts'));
    const r = createRenderer(buildAvatar(portrait), { width: 512, height: 512 });
    const n = r.neutralFrame();
    const f = { ...n, w: { ...n.w, eyeBlinkLeft: 1, eyeBlinkRight: 1 } };
    const img = r.render(f) as RgbaImage;
    const frame = { ...img, data: new Uint8ClampedArray(img.data) };
    const lm = r.landmarks(f) as Lm;
    const l = lashLines(frame, lm);
    (all[name] ??= []).push(...l);
    const ring = await borders(root, portrait);
    console.log(`${name.padEnd(6)} ${file.padEnd(20)} ${fmtLine(l)}   ${ring.join(' | ')}`);
    row.push(...crops(frame, lm, `${file.replace(/\.\w+$/, '')} ${name}`));
  }
  rows.push(row);
}
for (const [name, l] of Object.entries(all)) if (l.length) console.log(`median ${name.padEnd(6)} dark ${med(l.map((e) => e.dark)).toFixed(2)} width ${(100 * med(l.map((e) => e.width))).toFixed(1)}%iod warm ${(100 * med(l.map((e) => e.warm))).toFixed(1)} over ${l.length} eyes`);
if (SHEET) await writeFile(SHEET, await labelledGrid(rows, { title: 'shut lash line: real shut eyes; per portrait before | after at blink 1 (2 x 1.2 eye widths)', cellW: 240, cellH: 144 }));
