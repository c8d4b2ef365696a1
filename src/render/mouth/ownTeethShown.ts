// Does the photo show enough of its own teeth to stand for the row? (issue #13, slab34: lp_s42's "white
// flat slab greying toward her corners"). Her photo parts .079 iod, but its teeth there sit in the lips'
// shade: once the cut's dark pixels go (photoTeeth.ts withoutDark) .09 of it is left, .4 % of the upper
// row's pixels (st_full_body_1 keeps all of its cut, 21 % of her row). Yet a photo with its own teeth took
// none of a library row's rules (the relief between teeth, the smile's corridor and side light, the row's
// depth under the driver's, the dark floor): her opened mouth was the library row as a plain, evenly
// fading band. Too little of them lit, the photo's teeth are not used: the library row alone, as for a
// photo with shut lips (lp_s10's and lp_s11's shaded slits keep none of theirs either).
import { ready, coverage, type ReadyLayer } from './readyLayer.ts';
import type { MouthLayers } from './atlas.ts';
import { withoutDark } from './photoTeeth.ts';

/** The share of the photo's cut (its upper piece's solid pixels) that must stay lit as teeth for the photo's teeth to be used. */
export const MIN_KEPT_SHARE = 0.3;

/**
 * The share of the photo's upper cut kept as teeth (solid pixels after withoutDark, as withPhotoTeeth in
 * layers.ts takes them at `outPerIod` with `leastBright`); 0 for an empty cut.
 */
export function keptTeethShare(own: MouthLayers, outPerIod: number, leastBright: number): number {
  const ident = { gain: [1, 1, 1] as [number, number, number], saturation: 1 };
  const cut: ReadyLayer = ready(own.upper, outPerIod, 0, ident);
  const n = coverage(cut);
  return n > 0 ? coverage(withoutDark(cut, leastBright)) / n : 0;
}

/** The photo's cut when enough of it stays lit as teeth (MIN_KEPT_SHARE), else null (the library rows alone). */
export function ownTeethIfShown(own: MouthLayers | null, outPerIod: number, leastBright: number): MouthLayers | null {
  return own && keptTeethShare(own, outPerIod, leastBright) >= MIN_KEPT_SHARE ? own : null;
}
