// How far the mesh lid alone comes down at a blink, without the shut-eye overlay (render/closedEye),
// per portrait and eye (image-left first):
//   lm reach   the upper lid's landmarks (the lid margin, middle points) moved down, over the photo's
//              opening at each point (1 = onto the photo's lower lid; the basis aims at MEET = .9)
//   lm gap     the opening left between the moved upper and lower lid landmarks, over the photo's
//   ball       the eyeball's pixels still showing (the eyeball drawn magenta, the overlay switched off),
//              over the neutral render's: what the mesh lid leaves for the overlay to cover
//   photo blink the photo's own blink weight (the rig fit's): the blink travels 1 - that from the photo
// --sheet out.png: per portrait, both eyes: the photo with the neutral render's lid landmarks marked |
// blink .8 and 1 without the overlay | blink 1 as rendered. Never asserts.
//   node --import tsx bench/meshLidReach.ts [--only lp_s7.jpg,...] [--weights 0.5,0.8,1] [--sheet out.png] [--dir other/photos]
import path from 'node:path';
import { readdirSync } from 'node:fs';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { ClosedEyes } from '../src/render/closedEye/overlay.ts';
import { CONTROL_INDEX } from '../src/rig/controls.ts';
import { EYE_L_LOWER, EYE_L_UPPER, EYE_R_LOWER, EYE_R_UPPER } from '../src/rig/topology.ts';
import { cropImage, eyeRegion, labelledGrid, markLids, type GridCell } from '../src/eval/eyes.ts';
import type { Landmarks } from '../src/rig/fit.ts';
import type { Avatar } from '../src/avatar/types.ts';
import type { MotionFrame, Portrait, RgbaImage } from '../src/types.ts';
import { writeFile } from 'node:fs/promises';
import { SHARED_DATA } from './sharedData.ts';

const DATA = SHARED_DATA;
const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const only = arg('--only')?.split(',');
const weights = (arg('--weights') ?? '1').split(',').map(Number);
const sheet = arg('--sheet');
// --dir: the photos of another folder (e.g. frame 0 of held-out clips)
const dir = path.resolve(arg('--dir') ?? path.join(DATA, 'portraits'));
// image-left eye first (the subject's right: EYE_R_*)
const EYES = [{ up: EYE_R_UPPER, low: EYE_R_LOWER }, { up: EYE_L_UPPER, low: EYE_L_LOWER }];

type Pts = [number, number, number][];
/** Mean over the lid's middle points of (moved upper - photo upper) / photo opening, and the gap left. */
export function lidReach(rest: Pts, moved: Pts, up: number[], low: number[]): { reach: number; gap: number } {
  let reach = 0, gap = 0, n = 0;
  for (let q = 2; q < up.length - 2; q++) {
    const open = rest[low[q]!]![1] - rest[up[q]!]![1];
    if (open <= 0.5) continue;
    reach += (moved[up[q]!]![1] - rest[up[q]!]![1]) / open;
    gap += (moved[low[q]!]![1] - moved[up[q]!]![1]) / open;
    n++;
  }
  return n ? { reach: reach / n, gap: gap / n } : { reach: NaN, gap: NaN };
}

const isMagenta = (d: Uint8ClampedArray, o: number) => d[o]! > 40 && d[o]! > 1.6 * d[o + 1]! && d[o + 2]! > 1.6 * d[o + 1]!;
/** Magenta pixels in each eye's box (the photo's eye contour, padded by half its width): image-left, image-right. */
function ballPixels(img: RgbaImage, rest: Pts): [number, number] {
  return EYES.map((e) => {
    const ids = [...e.up, ...e.low];
    const xs = ids.map((i) => rest[i]![0]), ys = ids.map((i) => rest[i]![1]);
    const pad = (Math.max(...xs) - Math.min(...xs)) / 2;
    const x0 = Math.max(0, Math.floor(Math.min(...xs) - pad)), x1 = Math.min(img.width - 1, Math.ceil(Math.max(...xs) + pad));
    const y0 = Math.max(0, Math.floor(Math.min(...ys) - pad)), y1 = Math.min(img.height - 1, Math.ceil(Math.max(...ys) + pad));
    let c = 0;
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) if (isMagenta(img.data, (y * img.width + x) * 4)) c++;
    return c;
  }) as [number, number];
}

