// A startled stare shows white above the iris. The rig fit reads little of it: lp_d6's stare at 2.8 s
// (white all round both irises on the video) fitted eyeWide .29/.05, and lp_d10's at 2.6 s .67/.39,
// because the lids' opening over the driver's rest grows only 1.1-1.3x when the lid rises past the iris
// top (eyes27, bench/eyeCarry.ts). The face mesh's iris ring does see it: the upper lid's middle point
// over the iris's top, in iris diameters ("show"), rises from a median near -.1 (the lid covering the
// iris's top) to +.15..+.26 there. eyeWide is taken at least as far as the show exceeds the driver's own
// median, so a driver who always shows some white (lp_d6's median ~0) is not read as staring; both eyes must show it. OFF by
// default (retargetOptions wideFromShow): the render of the raised lid at .9 on lp_s42 is a dark-ringed
// grey eye, and on lp_s5 the lift is barely visible (docs/eyes/README.md, eyes27). Retried after the gaze
// shader's grey iris cap was fixed (gaze28): on lp_s5 <- lp_d10 +.3-.4 of eyeWide still changes neither the render
// nor the read show, and the named frames (f80, f93) move +.03; on lp_s42 the raised eye reads as outlined.
import type { RigControl } from '../rig/controls.ts';
import { linearStep } from '../math/smooth.ts';

/** Show over the driver's median (iris diameters) below which nothing is added... */
export const SHOW_DEAD = 0.05;
/** ...and this far past it, a full eyeWide. */
export const SHOW_SPAN = 0.15;
/**
 * The median is over frames whose show is above this (a closing lid's show falls to -.5: lp_d14's many
 * blinks and squints put her median at -.12/-.15, and her slightly rounder eyes at 0.8 s read a stare).
 */
export const SHOW_CLOSING = -0.3;

type Point = (i: number) => [number, number];

/** One eye's show: the upper lid's middle point over the iris's top along the eye's up direction, in iris diameters. */
function eyeShow(p: Point, inner: number, outer: number, lidTop: number, iris: number, ring: readonly number[]): number {
  const a = p(inner), b = p(outer);
  const dx = b[0] - a[0], dy = b[1] - a[1], w = Math.hypot(dx, dy);
  if (w < 1e-6) return NaN;
  let nx = dy / w, ny = -dx / w;
  if (ny > 0) { nx = -nx; ny = -ny; } // up the image
  const c = p(iris);
  const r = ring.reduce((s, i) => s + Math.hypot(p(i)[0] - c[0], p(i)[1] - c[1]), 0) / ring.length;
  if (r < 1e-6) return NaN;
  const up = (q: [number, number]) => q[0] * nx + q[1] * ny;
  return (up(p(lidTop)) - up(c) - r) / (2 * r);
}

/**
 * A gate on a mesh show (iris diameters): 0 at or under `none`, 1 at or over `full` (linear between), 1 when unread
 * (NaN: other rules decide). whiteStare.ts gates the white's stare on the lesser eye's show, wideShowCap.ts caps
 * eyeWide on the greater eye's.
 */
export function showGate(show: number, none: number, full: number): number {
  return Number.isFinite(show) ? linearStep(none, full, show) : 1;
}

/** Both eyes' show from face-mesh landmarks (478 points, with the irises): [subject's left, right]. */
export function scleraShows(lm: ArrayLike<ArrayLike<number>>): [number, number] {
  if (lm.length < 478) return [NaN, NaN];
  const p: Point = (i) => [lm[i]![0]!, lm[i]![1]!];
  // 468 is the subject's left iris (beside corners 362/263, upper lid 386); 473 the right one's (133/33, 159)
  return [eyeShow(p, 362, 263, 386, 468, [469, 470, 471, 472]), eyeShow(p, 133, 33, 159, 473, [474, 475, 476, 477])];
}

/** The eyeWide a show calls for, over the driver's median show. */
export function wideFromShow(show: number, median: number): number {
  if (!Number.isFinite(show) || !Number.isFinite(median)) return 0;
  return Math.min(1, Math.max(0, (show - median - SHOW_DEAD) / SHOW_SPAN));
}

/**
 * In place over the frames `have`: both eyeWides raised to the lesser of the two eyes' wideFromShow
 * (shows: [left, right] per frame). A stare is two-eyed; one eye's show alone was a misread (lp_d14's
 * first frame: .76 on one eye, both eyes at rest on the video).
 */
export function widenFromShows(out: Map<RigControl, Float64Array>, shows: [Float64Array, Float64Array], have: number[]): void {
  const wl = out.get('eyeWideLeft'), wr = out.get('eyeWideRight');
  if (!wl || !wr || !have.length) return;
  const medianOf = (s: Float64Array) => { const v = have.map((i) => s[i]!).filter((x) => x > SHOW_CLOSING).sort((a, b) => a - b); return v[v.length >> 1] ?? NaN; };
  const [ml, mr] = [medianOf(shows[0]), medianOf(shows[1])];
  for (const i of have) {
    const w = Math.min(wideFromShow(shows[0][i]!, ml), wideFromShow(shows[1][i]!, mr));
    wl[i] = Math.max(wl[i]!, w);
    wr[i] = Math.max(wr[i]!, w);
  }
}
