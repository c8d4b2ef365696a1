// Whether a driver's opening is big enough to show a tongue out (issue #13, tongueread45; critic45: mt_man <- infinitetalk_ref
// 0-6 s, the lead on latentsync_demo1 — a pink tongue drawn out over our lower lip where the driver's never was).
// render/mouth/tongueOut.ts tongueOutShare says "out" where the lit run up the opening's middle (driverCavity.ts) is high in a
// hardly dark opening with no teeth read. Two openings give exactly that without a tongue (bench/tongueOutRead.ts):
// - a speech slit: infinitetalk f5-14, f65-90, f98-109, lip gap .05-.09 IOD (8 px): the inner-lip contour holds lip, the soft
//   video's brown slit line stays over DARK_OF_LIP, so the run is 1 and the teeth 0; f103-105 (gap .14, his teeth edges and a
//   dim band) read run .75-.89, lit up .11-.13 IOD;
// - a small face: latentsync_demo1 (IOD 43 px at the tracker's 720 px), her smile's teeth and lips blur into a 7 px opening
//   with no dark pixel; the teeth test takes .05-.18 of it, the run .6-1.
// A lip cannot stand a lit run high in IOD and in pixels at once: lp_d6's tongues out (f52-67, f145-178) stand .15-.24 IOD
// above the lower lip, 23-36 px; lp_d10 f69-71/f338 .13-.22 IOD, 20-33 px. So the share is times how tall the lit run stands
// (its share of the opening x the lip gap), in IOD and in the frame's pixels. Pure.
import { smoothstep } from '../math/smooth.ts';

/** the lit run's height over the lower lip (IOD) from which a tongue out may be read: infinitetalk's slits .07-.13, lp_d6's outs .15+ */
export const OUT_RUN_IOD = [0.12, 0.15] as const;
/** ... and in the tracked frame's pixels: latentsync_demo1's blurred 7 px opening 6-9, infinitetalk f105 15, lp_d6's outs 23+, lp_d10 f69-71 20-22 */
export const OUT_RUN_PX = [14, 20] as const;

/**
 * 0..1, how far a tongue-out reading can be believed: `run` the lit run's share of the opening (driverTongue), `lipGap`
 * the inner-lip gap (IOD, measures.ts), `iodPx` the eyes' distance in the tracked frame's pixels (undefined: a frame without
 * landmarks, read in IOD alone). 0 without a run or a gap.
 */
export function tongueOutEvidence(run: number | undefined, lipGap: number | undefined, iodPx: number | undefined): number {
  if (run === undefined || lipGap === undefined || !Number.isFinite(run) || !Number.isFinite(lipGap)) return 0;
  const tall = Math.max(0, run) * Math.max(0, lipGap);
  const px = iodPx !== undefined && Number.isFinite(iodPx) ? smoothstep(OUT_RUN_PX[0], OUT_RUN_PX[1], tall * iodPx) : 1;
  return smoothstep(OUT_RUN_IOD[0], OUT_RUN_IOD[1], tall) * px;
}
