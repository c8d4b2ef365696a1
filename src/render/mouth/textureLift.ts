// Pixels of the renderer's working texture that are lifted toward a worked-out colour as the mouth
// opens past the photo's own gap, and given back the photo's colour as it closes (the rest frame keeps
// the photo as it is). The mouth's corner notches (cornerSkin.ts) and the lower lip's cast shadow
// (lowerLipLight.ts) each choose their pixels and colours; this blends them frame by frame.

export class TextureLift {
  private readonly photo: Uint8ClampedArray;
  private amount = 0;

  /**
   * data: the working texture (RGBA), changed in place by update(); pixels: indices into it; lifted:
   * their colour when fully lifted (RGB per pixel); weight: per pixel, the share of the lift it takes
   * (all of it when left out).
   */
  constructor(
    private readonly data: Uint8ClampedArray,
    private readonly pixels: Int32Array,
    private readonly lifted: Uint8ClampedArray,
    private readonly weight?: Float32Array,
  ) {
    this.photo = new Uint8ClampedArray(pixels.length * 3);
    for (let k = 0; k < pixels.length; k++) for (let ch = 0; ch < 3; ch++) this.photo[k * 3 + ch] = data[pixels[k]! * 4 + ch]!;
  }

  /** open: 0 = the photo's own opening (its pixels as they are) .. 1 = parted well past it (fully lifted). */
  update(open: number): void {
    const a = Math.min(1, Math.max(0, open));
    if (Math.abs(a - this.amount) < 0.005) return;
    this.amount = a;
    const { data, pixels, photo, lifted, weight } = this;
    for (let k = 0; k < pixels.length; k++) {
      const o = pixels[k]! * 4, w = weight ? a * weight[k]! : a;
      for (let ch = 0; ch < 3; ch++) data[o + ch] = photo[k * 3 + ch]! + (lifted[k * 3 + ch]! - photo[k * 3 + ch]!) * w;
    }
  }
}
