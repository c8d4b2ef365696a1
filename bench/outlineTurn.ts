// How polygonal a turned face's outline is (issue #15, session 17, lp_s12's hard cheek edge): the
// face mesh's outer edge (the oval's landmarks, plus the curve points between them where the
// checkout has them: avatar/outlineCurve.ts) projected at one yaw, on the far side the turn shows
// (image-left for +yaw), eye to chin. Prints per portrait and checkout the largest and the mean turning
// angle (degrees) between consecutive outline segments, and the longest straight segment (px at
// the crop size). A photographed cheek is a smooth curve: small angles, short segments. Never asserts.
//   node --import tsx bench/outlineTurn.ts --root BEFORE --root . [--yaw 25] lp_s12.jpg lp_s9.jpg
import path from 'node:path';
import { cachedPortrait } from './portraitCache.ts';
import { checkoutRenderer } from './headCells.ts';
import { FACE_OVAL } from '../src/rig/topology.ts';

const HERE = path.resolve(import.meta.dirname, '..');
const DATA = path.resolve(HERE, '..', 'shared', 'data', 'portraits');
const args = process.argv.slice(2);
const roots: string[] = [], names: string[] = [];
let yaw = 25;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--root') roots.push(path.resolve(args[++i]!));
  else if (args[i] === '--yaw') yaw = Number(args[++i]);
  else names.push(args[i]!);
}
if (roots.length === 0) roots.push(HERE);

/** The outline's vertex ids in order: each oval landmark, then the curve points of its segment (by t). */
function outlineIds(av: any): number[] {
  const r: Float32Array = av.rest, infl: Int32Array = av.influence, w: Float32Array = av.influenceWeight;
  const n = FACE_OVAL.length, out: number[] = [];
  for (let k = 0; k < n; k++) {
    const a = FACE_OVAL[k]!, b = FACE_OVAL[(k + 1) % n]!;
    const ax = r[a * 3]!, ay = r[a * 3 + 1]!, bx = r[b * 3]!, by = r[b * 3 + 1]!, len = Math.hypot(bx - ax, by - ay) || 1;
    const pts: [number, number][] = [];
    for (let v = 478; v < av.vertexCount; v++) {
      if (infl[v * 4] !== a || infl[v * 4 + 1] !== b || infl[v * 4 + 2]! >= 0 || av.headWeight[v] !== 1) continue;
      const t = w[v * 4 + 1]!;
      if (Math.abs(w[v * 4]! + t - 1) > 1e-5 || t <= 0 || t >= 1) continue;
      // off the chord (the sheet's first ring and the neck's copies lie on it), by under a tenth of the segment
      const off = ((r[v * 3]! - (ax + (bx - ax) * t)) * (by - ay) - (r[v * 3 + 1]! - (ay + (by - ay) * t)) * (bx - ax)) / len;
      if (Math.abs(off) < 1e-3 || Math.abs(off) > 0.1 * len) continue;
      pts.push([t, v]);
    }
    out.push(a, ...pts.sort((p, q) => p[0] - q[0]).map((p) => p[1]));
  }
  return out;
}

console.log(`yaw ${yaw}: far-side outline, eye (lm 33/263) to chin (lm 152) — max turn deg | mean turn deg | longest segment px | points`);
for (const name of names) {
  const portrait = await cachedPortrait(path.join(DATA, name));
  for (const root of roots) {
    const { renderer, neutral } = await checkoutRenderer(root, portrait);
    const frame = { ...neutral, pose: { ...neutral.pose, yaw } };
    const av: any = (renderer as any).avatar ?? (await import(path.join(root, 'src/avatar/build.ts'))).buildAvatar(portrait);
    const { x, y } = renderer.meshVertices(frame);
    const lm = renderer.landmarks(frame);
    const ids = outlineIds(av);
    const noseX = lm[1]![0], eyeY = Math.min(lm[33]![1], lm[263]![1]), chinY = lm[152]![1];
    const far = (v: number) => (yaw > 0 ? x[v]! < noseX : x[v]! > noseX) && y[v]! >= eyeY && y[v]! <= chinY;
    let maxTurn = 0, sumTurn = 0, count = 0, longest = 0;
    for (let k = 0; k < ids.length; k++) {
      const p = ids[(k - 1 + ids.length) % ids.length]!, v = ids[k]!, q = ids[(k + 1) % ids.length]!;
      if (!far(v)) continue;
      const a1 = Math.atan2(y[v]! - y[p]!, x[v]! - x[p]!), a2 = Math.atan2(y[q]! - y[v]!, x[q]! - x[v]!);
      let d = Math.abs(a2 - a1) * 180 / Math.PI;
      if (d > 180) d = 360 - d;
      maxTurn = Math.max(maxTurn, d); sumTurn += d; count++;
      longest = Math.max(longest, Math.hypot(x[q]! - x[v]!, y[q]! - y[v]!));
    }
    console.log(`${name.padEnd(14)} ${path.basename(root).padEnd(12)} ${maxTurn.toFixed(1).padStart(5)} | ${(sumTurn / Math.max(1, count)).toFixed(1).padStart(5)} | ${longest.toFixed(1).padStart(5)} | ${count}`);
  }
}
