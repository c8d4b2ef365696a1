// The skin between the upper lip and the nose (the philtrum): how much of a lip move it takes. The
// nose base is held to the skull; the lip under it moves, so the skin in between shortens.
import { LIPS_OUTER_UPPER } from '../topology.ts';
import { smoothstep } from '../../math/smooth.ts';
import type { BasisFace } from './face.ts';

/**
 * Share of the upper lip's own rise (mouthUpperUp) the nose base (subnasale) takes: the skin between
 * them, the philtrum, shortens. Spread from the lip alone, the nose base went up 0.94 of the lip
 * (rig landmarks, mt_man / st_happy / lp_s42) and the raised lip came out a tent that dragged the
 * nose with it; real speakers' philtrum shortens 0.02-0.05 IOD at their loudest frames (Obama clip1,
 * Katie, Fei-Fei Li clip1; bench/tentRead.ts --real), ours did not at all.
 */
export const NOSE_BASE_SHARE = 0.12;

/**
 * How much of the upper lip's rise a point above the lip takes: all of it at the lip's outer contour,
 * falling (smoothly, across the philtrum's height) to NOSE_BASE_SHARE at the nose base's height and
 * above. Points on and below the outer contour take all of it.
 */
export function philtrumTaper(f: BasisFace): (i: number) => number {
  const { X, Y, contourY } = f;
  const noseBase = Y(2);
  const lipTop = (x: number) => contourY(LIPS_OUTER_UPPER, x);
  const span = Math.max(0.05, lipTop(X(0)) - noseBase);
  return (i) => 1 - (1 - NOSE_BASE_SHARE) * smoothstep(0, 1, (lipTop(X(i)) - Y(i)) / span);
}
