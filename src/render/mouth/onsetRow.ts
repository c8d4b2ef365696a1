// The upper row's light at a small opening, an opening's first frames (issue #13; slab38 in session 38,
// redone by row39 in session 39). critic37/38: at ~.06-.11 IOD of lip gap (mt_man + mt_sun.wav f78, f154,
// f188, f288) a library row filled the gap as a bright, evenly lit slab, as white as at a wide opening.
// Real half-open mouths keep the row in the lips' shade: the opening's upper half over the chin skin's luma
// (bench/midOpening.ts `upper`, Katie + lp_d10, 12 s every 5th frame) .74-.76 at a gap of .06-.09, .85-.89
// at .09-.12, .92 at .12-.16, where ours read .92 / 1.01 / .99 (mt_man). slab38 dimmed to .8 at .06 and
// back to full by .16; that left .80 of a wide opening's light at .115 IOD, under test/mouthRim's .85 (set
// when grey teeth in most speech frames were the complaint). Here the same dimming ends sooner (full by .12 IOD):
// the small openings (.06-.09) get the real ones' shade (.82-.9 of the row's light), .105 (mt_man's onset frames) .97, .12 and up as before
// (.3 at .06 took mt_man's rows at gaps .07-.09 to .54-.66 of the chin's luma [real .74-.76]: five more frames of the 12 s clip
// read as no teeth at all, bench/upperRowKept.ts).
import { smoothstep } from '../../math/smooth.ts';
import { smileLit } from './teethRowLight.ts';

/** the share of its light a library upper row loses at the smallest openings (real upper/chin at .06-.09 IOD over .12-.16: .80-.83) */
export const ONSET_ROW_DIM = 0.2;
/** lip gaps (iod) over which that dimming goes from all of it to none: at .115 IOD (mouthRim's speech opening) .994 of it is left, from .12 all */
export const ONSET_ROW_GAPS: readonly [number, number] = [0.06, 0.12];

/**
 * The share of its light the upper row keeps at lip gap `gap` (iod): 1 - ONSET_ROW_DIM at a small
 * opening, 1 from ONSET_ROW_GAPS[1]. A smile's lips drawn off the teeth light them at any parting
 * (smileLit), and a row taken from the photo carries the photo's own light (frameLight.ts), so both keep theirs.
 */
export function onsetRowLight(gap: number, smile: number | undefined, fromPhoto: boolean): number {
  if (fromPhoto || !(gap > 0) || gap >= ONSET_ROW_GAPS[1]) return 1;
  return 1 - ONSET_ROW_DIM * (1 - smoothstep(ONSET_ROW_GAPS[0], ONSET_ROW_GAPS[1], gap)) * (1 - smileLit(smile));
}
