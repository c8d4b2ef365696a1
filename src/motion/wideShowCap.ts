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

/** Frames either side whose greater show is taken as the median (the mesh's show jitters by ~.05 frame to frame: pose796 f16 -.10 between -.13..-.15). */
export const WIDE_SHOW_HALF = 2;

/** Each frame's greater show, as the median over WIDE_SHOW_HALF usable frames either side (NaN where unread). */
export function greaterShows(shows: [ArrayLike<number>, ArrayLike<number>], have: number[]): Float64Array {
  const g = have.map((i) => Math.max(shows[0][i]!, shows[1][i]!));
  const out = new Float64Array(shows[0].length).fill(NaN);
  have.forEach((i, k) => {
    const win = g.slice(Math.max(0, k - WIDE_SHOW_HALF), k + WIDE_SHOW_HALF + 1).filter(Number.isFinite).sort((a, b) => a - b);
    if (win.length) out[i] = win[(win.length - 1) >> 1]!;
  });
  return out;
}

/** In place over the frames `have`: each eye's eyeWide at most wideShowCap of the frame's (median) greater mesh show. */
export function capWidesByShow(out: Map<RigControl, Float64Array>, shows: [ArrayLike<number>, ArrayLike<number>], have: number[]): void {
  const wides = [out.get('eyeWideLeft'), out.get('eyeWideRight')];
  const g = greaterShows(shows, have);
  for (const i of have) {
    const cap = showGate(g[i]!, WIDE_SHOW_NONE, WIDE_SHOW_FULL);
    for (const w of wides) if (w && w[i]! > cap) w[i] = cap;
  }
}