const copy = (img: RgbaImage): RgbaImage => ({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) });
const withOverlay = ClosedEyes.prototype.draw;
const noOverlay = () => {};
/** One sheet row: the photo with the lid landmarks (as the neutral render places them) | .8 and 1 without the overlay | 1 with it. */
function sheetRow(file: string, portrait: Portrait, avatar: Avatar): GridCell[] {
  const size = portrait.image.width;
  const r = createRenderer(avatar, { width: size, height: size });
  const n = r.neutralFrame();
  const lm = r.landmarks(n) as unknown as Landmarks;
  const box = eyeRegion(lm, size, size);
  const at = (w: number, overlay: boolean) => {
    ClosedEyes.prototype.draw = overlay ? withOverlay : noOverlay;
    const img = copy(r.render({ ...n, w: { ...n.w, eyeBlinkLeft: w, eyeBlinkRight: w } }));
    ClosedEyes.prototype.draw = noOverlay;
    return cropImage(img, box);
  };
  return [
    { label: `${file}: photo, lid landmarks`, image: cropImage(markLids(copy(portrait.image), lm), box) },
    { label: 'blink .8, no overlay', image: at(0.8, false) },
    { label: 'blink 1, no overlay', image: at(1, false) },
    { label: 'blink 1 (rendered)', image: at(1, true) },
  ];
}

// the overlay off: the mesh lid as it is
ClosedEyes.prototype.draw = noOverlay;
const rows: GridCell[][] = [];
const f2 = (v: number) => v.toFixed(2);
console.log('portrait          photo blink L/R | per weight: lm reach L/R, lm gap L/R, ball L/R');
for (const file of readdirSync(dir).filter((f) => /\.(jpe?g|png|webp)$/i.test(f)).sort()) {
  if (only && !only.includes(file)) continue;
  if (file === 'lp_s25.jpg') continue; // not a human portrait (bench/blink.ts's list)
  const portrait = await cachedPortrait(path.join(dir, file));
  if (sheet) rows.push(sheetRow(file, portrait, buildAvatar(portrait)));
  const avatar = buildAvatar(portrait);
  const tex = avatar.eyeTexture.data;
  for (let o = 0; o < tex.length; o += 4) { tex[o] = 255; tex[o + 1] = 0; tex[o + 2] = 255; }
  const size = portrait.image.width;
  const r = createRenderer(avatar, { width: size, height: size });
  const n = r.neutralFrame();
  const rest = r.landmarks(n);
  const ball0 = ballPixels(r.render(n), rest);
  const pw = avatar.rig.photoWeights;
  let line = `${file.padEnd(18)}${f2(pw[CONTROL_INDEX.eyeBlinkRight]!)} / ${f2(pw[CONTROL_INDEX.eyeBlinkLeft]!)}`;
  for (const w of weights) {
    const frame: MotionFrame = { ...n, w: { ...n.w, eyeBlinkLeft: w, eyeBlinkRight: w } };
    const moved = r.landmarks(frame);
    const [a, b] = EYES.map((e) => lidReach(rest, moved, e.up, e.low));
    const ball = ballPixels(r.render(frame), rest);
    line += ` | w ${w}: ${f2(a!.reach)} / ${f2(b!.reach)}, ${f2(a!.gap)} / ${f2(b!.gap)}, ${f2(ball[0] / Math.max(1, ball0[0]))} / ${f2(ball[1] / Math.max(1, ball0[1]))}`;
  }
  console.log(line);
}
if (sheet) {
  await writeFile(sheet, await labelledGrid(rows, { title: 'the mesh lid without the shut-eye overlay (render/closedEye): photo | .8 | 1 | 1 with it', cellW: 420, cellH: 150 }));
  console.log(`sheet: ${sheet}`);
}
