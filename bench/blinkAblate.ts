// What on a shut render makes the face mesh read it open? Renders blink 1 once per portrait, then
// edits the frame in each eye's own frame (u along the eye, v across, in eye widths, measured from
// the photo's lower lid line, where the shut lash line lies) and reads each edit back with the face
// mesh: the worse eye's shut/open ratio (bench/blink.ts) per portrait and edit. Image edits only; the
// render is not changed. Never asserts.
//   node --import tsx bench/blinkAblate.ts [--only a.jpg,b.png] [--edits a,b] [--grain n]
// --grain n (s44): each figure the median over n invisible grains of the edited frame (bench/readNoise.ts)
import path from 'node:path';
import { SHARED_DATA } from './sharedData.ts';
import { readdirSync } from 'node:fs';
import { cachedPortrait } from './portraitCache.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import { detectFaces } from '../src/face/detect.ts';
import { eyeLidGaps, eyeOpenings } from '../src/eval/eyes.ts';
import { eyeGeometry, lineAt } from '../src/render/closedEye/library.ts';
import { toEye } from '../src/render/closedEye/frame.ts';
import { luminance } from '../src/math/colour.ts';
import { eyePixelsBoth } from './eyePixels.ts';
import type { RgbaImage } from '../src/types.ts';
import { median, medianReading } from './readNoise.ts';

const DATA = SHARED_DATA;
const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const only = arg('--only')?.split(',');
const GRAIN = Number(arg('--grain') ?? 1);
const copy = (img: RgbaImage): RgbaImage => ({ width: img.width, height: img.height, data: new Uint8ClampedArray(img.data) });

