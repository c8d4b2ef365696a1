// The steps of exemplar synthesis on one pyramid level (synthesis.ts drives them coarse to fine):
// the patch distance, the border-inward first fill of the coarsest level (onion peel), the
// PatchMatch search (propagation + random search) and the voting that turns matches into colours.
//
// Re-use penalty: left alone, every hole pixel takes its best match, and a hole much larger than
// its source (a tight crop, a person filling the frame) copies the same few best-fitting source
// patches again and again: the eye sees repeated blocks (grass, foliage, a knit row). Each source
// centre counts how many hole pixels copy it now, and a candidate costs `reuse` more per other
// copier (coherent copies of a region use each source pixel once, so they are not penalised;
// copying one region to two places is). This spreads the copies over the whole source. It is
// scaled by the source patch's texture: a plain backdrop's patches repeat unseen, and forcing
// other, slightly differently shaded ones there only draws blotches.

export interface Level {
  w: number;
  h: number;
  /** RGB, 3 floats per pixel */
  colour: Float32Array;
  hole: Uint8Array;
  source: Uint8Array;
  /** G floats per pixel, known everywhere */
  guide: Float32Array;
}

/** What a match costs on one level. */
export interface MatchCost {
  /** patch radius */
  r: number;
  /** guide channels per pixel */
  G: number;
  /** weight per pixel of vertical distance between target and source (keeps sky up, ground down) */
  pw: number;
  /** penalty per other hole pixel copying the same source centre, per patch pixel (colour SSD units) */
  reuse: number;
  /** copies past this many add no more penalty: a patch of the right kind (hair for a hair cap) used many times beats a patch of the wrong kind (an ear) */
  reuseCap: number;
  /** per source centre, 0..1: how visible a repeat of it would be (its texture); flat patches repeat unseen */
  reuseScale: Float32Array;
}

/**
 * Squared difference between the patches at target t and source s: colour + guide + the height
 * term. With `known`, colour counts only at known target pixels and the result is per known pixel
 * (a patch with few known pixels is not favoured); without, it stops early past `limit`.
 */
export function patchDistance(L: Level, t: number, s: number, c: MatchCost, limit = Infinity, known?: Uint8Array): number {
  const { w, h, colour: col, guide: gd } = L;
  const { r, G } = c;
  const tx = t % w, ty = (t - tx) / w, sx = s % w, sy = (s - sx) / w;
  const dyPos = (ty - sy) * c.pw;
  let d = dyPos * dyPos * (2 * r + 1) * (2 * r + 1), n = 0;
  for (let dy = -r; dy <= r; dy++) {
    const y = ty + dy;
    if (y < 0 || y >= h) continue;
    for (let dx = -r; dx <= r; dx++) {
      const x = tx + dx;
      if (x < 0 || x >= w) continue;
      const a = y * w + x, b = (sy + dy) * w + sx + dx;
      for (let g = 0; g < G; g++) { const e = gd[a * G + g]! - gd[b * G + g]!; d += e * e; }
      if (known && !known[a]) continue;
      const e0 = col[a * 3]! - col[b * 3]!, e1 = col[a * 3 + 1]! - col[b * 3 + 1]!, e2 = col[a * 3 + 2]! - col[b * 3 + 2]!;
      d += e0 * e0 + e1 * e1 + e2 * e2;
      n++;
    }
    if (!known && d > limit) return d;
  }
  return known ? (n > 0 ? d / n : d) : d;
}

/** How many hole pixels copy each source centre (nnf entries of hole pixels). */
export function usageOf(L: Level, nnf: Int32Array): Int32Array {
  const used = new Int32Array(L.w * L.h);
  for (let i = 0; i < nnf.length; i++) if (L.hole[i] && nnf[i]! >= 0) used[nnf[i]!]!++;
  return used;
}

/**
 * Coarsest level: fills the hole from its border inward, a ring at a time; each pixel takes the
 * centre of the source patch that best matches its already known neighbours (over the valid
 * centres, or an evenly spread subset when there are many). Texture and outlines grow in from the
 * border instead of a smooth guess that the search would then happily match with smooth patches.
 */
export function onionPeel(L: Level, nnf: Int32Array, valid: Int32Array, c: MatchCost): void {
  const { w, h } = L;
  const known = new Uint8Array(w * h);
  const used = new Int32Array(w * h);
  let left = 0;
  for (let i = 0; i < known.length; i++) { known[i] = L.hole[i] ? 0 : 1; if (!known[i]) left++; }
  const ring: number[] = [];
  while (left > 0) {
    ring.length = 0;
    for (let i = 0; i < known.length; i++) if (!known[i] && touchesKnown(known, w, h, i)) ring.push(i);
    if (ring.length === 0) break;
    for (const t of ring) {
      let best = valid[0]!, bestD = Infinity;
      const stride = Math.max(1, Math.floor(valid.length / Math.max(24, Math.min(400, 3e6 / (left + 1)))));
      for (let k = (t * 7919) % stride; k < valid.length; k += stride) {
        const s = valid[k]!;
        const score = patchDistance(L, t, s, c, Infinity, known) + c.reuse * c.reuseScale[s]! * Math.min(c.reuseCap, used[s]!);
        if (score < bestD) { bestD = score; best = s; }
      }
      nnf[t] = best;
      used[best]!++;
      for (let ch = 0; ch < 3; ch++) L.colour[t * 3 + ch] = L.colour[best * 3 + ch]!;
    }
    for (const t of ring) { known[t] = 1; left--; }
  }
}

