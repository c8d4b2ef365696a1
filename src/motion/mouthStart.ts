// The driver's mouth shape as changes since its first frames (rig/mouthBase.ts says why and how
// the renderer adds them to the photo's own mouth). Pure functions over one control's series.
import { RELATIVE_MOUTH } from '../rig/mouthBase.ts';
import type { RigControl } from '../rig/controls.ts';

/** A signed change since the start at the control's gain, within -1..1 (a motion weight's range allows -1..2). */
export function changeSinceStart(value: number, start: number, gain: number): number {
  return Math.min(1, Math.max(-1, (value - start) * gain));
}

export function isRelativeMouth(c: RigControl): boolean {
  return RELATIVE_MOUTH.includes(c);
}