/** An edit of one pixel's RGB given its eye-frame position: u 0..1 corner to corner, d = v minus the lower lid line there. */
type Edit = (rgb: number[], u: number, d: number, skin: number[], at: (u: number, d: number) => number[]) => void;
const bump = (d: number, c: number, w: number) => Math.exp(-(((d - c) / w) ** 2));
const EDITS: Record<string, Edit> = {
  none: () => {},
  'lash darker': (p, u, d) => { if (u > -0.05 && u < 1.05) { const k = 1 - 0.5 * bump(d, 0, 0.025); for (let c = 0; c < 3; c++) p[c]! *= k; } },
  'lash thicker': (p, u, d) => { if (u > -0.05 && u < 1.05) { const k = 1 - 0.45 * bump(d, 0.01, 0.045); for (let c = 0; c < 3; c++) p[c]! *= k; } },
  'lid lighter': (p, u, d, s) => { if (u > 0 && u < 1 && d < -0.03 && d > -0.3) { const t = 0.6 * bump(d, -0.14, 0.09); for (let c = 0; c < 3; c++) p[c] = p[c]! + t * (s[c]! * 1.08 - p[c]!); } },
  'lid = skin': (p, u, d, s) => { if (u > 0 && u < 1 && d < -0.03 && d > -0.35) { const t = Math.min(1, (-d - 0.03) / 0.04); for (let c = 0; c < 3; c++) p[c] = p[c]! + t * (s[c]! - p[c]!); } },
  'below = skin': (p, u, d, s) => { if (u > 0 && u < 1 && d > 0.03 && d < 0.2) { const t = Math.min(1, (d - 0.03) / 0.04); for (let c = 0; c < 3; c++) p[c] = p[c]! + t * (s[c]! - p[c]!); } },
  'lashes below': (p, u, d) => { if (u > 0.05 && u < 0.95 && d > 0 && d < 0.08) { const k = 1 - 0.35 * bump(d, 0.035, 0.03) * (0.6 + 0.4 * Math.sin(u * 90)); for (let c = 0; c < 3; c++) p[c]! *= k; } },
  'arc 0.05': (p, u, d, _s, at) => { if (u > -0.05 && u < 1.05) { const q = at(u, d - 0.05 * Math.sin(Math.PI * Math.min(1, Math.max(0, u)))); for (let c = 0; c < 3; c++) p[c] = q[c]!; } },
  'arc 0.1': (p, u, d, _s, at) => { if (u > -0.05 && u < 1.05) { const q = at(u, d - 0.1 * Math.sin(Math.PI * Math.min(1, Math.max(0, u)))); for (let c = 0; c < 3; c++) p[c] = q[c]!; } },
  'lid convex': (p, u, d) => { if (u > 0 && u < 1 && d < -0.02) { const k = 1 + 0.12 * Math.sin(Math.PI * u) * bump(d, -0.15, 0.08); for (let c = 0; c < 3; c++) p[c]! *= k; } },
  'shadow below': (p, u, d) => { if (u > 0 && u < 1 && d > 0) { const k = 1 - 0.15 * Math.sin(Math.PI * u) * bump(d, 0.06, 0.05); for (let c = 0; c < 3; c++) p[c]! *= k; } },
  // geometric edits along the eye (eyes11): is the lash line's extent or asymmetry what the mesh's
  // points follow along the line? The band d in [-0.12, 0.1] around the line is resampled.
  'line longer': (p, u, d, _s, at) => { if (u > -0.2 && u < 1.2 && d > -0.12 && d < 0.1) { const q = at(0.5 + (u - 0.5) / 1.15, d); for (let c = 0; c < 3; c++) p[c] = q[c]!; } },
  'line shorter': (p, u, d, _s, at) => { if (u > -0.2 && u < 1.2 && d > -0.12 && d < 0.1) { const q = at(0.5 + (u - 0.5) / 0.87, d); for (let c = 0; c < 3; c++) p[c] = q[c]!; } },
  'to outer': (p, u, d, _s, at) => { if (u > -0.2 && u < 1.2 && d > -0.12 && d < 0.1) { const q = at(u + 0.06, d); for (let c = 0; c < 3; c++) p[c] = q[c]!; } },
  'to inner': (p, u, d, _s, at) => { if (u > -0.2 && u < 1.2 && d > -0.12 && d < 0.1) { const q = at(u - 0.06, d); for (let c = 0; c < 3; c++) p[c] = q[c]!; } },
  'mirrored': (p, u, d, _s, at) => { if (u > -0.2 && u < 1.2 && d > -0.3 && d < 0.12) { const q = at(1 - u, d); for (let c = 0; c < 3; c++) p[c] = q[c]!; } },
  'line lower': (p, u, d, _s, at) => { if (u > -0.2 && u < 1.2 && d > -0.12 && d < 0.12) { const q = at(u, d - 0.04); for (let c = 0; c < 3; c++) p[c] = q[c]!; } },
  'line higher': (p, u, d, _s, at) => { if (u > -0.2 && u < 1.2 && d > -0.12 && d < 0.12) { const q = at(u, d + 0.04); for (let c = 0; c < 3; c++) p[c] = q[c]!; } },
  'lash lighter': (p, u, d, s) => { if (u > -0.05 && u < 1.05) { const t = 0.45 * bump(d, 0, 0.03); for (let c = 0; c < 3; c++) p[c] = p[c]! + t * (s[c]! - p[c]!); } },
  'lash top lighter': (p, u, d, s) => { if (u > -0.05 && u < 1.05 && d < 0) { const t = 0.7 * bump(d, -0.025, 0.02); for (let c = 0; c < 3; c++) p[c] = p[c]! + t * (s[c]! - p[c]!); } },
  'line blur': (p, u, d, _s, at) => { if (u > -0.1 && u < 1.1 && d > -0.08 && d < 0.08) { const w = [0.12, 0.22, 0.32, 0.22, 0.12]; const q = [0, 0, 0]; w.forEach((k, i) => { const x = at(u, d + (i - 2) * 0.015); for (let c = 0; c < 3; c++) q[c] += k * x[c]!; }); for (let c = 0; c < 3; c++) p[c] = q[c]!; } },
  // blink32: the lid's crease and fold kept too strong? (darker-than-skin pixels 0.1-0.35 above the line halved toward the skin)
  'crease softer': (p, u, d, s) => { if (u > -0.05 && u < 1.05 && d < -0.1 && d > -0.35 && luminance(p[0]!, p[1]!, p[2]!) < luminance(s[0]!, s[1]!, s[2]!)) { for (let c = 0; c < 3; c++) p[c] = p[c]! + 0.5 * (s[c]! - p[c]!); } },
  // blink32: the eye's corners (past the line's ends, within 0.12 eye widths of the line) taken to the skin
  'corners = skin': (p, u, d, s) => { if ((u < 0.08 || u > 0.92) && u > -0.2 && u < 1.2 && Math.abs(d) < 0.12) { const t = Math.min(1, Math.max(0, (u < 0.5 ? 0.08 - u : u - 0.92) / 0.06)); for (let c = 0; c < 3; c++) p[c] = p[c]! + t * (s[c]! - p[c]!); } },
  // s44 (lids44): a pale band under the shut line (the lower lid's rim, a painting's light under the eye) held to the skin below it
  'under dim': (p, u, d, _s, at) => { if (u > 0.05 && u < 0.95 && d > 0.01 && d < 0.13) { const q = at(u, 0.17), lq = luminance(q[0]!, q[1]!, q[2]!), l = luminance(p[0]!, p[1]!, p[2]!); if (l > lq) { const k = 1 + (lq / l - 1) * bump(d, 0.06, 0.04); for (let c = 0; c < 3; c++) p[c]! *= k; } } },
  // s44: the socket's shade kept as shade over the crease, and a lit bulge under it (lidbody43's "next")
  'crease darker': (p, u, d) => { if (u > -0.05 && u < 1.05 && d < -0.12 && d > -0.45) { const k = 1 - 0.1 * Math.sin(Math.PI * Math.min(1, Math.max(0, u))) ** 0.5 * bump(d, -0.27, 0.07); for (let c = 0; c < 3; c++) p[c]! *= k; } },
  // s50 (readback50): real shut lids darken over their last ~.1 eye widths into the line (the margin turning under); ours are lightest just above it
  'margin shade': (p, u, d) => { if (u > 0 && u < 1 && d < -0.01 && d > -0.2) { const t = Math.min(1, Math.max(0, (d + 0.16) / 0.13)); const k = 1 - 0.14 * Math.sin(Math.PI * u) ** 0.5 * t * t * (3 - 2 * t); for (let c = 0; c < 3; c++) p[c]! *= k; } },
  // s50 (readback50): lp_s9's shut line is the faintest of the 14 (.50-.63 of the lid's light; real shut lines .34): the line's core darker, at two widths
  'line darker': (p, u, d) => { if (u > 0 && u < 1) { const k = 1 - 0.3 * Math.sin(Math.PI * u) ** 0.5 * bump(d, 0.01, 0.025); for (let c = 0; c < 3; c++) p[c]! *= k; } },
  'line darker thin': (p, u, d) => { if (u > 0 && u < 1) { const k = 1 - 0.3 * Math.sin(Math.PI * u) ** 0.5 * bump(d, 0.005, 0.012); for (let c = 0; c < 3; c++) p[c]! *= k; } },
  'socket form': (p, u, d) => { if (u > -0.05 && u < 1.05 && d < -0.02 && d > -0.45) { const s = Math.sin(Math.PI * Math.min(1, Math.max(0, u))) ** 0.5; const k = (1 - 0.1 * s * bump(d, -0.27, 0.07)) * (1 + 0.07 * s * bump(d, -0.1, 0.05)); for (let c = 0; c < 3; c++) p[c]! *= k; } },
  // s44: does the line's weight along the eye move where the mesh's upper / lower points sit along it (the slide)?
  'lash inner heavier': (p, u, d) => { if (u > -0.05 && u < 1.05) { const k = 1 - 0.35 * bump(d, 0.005, 0.02) * Math.min(1, Math.max(0, (u - 0.35) / 0.4)); for (let c = 0; c < 3; c++) p[c]! *= k; } },
  'lash outer heavier': (p, u, d) => { if (u > -0.05 && u < 1.05) { const k = 1 - 0.35 * bump(d, 0.005, 0.02) * Math.min(1, Math.max(0, (0.65 - u) / 0.4)); for (let c = 0; c < 3; c++) p[c]! *= k; } },
  'skew low inner': (p, u, d, _s, at) => { if (u > -0.05 && u < 1.05 && d > -0.12 && d < 0.1) { const uc = Math.min(1, Math.max(0, u)); const q = at(u, d - 0.03 * Math.sin(Math.PI * uc) * (2 * uc - 1)); for (let c = 0; c < 3; c++) p[c] = q[c]!; } },
  'skew low outer': (p, u, d, _s, at) => { if (u > -0.05 && u < 1.05 && d > -0.12 && d < 0.1) { const uc = Math.min(1, Math.max(0, u)); const q = at(u, d + 0.03 * Math.sin(Math.PI * uc) * (2 * uc - 1)); for (let c = 0; c < 3; c++) p[c] = q[c]!; } },
  // s44: the read-back's own noise — an invisible grain (seeded by the pixel's eye-frame position, +-2 / +-4 levels) over the eye region
  'grain 2': (p, u, d) => { const h = Math.sin(u * 12.9898e3 + d * 78.233e3) * 43758.5453; const n = (h - Math.floor(h) - 0.5) * 4; for (let c = 0; c < 3; c++) p[c] = p[c]! + n; },
  'grain 4': (p, u, d) => { const h = Math.sin(u * 39.346e3 + d * 11.135e3) * 24634.6345; const n = (h - Math.floor(h) - 0.5) * 8; for (let c = 0; c < 3; c++) p[c] = p[c]! + n; },
  'grain 2b': (p, u, d) => { const h = Math.sin(u * 73.156e3 + d * 52.235e3) * 34758.5453; const n = (h - Math.floor(h) - 0.5) * 4; for (let c = 0; c < 3; c++) p[c] = p[c]! + n; },
  'both skin': (p, u, d, s) => { if (u > 0 && u < 1 && Math.abs(d) > 0.03 && d > -0.35 && d < 0.2) { const t = Math.min(1, (Math.abs(d) - 0.03) / 0.04); for (let c = 0; c < 3; c++) p[c] = p[c]! + t * (s[c]! - p[c]!); } },
};

