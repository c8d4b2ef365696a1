// The relief on the upper row of a photo that shows its own teeth at rest (s43 teeth43, issue #13: critic42 on
// lp_s42 <- lp_d6 f120-136, "a small centred opening with a flat white slab of teeth").
//
// Such a photo's cut mostly sits in its lips' shade and none of it reaches the render (slab34: lp_s42 keeps none at the
// output scale), so the row drawn is the library row in the photo's off-white, with rowLook.ts's PLAIN_RELIEF ("a
// photo's own teeth keep theirs"). Its lines between teeth then come from the library row sharpened toward the photo's
// detail around its lips (layers.ts libraryLook, photoLook.ts sharpnessToMatch): lp_s10 (amount 2) reads gaps .070 of
// the centre deep, in the real speech rows' .07-.10; lp_s42, a smooth retouched photo (amount .4), .046 [lp_d6's real
// row at f120-136 .090], rms .026 [.064], none deeper than .1 [39 %] (bench/rowStructure.ts on the critic's motion): a
// slab. Where the row is neither sharpened nor softened much the relief carries the separations: lines up to LINES x as
// dark and the faces up to ROUND x as rounded (the dips are mostly each face turning away: rowLook.ts), all of it over
// amounts 0-.4, none from SHARPENED[1] or at SOFTENED[0] and under. Width and warmth stay the plain look's (row39: wider
// lines a picket). lp_s42 f120-136 .046 -> .057, her wide openings (f44-f172) .074 -> .095 [lp_d6 .086]: at 2.5 x lines
// and 5 x rounding f120-136 read .078 [.090] but the wide openings .138, 68 % deeper than .1 [36 %], a picket (one relief
// for every opening: a per-frame one, as speechRow.ts's, would take both). Only where none of the cut reaches the render.
// (s43 measured st_full_body_1 as keeping her own teeth; her cut was a slit too thin for withoutDark to judge, laid over whole:
// since s51 it is judged by the face's teeth light, none of it kept, and her row takes this relief too.)
import { PLAIN_RELIEF, type ReliefLook } from './toothRelief.ts';
import { smoothstep } from '../../math/smooth.ts';

const LINES = 1.6;
const ROUND = 2.5;
/** the sharpening amounts (sharpnessToMatch) over which the deeper relief goes from all to none */
const SHARPENED: [number, number] = [0.4, 1.6];
/** ... and the softening over which it goes from none to all (a softened row's relief is drawn as wide as its blur, keeping its lines: lp_s11, -.3, .065) */
const SOFTENED: [number, number] = [-0.3, 0];

/** How much of the deeper relief a photo's own row takes when the library row was sharpened by `sharpen`, 0..1. */
export function ownReliefShare(sharpen: number): number {
  return smoothstep(SOFTENED[0], SOFTENED[1], sharpen) * (1 - smoothstep(SHARPENED[0], SHARPENED[1], sharpen));
}

/**
 * The upper row's relief where the photo shows its own teeth and the row was sharpened by `sharpen`, over `base` (the look the
 * picture's kind gives a cut not kept as its row, rowLook.ts ownCutRelief: PLAIN_RELIEF on a clean photo); each of lines and
 * rounding the deeper of the two.
 */
export function ownRowRelief(sharpen: number, base: ReliefLook = PLAIN_RELIEF): ReliefLook {
  const t = ownReliefShare(sharpen);
  const lines = PLAIN_RELIEF.lines + t * (LINES - PLAIN_RELIEF.lines), round = PLAIN_RELIEF.round + t * (ROUND - PLAIN_RELIEF.round);
  if (base === PLAIN_RELIEF) return { ...PLAIN_RELIEF, lines, round };
  return { ...base, lines: Math.max(lines, base.lines), round: Math.max(round, base.round) };
}
