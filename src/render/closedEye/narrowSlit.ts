// A narrow slit's white is in deep shadow (lids31). A lid half down or more shades the strip of eye
// under it with itself and its lashes: on a driver's lowered lids (lp_d14 f130-f169) the slit reads as a
// dark line, no white. slitHighlight.ts holds the eyeball under 0.8 of the lid skin's light around it,
// which on a pale face left the white a light grey fleck beside the iris (lp_s12 f164, f166, f169), and
// the eye whose slit kept more of it read open beside a shut-looking one (f132, a wink). So where the
// opening is narrow the ceiling comes down further.

/** Opening (eye widths, upper to lower lid line as rendered) under which the ceiling drops, whole by the first. */
const NARROW = [0.05, 0.15] as const;
/** How far below the usual share of the lid skin's light the ceiling comes in the narrowest slit. */
const NARROW_DROP = 0.3;

/** The ceiling's share of the lid skin's light in an opening `gap` eye widths tall, from the usual `share`. */
export function narrowSlitShare(share: number, gap: number): number {
  const t = Math.min(1, Math.max(0, (gap - NARROW[0]) / (NARROW[1] - NARROW[0])));
  const wide = t * t * (3 - 2 * t);
  return share - NARROW_DROP * (1 - wide);
}
