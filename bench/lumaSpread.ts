// ring37: how much texture a set of luma values holds, for an iris read on a render: a flat dark disc
// (a "blob") reads low, the photo's iris with its fibres and catchlight higher.

/** The luma spread p90 - p10 of `v` (NaN under 6 values: too few to call a spread). */
export function lumaSpread(v: readonly number[]): number {
  if (v.length < 6) return NaN;
  const s = v.slice().sort((a, b) => a - b);
  return s[Math.floor(0.9 * (s.length - 1))]! - s[Math.floor(0.1 * (s.length - 1))]!;
}

/**
 * iris38: the share of an iris disc's luma values `v` lighter than `part` of the way from their own p10 to the
 * white `white`: a round dark iris reads low, one with a grey ring or a white notch inside its radius higher.
 */
export function greyShare(v: readonly number[], white: number, part = 1 / 3): number {
  if (v.length < 6) return NaN;
  const s = v.slice().sort((a, b) => a - b), lo = s[Math.floor(0.1 * (s.length - 1))]!;
  const cut = lo + part * (white - lo);
  return v.filter((l) => l > cut).length / v.length;
}
