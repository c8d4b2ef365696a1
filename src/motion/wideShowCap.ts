// s50 (falsestare50, issue #14): an ordinary open eye read as a stare. pcavs796's speaker looks down for most of his
// clip, so the driver's neutral (the clip's typical face) has lowered lids and the fit's eyeWide rest is 0: when he
// looks up at the camera (f3-f25) his plain open eyes read eyeWide .3-.69 against it, within the opening cap (1.2x of
// his rest, itself from lowered eyes), and lp_s11 rendered popped eyes with white all round. The face mesh's lid over
// the iris ring (scleraShow.ts, iris diameters) says otherwise: both lids sit .10-.23 over their irises' tops there.
// Every frame the tuned drivers carry at eyeWide > .2 shows the greater eye's lid at -.1 or higher (lp_d6 350 frames,
// lp_d10 123, lp_d14 36, lp_d11 18, Katie 5; lp_d10's stare f287 -.08, lp_d6 f55 +.17), lp_d0 f5-9 (.25-.28 at
// -.19..-.23) the one exception. So an eye's eyeWide is capped by how far the more open eye's lid clears its iris.
import type { RigControl } from '../rig/controls.ts';
import { showGate } from './scleraShow.ts';

/** The greater eye's show (iris diameters; under 0 the lid covers the iris's top) at or under which no eyeWide is kept... */
export const WIDE_SHOW_NONE = -0.16;
/** ...and at or over which eyeWide 1 is allowed (lp_d10's stare f287 reads -.08/-.11: kept at .83; the mesh's noise ~.05). */
export const WIDE_SHOW_FULL = -0.07;

/** The most eyeWide a frame whose eyes show `left` / `right` carries; 1 when unread (the other rules decide). */
export function wideShowCap(left: number, right: number): number {
  return showGate(Math.max(left, right), WIDE_SHOW_NONE, WIDE_SHOW_FULL);
}

// s55 (stare55): and a stare is two-eyed: beckham f120-137 (lp_s2, eyeWide .25-.45, white all round at 1x) has
// the lesser eye's lid .17-.50 over its iris (median -.26) while the other reads ~0 at yaw -9 deg; his eyes on the
// video are ordinary (lids on the irises' tops), open 1.3-1.4x a clip median of lowered lids. On the tuned drivers'
// frames at eyeWide > .2 the lesser eye's show is never under -.18 (lp_d10 123 frames min -.16, lp_d6 347 -.15,
// lp_d14 36 -.12, lp_d11 18 -.08, Katie 5 -.18). So the lesser eye's show caps eyeWide too, from these bounds.
/** The lesser eye's show (median over the window) at or under which no eyeWide is kept... */
export const WIDE_LESSER_NONE = -0.24;
/** ...and at or over which it does not cap (Katie f75's -.18 kept). */
export const WIDE_LESSER_FULL = -0.16;

/** Frames either side whose greater show is taken as the median (the mesh's show jitters by ~.05 frame to frame: pose796 f16 -.10 between -.13..-.15). */
export const WIDE_SHOW_HALF = 2;

/** Each frame's greater (`lesser`: lesser) show, as the median over WIDE_SHOW_HALF usable frames either side (NaN where unread). */
export function greaterShows(shows: [ArrayLike<number>, ArrayLike<number>], have: number[], lesser = false): Float64Array {
  const pick = lesser ? Math.min : Math.max;
  const g = have.map((i) => pick(shows[0][i]!, shows[1][i]!));
  const out = new Float64Array(shows[0].length).fill(NaN);
  have.forEach((i, k) => {
    const win = g.slice(Math.max(0, k - WIDE_SHOW_HALF), k + WIDE_SHOW_HALF + 1).filter(Number.isFinite).sort((a, b) => a - b);
    if (win.length) out[i] = win[(win.length - 1) >> 1]!;
  });
  return out;
}

/**
 * In place over the frames `have`: each eye's eyeWide at most wideShowCap of the frame's (median) greater mesh show,
 * and with `twoEyed` at most the lesser show's gate (WIDE_LESSER_NONE..FULL) too.
 */
export function capWidesByShow(out: Map<RigControl, Float64Array>, shows: [ArrayLike<number>, ArrayLike<number>], have: number[], twoEyed = false): void {
  const wides = [out.get('eyeWideLeft'), out.get('eyeWideRight')];
  const g = greaterShows(shows, have);
  const l = twoEyed ? greaterShows(shows, have, true) : undefined;
  for (const i of have) {
    const cap = Math.min(showGate(g[i]!, WIDE_SHOW_NONE, WIDE_SHOW_FULL), l ? showGate(l[i]!, WIDE_LESSER_NONE, WIDE_LESSER_FULL) : 1);
    for (const w of wides) if (w && w[i]! > cap) w[i] = cap;
  }
}
