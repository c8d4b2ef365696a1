// Spreading a control's displacement from handle landmarks over the face (the basis's building
// blocks): Gaussian-weighted blends of the handles' moves, masked per landmark.
import { LANDMARK_COUNT } from './topology.ts';
import { smoothstep } from '../math/smooth.ts';

const N = LANDMARK_COUNT;

export interface Handle { i: number; d: [number, number, number] }

/**
 * Writes a control's field: handles get their displacement exactly; every other point gets a
 * Gaussian-weighted blend of the handle displacements (decaying to 0 away from them), times mask[i].
 */
export function spread(out: Float32Array, k: number, p: Float64Array, handles: Handle[], sigma: number, mask: (i: number) => number): void {
  const isHandle = new Uint8Array(N);
  for (const h of handles) isHandle[h.i] = 1;
  const inv = 1 / (sigma * sigma);
  for (let i = 0; i < N; i++) {
    const o = (k * N + i) * 3;
    if (isHandle[i]) continue;
    const m = mask(i);
    if (m <= 0) continue;
    let sw = 0, dx = 0, dy = 0, dz = 0;
    for (const h of handles) {
      const ex = p[i * 3]! - p[h.i * 3]!, ey = p[i * 3 + 1]! - p[h.i * 3 + 1]!, ez = p[i * 3 + 2]! - p[h.i * 3 + 2]!;
      const w = Math.exp(-(ex * ex + ey * ey + ez * ez) * inv);
      sw += w; dx += w * h.d[0]; dy += w * h.d[1]; dz += w * h.d[2];
    }
    const norm = m / Math.max(1, sw);
    out[o] += dx * norm; out[o + 1] += dy * norm; out[o + 2] += dz * norm;
  }
  for (const h of handles) {
    const o = (k * N + h.i) * 3;
    out[o] += h.d[0]; out[o + 1] += h.d[1]; out[o + 2] += h.d[2];
  }
}

/**
 * Like spread, for a field that varies along the handles: a point's displacement is a Gaussian-weighted
 * average of the handles' as in spread, but the Gaussian narrows to SHAPE_NEAR next to the handles
 * (widening to sigma at FOLLOW_DIST from the nearest one, where the field is spread's again). Skin next
 * to the lips follows the lip beside it; spread's mouth-wide average made the skin just over the
 * upper lip's middle rise past the lip's own edge. reachPerHandle scales each handle's share of the
 * reach (below 1 when more handles stand for the same lips).
 */
const SHAPE_NEAR = 0.04, FOLLOW_DIST = 0.15;
export function spreadFollowingNearest(out: Float32Array, k: number, p: Float64Array, handles: Handle[], sigma: number, mask: (i: number) => number, reachPerHandle: number): void {
  const isHandle = new Uint8Array(N);
  for (const h of handles) isHandle[h.i] = 1;
  const inv = 1 / (sigma * sigma);
  const d2 = new Float64Array(handles.length);
  for (let i = 0; i < N; i++) {
    if (isHandle[i]) continue;
    const m = mask(i);
    if (m <= 0) continue;
    let reach = 0, nearest2 = Infinity;
    handles.forEach((h, q) => {
      const ex = p[i * 3]! - p[h.i * 3]!, ey = p[i * 3 + 1]! - p[h.i * 3 + 1]!, ez = p[i * 3 + 2]! - p[h.i * 3 + 2]!;
      d2[q] = ex * ex + ey * ey + ez * ez;
      reach += reachPerHandle * Math.exp(-d2[q]! * inv);
      nearest2 = Math.min(nearest2, d2[q]!);
    });
    const shape = SHAPE_NEAR + (sigma - SHAPE_NEAR) * smoothstep(0, FOLLOW_DIST, Math.sqrt(nearest2)), invShape = 1 / (shape * shape);
    let sw = 0, dx = 0, dy = 0, dz = 0;
    handles.forEach((h, q) => {
      const w = Math.exp(-(d2[q]! - nearest2) * invShape);
      sw += w; dx += w * h.d[0]; dy += w * h.d[1]; dz += w * h.d[2];
    });
    const scale = (m * Math.min(1, reach)) / sw;
    const o = (k * N + i) * 3;
    out[o] += dx * scale; out[o + 1] += dy * scale; out[o + 2] += dz * scale;
  }
  for (const h of handles) {
    const o = (k * N + h.i) * 3;
    out[o] += h.d[0]; out[o + 1] += h.d[1]; out[o + 2] += h.d[2];
  }
}
