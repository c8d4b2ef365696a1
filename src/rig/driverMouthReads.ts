// The driver's own mouth readings as the renderer's mouth takes them: one object, read off a motion frame (the tracker's
// per-frame readings, motion/driverMouthReads.ts, ride in MotionFrame.mouthDark and `w` entries named in mouthBase.ts).
// A new reading is one field here, one line in driverMouthReadsOf, its producer and its consumer.
import type { MotionFrame } from '../types.ts';
import { DRIVER_BACK, DRIVER_CAVITY, DRIVER_LOWER_SHOW, DRIVER_TEETH, DRIVER_TEETH_DEPTH, DRIVER_TONGUE, DRIVER_TONGUE_LIGHT, DRIVER_TONGUE_OUT, DRIVER_UNDER, DRIVER_OUT_ROW_TAIL, DRIVER_TEETH_TONE } from './mouthBase.ts';

/** Each absent on audio motions and on a track without it. */
export interface DriverMouthReads {
  /** the driver's mouth darkness this frame (MotionFrame.mouthDark, motion/mouthDark.ts); absent: dark */
  driverDark?: number;
  /** the share of the driver's opening that is teeth (render/mouth/driverTeeth.ts); absent: no limit */
  driverTeeth?: number;
  /** the share of the driver's opening's middle that is dark cavity (motion/driverCavity.ts) */
  driverCavity?: number;
  /** the light under the driver's upper teeth over its lips' (motion/underTeeth.ts) */
  driverUnder?: number;
  /** how high the driver's tongue stands and how light its mouth's back is (motion/driverCavity.ts; render/mouth/driverTongue.ts) */
  driverTongue?: number;
  driverBack?: number;
  /** the light of the driver's tongue's lit run over its lips' (motion/driverCavity.ts; render/mouth/tongueFrontLight.ts) */
  driverTongueLight?: number;
  /** how deep the driver's upper row hangs over its opening's height (motion/teethDepth.ts) */
  driverTeethDepth?: number;
  /** how far (IOD) the driver's lower row stands over its lower lip (motion/lowerTeeth.ts; render/mouth/driverLowerRow.ts) */
  driverLowerShow?: number;
  /** how far its tongue is out, held over short dips (motion/driverMouthReads.ts; render/mouth/tongueOut.ts) */
  driverTongueOut?: number;
  /** the upper row depth carried as her row drops under a tongue out (motion/outRowFade.ts; render/mouth/outRowTail.ts) */
  driverOutRowTail?: number;
  /** the driver's upper row's light over its cheeks', one value per clip (motion/teethTone.ts; render/mouth/rowTone.ts) */
  driverTeethTone?: number;
}

/** The driver's mouth readings a motion frame carries. */
export function driverMouthReadsOf(frame: Pick<MotionFrame, 'w' | 'mouthDark'>): DriverMouthReads {
  const w = frame.w;
  return { driverDark: frame.mouthDark, driverTeeth: w[DRIVER_TEETH], driverCavity: w[DRIVER_CAVITY], driverUnder: w[DRIVER_UNDER], driverTongue: w[DRIVER_TONGUE], driverBack: w[DRIVER_BACK], driverTongueLight: w[DRIVER_TONGUE_LIGHT], driverTeethDepth: w[DRIVER_TEETH_DEPTH], driverLowerShow: w[DRIVER_LOWER_SHOW], driverTongueOut: w[DRIVER_TONGUE_OUT], driverOutRowTail: w[DRIVER_OUT_ROW_TAIL], driverTeethTone: w[DRIVER_TEETH_TONE] };
}
