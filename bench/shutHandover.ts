// The shut eye's lash line through the end of a blink (wink42): both eyes at blink weights w (default .75, .88, .95,
// 1), per eye in the eye frame from the corners (as bench/shutLashLine.ts: columns u .3-.7, the darkest point within
// v -.08..+.15), on the render: `dark` = the line's luma over the lid skin's above it (v -.25..-.12; real shut eyes
// .34), and the lid body (`smudge`): the rendered lid's median luma and chroma over v -.16..-.06, u .3-.7, against the
// rest render's skin round the eye (a ring .15-.3 eye widths past the corners' line above the eye and beside it,
// the brow and the open eye left out): `body` = its luma over the skin's, `chroma` = the RGB distance of the two
// colours, each scaled to unit luma (x100; a grey-brown smudge on pink skin is a large one). Per row the worst eye.
// --base <checkout>: the same through another checkout. --sheet out.png: per portrait and checkout, each eye at
// each weight (2 x 1.2 eye widths, zoomed by the cell size). Never asserts.
//   node --import tsx bench/shutHandover.ts [--only lp_s1.jpg,...] [--weights .75,.88,.95,1] [--base <checkout>] [--sheet out.png] [--real lp_d6.mp4:184,...]
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { cachedPortrait } from './portraitCache.ts';
import { cropImage, labelledGrid, type GridCell } from '../src/eval/eyes.ts';
import { eyeBox } from './eyeBox.ts';
import { SHARED_DATA } from './sharedData.ts';
import { clipFrameFace } from './clipFrame.ts';
import { luminance } from '../src/math/colour.ts';
import type { RgbaImage } from '../src/types.ts';
import { lashLineDark, median as med, eyeSampler } from '../src/eval/shutLine.ts';

const arg = (name: string, d: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1]! : d; };
const ONLY = arg('--only', 'lp_s1.jpg,lp_s0.jpg,lp_s12.jpg,lp_s11.jpg').split(',').filter(Boolean);
const WEIGHTS = arg('--weights', '0.75,0.88,0.95,1').split(',').map(Number);
const BASE = process.argv.includes('--base') ? arg('--base', '') : undefined;
const SHEET = process.argv.includes('--sheet') ? arg('--sheet', '') : undefined;
/** --real clip:frame,...: real shut eyes measured the same way (the skin ring on the same frame); shutLashLine.ts's picks. */
const REAL = process.argv.includes('--real') ? arg('--real', '').split(',').filter(Boolean) : [];
const CORNERS = [[33, 133], [263, 362]] as const;
const U0 = 0.3, U1 = 0.7, V_BODY = [-0.16, -0.06] as const, DV = 0.005;

type Lm = ArrayLike<ArrayLike<number>>;
type Eye = { dark: number; body: number; chroma: number; cheek: number };

const medRgb = (cs: number[][]) => [0, 1, 2].map((ch) => med(cs.map((c) => c[ch]!)));
const lumOf = (c: readonly number[]) => luminance(c[0]!, c[1]!, c[2]!);

/** (s43, lidbody43) The cheek under one eye: the lighter half's median RGB of u .3-.7, v .2-.35 (eye widths under the corners' line). */
function cheekSkin(img: RgbaImage, lm: Lm, o: number, n: number): number[] {
  const at = eyeSampler(img, lm, o, n);
  const cs: number[][] = [];
  for (let u = U0; u <= U1 + 1e-6; u += 0.02) for (let v = 0.2; v <= 0.35; v += 0.01) cs.push(at(u, v));
  const l = cs.map(lumOf).sort((a, b) => a - b), cut = l[l.length >> 1]!;
  return medRgb(cs.filter((c) => lumOf(c) >= cut));
}

/** The skin round one eye on the rest render (see the head comment). */
function restSkin(img: RgbaImage, lm: Lm, o: number, n: number): number[] {
  const at = eyeSampler(img, lm, o, n);
  const cs: number[][] = [];
  for (let u = -0.3; u <= 1.3; u += 0.02) for (let v = -0.45; v <= 0.45; v += 0.02) {
    const out = u < -0.15 || u > 1.15 || Math.abs(v) > 0.3;
    if (!out || v < -0.35 || u < -0.3 || u > 1.3) continue;
    cs.push(at(u, v));
  }
  // the lighter half: hair, brow and shadow are darker than skin
  const l = cs.map(lumOf).sort((a, b) => a - b), cut = l[l.length >> 1]!;
  return medRgb(cs.filter((c) => lumOf(c) >= cut));
}

