// What shows between the closing lid and the lower lid at blink .8-1 (s54 lidbelow54, #14: lp_s7 + eng f160's grey-blue
// slit). Per eye drawn (the shut eye's frame from closedEye/draw.ts ShutEyeProbe), over the eye (u .1-.9),
// v -.15..+.35 eye widths about the corners' line: the cheek's L* / b* (u .3-.7, v .35-.5, medians) and
//   cool  mean px per column whose chroma C* is under .75 of the cheek's at an L* within 12 of the cheek's (a pale grey),
//         or whose b* is under 0 at L* over 40 (a blue): a grey or blue band (the painted white or iris through the lid); a real nearly shut eye has lid skin and a dark line there
//   L*/b* their mean L* and b* (cheek's beside it)
//   under-lid cover  the shut eye's mean coverage (the probe's) over v .03-.15 (under the shut lash line, over a painted
//         eye's strip on lp_s7), with those pixels' mean C* over the cheek's and mean L*
//   dark  mean px per column 35 L* or more under the cheek (the lash line and the slit's shadow)
// Frames: a saved motion's (--motion m.json --frames a,b) or the neutral frame at blink weights (--blinks .8,.9,1).
// `--vs spec` (as shutSeam.ts) renders a variant beside the product; `--out DIR` saves each render. Never asserts.
//   node --import tsx bench/lidBelow.ts --portrait lp_s7.jpg --blinks .85,.9,.95,1 [--vs render/closedEye/paintedWhite.ts:paintedCoverSetting.on=false]
import path from 'node:path';
import { readFileSync, mkdirSync } from 'node:fs';
import sharp from 'sharp';
import type { MotionFrame } from '../src/types.ts';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';
import { labOf } from '../src/render/mouth/tonguePalette.ts';
import { buildAvatar } from '../src/avatar/build.ts';
import { createRenderer } from '../src/render/renderer.ts';
import type { ShutEyeProbe } from '../src/render/closedEye/draw.ts';
import { toEye, type EyeFrame } from '../src/render/closedEye/frame.ts';
import { applySettingSpec } from './settingSpec.ts';

const args = process.argv.slice(2);
const opt = (n: string, d: string) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1]! : d; };
const file = opt('--portrait', 'lp_s7.jpg'), out = opt('--out', '');
const specs = args.flatMap((a, i) => (a === '--vs' ? [args[i + 1]!] : []));
const S = 512;
const med = (a: number[]) => (a.length ? [...a].sort((p, q) => p - q)[a.length >> 1]! : NaN);
const mean = (a: number[]) => (a.length ? a.reduce((p, q) => p + q, 0) / a.length : NaN);

