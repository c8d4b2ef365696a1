// The lip's colour along each inner lip line, per output column: what the lip skin triangles draw
// just outside the opening (the frame's lip texture, slid off the photo's slit). The shader's lip
// edge and inner lip surface take it, so the opening's rim continues the lip beside it; a colour
// taken from the fan's own texture coordinates ran into the photo's dark slit, and one mean lip
// colour was darker than a lit lower lip: either drew a dark ring round the opening.
import type { TextureSource } from '../textureSample.ts';
import { fillColumns } from './lipColumns.ts';

export class LipRim {
  /** per column, r g b of the lip at its inner line (NaN: no line in this column) */
  readonly colour: Float32Array;
  private readonly u: Float32Array;
  private readonly v: Float32Array;

  constructor(width: number) {
    this.colour = new Float32Array(width * 3).fill(NaN);
    this.u = new Float32Array(width);
    this.v = new Float32Array(width);
  }

  /** Fills the columns from the line's projected xs and its vertices' texture coordinates (us, vs). */
  fill(texture: TextureSource, xs: ArrayLike<number>, us: ArrayLike<number>, vs: ArrayLike<number>): void {
    const { u, v, colour } = this;
    u.fill(NaN); v.fill(NaN); colour.fill(NaN);
    fillColumns(u, xs, us);
    fillColumns(v, xs, vs);
    for (let c = 0; c < u.length; c++) {
      if (u[c] !== u[c]) continue;
      meanAround(texture, u[c]!, v[c]!, colour, c * 3);
    }
  }
}

/** Mean colour of the 3x3 texture pixels round (u, v) (one texture pixel of lip grain is not the lip's colour). */
function meanAround(t: TextureSource, u: number, v: number, out: Float32Array, o: number): void {
  const cx = Math.round(u - 0.5), cy = Math.round(v - 0.5);
  let r = 0, g = 0, b = 0;
  for (let dy = -1; dy <= 1; dy++) {
    const y = Math.min(t.height - 1, Math.max(0, cy + dy));
    for (let dx = -1; dx <= 1; dx++) {
      const q = t.data32[y * t.width + Math.min(t.width - 1, Math.max(0, cx + dx))]!;
      r += q & 255; g += (q >>> 8) & 255; b += (q >>> 16) & 255;
    }
  }
  out[o] = r / 9; out[o + 1] = g / 9; out[o + 2] = b / 9;
}