function applyEdit(img: RgbaImage, lm: ArrayLike<ArrayLike<number>>, edit: Edit): RgbaImage {
  const out = copy(img);
  const geo = eyeGeometry((i) => [lm[i]![0]!, lm[i]![1]!] as const);
  for (const g of geo) {
    const f = g.frame;
    // skin reference: the median luminance colour 0.35-0.45 eye widths above the lower lid line, across the eye
    const skinPx: number[][] = [];
    const r = Math.ceil(f.width * 1.2);
    const cx = f.ox + 0.5 * f.ux, cy = f.oy + 0.5 * f.uy;
    const pts: [number, number, number, number][] = [];
    for (let y = Math.max(0, Math.floor(cy - r)); y < Math.min(img.height, cy + r); y++) {
      for (let x = Math.max(0, Math.floor(cx - r)); x < Math.min(img.width, cx + r); x++) {
        const [u, v] = toEye(f, x + 0.5, y + 0.5);
        const d = v - lineAt(g.lower, Math.min(1, Math.max(0, u)));
        pts.push([x, y, u, d]);
        if (u > 0.2 && u < 0.8 && d < -0.35 && d > -0.45) { const o = (y * img.width + x) * 4; skinPx.push([img.data[o]!, img.data[o + 1]!, img.data[o + 2]!]); }
      }
    }
    skinPx.sort((a, b) => luminance(a[0]!, a[1]!, a[2]!) - luminance(b[0]!, b[1]!, b[2]!));
    const skin = skinPx[skinPx.length >> 1] ?? [128, 128, 128];
    const at = (u: number, d: number): number[] => {
      const v = d + lineAt(g.lower, Math.min(1, Math.max(0, u)));
      const x = Math.round(f.ox + u * f.ux + v * f.vx - 0.5), y = Math.round(f.oy + u * f.uy + v * f.vy - 0.5);
      const o = (Math.min(img.height - 1, Math.max(0, y)) * img.width + Math.min(img.width - 1, Math.max(0, x))) * 4;
      return [img.data[o]!, img.data[o + 1]!, img.data[o + 2]!];
    };
    for (const [x, y, u, d] of pts) {
      const o = (y * img.width + x) * 4;
      const p = [img.data[o]!, img.data[o + 1]!, img.data[o + 2]!];
      edit(p, u, d, skin, at);
      out.data[o] = p[0]!; out.data[o + 1] = p[1]!; out.data[o + 2] = p[2]!;
    }
  }
  return out;
}

