// Teeth only as much as the driver shows (issue #13, teethShow27). A soft smile's rig weights
// (smile .62-.84 at jaw .13-.16: lp_d10 f130-f183) light the library's whole upper row, and in our
// opening it filled the top to the lower lip's shade (.40-.48 of the inner lips teeth) where the driver
// shows the upper row's edge over a dark line (.23-.34). The motion carries the driver's own share
// (rig/mouthBase.ts DRIVER_TEETH, motion/mouthDark.ts teethShare): the upper row hangs no deeper into
// the opening than that share of its height allows; under it, the mouth's dark. Audio motions carry
// no share and are not limited; a full grin or grimace (lp_d6 .65, Katie's smiles .60) is not either.
// Session 30 (teethline30): nor is a driver whose opening under its upper row is lit (motion/underTeeth.ts):
// a clenched mouth's dim lower row counts as no teeth (lp_d11 f154, share .27-.31), and the row cut
// to it left our tongue and cavity at .47 of the lips' light under lp_s9's teeth, a hard dark line
// (critic28) where the driver's darkest under its teeth is ~1.0 of its lips'.
import { smoothstep } from '../../math/smooth.ts';

/**
 * How deep the library's upper row may show under the upper lip, as a share of the opening's height at
 * each column, when the driver's opening is `share` teeth (DRIVER_TEETH; absent: no limit, Infinity).
 * A row hanging from the lip over the top t of each column is ~t of the opening's area, less its
 * shaded sides and gaps (which the driver's count leaves out too): DEPTH_PER_SHARE. Where what lies
 * under the driver's row is lit (`under`, DRIVER_UNDER: its light over the lips'), the limit goes
 * toward the whole opening (underLit).
 */
export function teethDepthAllowed(share: number | undefined, under?: number): number {
  if (share === undefined || !(share * DEPTH_PER_SHARE < 1)) return Infinity;
  const depth = Math.max(0, share) * DEPTH_PER_SHARE;
  return depth + (1 - depth) * underLit(under) * teethSeen(share);
}

/**
 * How far the driver's opening shows teeth at all by its share (motion/mouthDark.ts's TEETH_FROM..TEETH_FULL): its
 * under-row reading is only worth something over teeth (a dark O's, lp_d6 f189-f192, is filled in from its neighbours)
 */
export const teethSeen = (share: number) => smoothstep(0.03, 0.12, share);

/** How far the driver's opening under its upper row is lit, 0..1, from its light over its lips' (absent: 0, dark as before). */
export const underLit = (under: number | undefined) => (under === undefined ? 0 : smoothstep(UNDER_LIT[0], UNDER_LIT[1], under));
/**
 * the driver's light under its upper row (its darker tenth's, over its lips') over which it goes from dark to lit: a dark
 * band .36-.47 (lp_d10 f130-f183 soft smile .44-.47, f103 .36; lp_d11 f98/f122 over a lit lower row .44-.46), lit .97-1.06
 * (lp_d11 f148/f154 clenched, lp_d10 f25/f43 both rows); lp_d10 f105 (the lower row dim under the upper) .69
 */
const UNDER_LIT = [0.6, 0.9] as const;
/**
 * the share of the opening's height the upper row may fill per share of the driver's opening in teeth: its top under
 * the lip is in the lip's shade and its tips in the lower lip's (interior.ts), which the teeth count leaves out. Tuned on
 * lp_s5 <- lp_d10 (inside our inner lips, driver's share in brackets): 1.5 left f130-f183 .09-.12 [.23-.34], a lit line
 * over a black band; 2.5 .20-.34; 3.2 .32-.41 (f183 unlimited)
 */
const DEPTH_PER_SHARE = 2.5;
