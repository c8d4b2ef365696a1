// s47 (paintturn47): the lips' sideways shift a head turn fakes is the driver's, not one constant. mouthSide.ts took
// out -.003 IOD per degree of yaw (Katie -.0025, lp_d11 -.0033, lp_d0 -.0063: their lips read shifted against the
// turn), but the sign and size depend on how far the person's lips stand in front of the face mesh's: pcavs741 (an
// interview turning -18..+10 deg) reads +.0049 per degree (r .92 over his 150 frames), so the fixed term doubled his
// fake shift instead of removing it: st_art_1 <- pcavs741 carried mouthShift .07-.19 IOD toward the far cheek all
// clip long and at his +25 turn (f104-107) the painting's mouth was pushed into the far cheek's outline.
// So the slope is fitted over the driver's own frames (least squares of the shift on the yaw), pulled toward the
// old constant by a ridge so a driver who barely turns keeps it (lp_d6 turns +-3 deg; her real pouts to the side
// would otherwise set the slope).

export const shiftYawFitSetting = {
  /** on by default (s47 paintturn47); off restores the fixed prior (mouthSide.ts SHIFT_PER_YAW) */
  on: true,
  /** ridge, deg^2 of yaw variance: the fit counts as if frames this spread about the median showed the prior slope (a 4 deg spread) */
  ridge: 16,
};

/**
 * The fake shift per degree of yaw for one driver: `shifts` and `yaws` over the frames that have a face (any units of
 * shift; yaw in degrees). Ridge regression toward `prior`: (cov + ridge * prior) / (var + ridge), per-frame moments,
 * so the frame rate does not matter.
 */
export function fittedShiftPerYaw(shifts: ArrayLike<number>, yaws: ArrayLike<number>, prior: number, ridge = shiftYawFitSetting.ridge): number {
  const n = Math.min(shifts.length, yaws.length);
  if (!n) return prior;
  let ms = 0, my = 0;
  for (let i = 0; i < n; i++) { ms += shifts[i]!; my += yaws[i]!; }
  ms /= n; my /= n;
  let cov = 0, vr = 0;
  for (let i = 0; i < n; i++) { const dy = yaws[i]! - my; cov += dy * (shifts[i]! - ms); vr += dy * dy; }
  cov /= n; vr /= n;
  return (cov + ridge * prior) / (vr + ridge);
}

/** The slope mouthSide.ts takes out: fitted toward `prior` (its SHIFT_PER_YAW) when the setting is on, the prior when off. */
export function shiftPerYaw(shifts: ArrayLike<number>, yaws: ArrayLike<number>, prior: number): number {
  return shiftYawFitSetting.on ? fittedShiftPerYaw(shifts, yaws, prior) : prior;
}
