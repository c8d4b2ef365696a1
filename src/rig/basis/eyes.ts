// The eyes' controls: blink and wide (the lids), squint (the lower lid), the cheek rising under the eye.
import type { RigControl } from '../controls.ts';
import { EYE_L_LOWER, EYE_L_UPPER, EYE_R_LOWER, EYE_R_UPPER, EYE_L_UPPER2, EYE_R_UPPER2, EYE_L_LOWER2, EYE_R_LOWER2 } from '../topology.ts';
import { smoothstep } from '../../math/smooth.ts';
import { spread, type Handle } from '../spread.ts';
import type { BasisFace } from './face.ts';

/** A blink's lids meet this share of the opening down from the upper lid. */
const MEET = 0.9;
/**
 * A blink's crease row follows the upper lid by this share of its travel, and the skin above the
 * crease by a share fading to 0 over CREASE_FADE (canonical units) above it. Before (0.45, the
 * blink spread over everything above the lid line), the ring above the crease fell 0.054 with the
 * crease while the brow's lower contour 0.035 above it stayed: the brow's lower hair and the skin
 * under it were dragged down at every blink, a wince (the brow seemed to come down).
 */
const CREASE_FOLLOW = 0.3, CREASE_FADE = 0.03;
/**
 * eyeWide raises the upper lid by this share of the opening (the lid folding up under the crease,
 * which rises by WIDE_CREASE_LIFT of it). At 0.35 / 0.18 a rendered eyeWide 1 read back as 1.04-1.12x
 * open and as eyeWide 0.05-0.24 by the rig fit (bench/wideZoom.ts), where drivers' wide eyes read
 * 0.6-0.8: a surprised lid shows the white above the iris.
 */
export const WIDE_LIFT = 0.45;
/**
 * The avatar's own basis (what is rendered, avatar/build.ts) raises the lid further: the face mesh
 * reads a rendered lift short (at 0.45 an eyeWide 1 read 1.11-1.18 of rest, drivers' wide eyes
 * 1.24-1.28, s24), while fits (drivers, the photo) keep WIDE_LIFT so their eyeWide weights do not change.
 */
export const WIDE_LIFT_RENDERED = 0.7;
const WIDE_CREASE_LIFT = 0.3;
/**
 * One eye's blink and wide. Blink: each upper-lid point travels onto the matching lower-lid point
 * (the lists run corner to corner), meeting 10 % above the lower lid and bulging forward a little
 * (the lid rides over the eyeball); the crease row follows part of the way (CREASE_FOLLOW), so the
 * lid skin stretches; above the crease the move fades out within CREASE_FADE (the brow stays).
 */
function writeLids(f: BasisFace, upper: number[], lower: number[], upper2: number[], lower2: number[], blink: RigControl, wide: RigControl): void {
  const { out, p, X, Y, Z, K, contourY } = f;
  const lineY = (Y(upper[0]!) + Y(upper[upper.length - 1]!)) / 2;
  const x0 = Math.min(X(upper[0]!), X(upper[upper.length - 1]!)) - 0.1, x1 = Math.max(X(upper[0]!), X(upper[upper.length - 1]!)) + 0.1;
  const inRange = (i: number) => X(i) > x0 - 0.15 && X(i) < x1 + 0.15;
  const above = (i: number) => (i >= 468 || !inRange(i) ? 0 : smoothstep(0, 0.04, lineY - Y(i)));
  const below = (i: number) => (i >= 468 || !inRange(i) ? 0 : smoothstep(0, 0.04, Y(i) - lineY));
  // the blink's reach stops over the crease: the skin from the crease up to the brow stays
  const belowCrease = (i: number) => above(i) * (1 - smoothstep(0, CREASE_FADE, contourY(upper2, X(i)) - Y(i)));
  const bh: Handle[] = [], bl: Handle[] = [], wh: Handle[] = [];
  for (let q = 1; q < upper.length - 1; q++) {
    const u = upper[q]!, l = lower[q]!;
    const gx = X(l) - X(u), gy = Y(l) - Y(u), gz = Z(l) - Z(u);
    bh.push({ i: u, d: [gx * MEET, gy * MEET, gz * MEET - 0.015] });
    bl.push({ i: l, d: [-gx * (1 - MEET), -gy * (1 - MEET), -gz * (1 - MEET)] });
    wh.push({ i: u, d: [0, -Math.max(0.02, gy) * WIDE_LIFT, 0] });
  }
  // The crease row follows part of the way, so lid skin stretches instead of folding.
  for (let q = 1; q < upper2.length - 1; q++) {
    const u2 = upper2[q]!, u = upper[q]!, l = lower[q]!;
    bh.push({ i: u2, d: [0, (Y(l) - Y(u)) * CREASE_FOLLOW, 0] });
    wh.push({ i: u2, d: [0, -Math.max(0.02, Y(l) - Y(u)) * WIDE_CREASE_LIFT, 0] });
  }
  for (let q = 1; q < lower2.length - 1; q++) bl.push({ i: lower2[q]!, d: [0, -(Y(lower[q]!) - Y(upper[q]!)) * 0.05, 0] });
  spread(out, K(blink), p, bh, 0.07, belowCrease);
  spread(out, K(blink), p, bl, 0.06, below);
  spread(out, K(wide), p, wh, 0.08, above);
}

