// s58 (photokeep58, issue #13): a photo painted or shot with its lips parted (lp_s10, Vermeer's girl: .071 IOD, a pale
// glint of teeth in the slit) kept its own mouth whenever a frame's gap came near its own (placement.ts: rebuilt =
// smooth01(|extra|)). At rest and on held shapes that is right; in speech the gap only passes through the photo's own
// for a frame or two, so her mouth alternated painted / rebuilt / painted (lp_s10 + vrt5a f32, f37, f45-46, f64-65):
// a pale dotted seam flicking in at 1x. The motion marks frames in speech (motion/speechMarks.ts, `inSpeech` 0..1);
// there a parted photo's mouth is rebuilt whatever its gap. A shut photo's own mouth (a closure in speech: the lips
// meeting as in the photo) is not the flicker and stays as it was: the gate opens over PARTED_FROM..PARTED_FULL IOD.

/** A motion frame `w` entry (not a rig control): 1 while the mouth moves in speech, easing to 0 at rest (speechMarks.ts). */
export const IN_SPEECH = 'inSpeech';

export const speechRebuildSetting = {
  /** in speech, a parted photo's own mouth is rebuilt rather than kept (off: kept near its own gap as before) */
  on: true,
  /** the photo's own lip gap (IOD) from which its mouth counts as parted, and at which fully */
  partedFrom: 0.025,
  partedFull: 0.04,
};

/** How far (0..1) the photo's own mouth counts as parted, from its gap in IOD. */
export function partedShare(photoGap: number, s = speechRebuildSetting): number {
  return Math.min(1, Math.max(0, (photoGap - s.partedFrom) / (s.partedFull - s.partedFrom)));
}

/**
 * The share of the mouth rebuilt: `rebuilt` (placement's, from the gap's distance to the photo's own), and in speech
 * (`inSpeech` 0..1) more, up to whole on a parted photo: the photo's mouth kept only where both allow it.
 */
export function speechRebuilt(rebuilt: number, inSpeech: number | undefined, photoGap: number, s = speechRebuildSetting): number {
  const share = s.on && inSpeech ? Math.min(1, inSpeech) * partedShare(photoGap, s) : 0;
  // (none: as it was, to the bit; a shut photo renders byte-identical)
  return share > 0 ? 1 - (1 - rebuilt) * (1 - share) : rebuilt;
}
