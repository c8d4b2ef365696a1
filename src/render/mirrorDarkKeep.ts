// The far side's mirror may not draw a dark mark its own side does not have. The mirror partner's
// texture is relit to this side's broad light, but a narrow dark feature in it (the near nose
// flank's shadow edge beside lp_s10's nose, a crease, a mouth corner) stays dark, and where the
// far side's own texture is plain lit skin it shows as a second outline: the "ghost nose" arc and
// the doubled far mouth corner at +25. Per pixel, the mirror's share fades where its relit sample
// is much darker than the own sample beneath it; darker own texture (a smeared sideburn, a shaded
// cheek the mirror lights up) is never affected.

/** Own-over-mirror luminance ratio where the mirror starts to give way, and where it is gone. */
export const MIRROR_DARK_RATIO = [1.15, 1.45] as const;

/**
 * Factor (0..1) on the mirror's share for one pixel: 1 while the relit mirror sample `mirrorLum` is
 * about as bright as the own sample `ownLum` or brighter, falling smoothly to 0 as own/mirror rises
 * from MIRROR_DARK_RATIO[0] to [1] (both luminances premultiplied, offset by 4: dark pairs do not explode).
 */
export function mirrorDarkKeep(ownLum: number, mirrorLum: number): number {
  const ratio = (ownLum + 4) / (mirrorLum + 4);
  if (ratio <= MIRROR_DARK_RATIO[0]) return 1;
  if (ratio >= MIRROR_DARK_RATIO[1]) return 0;
  const t = (ratio - MIRROR_DARK_RATIO[0]) / (MIRROR_DARK_RATIO[1] - MIRROR_DARK_RATIO[0]);
  return 1 - t * t * (3 - 2 * t);
}
