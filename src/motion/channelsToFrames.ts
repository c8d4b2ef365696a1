// The video path's last step (framesFromRaw.ts): the smoothed channels read out as MotionFrames, and
// the first usable frame's smiles carried on every frame.
import type { MotionFrame } from '../types.ts';
import type { Channels } from './channels.ts';
import { clamp01, foldBlink, pairBlinks } from './restFace.ts';
import { MOUTH_ON_PHOTO, SMILE_AT_START, SMILE_ROOM } from '../rig/mouthBase.ts';
import { REST_LIP_GAP } from '../render/mouth/opening.ts';
import { DRIVER_MOUTH_WIDTH, mouthShareOf } from '../render/mouth/narrowJaw.ts';

/** The smoothed channels read out as frames: weights clamped (signed ones to -1..1), shared closing as `blink`. */
export function framesFromChannels(ch: Channels, signed: (name: string) => boolean, onPhoto: boolean, restLipGap: number, eyesTrust: ArrayLike<number>): MotionFrame[] {
  const frames: MotionFrame[] = [];
  const at = (name: string, i: number) => ch.at(name, i);
  for (let i = 0; i < ch.length; i++) {
    const w: Record<string, number> = {};
    for (const name of ch.names) if (name.startsWith('w.')) w[name.slice(2)] = signed(name) ? Math.max(-1, Math.min(1, at(name, i))) : clamp01(at(name, i));
    if (onPhoto) w[MOUTH_ON_PHOTO] = 1;
    const bl = clamp01(at('blinkL', i));
    const br = clamp01(at('blinkR', i));
    // the driver's lips at rest (jawOpen counts from them): a photo whose own lips are apart keeps
    // up to that much of its opening at the driver's rest (render/mouth/opening.ts)
    w[REST_LIP_GAP] = restLipGap;
    // shared closing goes to `blink`, the one-eyed rest (a wink) to the per-eye weights; on a large
    // frontal face a less closed eye stays as read (blinkPairTrust.ts)
    const { blink, eyeBlinkLeft, eyeBlinkRight } = pairBlinks(bl, br, eyesTrust[i]);
    w.eyeBlinkLeft = eyeBlinkLeft;
    w.eyeBlinkRight = eyeBlinkRight;
    // a closing lid is not a wide one (the rig fit read Obama's under-read blinking eye as wide, 0.45)
    for (const [wide, shut] of [['eyeWideLeft', foldBlink(blink, eyeBlinkLeft)], ['eyeWideRight', foldBlink(blink, eyeBlinkRight)]] as const) if (w[wide] !== undefined) w[wide] *= 1 - shut;
    frames.push({
      w,
      pose: { yaw: at('yaw', i), pitch: at('pitch', i), roll: at('roll', i), tx: at('tx', i), ty: at('ty', i), tz: at('tz', i) },
      gaze: [Math.max(-1, Math.min(1, at('gx', i))), Math.max(-1, Math.min(1, at('gy', i)))],
      blink,
      ...(ch.names.includes('gv') ? { vergence: Math.max(-1, Math.min(1, at('gv', i))) } : {}),
    });
  }
  return frames;
}

/**
 * Every frame carries the smiles of the first usable one and how much smile its opening can hold (rig/mouthBase.ts
 * keepPhotoSmile: the driver's smile that stands for the photo's, and a tall opening's cap, tallGrinCaps, which the
 * photo's own smile must keep too: the Mona Lisa's smile put back on the child's shout drew the grin tallO26 took away).
 */
export function markStartSmiles(frames: MotionFrame[], first: number, grinCaps?: ArrayLike<number>): void {
  const start = frames[first]?.w;
  if (!start) return;
  const smiles = [start.mouthSmileLeft ?? 0, start.mouthSmileRight ?? 0];
  frames.forEach((f, i) => {
    SMILE_AT_START.forEach((name, side) => (f.w[name] = smiles[side]!));
    if (grinCaps && grinCaps[i]! < 1) f.w[SMILE_ROOM] = grinCaps[i]!;
  });
}

/**
 * Every frame carries the driver's neutral mouth share (outer width over the outer eye corners of the neutral the retarget
 * fitted over the clip, as the photo's avatar fits its own): a narrow photo opens against the driver's mouth, not only the
 * mean face's (render/mouth/narrowJaw.ts). Nothing when the neutral is not a face (no rig fit).
 */
export function markDriverMouth(frames: MotionFrame[], neutral: ArrayLike<number>): void {
  const share = neutral.length >= 292 * 3 ? mouthShareOf(neutral) : 0;
  if (!(share > 0) || !Number.isFinite(share)) return;
  const v = Math.round(share * 1e4) / 1e4;
  for (const f of frames) f.w[DRIVER_MOUTH_WIDTH] = v;
}
