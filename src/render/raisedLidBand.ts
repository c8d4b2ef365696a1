// The raised lid's lash band over the iris (notch42). The lash strip (avatar/eyes.ts) carries the photo's
// texels just above the face mesh's upper lid line rigidly with the lid. Where the photo's painted eye
// reaches over that line (lp_s7: the landmarks lie 1-3 px under the drawn liner over the iris), those
// texels are the iris's top and its pale catchlight, not lid: a raised lid lifts them with it, a blue band
// with a jagged white notch between the liner and the white drawn under it (wideEyes.ts). Here, over the
// iris's columns, the texels between the line and the column's darkest texel above it (the liner) that are
// clearly lighter than that darkest texel take its colour, by how far the lid is up (none at rest: the
// photo is reproduced). Pure: the band is found once; `apply` blends it into the skin texture per frame.
import { luma601At } from '../math/colour.ts';

/** On: a raised lid's lash band over the iris shows the liner, not the photo's iris top. */
export const raisedLidBandSetting = { on: true };

/** Rows above the lid line searched for the liner (texture px). */
export const BAND_ROWS = 3;
/** A texel is eye, not lash, when it is this much lighter (luma, 0-255) than the column's liner. */
export const EYE_OVER_LINER = 40;
/** Lifts under this many px blend the band in (as wideEyes.ts FADE_IN_PX). */
const FADE_IN_PX = 1.5;

export interface LidBand { offsets: Int32Array; photo: Uint8ClampedArray; liner: Uint8ClampedArray }

/**
 * The texels to recolour for one eye: `columns` the opening's columns (lid line y = top, texture px),
 * `iris` the photo's iris (texture px) or null (then none).
 */
export function eyeOverLiner(tex: { width: number; height: number; data: Uint8ClampedArray }, columns: readonly { x: number; top: number }[], iris: { cx: number; r: number } | null): LidBand {
  const offsets: number[] = [], photo: number[] = [], liner: number[] = [];
  if (iris) for (const c of columns) {
    if (Math.abs(c.x + 0.5 - iris.cx) >= iris.r) continue;
    const rows: number[] = [];
    for (let y = Math.ceil(c.top - 0.5) - 1; y >= Math.ceil(c.top - 0.5) - BAND_ROWS && y >= 0; y--) rows.push(y);
    if (!rows.length) continue;
    const at = (y: number) => (y * tex.width + c.x) * 4;
    let dark = rows[0]!;
    for (const y of rows) if (luma601At(tex.data, at(y)) < luma601At(tex.data, at(dark))) dark = y;
    const ld = luma601At(tex.data, at(dark));
    for (const y of rows) {
      if (y <= dark) break; // rows run upward from the line: stop at the liner
      const o = at(y);
      if (luma601At(tex.data, o) - ld < EYE_OVER_LINER) continue;
      offsets.push(o);
      for (let ch = 0; ch < 4; ch++) { photo.push(tex.data[o + ch]!); liner.push(ch < 3 ? tex.data[at(dark) + ch]! : tex.data[o + 3]!); }
    }
  }
  return { offsets: Int32Array.from(offsets), photo: Uint8ClampedArray.from(photo), liner: Uint8ClampedArray.from(liner) };
}

/** The band's share for a lid lifted liftPx over the photo's (0 at rest). */
export function bandShare(liftPx: number): number {
  return Math.min(1, Math.max(0, liftPx / FADE_IN_PX));
}

/** Writes the band into `data` at share s (0: the photo's texels back). */
export function applyBand(data: Uint8ClampedArray, band: LidBand, s: number): void {
  for (let k = 0; k < band.offsets.length; k++) {
    const o = band.offsets[k]!;
    for (let ch = 0; ch < 4; ch++) data[o + ch] = band.photo[k * 4 + ch]! + s * (band.liner[k * 4 + ch]! - band.photo[k * 4 + ch]!);
  }
}
