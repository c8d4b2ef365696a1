// The library rows' light set by the driver's teeth tone (issue #13, s55 teethtone55): the driver's upper row over its own
// cheeks (motion/teethTone.ts, one value per clip) is carried to our rows over OUR photo's cheeks by the same ratio. The rows'
// light was the photo's alone (photoLook.ts teethTarget: the cheeks' luma .7 of the way to white), so a white-toothed driver's
// rows read grey (Katie 1.08 x her cheeks, ours .96 x lp_s1's; lp_d10 .98 / .76) and a faint-toothed one's too bright.
// Bounded both ways; a textured picture (a painting, an old photo: pictureKind.ts) keeps its own teeth's light; a photo's own
// teeth (they carry the photo's light) and an audio motion (no driver) are left as they were.
import { clamp01, smoothstep } from '../../math/smooth.ts';
import type { Avatar } from '../../avatar/types.ts';
import { cheekLuma } from '../../motion/teethTone.ts';
import type { ReadyLayer } from './readyLayer.ts';

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

export const rowToneSetting = {
  /** whether the driver's tone is taken at all (off: every frame as before s55) */
  on: true,
  /** the driver's tone taken within this: under it a faint or blurred row, over it a glint (real drivers .74-1.08, s54) */
  driver: [0.6, 1.15] as [number, number],
  /** the gain on our rows' light kept within this */
  gain: [0.85, 1.3] as [number, number],
  /**
   * the share of the library row's median light (libraryRowTone) an open row's lit pixels keep as rendered, at a mid opening
   * ([0], to `shadeGap[0]` IOD) and a full one ([1], from `shadeGap[1]`): the side teeth's and the lip's shade, the tips in
   * the lining's tone, the body hidden at a mid opening (frameLight.ts bodyShow). Read with bench/teethSkin.ts on main's
   * renders (s55): mt_man <- pcavs681 .73 and lp_s7 <- lp_d10 .74 at a .11 IOD mean gap, lp_s0 <- lp_d14 .84 at .14, st_happy <-
   * lp_d6 .85 and lp_s1 <- Katie .91 at .17-.18. Real drivers' rows lose far less from .10 IOD up (bench/driverTeethTone.ts by
   * gap: lp_d6 1.05 / 1.11 / 1.09 at .10 / .14 / .18), so the gain makes up our mid opening's extra shade too.
   */
  rowShade: [0.74, 0.95] as [number, number],
  shadeGap: [0.1, 0.16] as [number, number],
  /**
   * s56 (denture56): a smile lights the row at any gap (frameLight.ts teethLight, teethRowLight.ts smileLit), so the share of the
   * way from rowShade[0] to [1] is the more of the gap's and `smileLit` x the smile's `lit`. Keyed on the gap alone the gain made
   * up a mid opening's shade a smiling talker's row never had: lp_s1 <- Katie and lp_s7 <- lp_d10 (both talk smiling) at .10-.12
   * IOD drew rows 1.10-1.28 x the cheeks where theirs are .99-1.10 (teethtone55's +.07-.08). Their lit mid-opening rows keep
   * .80-.83 of the row's light as rendered (bench/teethSkin.ts), .4 of the way from .74 to .95 (1: lp_d10 .90 against her .98).
   * 0: the gap alone (s55).
   */
  smileLit: 0.4,
};

/** The row's median luma over its opaque pixels (premultiplied layer; null: too few): what a driver row's median is read as. */
export function rowMedianLuma(l: ReadyLayer): number | null {
  const lums: number[] = [], d = l.data;
  for (let o = 0; o < d.length; o += 4) if (d[o + 3]! >= 0.9) lums.push((0.299 * d[o]! + 0.587 * d[o + 1]! + 0.114 * d[o + 2]!) / d[o + 3]!);
  if (lums.length < 8) return null;
  lums.sort((a, b) => a - b);
  return lums[Math.floor(0.5 * (lums.length - 1))]!;
}

/** The library row's median light over the photo's cheeks, read as the driver's (motion/teethTone.ts cheekLuma on the texture); null: unread. */
export function libraryRowTone(avatar: Avatar, upper: ReadyLayer): number | null {
  const row = rowMedianLuma(upper), cheek = cheekLuma(avatar.texture, (i) => [avatar.uv[i * 2]!, avatar.uv[i * 2 + 1]!]);
  return row !== null && cheek > 0 ? row / cheek : null;
}

/**
 * The gain on the library rows' light for the driver's tone `driverTone` (absent: 1) and our row's median light over our
 * cheeks `ourTone` at lip gap `gap` (IOD), toward 1 as the picture is `textured` (0 clean .. 1 painted), a smile lighting the row `lit`
 * (0..1, teethRowLight.ts smileLit) as a full opening.
 */
export function rowToneGain(driverTone: number | undefined, ourTone: number | undefined, textured = 0, gap = Infinity, s = rowToneSetting, lit = 0): number {
  if (!s.on || driverTone === undefined || !Number.isFinite(driverTone) || !ourTone || !(ourTone > 0)) return 1;
  const open = Math.max(smoothstep(s.shadeGap[0], s.shadeGap[1], gap), s.smileLit * clamp01(lit));
  const shade = s.rowShade[0] + (s.rowShade[1] - s.rowShade[0]) * open;
  const g = clamp(clamp(driverTone, s.driver[0], s.driver[1]) / (ourTone * shade), s.gain[0], s.gain[1]);
  return 1 + (g - 1) * (1 - clamp01(textured));
}
