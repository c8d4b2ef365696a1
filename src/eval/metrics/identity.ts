// Identity: CSIM, the cosine similarity of two face-recognition embeddings.

/** Cosine similarity of two embeddings (-1..1; 1 = same direction). NaN if either is empty or zero. */
export function cosineSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  if (n === 0 || a.length !== b.length) return NaN;
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < n; i++) {
    ab += a[i]! * b[i]!;
    aa += a[i]! * a[i]!;
    bb += b[i]! * b[i]!;
  }
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : NaN;
}

/** CSIM: the identity similarity of two face embeddings (cosine). */
export const csim = cosineSimilarity;
