// The upper row at a speech mid-opening: separate teeth, not a smooth white slab (s45 onset45, issue #13: critic44 worst #4,
// mt_man + mt_sun f5/f10 "a flat uniform slab", lp_s42 <- lp_d6 f120-136 "a centred white slab").
//
// Measured along the upper half of the opening (bench/rowStructure.ts; the driver's or the audio's speaker's own frames in
// [brackets]): mt_man f5-f68 row rms .055 [mt_sun .083], tooth peaks spread .068 [.146], gap depth .090 [.110];
// lp_s42 f120-136 rms .033 [lp_d6 .064], peaks .107 [.150], depth .057 [.090], none deeper than .1 [39 %]. Real rows at these
// openings are textured along the row: each tooth lit a little differently (one face turned to the light, the laterals
// set back and darker), the lines between them darker. Ours are one smooth gradient from two bright centrals. A clean
// photo's row (rowLook.ts CLEAN_RELIEF) and a photo's own row (PLAIN_RELIEF / ownRowRelief.ts) draw the relief faint
// on purpose: at wide openings and in grins a deeper one read as a picket (teeth43: lp_s42's wide openings .138 deep,
// 68 % deeper than .1 [36 %]) and moved test/grinRendered's read-back. So, as speechRow.ts does for a grin, the avatar
// keeps a second upper row with the deeper relief, and each frame takes it by its lip gap: all of it at a mid-opening,
// none at a wide one or in a grin. Textured pictures already take speechRow.ts's speech row there: not this.
import type { ReliefLook } from './toothRelief.ts';
import type { ReadyLayer } from './readyLayer.ts';
import { mixedRows, roundedShare } from './speechRow.ts';
import { smoothstep } from '../../math/smooth.ts';

/** the onset row's lines between teeth and its teeth's own light steps, times the avatar's row's (rounding the faces 2 x more lit the two centrals as two bright blocks on mt_man: not taken) */
const ONSET_LINES = 1.5;
/** ... and their rise toward the tips (toothRelief.ts TIP_LINES) times this: real rows' separations darkest at the tips' V's, the bodies nearly seamless (lines 1.8 x over the whole crown, without this, ruled lp_s42's row with straight grey bars) */
const ONSET_TIP_LINES = 1.6;
const ONSET_VARIETY = 3;
/** ... and the side teeth's own shading (their step darker per tooth out, their turn away) times this: real rows at these openings are lit nearly evenly across the front teeth (bench/rowStructure.ts `mid`, the light at .45-.65 of the half width over the centre's: mt_sun .99, lp_d6 .91; ours .73-.76), the two centrals no brighter blocks */
const ONSET_SIDES = 0.5;
/** the lip gaps (iod) over which a frame goes from the onset row (all of it) to the avatar's row (none) */
const ONSET_GAP: [number, number] = [0.15, 0.22];

/** The onset row's look from the avatar's upper row `look`. */
export function onsetRelief(look: ReliefLook): ReliefLook {
  return { ...look, lines: look.lines * ONSET_LINES, tipLines: (look.tipLines ?? 1) * ONSET_TIP_LINES, variety: (look.variety ?? 1) * ONSET_VARIETY, sides: (look.sides ?? 1) * ONSET_SIDES };
}

/**
 * How far out the onset row is lit (teethRowLight.ts sideReach, at least this): the shader's corner shade as lateral^2 from
 * the middle left the two centrals the only bright teeth (`mid` .73 [mt_sun .99, lp_d6 .91]); real rows at these openings
 * are lit to the canines and fall into shadow only toward the corners.
 */
const ONSET_REACH = 1;

/** The onset row's sideReach at lip gap `gap` and grin `grin` (0 where the avatar has no onset row). */
export function onsetReach(gap: number, grin: number): number {
  return ONSET_REACH * onsetShare(gap, grin);
}

/** How much of the onset row a frame of lip gap `gap` (iod) and grin share `grin` takes, 0..1. */
export function onsetShare(gap: number, grin: number): number {
  if (!(gap >= 0)) return 0;
  return (1 - smoothstep(ONSET_GAP[0], ONSET_GAP[1], gap)) * (1 - roundedShare(grin));
}

/** The share is taken in steps of this (each step's blend made once, then reused: nothing per pixel per frame). */
const STEPS = 8;

/** The upper row for a frame: the avatar's `row` mixed toward the `onset` row (null: none) by onsetShare. */
export class OnsetRows {
  private readonly steps: (ReadyLayer | undefined)[] = [];
  constructor(private readonly onset: ReadyLayer | null | undefined, private readonly row: ReadyLayer) {}

  at(gap: number, grin: number): ReadyLayer {
    if (!this.onset) return this.row;
    const k = Math.round(STEPS * onsetShare(gap, grin));
    return (this.steps[k] ??= mixedRows(this.row, this.onset, k / STEPS));
  }
}
