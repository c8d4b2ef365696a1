// The seam where a turned face's far edge meets the head sheet behind it (issue #15, edges25). The
// face mesh and the sheet share the oval's vertices, but on a turn the face's far cheek is the mirror's
// and the turn's texture while the sheet past it keeps the photo's ear, hair or backdrop: the z-buffer
// leaves a hard, straight cut between the two (mt_man and st_art_1 at -25). A real cheek turning away
// ends in a soft edge a few pixels wide over what is behind it. This pass overhangs the face onto the
// sheet along the far oval: each sheet pixel within `width` px outside the line is mixed toward the
// face's colour read just inside the line, fully at the line and none `width` px away; face pixels are
// never changed. (Mixing with the mirror image across the line copied the sheet's hair strand back
// into the cheek.) Pure over the raster target; the scratch buffers are the caller's.
import type { RasterTarget } from './raster.ts';
import { smooth01 } from '../math/smooth.ts';

/** Oval landmarks from the temple to the jaw corner on the side a turn by +yaw shows (image left), and -yaw's (image right). */
const FAR_OVAL_PLUS = [54, 21, 162, 127, 234, 93, 132, 58, 172];
const FAR_OVAL_MINUS = [284, 251, 389, 356, 454, 323, 361, 288, 397];

/** The oval's landmarks on the side a turn by `yaw` (relative to the photo) takes away from the camera. */
export function farOval(yaw: number): number[] {
  return yaw > 0 ? FAR_OVAL_PLUS : FAR_OVAL_MINUS;
}

/** Half-width of the cross-fade, in face widths (on screen): ~3 px on a 200 px face, a 10-90 % ramp of ~4 px. */
export const SEAM_HALF_WIDTH = 0.03;

/** How far inside the line (px) the face's colour is read for the overhang: past the line's own pixel. */
const SEAM_TAP = 1.5;

/**
 * The face's own edge pixel (centre under 1 px inside the line) takes the face's colour read a pixel further in (s48
 * turn48). The occlusion-edge smoothing (edgePasses.ts smoothDepthEdges) averages that pixel with the sheet's dark hair
 * beside it, and the overhang then lit the sheet's pixels just outside it with the face's colour: a 1-px dark line
 * between the cheek and its own lit overhang, all down a turned far cheek over hair (lp_s12 at +25, the sideburn).
 * `on` = false: face pixels never change, as before.
 */
export const farSeamEdgeSetting = { on: true };

/** The face's coverage of a pixel d px outside the line (ramp width w): 1 at the line, 0 from w on (a smoothstep down). */
export function seamCover(d: number, w: number): number {
  const t = Math.min(1, Math.max(0, d / w));
  return 1 - t * t * (3 - 2 * t);
}

/** Bilinear sample of the packed premultiplied colour at (x, y) (clamped inside), into out (r, g, b, a). */
function sampleColor(color: Uint32Array, W: number, H: number, x: number, y: number, out: Float64Array): void {
  const cx = Math.min(W - 1.001, Math.max(0, x)), cy = Math.min(H - 1.001, Math.max(0, y));
  const x0 = cx | 0, y0 = cy | 0, fx = cx - x0, fy = cy - y0;
  const i = y0 * W + x0;
  const w00 = (1 - fx) * (1 - fy), w10 = fx * (1 - fy), w01 = (1 - fx) * fy, w11 = fx * fy;
  const c00 = color[i]!, c10 = color[i + 1]!, c01 = color[i + W]!, c11 = color[i + W + 1]!;
  for (let s = 0, k = 0; s < 32; s += 8, k++) {
    out[k] = w00 * ((c00 >>> s) & 255) + w10 * ((c10 >>> s) & 255) + w01 * ((c01 >>> s) & 255) + w11 * ((c11 >>> s) & 255);
  }
}
/** the face's colour just inside the line, per pixel being mixed (r, g, b, a) */
const inner = new Float64Array(4);
/** the sheet's colour a pixel outside the line, for the face's edge pixel */
const outer = new Float64Array(4);

let best = new Float32Array(0);
let bestSeg = new Int32Array(0);

/**
 * Cross-fades the person layer across the polyline (xs, ys) (the far oval on screen), inside = the
 * side of `inside` (a point in the face). `strength` 0..1 scales the mix (0: nothing changes);
 * `width` is the ramp's half-width in px. Pixels where either side is not opaque person (alpha under
 * ~128: the backdrop past the matte) are left to the silhouette's own feather (edgePasses.ts).
 */
