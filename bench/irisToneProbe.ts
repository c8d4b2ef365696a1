// The glancing iris's tone against the photo's own (iristone47, critic46 #4: "round but ink-black, no colour or ring").
// Texture space, the renderer's own gaze shaders (faceTextures), per portrait and eye: the radial profile (mean CIE L*,
// a*, b* per 1 px band from the iris centre, texels inside the rest opening) of the photo's iris at rest and of the moved
// iris at gaze x -1 / +1 round its moved centre, and `limbus` = the profile's radius where L* comes within a quarter of
// the way from the iris's darkest band to the white's; `ringL` / `ringC` = mean L* / chroma over 0.5..1.0 of the photo's limbus
// (the iris's colour band). Never asserts.   node --import tsx bench/irisToneProbe.ts lp_s10.jpg,lp_s12.jpg [--base /work/wt/before47]
import path from 'node:path';
import { forEachGlanceEye, glanceArgs } from './glanceEyes.ts';
import { insidePolygon } from '../src/math/polygon.ts';

const { files, roots } = glanceArgs();
const BANDS = 14;

/** sRGB (0..255) to CIE L*a*b* (D65). */
export function lab(r: number, g: number, b: number): [number, number, number] {
  const lin = (c: number) => { c /= 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  const R = lin(r), G = lin(g), B = lin(b);
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const X = f((0.4124 * R + 0.3576 * G + 0.1805 * B) / 0.95047), Y = f(0.2126 * R + 0.7152 * G + 0.0722 * B), Z = f((0.0193 * R + 0.1192 * G + 0.9505 * B) / 1.08883);
  return [116 * Y - 16, 500 * (X - Y), 200 * (Y - Z)];
}

type Px = (x: number, y: number) => number;
/** Mean L*a*b* per 1 px band round (cx, cy), texels whose centre is inside `poly`. */
function profile(px: Px, poly: [number, number][], cx: number, cy: number): { L: number; a: number; b: number; n: number }[] {
  const acc = Array.from({ length: BANDS }, () => ({ L: 0, a: 0, b: 0, n: 0 }));
  for (let y = Math.floor(cy - BANDS); y <= cy + BANDS; y++) for (let x = Math.floor(cx - BANDS); x <= cx + BANDS; x++) {
    if (!insidePolygon(x + 0.5, y + 0.5, poly)) continue;
    const k = Math.floor(Math.hypot(x + 0.5 - cx, y + 0.5 - cy));
    if (k >= BANDS) continue;
    const c = px(x, y), [L, a, b] = lab(c & 255, (c >>> 8) & 255, (c >>> 16) & 255);
    acc[k]!.L += L; acc[k]!.a += a; acc[k]!.b += b; acc[k]!.n++;
  }
  return acc.map((s) => (s.n ? { L: s.L / s.n, a: s.a / s.n, b: s.b / s.n, n: s.n } : { L: NaN, a: NaN, b: NaN, n: 0 }));
}
/** Over the texels within r of (cx, cy) inside `poly`: mean L*a*b*, and the share with L* under INK (an ink-black iris). */
const INK = 20;
function discLab(px: Px, poly: [number, number][], cx: number, cy: number, r: number): string {
  let L = 0, a = 0, b = 0, n = 0, ink = 0;
  for (let y = Math.floor(cy - r); y <= cy + r; y++) for (let x = Math.floor(cx - r); x <= cx + r; x++) {
    if (Math.hypot(x + 0.5 - cx, y + 0.5 - cy) > r || !insidePolygon(x + 0.5, y + 0.5, poly)) continue;
    const c = px(x, y), q = lab(c & 255, (c >>> 8) & 255, (c >>> 16) & 255);
    L += q[0]; a += q[1]; b += q[2]; n++; if (q[0] < INK) ink++;
  }
  return `disc Lab ${(L / n).toFixed(0)}/${(a / n).toFixed(1)}/${(b / n).toFixed(1)} ink ${(ink / n).toFixed(2)}`;
}
const fmt = (p: ReturnType<typeof profile>) => p.map((s) => (s.n ? s.L.toFixed(0) : '-').padStart(3)).join('');
/** Mean L* and chroma over bands [r0, r1). */
function band(p: ReturnType<typeof profile>, r0: number, r1: number): [number, number] {
  let L = 0, C = 0, n = 0;
  for (let k = Math.floor(r0); k < Math.ceil(r1) && k < p.length; k++) if (p[k]!.n) { L += p[k]!.L * p[k]!.n; C += Math.hypot(p[k]!.a, p[k]!.b) * p[k]!.n; n += p[k]!.n; }
  return n ? [L / n, C / n] : [NaN, NaN];
}

await forEachGlanceEye(roots, files, ({ root, file, eye: e, disc: d, outline: poly, rest: restRead, glance }) => {
  const rest = profile(restRead, poly, d.cx, d.cy);
  const dark = Math.min(...rest.slice(0, 8).filter((s) => s.n).map((s) => s.L));
  const white = Math.max(...rest.filter((s) => s.n > 2).map((s) => s.L));
  const limbus = rest.findIndex((s, k) => k > 1 && s.n > 0 && s.L > dark + 0.75 * (white - dark));
  const lim = limbus > 0 ? limbus : BANDS;
  const [rl, rc] = band(rest, 0.5 * lim, lim);
  console.log(`${path.basename(root).padEnd(10)} ${file} eye ${e} rest   L* ${fmt(rest)}  limbus ${lim} ringL ${rl.toFixed(0)} ringC ${rc.toFixed(1)} ${discLab(restRead, poly, d.cx, d.cy, d.round?.r ?? lim)} (white ${white.toFixed(0)}) catchlight ${d.tone ? d.tone.catchSum.toFixed(1) : "-"} reach ${d.tone ? d.tone.reach.toFixed(1) + "/" + d.tone.r.toFixed(1) : "-"}`);
  for (const gx of [-1, 1]) {
    const { shift: [sx, sy], read } = glance(gx);
    const p = profile(read, poly, d.cx + sx, d.cy + sy);
    const [l, c] = band(p, 0.5 * lim, lim);
    console.log(`${path.basename(root).padEnd(10)} ${file} eye ${e} g${gx > 0 ? '+' : '-'}1 sx ${sx.toFixed(1).padStart(5)} L* ${fmt(p)}  ringL ${l.toFixed(0)} ringC ${c.toFixed(1)} ${discLab(read, poly, d.cx + sx, d.cy + sy, d.round?.r ?? lim)}`);
  }
});
