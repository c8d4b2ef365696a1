// The driver's mouth shape as signed changes from a reference reading of the driver (its rest by
// default, or its first frame), which the renderer adds to the photo's own mouth (rig/mouthBase.ts
// says why). Pure functions over one control's readings.
import { RELATIVE_MOUTH } from '../rig/mouthBase.ts';
import type { RigControl } from '../rig/controls.ts';

/** A signed change from `ref` at the control's gain, within -1..1 (a motion weight's range allows -1..2). */
export function mouthChange(value: number, ref: number, gain: number): number {
  return Math.min(1, Math.max(-1, (value - ref) * gain));
}

export function isRelativeMouth(c: RigControl): boolean {
  return RELATIVE_MOUTH.includes(c);
}
