// The photo's lash line kept on a shut eye (wink42). Mid-blink the lowering lid carries the photo's own lash
// line, drawn along its edge (loweredLidLash.ts); it gave way whole to the shut eye's lid as that came in
// (completion .6-1), and the shut patch's own line (closedEye/lashBand.ts, at most .3-.45 of the skin's light,
// about 4 % of the eyes' distance wide) is far fainter than a dark-lashed photo's: lp_s1's slit eye read a line
// at .10 of the lid skin's light, its shut eye .37 under a brown lid -- the more closed eye looked less closed
// (critic41 "a dirty wink"). Here the drawn lash stays on over the shut lid at KEEP of its strength, laid on the
// shut eye's lid edge as drawn (closedEye/lashOnEdge.ts): one line from the slit to the shut eye. Kept whole (1,
// on the mesh lid) the face mesh read st_full_body_1's shut eyes .24 -> .28 and lp_s42's .06 -> .21 (two lines,
// read as lids apart); the profile turned down about the line (lashes lying on the lower lid) read lp_s12 .16 ->
// .34. On the drawn edge, KEEP .3 / .45 / .6 gave 8 / 8 / 8 of 14 portraits at or under .25 (bench/blink.ts), and
// lp_s42 .05 / .10 / .13, lp_s12 .22 / .14 / .14 against main's .06 and .16.

/** On by default; benches turn it off with `--shut-lash-off` (main's hand-over: the drawn lash gone at shutLid 1). */
export const shutLashSetting = { on: true };
/** The drawn lash's strength kept under a fully shown shut lid. */
export const KEEP = 0.45;

/** The share of the drawn lash's strength left when the shut eye's lid shows at shutLid (0..1); 1 - shutLid with the setting off. */
export function shutLashFade(shutLid: number): number {
  const s = Math.min(1, Math.max(0, shutLid));
  return shutLashSetting.on ? 1 - (1 - KEEP) * s : 1 - s;
}