function touchesKnown(known: Uint8Array, w: number, h: number, i: number): boolean {
  const x = i % w, y = (i - x) / w;
  for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
    const xx = x + dx, yy = y + dy;
    if (xx >= 0 && yy >= 0 && xx < w && yy < h && known[yy * w + xx]) return true;
  }
  return false;
}

/** PatchMatch: one forward and one backward sweep of propagation and random search. */
export function search(L: Level, nnf: Int32Array, active: Int32Array, valid: Int32Array, c: MatchCost, random: () => number, tries: number): void {
  const { w, h } = L;
  const ok = new Uint8Array(w * h);
  for (const v of valid) ok[v] = 1;
  const used = usageOf(L, nnf);
  const area = (2 * c.r + 1) ** 2;
  // the penalty for copying source s, not counting target t's own current copy
  const penalty = (t: number, s: number) => c.reuse * c.reuseScale[s]! * area * Math.min(c.reuseCap, Math.max(0, used[s]! - (L.hole[t] && nnf[t] === s ? 1 : 0)));
  const cost = new Float64Array(w * h);
  for (const t of active) cost[t] = patchDistance(L, t, nnf[t]!, c) + penalty(t, nnf[t]!);
  const tryCandidate = (t: number, cand: number, best: { s: number; d: number }) => {
    if (cand < 0 || cand >= w * h || !ok[cand] || cand === best.s) return;
    const p = penalty(t, cand);
    if (p >= best.d) return;
    const d = patchDistance(L, t, cand, c, best.d - p) + p;
    if (d < best.d) { best.d = d; best.s = cand; }
  };
  for (let pass = 0; pass < 2; pass++) {
    const step = pass === 0 ? 1 : -1;
    for (let k = pass === 0 ? 0 : active.length - 1; k >= 0 && k < active.length; k += step) {
      const t = active[k]!;
      const tx = t % w;
      const best = { s: nnf[t]!, d: cost[t]! };
      // propagation from the left/up (forward) or right/down (backward) neighbour
      for (const nb of [t - step, t - step * w]) {
        if (nb < 0 || nb >= w * h || nnf[nb]! < 0) continue;
        if (step === 1 ? nb === t - 1 && tx === 0 : nb === t + 1 && tx === w - 1) continue;
        tryCandidate(t, nnf[nb]! + (t - nb), best);
      }
      // random search around the current best, halving the radius
      const bx = best.s % w, by = (best.s - bx) / w;
      for (let radius = Math.max(w, h), n = 0; radius >= 1 && n < tries; radius >>= 1, n++) {
        const cx = Math.round(bx + (random() * 2 - 1) * radius), cy = Math.round(by + (random() * 2 - 1) * radius);
        if (cx < c.r || cy < c.r || cx >= w - c.r || cy >= h - c.r) continue;
        tryCandidate(t, cy * w + cx, best);
      }
      if (best.s !== nnf[t] && L.hole[t]) { used[nnf[t]!]!--; used[best.s]!++; }
      nnf[t] = best.s;
      cost[t] = best.d;
    }
  }
}

/**
 * Voting: each hole pixel becomes the average of what the patches covering it copy there. On the
 * last pass of the finest level only each pixel's own match counts (no averaging: crisp texture).
 */
export function vote(L: Level, nnf: Int32Array, active: Int32Array, r: number, centreOnly: boolean): void {
  const { w, h } = L;
  if (centreOnly) {
    for (const t of active) {
      if (!L.hole[t]) continue;
      const s = nnf[t]!;
      for (let c = 0; c < 3; c++) L.colour[t * 3 + c] = L.colour[s * 3 + c]!;
    }
    return;
  }
  const acc = new Float32Array(w * h * 3), wsum = new Float32Array(w * h);
  for (const t of active) {
    const s = nnf[t]!;
    const tx = t % w, ty = (t - tx) / w;
    for (let dy = -r; dy <= r; dy++) {
      const y = ty + dy;
      if (y < 0 || y >= h) continue;
      for (let dx = -r; dx <= r; dx++) {
        const x = tx + dx;
        if (x < 0 || x >= w) continue;
        const a = y * w + x;
        if (!L.hole[a]) continue;
        const b = s + dy * w + dx;
        acc[a * 3] += L.colour[b * 3]!; acc[a * 3 + 1] += L.colour[b * 3 + 1]!; acc[a * 3 + 2] += L.colour[b * 3 + 2]!;
        wsum[a]! += 1;
      }
    }
  }
  for (let i = 0; i < w * h; i++) if (L.hole[i] && wsum[i]! > 0) for (let c = 0; c < 3; c++) L.colour[i * 3 + c] = acc[i * 3 + c]! / wsum[i]!;
}
