// One blink, one lash line on both eyes (s43, lidbody43). A driver's blink often shuts one eye a little
// before or deeper than the other (Katie at f23-25 / f112-113: one eye shut, the other a slit with its
// lashes down: closures 1 and .61-.75). The slit eye's lowering lid carries the photo's lash line at nearly
// full strength (loweredLidLash.ts: its shut lid barely shows), while the shut eye's is faded to KEEP (.45,
// shutLash.ts) under the shut patch -- so the slit reads darker-lined than the shut eye (lp_s1's line
// .08-.11 of the lid skin's light on the slit, .21-.24 on the shut eye; Katie's real shut eye .02-.06) and
// the pair reads as a wink. Here a shut eye's drawn lash is at least as strong as the other eye's while that
// eye is closing too (its lash handed over to its lowering lid); a real wink (the other eye open: its lash
// not handed over, strength 0) and an even blink (both eyes alike) are left as they are.
import { lashHandover } from './loweredLidLash.ts';

/** On (the product) / off: each eye's lowered lash strength on its own (before s43). */
export const lashPairSetting = { on: true };

/**
 * Per side, the lowered lash strengths with a shut eye's (its shut lid showing, `shutLid` > 0) raised to the
 * other eye's, up to its own blink's hand-over (lashHandover(closure)), when the other eye is closing.
 */
export function pairedLashStrengths(strength: readonly [number, number], closure: readonly [number, number], shutLid: readonly [number, number]): [number, number] {
  if (!lashPairSetting.on) return [strength[0], strength[1]];
  const out: [number, number] = [strength[0], strength[1]];
  for (const i of [0, 1] as const) {
    const j = 1 - i;
    if (!(shutLid[i] > 0)) continue;
    out[i] = Math.max(strength[i], Math.min(strength[j], lashHandover(closure[i])));
  }
  return out;
}
