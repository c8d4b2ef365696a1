// The far band clearing from its outer rings inward (issue #15, s37 halo37).
//
// On a side the photo was turned away from, the head sheet's band beside the far cheek goes clear
// by AWAY_CLEAR_FULL_DEG (farBandClear.ts). Switched as one, every ring's texture slides together:
// half way (lp_s10 at +1.2-1.5°) the inner rings, opaque at rest, sample the middle of the photo's
// translucent edge, and the whole band is a faint grey halo outside the face's solid edge (edge37).
// Staggered by ring instead, the outermost ring clears first and the innermost last, each in its
// own share of the turn: the soft ramp narrows toward the face's edge, and at any turn only one
// ring per ray is part way.

/**
 * The turn window (degrees, [start, end]) in which a band vertex clears, the `fromOuter`th of `count`
 * band vertices on its ray counted from the outermost (0): consecutive equal shares of [0, fullDeg].
 * Pure, for the test.
 */
export function outerFirstWindow(fromOuter: number, count: number, fullDeg: number): [number, number] {
  const share = fullDeg / Math.max(1, count);
  return [fromOuter * share, (fromOuter + 1) * share];
}

/**
 * In place: each band vertex (keys of `band`, at the away rate in revealDir) on a side turned away
 * (`awayShare` of that side > 0) clears in its ring's window instead of over the whole turn: its
 * reveal rate and start (activation k = rate · yaw/25 - start, deform.ts) from outerFirstWindow,
 * blended by awayShare with the uniform switch its revealDir already carries (farBandClear.ts
 * bandClearRate: so a side barely turned away keeps about that rate, no jump at awayShare 0).
 * `sheetRing` maps a sheet vertex to [ray, ring].
 * Returns the start per vertex (0 where unchanged).
 */
export function clearBandOuterFirst(revealDir: Float32Array, band: Iterable<number>, sheetRing: Map<number, [number, number]>, awayShare: (side: number) => number, fullDeg: number, vertexCount: number): Float32Array {
  const start = new Float32Array(vertexCount);
  const byRay = new Map<string, { v: number; ring: number }[]>();
  for (const v of band) {
    const at = sheetRing.get(v), side = Math.sign(revealDir[v * 2]!);
    if (!at || side === 0 || awayShare(side) <= 0) continue;
    const key = `${side}:${at[0]}`;
    (byRay.get(key) ?? byRay.set(key, []).get(key)!).push({ v, ring: at[1] });
  }
  for (const [key, verts] of byRay) {
    const side = Number(key.split(':')[0]), w = awayShare(side);
    verts.sort((a, b) => b.ring - a.ring);
    verts.forEach(({ v }, i) => {
      const [t0, t1] = outerFirstWindow(i, verts.length, fullDeg);
      // blend the window with the vertex's uniform switch, [0, the turn its current rate clears by], by how
      // far the side counts as turned away (at awayShare 1 that rate is the away one, 25 / fullDeg)
      const uniformEnd = 25 / Math.abs(revealDir[v * 2]!);
      const s0 = w * t0, s1 = uniformEnd + w * (t1 - uniformEnd);
      revealDir[v * 2] = side * 25 / (s1 - s0);
      start[v] = s0 / (s1 - s0);
    });
  }
  return start;
}
