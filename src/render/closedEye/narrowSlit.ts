// A narrow slit's white is in deep shadow (lids31). A lid half down or more shades the strip of eye
// under it with itself and its lashes: on a driver's lowered lids (lp_d14 f130-f169) the slit reads as a
// dark line, no white. slitHighlight.ts holds the eyeball under 0.8 of the lid skin's light around it,
// which on a pale face left the white a light grey fleck beside the iris (lp_s12 f164, f166, f169), and
// the eye whose slit kept more of it read open beside a shut-looking one (f132, a wink). So where the
// opening is narrow the ceiling comes down further.
//
// s54 halfwink54: the drop also comes with the lid's travel (the ceiling's strength, slitCeilingStrength), not only
// with the opening in eye widths. An eye that opens wide (lp_s9: .33 eye widths at rest) still has a .16 opening at
// a half blink, under NARROW[1]: the ceiling stayed at .8 of the lid skin. There the photo's own eye decided the
// slit: the image-left eye's dark iris made a dark band, the image-right eye's pale lower white (its iris up and to
// the side) stayed at .75 of the skin, under the ceiling, and its lid read as a pale pad over a thin line: a wink at
// equal closure (critic53, lp_s9 <- vrt4 f97-f101). A real half-shut eye's slit is in the lid's shadow on both eyes.

/** Opening (eye widths, upper to lower lid line as rendered) under which the ceiling drops, whole by the first. */
const NARROW = [0.05, 0.15] as const;
/** How far below the usual share of the lid skin's light the ceiling comes in the narrowest slit. */
const NARROW_DROP = 0.3;

/**
 * on: the ceiling comes in whole by a half blink (completion `from` -> `full`, smoothstep; slitHighlight.ts
 * slitCeilingStrength), and drops with its strength as with the narrowest slit (the larger of the two drops);
 * off: before s54 (in over .3 -> .65, the drop by the opening alone).
 * Off by default (the lead, session 54): critic54 saw lp_s7's whites and irises turn flat grey and dull under half-shut
 * lids (eng f74/f80/f128, french f73/f118/f124; 3x, faint at 1x) while lp_s9 <- vrt4 f98's half-blink "wink" it was built
 * for looked the same at 1x (more alike at 4x). Worth turning on once it is limited to a white paler than the lid skin.
 */
export const halfLidSlitSetting = { on: false, from: 0.25, full: 0.5 };

/** The half lid's ceiling strength at blink completion c (0 with the setting off). */
export function halfLidCeiling(c: number): number {
  if (!halfLidSlitSetting.on) return 0;
  const t = Math.min(1, Math.max(0, (c - halfLidSlitSetting.from) / (halfLidSlitSetting.full - halfLidSlitSetting.from)));
  return t * t * (3 - 2 * t);
}

/**
 * The ceiling's share of the lid skin's light in an opening `gap` eye widths tall, from the usual `share`, at ceiling
 * strength `half` (0..1, slitCeilingStrength: how far the lid has come down; 0 keeps the opening's drop alone).
 * The larger of the two drops: the narrowest slit's ceiling is as before.
 */
export function narrowSlitShare(share: number, gap: number, half = 0): number {
  const t = Math.min(1, Math.max(0, (gap - NARROW[0]) / (NARROW[1] - NARROW[0])));
  const wide = t * t * (3 - 2 * t);
  const travel = halfLidSlitSetting.on ? Math.min(1, Math.max(0, half)) : 0;
  return share - NARROW_DROP * Math.max(1 - wide, travel);
}
