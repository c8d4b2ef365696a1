// A lowering lid's lash line on both eyes, or on neither (lids40). The lowering upper lid draws the photo's
// lash line along its edge (loweredLidLash.ts), read per eye by raisedLidEdge.ts photoLashLine over the
// columns clear of the iris (1.15 radii) and the corners (15 %). On a round, wide-open eye the iris leaves
// fewer than 3 columns and the read gives none: st_full_body_1's image-left eye (28 columns, iris r 8).
// That eye's lid then came down without a lash line — its lash left up in the stretched skin, the edge
// the grey of the iris's top — while the other eye's lid carried a dark line: at one blink weight and
// equal mesh lids the face mesh read the eyes .92 / .60 of their rest at a half blink and .70 / .22 at
// .75 (+ eng.wav f35, f40, f129): a wink. The lash is the face's, not the eye's: an eye with no read takes
// the other eye's (its depth profile and colour, texture px; both eyes are sampled at one scale).
// Only the lowered lid uses it; the raised lid keeps each eye's own read.
import type { LashLine } from './raisedLidEdge.ts';

/** (lids40) `lashPairSetting.on`: an eye with no lash read lowers its lid with the other eye's lash line. */
export const lashPairSetting = { on: true };

/** Per side, the lash line the lowering lid draws: its own read, else the other side's (none when off or neither read). */
export function loweredLashLines(own: readonly [LashLine | null, LashLine | null], on = lashPairSetting.on): [LashLine | null, LashLine | null] {
  if (!on) return [own[0], own[1]];
  return [own[0] ?? own[1], own[1] ?? own[0]];
}
