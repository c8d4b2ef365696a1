// Luminance of an RGB colour: the one weighting the renderer's image code uses (Rec. 601, rounded).

export function luminance(r: number, g: number, b: number): number {
  return 0.3 * r + 0.59 * g + 0.11 * b;
}

/** luminance of a packed RGBA texel (a Uint32Array view of RGBA bytes on a little-endian machine: r in the low byte). */
export function packedLuminance(c: number): number {
  return luminance(c & 255, (c >>> 8) & 255, (c >>> 16) & 255);
}

/** Luma of an RGB triple with the exact Rec. 601 weights (the mouth's shading code). */
export function luma601(c: ArrayLike<number>): number {
  return 0.299 * c[0]! + 0.587 * c[1]! + 0.114 * c[2]!;
}

/** luma601 of the RGB(A) pixel starting at `offset` in `data` (a texture's or frame's bytes). */
export function luma601At(data: ArrayLike<number>, offset: number): number {
  return 0.299 * data[offset]! + 0.587 * data[offset + 1]! + 0.114 * data[offset + 2]!;
}

/** Colourfulness of an RGB colour: (max - min) / max of the channels, 0 for grey or black. */
export function saturation(r: number, g: number, b: number): number {
  const hi = Math.max(r, g, b);
  return hi > 0 ? (hi - Math.min(r, g, b)) / hi : 0;
}
