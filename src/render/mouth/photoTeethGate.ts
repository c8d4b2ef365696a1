// A photo's own teeth only as far as the driver shows teeth (issue #13, photomouth39). A photo whose lips are
// apart on its teeth (lp_s42 .079 IOD, lp_s10 .071) is shown as it is wherever a frame's lip gap comes near its
// own (placement.ts: `rebuilt` near 0, shader.ts photoKeep), and its rigid own row hangs to any depth
// (frameLight.ts teethDepth Infinity). Passing its own gap while the driver shows no teeth (lp_s42 <- lp_d6
// f175-176: lp_d6's lips shut, her mesh reading them .09 IOD apart; teeth share .033) drew her photographed
// teeth as a grey band. Near the photo's own gap the photo's mouth now gives way to the rebuilt interior as far
// as the driver's opening shows no teeth, and the own row is cut as the library's is there (driverTeeth.ts):
// a dark slit. Away from the photo's gap (a wider opening) the own row is as before, and audio motions
// (no teeth reading) are untouched.
import { teethSeen } from './driverTeeth.ts';

/**
 * How much of the photo's own teeth the frame keeps, 0..1: 1 without a driver reading (audio), else as far as the
 * driver's opening is teeth (driverTeeth.ts teethSeen: its share .03 .. .12).
 */
export function ownTeethSeen(driverTeeth: number | undefined): number {
  return driverTeeth === undefined ? 1 : teethSeen(driverTeeth);
}

/**
 * The interior's fade-in (placement.ts `rebuilt`, 0 = the photo's mouth) for a photo with its own teeth: the photo
 * share `1 - rebuilt` kept only as far as `seen`.
 */
export function rebuiltWithoutOwnTeeth(rebuilt: number, seen: number): number {
  return seen >= 1 ? rebuilt : 1 - (1 - rebuilt) * seen;
}

/**
 * The own row's depth limit (share of the opening's height; Infinity: none) where the photo's mouth gave way:
 * `near` (0..1) how close the frame is to the photo's own gap (1 - the interior's own fade-in), `allowed` the
 * library row's limit from the driver's teeth (driverTeeth.ts teethDepthAllowed). At the photo's gap with no
 * driver teeth it is `allowed`; it grows without bound as the teeth are seen or the gap moves away.
 */
export function ownRowDepth(near: number, seen: number, allowed: number): number {
  const cut = near * (1 - seen);
  return cut > 0 ? allowed / cut : Infinity;
}
