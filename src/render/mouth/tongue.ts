// The library tongue, softened and in the hue of the picture's own lips.
import type { MouthLayer } from './atlas.ts';
import type { LightMatch } from './lightMatch.ts';
import { ready, type ReadyLayer } from './readyLayer.ts';
import { luminance as lum } from '../../math/colour.ts';

/** Blur of the tongue layer, in IOD. */
const TONGUE_BLUR = 0.012;
/** How far the tongue's hue goes toward the lips' (more made lipstick a red tongue, Katie). */
const TONGUE_LIP_HUE = 0.45;

/**
 * The tongue at output scale: softer than the teeth (its top edge is the source's lower-teeth
 * silhouette, which read as a jagged line under the dark band between the rows), in the lips' hue.
 */
export function readyTongue(tongue: MouthLayer, outPerIod: number, teethBlur: number, match: LightMatch, lip: [number, number, number]): ReadyLayer {
  return inLipHue(ready(tongue, outPerIod, Math.max(teethBlur, TONGUE_BLUR * outPerIod), match), lip);
}

/**
 * The tongue in the hue of the picture's own lips (its luminance kept): the library tongue's fixed
 * pink was off the palette of a varnished painting (a lilac tongue in Mona Lisa's yellow) and of
 * black-and-white photos. TONGUE_LIP_HUE of the way.
 */
function inLipHue(l: ReadyLayer, lip: [number, number, number]): ReadyLayer {
  const ly = Math.max(1, lum(...lip));
  const data = Float32Array.from(l.data);
  for (let o = 0; o < data.length; o += 4) {
    const y = lum(data[o]!, data[o + 1]!, data[o + 2]!);
    for (let ch = 0; ch < 3; ch++) {
      data[o + ch] = data[o + ch]! + (Math.min(255 * data[o + 3]!, (y * lip[ch]!) / ly) - data[o + ch]!) * TONGUE_LIP_HUE;
    }
  }
  return { ...l, data };
}

/**
 * How far (layer px) the tongue's top stands over its anchor: the highest row of its middle
 * columns (a fifth of the layer's width) at least half opaque. Null for an empty layer.
 */
export function tongueTopAbove(l: ReadyLayer): number | null {
  const W = l.width, d = l.data, half = Math.max(1, Math.round(0.1 * W));
  const c = Math.min(W - 1, Math.max(0, Math.round(l.anchorX))), ay = Math.min(l.height - 1, Math.max(0, Math.round(l.anchorY)));
  for (let y = 0; y < l.height; y++) {
    let a = 0;
    for (let x = Math.max(0, c - half); x <= Math.min(W - 1, c + half); x++) a += d[(y * W + x) * 4 + 3]!;
    if (a / (2 * half + 1) >= 0.5) return ay - y;
  }
  return null;
}
