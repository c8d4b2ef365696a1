// Teeth only as much as the driver shows (issue #13, teethShow27). A soft smile's rig weights
// (smile .62-.84 at jaw .13-.16: lp_d10 f130-f183) light the library's whole upper row, and in our
// opening it filled the top to the lower lip's shade (.40-.48 of the inner lips teeth) where the driver
// shows the upper row's edge over a dark line (.23-.34). The motion carries the driver's own share
// (rig/mouthBase.ts DRIVER_TEETH, motion/mouthDark.ts teethShare): the upper row hangs no deeper into
// the opening than that share of its height allows; under it, the mouth's dark. Audio motions carry
// no share and are not limited; a full grin or grimace (lp_d6 .65, Katie's smiles .60) is not either.

/**
 * How deep the library's upper row may show under the upper lip, as a share of the opening's height at
 * each column, when the driver's opening is `share` teeth (DRIVER_TEETH; absent: no limit, Infinity).
 * A row hanging from the lip over the top t of each column is ~t of the opening's area, less its
 * shaded sides and gaps (which the driver's count leaves out too): DEPTH_PER_SHARE.
 */
export function teethDepthAllowed(share: number | undefined): number {
  if (share === undefined || !(share * DEPTH_PER_SHARE < 1)) return Infinity;
  return Math.max(0, share) * DEPTH_PER_SHARE;
}
/**
 * the share of the opening's height the upper row may fill per share of the driver's opening in teeth: its top under
 * the lip is in the lip's shade and its tips in the lower lip's (interior.ts), which the teeth count leaves out. Tuned on
 * lp_s5 <- lp_d10 (inside our inner lips, driver's share in brackets): 1.5 left f130-f183 .09-.12 [.23-.34], a lit line
 * over a black band; 2.5 .20-.34; 3.2 .32-.41 (f183 unlimited)
 */
const DEPTH_PER_SHARE = 2.5;
