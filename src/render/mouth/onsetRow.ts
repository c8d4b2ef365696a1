// The upper row's light at a small opening, an opening's first frames (issue #13, slab38, session 38).
// critic37/38: at ~.04-.13 IOD of lip gap (mt_man + mt_sun.wav f78, f154, f188, f288) a library row
// filled the gap as a bright, evenly lit slab, as white as at a wide opening. Real half-open mouths keep
// the row in the lips' shade: the opening's upper half over the chin skin's luma (bench/midOpening.ts
// `upper`, Katie + lp_d10, 12 s every 5th frame) .75 at a gap of .06-.09, .89 at .09-.12, .92 at .12-.16,
// where ours read .92 / 1.01 / .99 (mt_man). A wide opening's row stays as it was.
import { smoothstep } from '../../math/smooth.ts';
import { smileLit } from './teethRowLight.ts';

/** the share of its light a library upper row loses at a small opening (real/ours at .06-.09 IOD: .75/.92) */
export const ONSET_ROW_DIM = 0.2;
/** lip gaps (iod) over which that dimming goes from all of it to none: wide openings unchanged */
export const ONSET_ROW_GAPS: readonly [number, number] = [0.06, 0.16];

/**
 * The share of its light the upper row keeps at lip gap `gap` (iod): 1 - ONSET_ROW_DIM at a small
 * opening, 1 past ONSET_ROW_GAPS[1]. A smile's lips drawn off the teeth light them at any parting
 * (smileLit), and a row taken from the photo carries the photo's own light (frameLight.ts), so both keep theirs.
 */
export function onsetRowLight(gap: number, smile: number | undefined, fromPhoto: boolean): number {
  if (fromPhoto || !(gap > 0)) return 1;
  return 1 - ONSET_ROW_DIM * (1 - smoothstep(ONSET_ROW_GAPS[0], ONSET_ROW_GAPS[1], gap)) * (1 - smileLit(smile));
}