function measure(img: RgbaImage, lm: Lm, skin: number[][], cheeks: number[][] = skin): Eye[] {
  const dark = lashLineDark(img, lm);
  return CORNERS.map(([o, n], side) => {
    const at = eyeSampler(img, lm, o, n);
    const body: number[][] = [];
    for (let u = U0; u <= U1 + 1e-6; u += 0.02) for (let v = V_BODY[0]; v <= V_BODY[1]; v += DV) body.push(at(u, v));
    const b = medRgb(body), s = skin[side]!;
    const bl = lumOf(b), sl = lumOf(s);
    const chroma = 100 * Math.hypot(...[0, 1, 2].map((ch) => b[ch]! / Math.max(1, bl) - s[ch]! / Math.max(1, sl)));
    return { dark: dark[side]!, body: bl / Math.max(1, sl), chroma, cheek: bl / Math.max(1, lumOf(cheeks[side]!)) };
  });
}

for (const pick of REAL) {
  const real = await clipFrameFace(pick);
  if (typeof real === 'string') { console.log(`real ${pick}: ${real}`); continue; }
  const { frame, lm } = real;
  const e = measure(frame, lm, CORNERS.map(([o, n]) => restSkin(frame, lm, o, n)), CORNERS.map(([o, n]) => cheekSkin(frame, lm, o, n)));
  console.log(`real   ${pick.padEnd(28)} ${e.map((x) => `${x.dark.toFixed(2)} ${x.body.toFixed(2)} ${x.chroma.toFixed(1)} ck ${x.cheek.toFixed(2)}`).join(' | ')}`);
}
const rows: GridCell[][] = [];
const labels: string[] = [];
const checkouts: [string, string][] = [...(BASE ? [['before', BASE] as [string, string]] : []), ['after', path.resolve(import.meta.dirname, '..')]];
console.log(`per eye image-left | image-right: dark (line / lid skin; real .34), body (lid / skin round the eye), chroma (x100), ck (s43: lid body / the cheek under the eye)`);
for (const file of ONLY) {
  const portrait = await cachedPortrait(path.join(SHARED_DATA, 'portraits', file));
  for (const [name, root] of checkouts) {
    const { buildAvatar } = await import(path.join(root, 'src/avatar/build.ts'));
    const { createRenderer } = await import(path.join(root, 'src/render/renderer.ts'));
    const r = createRenderer(buildAvatar(portrait), { width: 512, height: 512 });
    const n = r.neutralFrame();
    const restImg = r.render(n) as RgbaImage;
    const rest = { ...restImg, data: new Uint8ClampedArray(restImg.data) };
    const restLm = r.landmarks(n) as Lm;
    const skin = CORNERS.map(([o, k]) => restSkin(rest, restLm, o, k));
    const cheeks = CORNERS.map(([o, k]) => cheekSkin(rest, restLm, o, k));
    const cells: GridCell[][] = [[], []];
    const parts: string[] = [];
    for (const w of WEIGHTS) {
      const f = { ...n, w: { ...n.w, eyeBlinkLeft: w, eyeBlinkRight: w } };
      const img = r.render(f) as RgbaImage;
      const frame = { ...img, data: new Uint8ClampedArray(img.data) };
      const lm = r.landmarks(f) as Lm;
      const e = measure(frame, lm, skin, cheeks);
      parts.push(`w${w} ${e.map((x) => `${x.dark.toFixed(2)} ${x.body.toFixed(2)} ${x.chroma.toFixed(1)} ck ${x.cheek.toFixed(2)}`).join(' | ')}`);
      CORNERS.forEach(([o, k], side) => cells[side]!.push({ label: `w ${w} dark ${e[side]!.dark.toFixed(2)} body ${e[side]!.body.toFixed(2)} chr ${e[side]!.chroma.toFixed(1)}`, image: cropImage(frame, eyeBox(lm, o, k, frame.width, frame.height)) }));
    }
    console.log(`${name.padEnd(6)} ${file.padEnd(18)} ${parts.join('   ')}`);
    CORNERS.forEach(([o, k], side) => {
      rows.push([{ label: 'rest', image: cropImage(rest, eyeBox(restLm, o, k, rest.width, rest.height)) }, ...cells[side]!]);
      labels.push(`${file.replace(/\.\w+$/, '')} ${name} ${side ? 'R' : 'L'}`);
    });
  }
}
if (SHEET) await writeFile(SHEET, await labelledGrid(rows, { title: 'shut eye by blink weight: per eye (image-left L, image-right R) rest then w', cellW: 300, cellH: 180, rowLabels: labels }));
