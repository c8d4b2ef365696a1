// How far a stare past the eyes30 cap (twoEyedStaresOverMedian) is let through on a frame: by the white the driver's
// upper lids show above both irises in absolute terms (scleraShow.ts's show, iris diameters). stareOverMedian reads
// the opening over the eye's median, which is what lp_d6 needs (her rest is a stare) but lifts every driver whose
// median is a plain open eye (lp_d14, median show -.17) whenever the eye is a little over it: over-wide frames and
// lp_s12's painted ring grown. A real stare shows white above the iris on both eyes (lp_d6 f70 .16/.26, f151 .07/.16,
// lp_d10 f65 .11/.07); a plain open eye covers the iris's top (show under 0).

import { linearStep } from '../math/smooth.ts';

/** Both eyes' show (the lesser) at or under this lets none of the stare past the cap through... */
export const STARE_SHOW_NONE = -0.05;
/** ...and at or over this, all of it (the lid at or just over the iris's top; the mesh's show is noisy by ~.05). */
export const STARE_SHOW_FULL = 0.05;

/** The share (0..1) of the over-median stare let through at a frame whose eyes show `left` / `right`; 0 if unread. */
export function stareShowGate(left: number, right: number): number {
  const show = Math.min(left, right);
  if (!Number.isFinite(show)) return 0;
  return linearStep(STARE_SHOW_NONE, STARE_SHOW_FULL, show);
}
