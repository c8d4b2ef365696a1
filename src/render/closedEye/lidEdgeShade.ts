// The lash line of a half-shut lid (lid30). A lid come down mid-blink shows its lashes and their
// shadow as a thick dark line along its edge; the mesh lid slides the photo's lid skin down, and on
// a photo whose upper lid is a light band (lp_s12) that band rode on the edge: a pale band over a dark
// slit where the driver's half-shut eye is dark (lp_d14 f119-f166). So mid-blink the skin just above
// the closing lid's edge as rendered is held under a ceiling that rises from EDGE_SHARE of the lid
// skin's median at the edge to the median itself REACH above it: a lash line already dark keeps its
// own look, only a pale edge comes down.
import { toEye, type EyeFrame } from './frame.ts';
import type { RasterTarget } from '../raster.ts';
import { smoothstep } from '../../math/smooth.ts';
import { isEyeball } from './eyeballDepth.ts';
import { ceilingLight, lumaOf } from './lightCeiling.ts';
import { lidLineAt } from './lidLine.ts';

/** The ceiling at the lid's edge, as a share of the lid skin's median luma. */
const EDGE_SHARE = 0.6;
/** How far above the edge (eye widths) the ceiling rises to the skin's median. */
const REACH = 0.08;
/** Toward the corners (share of the eye's width) the hold fades out, where the lids meet. */
const CORNER_FADE = 0.15;

/** The ceiling's share of the skin median at d eye widths above the lid's edge (1 past REACH). */
export function edgeCeilingShare(d: number): number {
  return d < 0 || d >= REACH ? 1 : EDGE_SHARE + (1 - EDGE_SHARE) * (d / REACH);
}

/**
 * Holds, in place, the lid skin within REACH above the upper lid line as rendered (eye frame f, u
 * ascending; not the eyeball by `bounds`) under the edge's ceiling, at strength s, for a lid skin median `skin`.
 */
export function shadeLidEdge(t: RasterTarget, f: EyeFrame, upper: { u: number[]; v: number[] }, s: number, bounds: Float32Array, skin: number): void {
  if (s <= 0 || !(skin > 0)) return;
  const pts = upper.u.flatMap((u, k) => [[u, upper.v[k]!], [u, upper.v[k]! - REACH]]).map(([u, v]) => [f.ox + u! * f.ux + v! * f.vx, f.oy + u! * f.uy + v! * f.vy]);
  const xs = pts.map((p) => p[0]!), ys = pts.map((p) => p[1]!);
  const x0 = Math.max(0, Math.floor(Math.min(...xs))), x1 = Math.min(t.width - 1, Math.ceil(Math.max(...xs)));
  const y0 = Math.max(0, Math.floor(Math.min(...ys))), y1 = Math.min(t.height - 1, Math.ceil(Math.max(...ys)));
  const color = t.color, depth = t.depth, W = t.width;
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) {
    const i = y * W + x, iz = depth[i]!;
    if (iz <= 0) continue;
    const [u, v] = toEye(f, x + 0.5, y + 0.5);
    if (u <= 0 || u >= 1 || isEyeball(iz, u, bounds)) continue;
    const d = lidLineAt(upper.u, upper.v, u) - v;
    if (d < 0 || d >= REACH) continue;
    const fade = smoothstep(0, CORNER_FADE, u) * smoothstep(0, CORNER_FADE, 1 - u);
    const p = color[i]!;
    const light = ceilingLight(lumaOf(p), edgeCeilingShare(d) * skin, s * fade);
    if (light >= 1) continue;
    const r = (p & 255) * light, g = ((p >>> 8) & 255) * light, b = ((p >>> 16) & 255) * light;
    color[i] = ((p & 0xff000000) | (Math.round(b) << 16) | (Math.round(g) << 8) | Math.round(r)) >>> 0;
  }
}