export function blendFarSeam(t: RasterTarget, xs: number[], ys: number[], inside: [number, number], strength: number, width: number, scratchIndex: Int32Array, scratchColor: Uint32Array): void {
  if (!(strength > 0) || xs.length < 2 || !(width > 0)) return;
  const W = t.width, H = t.height, color = t.color;
  if (best.length < W * H) { best = new Float32Array(W * H).fill(Infinity); bestSeg = new Int32Array(W * H); }
  const reach = Math.ceil(width) + 1, width2 = width * width;
  let count = 0;
  // each pixel near the line: its nearest segment (the polyline is convex toward the face, so the
  // nearest segment's normal is the line's)
  for (let k = 0; k + 1 < xs.length; k++) {
    const ax = xs[k]!, ay = ys[k]!, bx = xs[k + 1]!, by = ys[k + 1]!;
    const dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
    if (!(len2 > 1e-6)) continue;
    const x0 = Math.max(1, Math.floor(Math.min(ax, bx)) - reach), x1 = Math.min(W - 2, Math.ceil(Math.max(ax, bx)) + reach);
    const y0 = Math.max(1, Math.floor(Math.min(ay, by)) - reach), y1 = Math.min(H - 2, Math.ceil(Math.max(ay, by)) + reach);
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        // (pixel centres at +.5, as the rasterizer's)
        const px = x + 0.5 - ax, py = y + 0.5 - ay;
        const u = Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
        // (squared first: most of the box is past the ramp; Math.hypot allocated on every call)
        const ex = px - u * dx, ey = py - u * dy, d2 = ex * ex + ey * ey;
        if (d2 > width2) continue;
        const d = Math.sqrt(d2);
        const i = y * W + x;
        if (best[i] === Infinity) scratchIndex[count++] = i;
        if (d < best[i]!) { best[i] = d; bestSeg[i] = k; }
      }
    }
  }
  for (let q = 0; q < count; q++) {
    const i = scratchIndex[q]!, x = i % W, y = (i - x) / W, k = bestSeg[i]!;
    const ax = xs[k]!, ay = ys[k]!, dx = xs[k + 1]! - ax, dy = ys[k + 1]! - ay, len = Math.hypot(dx, dy);
    // unit normal toward the face
    let nx = -dy / len, ny = dx / len;
    if ((inside[0] - ax) * nx + (inside[1] - ay) * ny < 0) { nx = -nx; ny = -ny; }
    const s = (x + 0.5 - ax) * nx + (y + 0.5 - ay) * ny;
    const own = color[i]!;
    // inside the face: its own pixels (but its edge pixel, farSeamEdgeSetting)
    const edge = s >= 0 && s < 1 && farSeamEdgeSetting.on;
    if (s >= 0 && !edge) { scratchColor[q] = own; continue; }
    // outside: the face's colour just inside the line (SEAM_TAP px in), fading out over `width`; the edge pixel's a pixel in from it
    const tap = edge ? Math.max(SEAM_TAP, s + 1) : SEAM_TAP;
    sampleColor(color, W, H, x + (tap - s) * nx, y + (tap - s) * ny, inner); // (pixel x's centre is x + .5: the offsets cancel)
    // both sides opaque person: the backdrop's edge is the silhouette feather's (the edge pixel: the sheet a pixel
    // outside the line too, so a face outline against the plate keeps its feathered edge)
    let opaque = Math.min(own >>> 24, inner[3]!);
    if (edge) { sampleColor(color, W, H, x - (1 + s) * nx, y - (1 + s) * ny, outer); opaque = Math.min(opaque, outer[3]!); }
    const m = strength * seamCover(Math.max(0, -s), width) * Math.max(0, Math.min(1, (opaque - 128) / 96));
    scratchColor[q] = m > 0
      ? ((((own & 255) * (1 - m) + inner[0]! * m + 0.5) | 0)
        | ((((own >>> 8) & 255) * (1 - m) + inner[1]! * m + 0.5) | 0) << 8
        | ((((own >>> 16) & 255) * (1 - m) + inner[2]! * m + 0.5) | 0) << 16
        | ((((own >>> 24) * (1 - m) + inner[3]! * m + 0.5) | 0) << 24)) >>> 0
      : own;
  }
  for (let q = 0; q < count; q++) {
    const i = scratchIndex[q]!;
    color[i] = scratchColor[q]!;
    best[i] = Infinity;
  }
}

/**
 * The pass on a frame: the far oval of a turn by `yaw` (degrees, relative to the photo), fading in
 * from 5 to 15 degrees like the turn's shading (the rest frame and small nods are unchanged), over
 * projected landmarks (sx, sy; the nose tip, 4, marks the face side); `faceWidth` in screen px.
 */
export function farSeamPass(t: RasterTarget, sx: Float32Array, sy: Float32Array, yaw: number, faceWidth: number, scratchIndex: Int32Array, scratchColor: Uint32Array): void {
  const strength = smooth01((Math.abs(yaw) - 5) / 10);
  if (!(strength > 0)) return;
  const ids = farOval(yaw);
  blendFarSeam(t, ids.map((i) => sx[i]!), ids.map((i) => sy[i]!), [sx[4]!, sy[4]!], strength, Math.max(1.5, SEAM_HALF_WIDTH * faceWidth), scratchIndex, scratchColor);
}
