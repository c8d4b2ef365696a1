// The raised brow's uncovered band (brows.ts UnderBrowSkin) over a SHUT lid.
// s48 browband48: a driver's blink under raised brows (mt_man <- pcavs681 f115-118, f137-142, after winkbrow48 kept the
// brows up through blinks) drew the band in the forehead's lit skin (L* 62, a* 6) right above the painted shut lid
// (L* 51, a* 13): a pale, greyer strip over a warm grey-brown dome, "bruised sockets" at 1x. Over a shut lid the skin
// under the brow is the lid's own skin running up into the socket (the open lid's fold is gone), so by how shut the
// lid is the band takes the photo's lid skin's colour (the pass's per-column sample above the crease: warmer than the
// forehead) at a lightness `reach` of the way from the forehead's to the lid sample's (which holds the crease's shade:
// all the way, mt_man's band read as a dark socket, L* 39 against the lid's 51).

/** on: the band over a shut lid turns toward lid skin; off: the forehead-toned band whatever the lid (as before s48). */
export const shutBrowBandSetting = { on: true, reach: 0.5 };

const luma = (r: number, g: number, b: number) => 0.3 * r + 0.59 * g + 0.11 * b;

/**
 * The band's skin target over a lid `shut` closed (0..1), per texel (RGB triples): the lid tone's chromaticity by
 * `shut`, at the luminance moved from the target's toward the lid tone's by shut x reach. A new array; the built
 * target stays for open lids.
 */
export function shutBandTarget(target: Float32Array, lid: Float32Array, shut: number): Float32Array {
  const out = new Float32Array(target.length), s = Math.max(0, Math.min(1, shut)), m = s * shutBrowBandSetting.reach;
  for (let q = 0; q < target.length; q += 3) {
    const lt = luma(target[q]!, target[q + 1]!, target[q + 2]!), ll = luma(lid[q]!, lid[q + 1]!, lid[q + 2]!);
    const l = lt + m * (ll - lt);
    for (let ch = 0; ch < 3; ch++) {
      const own = target[q + ch]! / Math.max(1, lt), to = lid[q + ch]! / Math.max(1, ll);
      out[q + ch] = l * (own + s * (to - own));
    }
  }
  return out;
}
