// s50 whitepatch50: how flat the white a stare uncovers is (render/wideEyes.ts + stareWhite.ts), in texture space.
// Per portrait and eyeWide over the photo's (`--amounts`), per eye: the uncovered white (drawn texels over the photo's
// lid line, outside the iris) against the photo's own visible white (inside its opening, outside the iris):
// mean L*, std L*, grain (std of L* minus its 3x3 mean; the photo's below its lid shade, outside 1.2 iris radii), the lid band
// (median L* of the 2 rows under the raised lid minus the lit white's own), the white over the iris (mean L* of the uncovered texels over the iris's middle columns minus the lit white's), and the step at the photo's old lid line (mean L* of
// the 2 drawn rows above it minus the 2 photo rows below it, iris excluded).
//   node --import tsx bench/stareWhiteFlat.ts --portraits st_art_1.png,st_happy.png --amounts .6,1 [--set render/x.ts:xSetting.k=v]
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cachedPortrait } from './portraitCache.ts';
import { SHARED_PORTRAITS } from './sharedData.ts';

const args = process.argv.slice(2);
const opt = (n: string, d: string) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1]! : d; };
const root = path.resolve(opt('--root', path.resolve(import.meta.dirname, '..')));
const imp = (m: string) => import(pathToFileURL(path.join(root, 'src', m)).href);
for (let i = 0; i < args.length; i++) if (args[i] === '--set') {
  const [, mod, name, key, val] = /^([^:]+):(\w+)\.(\w+)=(.*)$/.exec(args[i + 1]!) ?? [];
  const m = await imp(mod!);
  m[name!][key!] = val === 'true' ? true : val === 'false' ? false : Number(val);
}
const { buildAvatar } = await imp('avatar/build.ts');
const { faceTextures } = await imp('render/faceTextures.ts');
const { CONTROL_INDEX } = await imp('rig/controls.ts');

const lstar = (r: number, g: number, b: number) => {
  const lin = (v: number) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  const y = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  return y > 216 / 24389 ? 116 * Math.cbrt(y) - 16 : (24389 / 27) * y;
};
const stats = (v: number[]) => { const m = v.reduce((a, b) => a + b, 0) / Math.max(1, v.length); return { m, sd: Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, v.length)) }; };
const med = (v: number[]) => { const s = [...v].sort((a, b) => a - b); return s.length ? s[s.length >> 1]! : NaN; };
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '-');

for (const file of opt('--portraits', 'st_art_1.png').split(',')) {
  const avatar = buildAvatar(await cachedPortrait(path.join(SHARED_PORTRAITS, file)));
  const t = faceTextures(avatar);
  const we = t.wideEyes as any;
  const W = avatar.size;
  const photoW = avatar.rig.photoWeights;
  for (const amt of opt('--amounts', '.6,1').split(',').map(Number)) {
    const w = Float32Array.from(photoW);
    w[CONTROL_INDEX.eyeWideLeft] = Math.min(1, photoW[CONTROL_INDEX.eyeWideLeft] + amt);
    w[CONTROL_INDEX.eyeWideRight] = Math.min(1, photoW[CONTROL_INDEX.eyeWideRight] + amt);
    we.update(w, photoW);
    const data: Uint8ClampedArray = we.data, rest: Uint8ClampedArray = we.rest;
    const L = (d: Uint8ClampedArray, x: number, y: number) => { const o = (y * W + x) * 4; return lstar(d[o]!, d[o + 1]!, d[o + 2]!); };
    const grainAt = (d: Uint8ClampedArray, x: number, y: number) => { let s = 0; for (let j = -1; j <= 1; j++) for (let i = -1; i <= 1; i++) s += L(d, x + i, y + j); return L(d, x, y) - s / 9; };
    const out: string[] = [];
    for (const eye of we.eyes) {
      const m = eye.model, pw = eye.x1 - eye.x0 + 1;
      const iris = m.iris, rr = (eye.drawR || 0) + 1.5;
      const inIris = (x: number, y: number) => iris && Math.hypot(x + 0.5 - iris.cx, y + 0.5 - iris.cy) < rr;
      const over: number[] = [], U: number[] = [], Ug: number[] = [], P: number[] = [], Pg: number[] = [], band: number[] = [], above: number[] = [], below: number[] = [];
      for (const [k, c] of m.columns.entries()) {
        const lid = c.top - eye.amount * eye.lifts[k];
        for (let y = Math.floor(lid); y < c.bottom; y++) {
          if (y < eye.y0 || y > eye.y1 || inIris(c.x, y)) continue;
          const sh = eye.share[(y - eye.y0) * pw + c.x - eye.x0];
          if (y + 0.5 < c.top - 0.5 && sh > 0.5 && y + 0.5 > lid) {
            U.push(L(data, c.x, y)); Ug.push(grainAt(data, c.x, y));
            if (iris && Math.abs(c.x + 0.5 - iris.cx) < 0.7 * iris.r) over.push(L(data, c.x, y));
            if (y + 0.5 < lid + 2) band.push(L(data, c.x, y));
            if (y + 0.5 > c.top - 2.5) above.push(L(data, c.x, y));
          }
          if (y + 0.5 > c.top + m.shadowEnd && y + 0.5 < c.bottom - 1 && !(iris && Math.hypot(c.x + 0.5 - iris.cx, y + 0.5 - iris.cy) < 1.2 * iris.r)) {
            P.push(L(rest, c.x, y)); Pg.push(grainAt(rest, c.x, y));
          }
          if (y + 0.5 > c.top + 0.5 && y + 0.5 < c.top + 2.5) below.push(L(data, c.x, y));
        }
      }
      const u = stats(U), p = stats(P);
      // the lit white's own light (each column's white, lit by the eye's gain as wideEyes.ts does)
      const lit = med(m.whites.map((wc: number[]) => { const l = 0.299 * wc[0]! + 0.587 * wc[1]! + 0.114 * wc[2]!, a = (eye.whiteGain - 1) * l; return lstar(Math.min(255, wc[0]! + a), Math.min(255, wc[1]! + a), Math.min(255, wc[2]! + a)); }));
      out.push(`eye${eye.side} gain ${eye.whiteGain.toFixed(2)} n ${U.length}|${P.length} L* ${f1(u.m)}|${f1(p.m)} sd ${f1(u.sd)}|${f1(p.sd)} grain ${f1(stats(Ug).sd)}|${f1(stats(Pg).sd)} band ${f1(med(band) - lit)} over ${f1(stats(over).m - lit)} step ${f1(stats(above).m - stats(below).m)}`);
    }
    console.log(`${file} +${amt}: ${out.join('  ')}`);
  }
}
