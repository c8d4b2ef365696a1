// The dark outside an open mouth's corners (issue #13, critic26: "a dark stippled smear outside the
// image-left mouth corner", mt_man f80; lp_s5 f93 both corners). Per corner, on a rendered frame and
// its landmarks: the pixels from the inner corner (78 / 308) out to 0.08 IOD past the outer one
// (61 / 291) along the mouth's axis, within 0.035 IOD of it, that are darker than 0.6 of the skin
// further out (0.08-0.16 IOD past the corner): their count (px) and their darkness summed (the
// shortfall under 0.75 of that light, in pixels of full dark). Pure functions; no rendering here.
export type Lm = ArrayLike<ArrayLike<number>>;

/** how far past the outer corner the region reaches, and its half-height (IOD) */
const PAST = 0.08, HALF = 0.035;
/** the reference skin: this band past the corner (IOD), a bit taller */
const REF_FROM = 0.08, REF_TO = 0.16, REF_HALF = 0.05;
/** dark = under this share of the reference; the mass counts the shortfall under MASS_AT */
const DARK = 0.6, MASS_AT = 0.75;

export interface CornerDark { count: number; mass: number; ref: number }

const luma = (d: ArrayLike<number>, o: number) => 0.299 * d[o]! + 0.587 * d[o + 1]! + 0.114 * d[o + 2]!;

function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  return s.length ? s[s.length >> 1]! : NaN;
}

/** The eye-corner IOD (33-263) of a landmark set. */
export function iodOf(lm: Lm): number {
  return Math.hypot(lm[263]![0]! - lm[33]![0]!, lm[263]![1]! - lm[33]![1]!);
}

/**
 * Pixels of an RGBA frame `size` px square in a box along the mouth's axis past `outer`:
 * `visit(offset, along, across)` with along in IOD (negative toward the mouth's middle).
 */
function scan(size: number, lm: Lm, outer: number, from: number, to: number, half: number, visit: (o: number, along: number) => void): void {
  const iod = iodOf(lm);
  const mx = (lm[61]![0]! + lm[291]![0]!) / 2, my = (lm[61]![1]! + lm[291]![1]!) / 2;
  const cx = lm[outer]![0]!, cy = lm[outer]![1]!;
  const len = Math.hypot(cx - mx, cy - my) || 1, ux = (cx - mx) / len, uy = (cy - my) / len;
  const reach = Math.max(Math.abs(from), Math.abs(to), half) * iod + 2;
  for (let y = Math.max(0, Math.floor(cy - reach)); y <= Math.min(size - 1, Math.ceil(cy + reach)); y++) {
    for (let x = Math.max(0, Math.floor(cx - reach)); x <= Math.min(size - 1, Math.ceil(cx + reach)); x++) {
      const dx = x + 0.5 - cx, dy = y + 0.5 - cy;
      const along = (dx * ux + dy * uy) / iod, across = (-dx * uy + dy * ux) / iod;
      if (along < from || along > to || Math.abs(across) > half) continue;
      visit((y * size + x) * 4, along);
    }
  }
}

/** The dark past one corner: `outer` 61 (image-left) or 291, `inner` 78 or 308. */
export function cornerDark(d: ArrayLike<number>, size: number, lm: Lm, outer: 61 | 291, inner: 78 | 308): CornerDark {
  const iod = iodOf(lm);
  const refs: number[] = [];
  scan(size, lm, outer, REF_FROM, REF_TO, REF_HALF, (o) => refs.push(luma(d, o)));
  const ref = median(refs);
  // from the inner corner (its distance along the axis, never less than 0.01 IOD in)
  const mx = (lm[61]![0]! + lm[291]![0]!) / 2, my = (lm[61]![1]! + lm[291]![1]!) / 2;
  const toOuter = Math.hypot(lm[outer]![0]! - mx, lm[outer]![1]! - my), toInner = Math.hypot(lm[inner]![0]! - mx, lm[inner]![1]! - my);
  const from = -Math.max(0.01, (toOuter - toInner) / iod);
  let count = 0, mass = 0;
  scan(size, lm, outer, from, PAST, HALF, (o) => {
    const L = luma(d, o);
    if (L < DARK * ref) count++;
    mass += Math.max(0, MASS_AT * ref - L) / (MASS_AT * ref);
  });
  return { count, mass, ref };
}

/** Both corners of a frame: [image-left, image-right]. */
export function cornersDark(d: ArrayLike<number>, size: number, lm: Lm): [CornerDark, CornerDark] {
  return [cornerDark(d, size, lm, 61, 78), cornerDark(d, size, lm, 291, 308)];
}

/** The lip gap 13-14 over the IOD. */
export function gapOf(lm: Lm): number {
  return Math.hypot(lm[14]![0]! - lm[13]![0]!, lm[14]![1]! - lm[13]![1]!) / iodOf(lm);
}
