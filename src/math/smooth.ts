// Smooth ramps: the one smoothstep of the project (avatar, rig, renderer, mouth, analysis, layout).

/** 0 below e0, 1 above e1, a cubic Hermite ramp between (GLSL's smoothstep). */
export function smoothstep(e0: number, e1: number, x: number): number {
  const t = Math.min(1, Math.max(0, (x - e0) / (e1 - e0)));
  return t * t * (3 - 2 * t);
}

/** 0 below e0, 1 above e1, linear between (smoothstep's straight twin). */
export function linearStep(e0: number, e1: number, x: number): number {
  return Math.min(1, Math.max(0, (x - e0) / (e1 - e0)));
}

/** x limited to 0..1. */
export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/** smoothstep over 0..1. */
export function smooth01(x: number): number {
  return smoothstep(0, 1, x);
}

/** A closed loop of values smoothed by `passes` of a [1 2 1]/4 kernel. */
export function smoothAround(values: number[], passes: number): number[] {
  let a = values;
  for (let p = 0; p < passes; p++) a = a.map((v, j) => (a[(j + a.length - 1) % a.length]! + 2 * v + a[(j + 1) % a.length]!) / 4);
  return a;
}
