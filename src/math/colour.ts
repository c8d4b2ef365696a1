// Luminance of an RGB colour: the one weighting the renderer's image code uses (Rec. 601, rounded).

export function luminance(r: number, g: number, b: number): number {
  return 0.3 * r + 0.59 * g + 0.11 * b;
}
