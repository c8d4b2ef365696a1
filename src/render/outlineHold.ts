// The shoulders' outline held as a whole (issue #15, s45 shoulder45). torsoPin.ts holds each sheet vertex
// near the photo's outline below the chin by its own share, but the sheet's triangles are coarse (15-30 px):
// the outline runs through triangles whose corners got very different shares. On mt_man the row just
// outside the image-right shoulder was not held at all (its neckLag is a tiny positive tail, 0.001, of the
// neck's lag, which torsoPin skips) and is skinned fully to the head, so a 9 deg roll lifted it ~30 px while
// the row on the outline stayed: every triangle between stretched, and the shoulder's edge inside them rose
// into a flat-topped, stair-stepped bump with the matte's soft fringe drawn out above it (a doubled outline).
// Here every triangle the outline crosses (corners on both sides of the matte's half level) moves as one:
// its held corners all take its largest share, so the edge inside it is carried rigidly, not sheared.
import type { Avatar } from '../avatar/types.ts';
import { MESH_POINT_COUNT } from '../rig/topology.ts';
import { smoothstep } from '../math/smooth.ts';

/** chin landmark */
const CHIN = 152;

/** the photo's outline: the matte's half level (torsoPin.ts INSIDE; the renderer's alpha >= 128) */
const INSIDE = 0.5 * 255;

/**
 * Every triangle crossing the photo's outline (corners on both sides of the matte's half level) made to move as
 * one, in place: its held corners take its largest `pin` share (torsoPin.ts), and its corners outside the matte
 * (sheet over the backdrop) the mean head weight (`headWeight`) of its corners inside, averaged over the crossing
 * triangles they belong to, so the edge is carried rigidly, not sheared. Never changed: the face mesh, the eyeballs,
 * and the neck's own vertices inside the matte (neckLag > 0 within NECK_SIDE of the chin: the jaw-line seam copies
 * stay with the jaw, test/neck.test.ts; farther out the lag is a 0.001-0.09 tail on shoulder sheet, mt_man's collar);
 * a vertex outside the matte is a sheet vertex over the backdrop, free whatever its lag.
 */
export function holdOutlineTriangles(avatar: Avatar, pin: Float32Array | null, headWeight: Float32Array): void {
  const n = avatar.vertexCount, size = avatar.size, rest = avatar.rest, alpha = avatar.texture.data;
  const inside = new Uint8Array(n), free = new Uint8Array(n), chinX = rest[CHIN * 3]!;
  for (let v = 0; v < n; v++) {
    const xi = Math.min(size - 1, Math.max(0, Math.round(rest[v * 3]!)));
    const yi = Math.min(size - 1, Math.max(0, Math.round(rest[v * 3 + 1]!)));
    inside[v] = alpha[(yi * size + xi) * 4 + 3]! >= INSIDE ? 1 : 0;
    const face = v < MESH_POINT_COUNT || (v >= avatar.eyeVertices[0] && v < avatar.eyeVertices[1]);
    const neck = inside[v] && avatar.neckLag[v]! > 0 && Math.abs(rest[v * 3]! - chinX) < NECK_SIDE * avatar.head.faceWidth;
    free[v] = face || neck ? 0 : 1;
  }
  const t = avatar.triangles;
  // the values as given decide (a vertex in several crossing triangles: the largest share, the mean weight)
  const given = pin ? Float32Array.from(pin) : null, h0 = Float32Array.from(headWeight);
  const hSum = new Float32Array(n), hN = new Uint16Array(n);
  for (let k = 0; k < t.length; k += 3) {
    const a = t[k]!, b = t[k + 1]!, c = t[k + 2]!;
    const crosses = inside[a]! + inside[b]! + inside[c]!;
    if (crosses === 0 || crosses === 3) continue;
    const hIn = ((inside[a] ? h0[a]! : 0) + (inside[b] ? h0[b]! : 0) + (inside[c] ? h0[c]! : 0)) / crosses;
    for (const v of [a, b, c]) if (free[v] && !inside[v]) { hSum[v] += hIn; hN[v]++; }
    if (!pin || !given) continue;
    const top = Math.max(free[a] ? given[a]! : 0, free[b] ? given[b]! : 0, free[c] ? given[c]! : 0);
    if (top <= 0) continue;
    if (free[a] && pin[a]! < top) pin[a] = top;
    if (free[b] && pin[b]! < top) pin[b] = top;
    if (free[c] && pin[c]! < top) pin[c] = top;
  }
  for (let v = 0; v < n; v++) if (hN[v]) headWeight[v] = hSum[v]! / hN[v]!;
  // along the outline below the chin's ramp the shares vary smoothly (the ramps of torsoPin and of the
  // shoulders' weights cross it at different places: a step where they met at mt_man's collar)
  const fw = avatar.head.faceWidth, top = rest[CHIN * 3 + 1]! - ABOVE_CHIN * fw;
  const chain: number[] = [];
  for (let k = 0; k < t.length; k += 3) {
    const crosses = inside[t[k]!]! + inside[t[k + 1]!]! + inside[t[k + 2]!]!;
    if (crosses === 0 || crosses === 3) continue;
    for (let e = 0; e < 3; e++) { const v = t[k + e]!; if (free[v] && rest[v * 3 + 1]! > top && !chain.includes(v)) chain.push(v); }
  }
  const sigma = ALONG * fw, hNow = Float32Array.from(headWeight), pNow = pin ? Float32Array.from(pin) : null;
  for (const v of chain) {
    let w = 0, hs = 0, ps = 0;
    for (const u of chain) {
      const d2 = (rest[u * 3]! - rest[v * 3]!) ** 2 + (rest[u * 3 + 1]! - rest[v * 3 + 1]!) ** 2;
      if (d2 > 9 * sigma * sigma) continue;
      const g = Math.exp(-d2 / (2 * sigma * sigma));
      w += g; hs += g * hNow[u]!; if (pNow) ps += g * pNow[u]!;
    }
    headWeight[v] = hs / w;
    if (pin) pin[v] = ps / w;
  }
}

