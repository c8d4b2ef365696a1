// The rig fit's channels (retarget.ts) merged over the measured ones (framesFromRaw.ts).
import type { RigControl } from '../rig/controls.ts';
import type { Channels } from './channels.ts';
import { clamp01 } from './restFace.ts';
import { JAW_GAP_SPAN } from '../render/mouth/opening.ts';
import { LOWER_LIP_DROP } from './mouthAfterSmoothing.ts';

/**
 * The rig fit's mouthLowerDown kept within the measured opening (a motion's jawOpen is the lip gap
 * over JAW_GAP_SPAN): faded in as the lips part, as the measure's own (restFace.ts), and no larger
 * than the drop that alone would open the lips that far.
 */
export function lowerLipWithinGap(fitted: number, jawOpen: number): number {
  return Math.min(fitted * clamp01(jawOpen * 4), (JAW_GAP_SPAN * jawOpen) / LOWER_LIP_DROP);
}

/**
 * The rig fit's channels (retarget.ts) over the measured ones. The smile and the lower lip keep the
 * larger of both readings (the corner-lift measure is sharp; the fit sees a lip that drops with the
 * jaw still); `signed` marks channels that are signed changes on the photo's own mouth.
 */
export function mergeRigChannels(ch: Channels, rigChannels: Map<RigControl, Float64Array>, valid: boolean[], signed: (name: string) => boolean): void {
  for (const [control, series] of rigChannels) {
    const c = ch.get(`w.${control}`);
    const keepMax = control === 'mouthSmileLeft' || control === 'mouthSmileRight' || control === 'mouthLowerDown';
    // the fit's lower lip only where the measured lips are apart, and never dropping further than
    // they are: with the lips shut it would part the photo's lips (lp_d14 lip gap r 0.95 -> 0.78)
    const fitted = (i: number) => (control === 'mouthLowerDown' ? lowerLipWithinGap(series[i]!, ch.get('w.jawOpen')[i]!) : series[i]!);
    // a signed smile below the reference stays (the corner-lift measure, one-sided, reads 0 there)
    const merge = (measured: number, f: number) => (signed(`w.${control}`) && measured <= 0 ? f : Math.max(measured, f));
    for (let i = 0; i < valid.length; i++) if (valid[i]) c[i] = keepMax ? merge(c[i]!, fitted(i)) : fitted(i);
  }
}