/** The strip figures of one eye drawn in frame f on the image. */
let eyeOf = new Uint8Array(0);
export function stripFigures(data: Uint8ClampedArray, f: EyeFrame, cover: Float32Array, id: number): { lowCover: number; lowC: number; lowL: number; cool: number; coolL: number; coolB: number; dark: number; cheekL: number; cheekB: number } {
  const pts = [[-0.1, -0.3], [1.1, -0.3], [-0.1, 0.6], [1.1, 0.6]].map(([u, v]) => [f.ox + u! * f.ux + v! * f.vx, f.oy + u! * f.uy + v! * f.vy]);
  const x0 = Math.max(0, Math.floor(Math.min(...pts.map((p) => p[0]!)))), x1 = Math.min(S - 1, Math.ceil(Math.max(...pts.map((p) => p[0]!))));
  const y0 = Math.max(0, Math.floor(Math.min(...pts.map((p) => p[1]!)))), y1 = Math.min(S - 1, Math.ceil(Math.max(...pts.map((p) => p[1]!))));
  const cheekL: number[] = [], cheekB: number[] = [], cheekC: number[] = [], band: { x: number; L: number; b: number; C: number }[] = [];
  const cols = new Set<number>(), low: number[] = [], lowL: number[] = [], lowCover: number[] = [];
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) {
    const [u, v] = toEye(f, x + 0.5, y + 0.5);
    if (u < 0.1 || u > 0.9) continue;
    const i = (y * S + x) * 4, [L, a, b] = labOf(data[i]!, data[i + 1]!, data[i + 2]!), C = Math.hypot(a, b);
    if (v >= 0.35 && v <= 0.5 && u >= 0.3 && u <= 0.7) { cheekL.push(L); cheekB.push(b); cheekC.push(C); }
    if (v >= -0.15 && v <= 0.35) { band.push({ x, L, b, C }); cols.add(x); }
    if (v >= 0.03 && v <= 0.15) { low.push(C); lowL.push(L); lowCover.push(eyeOf[y * S + x] === id ? cover[y * S + x]! : 0); }
  }
  const cL = med(cheekL), cB = med(cheekB), n = Math.max(1, cols.size);
  const cC = med(cheekC), cool = band.filter((p) => (p.C < 0.75 * cC && p.L > cL - 12) || (p.b < 0 && p.L > 40));
  return { lowCover: mean(lowCover), lowC: mean(low) / cC, lowL: mean(lowL), cool: cool.length / n, coolL: mean(cool.map((p) => p.L)), coolB: mean(cool.map((p) => p.b)), dark: band.filter((p) => p.L <= cL - 35).length / n, cheekL: cL, cheekB: cB };
}

const avatar = buildAvatar(await cachedPortrait(path.join(SHARED_PORTRAITS, file)));
const motionPath = opt('--motion', '');
const picks: { name: string; frame: (n: MotionFrame) => MotionFrame }[] = motionPath
  ? (() => { const fr = (JSON.parse(readFileSync(motionPath, 'utf8')) as { frames: MotionFrame[] }).frames; return opt('--frames', '0').split(',').map((k) => ({ name: `f${k}`, frame: () => fr[Number(k)]! })); })()
  : opt('--blinks', '.85,.9,.95,1').split(',').map((w) => ({ name: `b${w}`, frame: (n: MotionFrame) => ({ ...n, blink: Number(w) }) }));
if (out) mkdirSync(out, { recursive: true });
const tag = path.basename(file, path.extname(file));
const tot: Record<string, number[]> = {};
for (const variant of ['product', ...specs]) {
  const undo = variant === 'product' ? () => {} : await applySettingSpec(variant);
  const r = createRenderer(avatar, { width: S, height: S });
  const name = variant === 'product' ? 'product' : variant.replace(/render\/|closedEye\/|\.ts|Setting/g, '');
  for (const p of picks) {
    const frames: EyeFrame[] = [], cover = new Float32Array(S * S), eye = new Uint8Array(S * S);
    const img = r.render(p.frame(r.neutralFrame()), { shutEyeProbe: { frames, cover, eye } as ShutEyeProbe });
    eyeOf = eye;
    frames.forEach((f, e) => {
      const s = stripFigures(img.data, f, cover, e + 1);
      (tot[name] ??= []).push(s.lowCover);
      console.log(`${tag} ${name.padEnd(22)} ${p.name.padEnd(6)} eye${e + 1}  under-lid cover ${s.lowCover.toFixed(2)} C*/cheek ${s.lowC.toFixed(2)} L* ${s.lowL.toFixed(0)}  cool ${s.cool.toFixed(1).padStart(4)} px  L*/b* ${s.coolL.toFixed(0)}/${s.coolB.toFixed(0)}  dark ${s.dark.toFixed(1)} px  cheek ${s.cheekL.toFixed(0)}/${s.cheekB.toFixed(0)}`);
    });
    if (out) await sharp(Buffer.from(img.data), { raw: { width: S, height: S, channels: 4 } }).png().toFile(path.join(out, `${tag}_${p.name}_${name.replace(/[^\w.=-]+/g, '_')}.png`));
  }
  undo();
}
for (const [k, v] of Object.entries(tot)) console.log(`${tag} mean under-lid cover ${k}: ${mean(v).toFixed(3)}`);