/** the shares along the outline are smoothed over this many face widths (a gaussian's sigma; the sheet's triangles are 0.08-0.15) */
const ALONG = 0.08;

/** the shoulders' share ramps in from this many face widths sideways of the chin (the neck's side) ... */
const NECK_SIDE = 0.3;
/** ... to whole at this many (mt_man's shoulder slope from 0.75 on) */
const SHOULDER_SIDE = 0.7;
/** and from this many face widths above the chin to ... (lp_s1 / mt_man: shoulder tops level with the chin) */
const ABOVE_CHIN = 0.35;
/** ... this many below it */
const BELOW_CHIN = 0.05;

/**
 * Per vertex, the head weight with the shoulders given to the torso. The avatar's head weight is a function of
 * the row only (avatar/shape.ts headWeightAt: 1 down to the chin, 0 at 0.55 face heights below it), so a
 * shoulder as high as the chin (mt_man) was skinned 0.6-1 to the head and rolled with it: 9 deg lifted it
 * ~30 px about the head's pivot, against torsoPin's hold at its outline. A body's shoulders follow the torso
 * (deform.ts torsoFollow: a quarter of the roll, about the torso's pivot). Sheet vertices below the chin
 * and sideways past the neck lose their head share; the face mesh, eyeballs and the neck (nearer the chin
 * than NECK_SIDE) stay as they are.
 */
export function shoulderHeadWeights(avatar: Avatar): Float32Array {
  const n = avatar.vertexCount, rest = avatar.rest, fw = avatar.head.faceWidth;
  const out = Float32Array.from(avatar.headWeight);
  const chinX = rest[CHIN * 3]!, chinY = rest[CHIN * 3 + 1]!;
  for (let v = MESH_POINT_COUNT; v < n; v++) {
    if (v >= avatar.eyeVertices[0] && v < avatar.eyeVertices[1]) continue;
    const below = smoothstep(chinY - ABOVE_CHIN * fw, chinY + BELOW_CHIN * fw, rest[v * 3 + 1]!);
    const side = smoothstep(NECK_SIDE * fw, SHOULDER_SIDE * fw, Math.abs(rest[v * 3]! - chinX));
    out[v] = out[v]! * (1 - below * side);
  }
  return out;
}
