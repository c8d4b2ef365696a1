// A smile at a small parting (issue #13, teeth27): how much of a smile's light (frameLight.ts
// smileLit) the library rows take while the lips are barely apart. The smile rules of sessions 15-17
// (Katie's open smiles: the whole row lit to the corners, the lower row over the lip) drew a soft
// smile's 0.04-0.07 IOD parting as a white band of both rows to both corners: clenched teeth
// (lp_s5 <- lp_d10 f130-f183, whose real upper teeth end over a dark line, the side teeth shaded).
import { smoothstep } from '../../math/smooth.ts';

/**
 * A smile's light (smileLit) as the library's lower row takes it at lip gap `gap` (IOD): none at a
 * soft smile's small parting, all of it from LOWER_SMILE_GAP[1]. Issue #13, teeth27: a smile lit
 * the lower row and let its tips stand LOWER_TEETH_SHOW over the lower lip at any parting, so at a
 * 0.04-0.07 IOD gap the two rows met in one white band (lp_s5 <- lp_d10 f130-f183, clenched teeth;
 * the driver's soft smile shows her upper teeth over a dark line, no lower row).
 */
export function lowerSmileLit(lit: number, gap: number): number {
  return lit * smoothstep(LOWER_SMILE_GAP[0], LOWER_SMILE_GAP[1], gap);
}
const LOWER_SMILE_GAP: [number, number] = [0.07, 0.14];

/**
 * A smile's light (smileLit) on the library's upper row toward the corners and under the lip, at lip
 * gap `gap` (IOD): half of it at a soft smile's small parting, all of it from SOFT_SMILE_GAP[1] (the
 * lips drawn back off the teeth: Katie's smiles at 0.1-0.15 IOD, session 15-17). Issue #13, teeth27: lit at any
 * parting, lp_s5's 0.04-0.07 IOD smiles were a white band to both corners (clenched teeth); the
 * driver's soft smile keeps its side teeth in the corners' shade.
 */
export function softSmileLit(lit: number, gap: number): number {
  return lit * (1 - SOFT_SMILE_SHADE * (1 - smoothstep(SOFT_SMILE_GAP[0], SOFT_SMILE_GAP[1], gap)));
}
const SOFT_SMILE_GAP: [number, number] = [0.04, 0.1], SOFT_SMILE_SHADE = 0.5;

