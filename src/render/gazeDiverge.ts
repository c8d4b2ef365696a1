// Eyes do not turn apart past parallel (issue #14, s53 whites53: lp_s42 / st_happy <- lp_d6 f0-f4 drawn wall-eyed, a
// white wedge on each nasal side). A video motion's `vergence` is half the eyes' x iris difference about the driver's
// median (motion/measuredChannels.ts), and a driver's median is a look at its camera, half a metre away: the eyes then
// converge by ~3.7 degrees each (32 mm / 500 mm), an iris offset of ~.026 of the eye's width, ~.1 in the motion's unit
// (1 = a quarter eye width). Turning apart from there, the eyes reach parallel (a look into the distance) after that
// much; past it a reading is the tracker's, not the driver's: lp_d6's first five frames move the image-left iris alone
// (-.38), lp_d14's half-shut frames read -.14..-.22. Crossing (+) is carried whole (lp_d6 f67 crosses her eyes).

/** On: the vergence's apart side is held at `most` (motion units); off: the motion's value within -1..1, as before. */
export const divergeCapSetting = { on: true, most: 0.1 };

/** The vergence the renderer draws for a motion frame's `vergence` (undefined: 0). Pure. */
export function drawnVergence(vergence: number | undefined, s = divergeCapSetting): number {
  const v = Math.max(-1, Math.min(1, vergence ?? 0));
  return s.on ? Math.max(-s.most, v) : v;
}