const dir = path.join(DATA, 'portraits');
const names = arg('--edits')?.split(',') ?? Object.keys(EDITS);
console.log(`portrait          ${names.map((n) => n.padStart(19)).join('')}    (each: issue measure (lid gap) eye pixels)`);
for (const file of readdirSync(dir).filter((f) => /\.(jpe?g|png)$/i.test(f)).sort()) {
  if (only && !only.includes(file)) continue;
  let portrait;
  try { portrait = await cachedPortrait(path.join(dir, file)); } catch { continue; }
  const r = createRenderer(buildAvatar(portrait), { width: portrait.image.width, height: portrait.image.height });
  const n = r.neutralFrame();
  const shut = copy(r.render({ ...n, w: { ...n.w, eyeBlinkLeft: 1, eyeBlinkRight: 1 } }));
  const fp = (await detectFaces(portrait.image, { embedding: false }))[0];
  if (!fp) continue;
  const o = eyeOpenings(fp.landmarks), og = eyeLidGaps(fp.landmarks);
  const open = copy(r.render(n));
  const cells: string[] = [];
  for (const name of names) {
    const img = applyEdit(shut, portrait.cropLandmarks, EDITS[name]!);
    // --grain n: each eye's reading the median over n invisible grains (bench/readNoise.ts)
    const reads: { lm: ArrayLike<ArrayLike<number>> }[] = [];
    await medianReading(img, GRAIN, async (im) => { const f = (await detectFaces(im, { embedding: false }))[0]; if (!f) return undefined; reads.push({ lm: f.landmarks }); return eyeOpenings(f.landmarks); });
    if (!reads.length) { cells.push('—'.padStart(13)); continue; }
    const med = (fn: (lm: ArrayLike<ArrayLike<number>>) => { left: number; right: number }) => { const r = reads.map((x) => fn(x.lm)); return { left: median(r.map((v) => v.left)), right: median(r.map((v) => v.right)) }; };
    const s = med(eyeOpenings), sg = med(eyeLidGaps);
    // the measure, and in brackets the sliding-robust lid gap (eval/eyes.ts eyeLidGaps)
    // and the open eye's pixels still showing (bench/eyePixels.ts, worse eye)
    const px = eyePixelsBoth(open, img, portrait.cropLandmarks);
    cells.push(`${Math.max(s.left / o.left, s.right / o.right).toFixed(2)} (${Math.max(sg.left / og.left, sg.right / og.right).toFixed(2)}) ${Math.max(px.left, px.right).toFixed(2)}`.padStart(19));
  }
  console.log(`${file.padEnd(18)}${cells.join('')}`);
}
