// The columns across an eye (u 0..1, outer to inner corner) that per-column eye data is kept in.
/** Columns across the eye. */
export const EYE_COLUMNS = 64;

/** The column of eye-frame u (clamped to the eye). */
export function columnOf(u: number): number {
  return Math.min(EYE_COLUMNS - 1, Math.max(0, Math.round(u * (EYE_COLUMNS - 1))));
}
