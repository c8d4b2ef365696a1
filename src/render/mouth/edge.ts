// Anti-aliasing of the lip line from both sides: the z-buffer leaves stair steps where the lip
// skin triangles meet the mouth fan. Pixels on that border (a mouth pixel next to a non-mouth one,
// and that neighbour) take a weighted 3x3 average, as smoothDepthEdges does for depth steps.
import type { RasterTarget } from '../raster.ts';
import type { MouthShader } from './shader.ts';

/**
 * `mask` and the index/colour scratch buffers are the caller's, width*height long, reused between
 * frames (the mask is cleared again before returning).
 */
export function softenLipLine(t: RasterTarget, mouth: MouthShader, mask: Uint8Array, scratchIndex: Int32Array, scratchColour: Uint32Array): void {
  const W = t.width, H = t.height, color = t.color;
  const n = mouth.ownedCount, owned = mouth.owned, ownedColour = mouth.ownedColour;
  // mouth pixels still showing what the mouth wrote (a nearer lip triangle may have covered them)
  for (let k = 0; k < n; k++) { const i = owned[k]!; if (color[i] === ownedColour[k]) mask[i] = 1; }
  // (not at the photo's own opening: the rest frame is the photo's mouth as it is)
  if (mouth.place.rebuilt > REBUILT_MIN) smoothRunEnds(t, mouth, mask, mouth.place.rebuilt);
  let count = 0;
  for (let k = 0; k < n; k++) {
    const i = owned[k]!;
    if (mask[i] !== 1) continue;
    const x = i % W, y = (i - x) / W;
    if (x < 1 || y < 1 || x >= W - 1 || y >= H - 1) continue;
    mask[i] = 2; // listed once
    let border = false;
    for (let q = 0; q < 4; q++) {
      const j = q === 0 ? i - 1 : q === 1 ? i + 1 : q === 2 ? i - W : i + W;
      if (mask[j] === 0 && color[j]! >>> 24 !== 0) { border = true; mask[j] = 3; scratchIndex[count++] = j; }
    }
    if (border) scratchIndex[count++] = i;
  }
  for (let k = 0; k < count; k++) {
    const i = scratchIndex[k]!;
    let packed = 0;
    for (let s = 0; s < 32; s += 8) {
      let acc = ((color[i]! >>> s) & 255) * 4;
      acc += (color[i - 1]! >>> s) & 255; acc += (color[i + 1]! >>> s) & 255;
      acc += (color[i - W]! >>> s) & 255; acc += (color[i + W]! >>> s) & 255;
      packed |= (((acc / 8) + 0.5) | 0) << s;
    }
    scratchColour[k] = packed >>> 0;
  }
  for (let k = 0; k < count; k++) color[scratchIndex[k]!] = scratchColour[k]!;
  for (let k = 0; k < n; k++) mask[owned[k]!] = 0;
  for (let k = 0; k < count; k++) mask[scratchIndex[k]!] = 0;
}

/** below this share of rebuilt interior (the photo's own opening, give or take a rounding) the edge is the photo's */
const REBUILT_MIN = 0.01;
/** columns either side a run end is averaged over (the stair's sub-pixel position) */
const RUN_SMOOTH = 3;

/**
 * The mouth's upper and lower ends per column, where nearer lip triangles cut it: a staircase of
 * whole pixels (a thin slit jumps a row at once). Each end is placed at the mean of the
 * neighbouring columns' ends, and the pixels across it take the lip and mouth colours by the share
 * of the pixel on each side: a sloped edge steps by fractions of a pixel.
 */
function smoothRunEnds(t: RasterTarget, mouth: MouthShader, mask: Uint8Array, strength: number): void {
  const W = t.width, H = t.height, color = t.color;
  const n = mouth.ownedCount, owned = mouth.owned;
  let x0 = W, x1 = -1, y0 = H, y1 = -1;
  for (let k = 0; k < n; k++) {
    const i = owned[k]!;
    if (mask[i] !== 1) continue;
    const x = i % W, y = (i - x) / W;
    if (x < x0) x0 = x; if (x > x1) x1 = x; if (y < y0) y0 = y; if (y > y1) y1 = y;
  }
  if (x1 < x0 || y0 < 1 || y1 >= H - 1) return;
  const cols = x1 - x0 + 1, tops = new Float32Array(cols).fill(NaN), bots = new Float32Array(cols).fill(NaN);
  for (let x = x0; x <= x1; x++) {
    for (let y = y0; y <= y1; y++) if (mask[y * W + x] === 1) { tops[x - x0] = y; break; }
    for (let y = y1; y >= y0; y--) if (mask[y * W + x] === 1) { bots[x - x0] = y + 1; break; }
  }
  const smooth = (ends: Float32Array, c: number) => {
    let acc = 0, m = 0;
    for (let k = Math.max(0, c - RUN_SMOOTH); k <= Math.min(cols - 1, c + RUN_SMOOTH); k++) { const e = ends[k]!; if (e === e) { acc += e; m++; } }
    return acc / m;
  };
  const blend = (a: number, b: number, share: number) => {
    // (by how far the interior is rebuilt: the photo's own mouth keeps its own edge)
    const w = share * strength;
    let out = 0;
    for (let s = 0; s < 24; s += 8) out |= Math.round(((a >>> s) & 255) * (1 - w) + ((b >>> s) & 255) * w) << s;
    return (out | (a & 0xff000000)) >>> 0;
  };
  for (let c = 0; c < cols; c++) {
    const top = tops[c]!, bot = bots[c]!;
    if (top !== top || bot - top < 1) continue;
    const x = x0 + c;
    const lipAbove = color[(top - 1) * W + x]!, mouthTop = color[top * W + x]!;
    const lipBelow = color[bot * W + x]!, mouthBot = color[(bot - 1) * W + x]!;
    // the smoothed edges, kept within a pixel of the drawn ones and inside the run
    const st = Math.min(top + 1, Math.max(top - 1, smooth(tops, c)));
    const sb = Math.max(bot - 1, Math.min(bot + 1, smooth(bots, c)));
    if (mask[(top - 1) * W + x] !== 1 && color[(top - 1) * W + x]! >>> 24 !== 0) {
      // pixel rows top-1 and top: the share of each below the edge is mouth
      color[(top - 1) * W + x] = blend(lipAbove, mouthTop, Math.min(1, Math.max(0, top - st)));
      if (bot - top > 1) color[top * W + x] = blend(lipAbove, mouthTop, Math.min(1, Math.max(0, top + 1 - st)));
    }
    if (mask[bot * W + x] !== 1 && color[bot * W + x]! >>> 24 !== 0) {
      color[bot * W + x] = blend(lipBelow, mouthBot, Math.min(1, Math.max(0, sb - bot)));
      if (bot - top > 1) color[(bot - 1) * W + x] = blend(lipBelow, mouthBot, Math.min(1, Math.max(0, sb - (bot - 1))));
    }
  }
}
