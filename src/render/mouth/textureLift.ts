// Pixels of the renderer's working texture that are lifted toward a worked-out colour as the mouth
// opens past the photo's own gap, and given back the photo's colour as it closes (the rest frame keeps
// the photo as it is). The mouth's corner notches (cornerSkin.ts) and the lower lip's cast shadow
// (lowerLipLight.ts) each choose their pixels and colours; this blends them frame by frame. Each lift
// writes its pixels from its own copy of the photo, so two lifts must not share a pixel: the later
// one would put back the photo's dark under the earlier one's lift (`withoutPixels`).

export class TextureLift {
  private readonly photo: Uint8ClampedArray;
  private amount = 0;
  private oAmount = 0;

  /**
   * data: the working texture (RGBA), changed in place by update(); pixels: indices into it; lifted:
   * their colour when fully lifted (RGB per pixel); weight: per pixel, the share of the lift it takes
   * (all of it when left out); weightO: the share it takes in an "O" (update's `o`; weight when left out).
   */
  constructor(
    private readonly data: Uint8ClampedArray,
    readonly pixels: Int32Array,
    private readonly lifted: Uint8ClampedArray,
    private readonly weight?: Float32Array,
    private readonly weightO?: Float32Array,
  ) {
    this.photo = new Uint8ClampedArray(pixels.length * 3);
    for (let k = 0; k < pixels.length; k++) for (let ch = 0; ch < 3; ch++) this.photo[k * 3 + ch] = data[pixels[k]! * 4 + ch]!;
  }

  /**
   * open: 0 = the photo's own opening (its pixels as they are) .. 1 = parted well past it (fully
   * lifted); o: how much the opening is an O's (0..1: each pixel's weight moves toward its weightO).
   */
  update(open: number, o = 0): void {
    const a = Math.min(1, Math.max(0, open)), b = this.weightO ? Math.min(1, Math.max(0, o)) : 0;
    if (Math.abs(a - this.amount) < 0.005 && Math.abs(b - this.oAmount) < 0.005) return;
    this.amount = a;
    this.oAmount = b;
    const { data, pixels, photo, lifted, weight, weightO } = this;
    for (let k = 0; k < pixels.length; k++) {
      const wk = weight ? weight[k]! + (weightO ? (weightO[k]! - weight[k]!) * b : 0) : 1;
      const o = pixels[k]! * 4, w = a * wk;
      for (let ch = 0; ch < 3; ch++) data[o + ch] = photo[k * 3 + ch]! + (lifted[k * 3 + ch]! - photo[k * 3 + ch]!) * w;
    }
  }
}

/**
 * A lift's pixels (and their lifted colours, RGB per pixel) without those another lift owns (session 27:
 * the lower lip's light, updated after the corners, wrote the photo's dark slit back over the lifted
 * corner notch in a ragged stipple: mt_man's "dark smear" outside the image-left corner).
 */
export function withoutPixels(pixels: Int32Array, lifted: Uint8ClampedArray, taken: Int32Array | null): { pixels: Int32Array; lifted: Uint8ClampedArray } {
  if (!taken || taken.length === 0) return { pixels, lifted };
  const owned = new Set(taken);
  const keep: number[] = [], colours: number[] = [];
  for (let k = 0; k < pixels.length; k++) {
    if (owned.has(pixels[k]!)) continue;
    keep.push(pixels[k]!);
    colours.push(lifted[k * 3]!, lifted[k * 3 + 1]!, lifted[k * 3 + 2]!);
  }
  return { pixels: Int32Array.from(keep), lifted: Uint8ClampedArray.from(colours) };
}
