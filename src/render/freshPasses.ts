// A frame's skin passes start from the texture as built, so a frame looks the same whatever frames came before.
// The lid, brow, cheek and flank passes (faceTextures.ts updateFaceTextures) all write into one skin copy
// (lidSkin.data), each from its own snapshot of the photo, and each skips a frame when its own weight has not
// moved. Where two passes' texels overlap, one that rewrites its band wipes a later pass's texels, and the later
// pass, skipping, leaves them wiped: the render depended on the frame before. st_art_1 <- pcavs741 f18 (s46
// droop46): the lid band (blink .025 -> .009) rewrote the under-brow pass's uncovered skin with the painting's lid
// and lash texels; the under-brow pass (raise unchanged) skipped: a black "bar-code" comb and grey patches on
// the lids of a droopy-eyed driver, where a fresh renderer draws that frame clean.
// Here, before the passes run, the texels they own go back to the texture as built and each pass forgets what it
// last drew (SkinPass.restart), so every frame is drawn as a fresh renderer draws it (the passes' loops are small).
import type { FaceTextures } from './faceTextures.ts';

export const freshPassesSetting = { on: true };

/** A pass that writes into the skin copy (each skips a frame when its own weight has not moved since it last drew). */
export interface SkinPass {
  /** the byte offsets of the RGBA texels it writes */
  ownedTexels(): ArrayLike<number>[];
  /** forget what it last drew: its next update draws again */
  restart(): void;
}

/** The skin passes of a frame (faceTextures.ts updateFaceTextures runs them in this order, the flank first). */
function skinPasses(t: FaceTextures): SkinPass[] {
  return [t.flankLift, t.lidSkin, t.folds, t.underBrow, t.cheeks, t.lowerRim];
}

/**
 * The texels the passes own (byte offsets of RGBA texels in the skin copy) and their built values; `words`/`texels32`
 * the same as whole texels of a 4-byte aligned copy (one u32 store per texel instead of four byte stores, s50 speed50).
 */
interface Base { offsets: Int32Array; texels: Uint8ClampedArray; words: Int32Array | null; texels32: Uint32Array | null; data32: Uint32Array | null; of: Uint8ClampedArray }
const bases = new WeakMap<object, Base>();

/** Every texel offset a face pass writes (the mouth's lifts, placed later, are not among them). */
export function passOffsets(t: FaceTextures): Int32Array {
  const all = new Set<number>();
  const add = (px: ArrayLike<number> | undefined) => { if (px) for (let k = 0; k < px.length; k++) all.add(px[k]!); };
  for (const pass of skinPasses(t)) for (const px of pass.ownedTexels()) add(px);
  for (const { white } of t.lidWhites) add(white?.pixels);
  for (const band of t.lidBands) add(band?.offsets);
  return Int32Array.from(all).sort();
}

/** Restores the passes' texels and caches to their built state (call before the passes of each frame; the first call keeps the built state). */
export function startFresh(t: FaceTextures): void {
  if (!freshPassesSetting.on) return;
  const data = t.lidSkin.data;
  let base = bases.get(t);
  if (!base) {
    const offsets = passOffsets(t), texels = new Uint8ClampedArray(offsets.length * 4);
    offsets.forEach((o, k) => texels.set(data.subarray(o, o + 4), k * 4));
    // (texel offsets are multiples of 4: on an aligned buffer each texel is one u32)
    const aligned = data.byteOffset % 4 === 0 && data.length % 4 === 0 && offsets.every((o) => o % 4 === 0);
    bases.set(t, (base = aligned
      ? { offsets, texels, words: offsets.map((o) => o >> 2), texels32: new Uint32Array(texels.buffer), data32: new Uint32Array(data.buffer, data.byteOffset, data.length >> 2), of: data }
      : { offsets, texels, words: null, texels32: null, data32: null, of: data }));
    return;
  }
  const { offsets, texels, words, texels32, data32 } = base;
  if (words !== null && texels32 !== null && data32 !== null && base.of === data) {
    for (let k = 0; k < words.length; k++) data32[words[k]!] = texels32[k]!;
  } else {
    for (let k = 0; k < offsets.length; k++) {
      const o = offsets[k]!, m = k * 4;
      data[o] = texels[m]!; data[o + 1] = texels[m + 1]!; data[o + 2] = texels[m + 2]!; data[o + 3] = texels[m + 3]!;
    }
  }
  for (const pass of skinPasses(t)) pass.restart();
  t.lidBandShare[0] = 0; t.lidBandShare[1] = 0;
  for (const { white } of t.lidWhites) if (white) { white.closure = 0; white.last.fill(-1); }
}
