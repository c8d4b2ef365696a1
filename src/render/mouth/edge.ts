// Anti-aliasing of the lip line from both sides: the z-buffer leaves stair steps where the lip
// skin triangles meet the mouth fan. The inner lip lines' crossed pixels take the opening and the
// lip by their covered shares (lipCoverage.ts, once the interior is rebuilt); then pixels on the
// border (a mouth pixel next to a non-mouth one, and that neighbour) take a weighted 3x3 average,
// as smoothDepthEdges does for depth steps.
import type { RasterTarget } from '../raster.ts';
import type { MouthShader } from './shader.ts';
import { COVER_REBUILT_MIN, coverLipEdges } from './lipCoverage.ts';

/** an O's rim footprint reaches this much (px) further either side of a pixel */
const O_RIM_SOFT = 0.5;

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
  // (an O's rim, the lips' fold: foldRim.ts, covered over a wider footprint, a soft edge either side
  // of the line: a pixel-wide step reads on the pixel grid, critic23's funnel grid-lock .30-.43)
  if (mouth.place.rebuilt > COVER_REBUILT_MIN) coverLipEdges(t, mouth, mask, 1 - mouth.photoKeep, scratchIndex, scratchColour, 0.5 + O_RIM_SOFT * mouth.oInside);
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