/** cheekSquint lifts the lower lid's middle by this share of the opening above it (lp_s42's old 0.015 canonical). */
const CHEEK_LID_PUSH = 0.12;

/** eyeSquint and cheekSquint, each side. */
function writeSquints(f: BasisFace): void {
  const { out, p, Y, K } = f;
  // eyeSquint: the lower lid rises (a third of the opening) with the skin under it; the upper lid a little
  const squint = (upper: number[], lower: number[], lower2: number[], control: RigControl) => {
    const hs: Handle[] = [];
    for (let q = 1; q < upper.length - 1; q++) {
      const gap = Y(lower[q]!) - Y(upper[q]!);
      hs.push({ i: lower[q]!, d: [0, -0.35 * gap, -0.005] }, { i: upper[q]!, d: [0, 0.08 * gap, 0] });
      hs.push({ i: lower2[q]!, d: [0, -0.2 * gap, -0.005] });
    }
    const eyeY = Y(upper[4]!);
    spread(out, K(control), p, hs, 0.08, (i) => (i >= 468 ? 0 : smoothstep(eyeY - 0.02, eyeY + 0.05, Y(i))));
  };
  squint(EYE_L_UPPER, EYE_L_LOWER, EYE_L_LOWER2, 'eyeSquintLeft');
  squint(EYE_R_UPPER, EYE_R_LOWER, EYE_R_LOWER2, 'eyeSquintRight');
  // cheekSquint: the cheek mass rises and comes forward under the eye, pushing the lower lid up by a
  // share of the eye's own opening (it was 0.015 canonical on every face: 0.12 of lp_s42's opening but
  // 0.22 of st_art_1's narrow painted eye, whose grin squinted to slits)
  const cheekUp = (ids: number[], control: RigControl, upper: number[], lower: number[]) => {
    const hs: Handle[] = ids.map((i) => ({ i, d: [0, -0.045, -0.025] }));
    for (let q = 2; q < lower.length - 2; q++) hs.push({ i: lower[q]!, d: [0, -CHEEK_LID_PUSH * Math.max(0, Y(lower[q]!) - Y(upper[q]!)), 0] });
    spread(out, K(control), p, hs, 0.14, (i) => (i >= 468 ? 0 : 1));
  };
  cheekUp([280, 330, 425, 346, 347, 352, 266, 411], 'cheekSquintLeft', EYE_L_UPPER, EYE_L_LOWER);
  cheekUp([50, 101, 205, 117, 118, 123, 36, 187], 'cheekSquintRight', EYE_R_UPPER, EYE_R_LOWER);
}

/** Every eye control. */
export function writeEyeControls(f: BasisFace): void {
  writeLids(f, EYE_L_UPPER, EYE_L_LOWER, EYE_L_UPPER2, EYE_L_LOWER2, 'eyeBlinkLeft', 'eyeWideLeft');
  writeLids(f, EYE_R_UPPER, EYE_R_LOWER, EYE_R_UPPER2, EYE_R_LOWER2, 'eyeBlinkRight', 'eyeWideRight');
  writeSquints(f);
}
