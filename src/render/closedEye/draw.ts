// Drawing a baked shut eye every frame: the patch placed by the eye's corners as rendered (so it
// turns, tilts and foreshortens with the head), its shut edge riding on the closing mesh lid while
// it fades in, blended "over" under anything in front of the eye.
import { PATCH_U0, PATCH_V0, PATCH_PPW, PATCH_W, PATCH_H, toImage, type EyeFrame } from './frame.ts';
import { lineAt } from './library.ts';
import { cellU, clamp01, sample, sampleScalar } from './grid.ts';
import type { Line } from './lids.ts';
import type { BakedEye } from './bake.ts';
import type { RasterTarget } from '../raster.ts';
import { smoothstep } from '../../math/smooth.ts';
import { eyeOpening, lidCover, midLidEdge, midLidShare } from './midLid.ts';
import { frameGain, frameMatchSetting } from './frameMatch.ts';

/**
 * Per patch column: where the shut lid's edge (its lash line) is drawn at fade `show`: on the closing
 * mesh lid's edge as rendered while the slit below it is still open (show 0, completion .85), moving
 * down with the fade onto the shut edge at show 1, fast at first (ease-out: at completion .95 the
 * slit is a ninth of the mesh lid's). Before s26 it rode the mesh lid until show .7 and
 * settled only over the last .3 (completion .955-1), while the slit under it took the patch's skin at
 * show: on a photo whose mesh lid stops well above the lower lid (the cartoon lp_s7: the eyeball still
 * shows under the mesh lid at blink 1) the lid was pale and translucent with the iris through it at
 * .9-.95 (docs/review/lead-s25-lp_s7-mt_sun.jpg, 11.3 s). Now the lid comes down, opaque, and the slit
 * under it is the eyeball in the lid's shadow, closing.
 */
export function drawnEdge(eye: BakedEye, lidNow: Line, show: number): Float32Array {
  const edgeV = new Float32Array(PATCH_W);
  for (let c = 0; c < PATCH_W; c++) {
    const now = lineAt(lidNow, clamp01(cellU(c)));
    const shut = eye.shutV[c]!;
    // only upward of the shut edge and below the crease (a lid that is not yet down)
    const e = Math.min(shut, Math.max(eye.creaseV[c]! + 0.02, now));
    // written from the shut edge, as before s26, so the held slit (show 0) renders byte-identical
    edgeV[c] = shut + (1 - show) ** 2 * (e - shut);
  }
  return edgeV;
}

/**
 * Where to sample the baked eye (v) for drawn position v, when its shut edge (shut) is drawn at
 * edge: the lid, crease..edge, maps to crease..shut; elsewhere unchanged (below the shut edge the
 * lower lid stays where it is; the slit between edge and shut is not sampled).
 */
function warpV(v: number, crease: number, edge: number, shut: number): number {
  if (edge === shut || v <= crease || v > edge) return v;
  return crease + ((v - crease) * (shut - crease)) / Math.max(1e-4, edge - crease);
}

/** The pixel box (inclusive, within the target) the patch covers in frame f. */
function patchBox(f: EyeFrame, width: number, height: number): { x0: number; x1: number; y0: number; y1: number } {
  const u1 = PATCH_U0 + PATCH_W / PATCH_PPW, v1 = PATCH_V0 + PATCH_H / PATCH_PPW;
  const corners = [[PATCH_U0, PATCH_V0], [u1, PATCH_V0], [PATCH_U0, v1], [u1, v1]].map(([u, v]) => toImage(f, u!, v!));
  const xs = corners.map((p) => p[0]), ys = corners.map((p) => p[1]);
  return {
    x0: Math.max(0, Math.floor(Math.min(...xs))), x1: Math.min(width - 1, Math.ceil(Math.max(...xs))),
    y0: Math.max(0, Math.floor(Math.min(...ys))), y1: Math.min(height - 1, Math.ceil(Math.max(...ys))),
  };
}

/** Premultiplied "over" of RGB px at coverage m onto a packed RGBA pixel (also fills a pinhole the closing lid's triangles left). */
function blendOver(c: number, px: Float32Array, m: number): number {
  const j = 1 - m;
  const r = (c & 255) * j + px[0]! * m, g = ((c >>> 8) & 255) * j + px[1]! * m, b = ((c >>> 16) & 255) * j + px[2]! * m;
  const a = (c >>> 24) * j + 255 * m;
  return ((Math.round(a) << 24) | (Math.round(b) << 16) | (Math.round(g) << 8) | Math.round(r)) >>> 0;
}

/**
 * A closing eye's last gap (between the lid's edge and the lower lid) is the lid's shadow and its
 * lashes, not the white: where the gap is under GAP_SHADOW[0] eye widths it takes the lash line's
 * colour at GAP_SHADOW_MAX, fading out by a gap of GAP_SHADOW[1]. Without it the patch's lower-lid
 * skin, blended in at the fade over the white, left a pale sliver under the lid (Obama's blink, the
 * critic's s1v #82: read back .20 against his own .08).
 */
const GAP_SHADOW = [0.04, 0.12] as const, GAP_SHADOW_MAX = 0.9;

/** The lid's shadow over a gap this tall (eye widths) under a closing lid. */
export function gapShadow(gap: number): number {
  return GAP_SHADOW_MAX * (1 - smoothstep(GAP_SHADOW[0], GAP_SHADOW[1], gap));
}

/**
 * A bench's view of what drawEye drew (bench/shutSeam.ts), handed in with the frame's render options and reaching
 * drawEye on its target (RasterTarget.shutEyeProbe; never set in the product): per target pixel the coverage the shut
 * eye was blended at and which eye (its index in frames, plus 1), and the frame of each eye drawn, in drawing order.
 */
export interface ShutEyeProbe { cover?: Float32Array; eye?: Uint8Array; frames?: EyeFrame[] }
const NO_PROBE: ShutEyeProbe = {};

/** Over this many eye widths at the drawn edge the lid's fade (showLid) goes over to the open part's (show). */
const EDGE_SOFT = 0.03;
/** The drawn lid covers the eyeball past the mesh lid's edge fully once the fade below the lid (show) reaches this. */
const COVER_BY = 0.1;

/**
 * Blends one baked eye into the target in eye frame f at fade `show`, over surfaces no nearer than
 * nearIz (1/z). Its lid comes down from the rendered lid's edge lidNow to the shut edge as show goes
 * 0 -> 1 (drawnEdge): over the mesh lid at fade showLid (>= show), past it (over the eyeball) whole;
 * the slit still open under it is left to the eyeball, in the lid's shadow; the lower lid at show,
 * but whole over the eyeball (surfaces farther than eyeballIz, 1/z): a painted white that reaches
 * below the lower lid line (lp_s7) is not seen through it. midClosure: the blink's completion for the
 * mid-blink lid (midLid.ts; 0 none): the shut eye's lid over the lowering mesh lid by its cover. frameMatch: the share
 * (0..1) of the frame's change round the lid the lid takes (frameMatch.ts; 0 as baked). strip: per patch cell, the
 * painted eye under the mesh's lower lid (paintedStrip.ts), covered by the lower lid as the eyeball is, by its share.
 */
export function drawEye(t: RasterTarget, eye: BakedEye, f: EyeFrame, show: number, nearIz: number, lidNow: Line, showLid = show, eyeballIz = 0, midClosure = 0, frameMatch = 0, strip: Float32Array | null = null): void {
  const edgeV = drawnEdge(eye, lidNow, show);
  // the bench's probe (RenderOptions.shutEyeProbe), if any: read here, the pixel loop checks a local
  const drawProbe = t.shutEyeProbe ?? NO_PROBE, probeCover = drawProbe.cover, probeEye = drawProbe.eye;
  // per column, the shadow over the gap still open under the drawn edge, coming in with the shut
  // eye below the edge (show): whole from the lid's first show, it filled a held slit (weight .8-.9,
  // a wink's other eye) with the lash colour, a line with no iris (wink20)
  const gapShade = new Float32Array(PATCH_W), meshEdge = new Float32Array(PATCH_W), midLid = new Float32Array(PATCH_W);
  const opening = midClosure > 0 ? eyeOpening(eye.openV, eye.shutV) : 0;
  for (let c = 0; c < PATCH_W; c++) {
    gapShade[c] = gapShadow(eye.shutV[c]! - edgeV[c]!) * Math.min(1, 2 * show);
    meshEdge[c] = Math.min(eye.shutV[c]!, lineAt(lidNow, clamp01(cellU(c))));
    // the mid-blink lid by how far this column's lid has come down (midLid.ts)
    if (midClosure > 0) midLid[c] = midLidShare(midClosure, lidCover(meshEdge[c]!, eye.openV[c]!, opening));
  }
  const cover = Math.min(1, show / COVER_BY), pixel = 1 / f.width;
  const { x0, x1, y0, y1 } = patchBox(f, t.width, t.height);
  const color = t.color, depth = t.depth, W = t.width;
  const px = new Float32Array(3);
  // the lid toward the skin this frame shows round it, read before the lid is drawn (frameMatch.ts)
  const gain = frameMatchSetting.on && frameMatch > 0 ? frameGain(t, eye.photoLuma, eye.mask, eye.shutV, f, nearIz, eye.rgb) : null;
  drawProbe.frames?.push(f);
  // frame.ts toEye spelled out on locals, the same arithmetic: its [u, v] pair was allocated per pixel (s59 speed59)
  const fox = f.ox, foy = f.oy, fux = f.ux, fuy = f.uy, fvx = f.vx, fvy = f.vy, w2 = f.width * f.width;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const row = y * W + x;
      if (depth[row]! > nearIz) continue;
      const ex = x + 0.5 - fox, ey = y + 0.5 - foy;
      const u = (ex * fux + ey * fuy) / w2, v = (ex * fvx + ey * fvy) / w2;
      const gx = (u - PATCH_U0) * PATCH_PPW;
      const col = Math.min(PATCH_W - 1, Math.max(0, Math.floor(gx)));
      const edge = edgeV[col]!, shut = eye.shutV[col]!;
      // a pixel in the slit (edge..shut) takes the lid above its middle, the lower lid below it, each by
      // the share of the pixel outside the slit: a slit thinner than a pixel is a dark line, not beads
      const lidSide = v <= (edge + shut) / 2;
      const at = lidSide ? Math.min(v, edge) : Math.max(v, shut);
      const gy = (warpV(at, eye.creaseV[col]!, edge, shut) - PATCH_V0) * PATCH_PPW;
      if (gx < 0.5 || gy < 0.5 || gx > PATCH_W - 0.5 || gy > PATCH_H - 0.5) continue;
      const mask = sampleScalar(eye.mask, PATCH_W, PATCH_H, gx, gy);
      // the share of the pixel over the still open slit (none while the slit is held, show 0)
      const open = shut > edge ? cover * Math.min(1, Math.max(0, (Math.min(v + pixel / 2, shut) - Math.max(v - pixel / 2, edge)) / pixel)) : 0;
      let m = 0;
      if (lidSide && (v <= edge || open > 0)) {
        // the lid at its own fade, going over to the open part's toward the edge; past the mesh lid's
        // edge (over the eyeball) whole as it comes down
        const nearEdge = 1 - smoothstep(-EDGE_SOFT, 0, at - edge);
        const lidShare = showLid > show ? nearEdge : 0;
        // the mid-blink lid (midLid.ts), over the mesh lid only
        const faded = Math.max(show + lidShare * (showLid - show), midLid[col]! > 0 ? midLid[col]! * midLidEdge(at, edge, u) : 0);
        m = mask * (faded + (1 - faded) * cover * smoothstep(-EDGE_SOFT, 0, at - meshEdge[col]!));
      } else if (!lidSide && (v >= shut || open > 0)) {
        // below the shut edge, the lower lid at the fade below the lid; over the eyeball whole as the lid comes down
        // (and over a painted eye's strip under the mesh's lower lid, by its share: not its white through a faint lid)
        const eyeball = depth[row]! < eyeballIz ? 1 : strip ? sampleScalar(strip, PATCH_W, PATCH_H, gx, gy) : 0;
        m = mask * (eyeball > 0 ? show + (1 - show) * cover * eyeball : show);
      }
      m *= 1 - open;
      // over the slit: the lid's shadow (the lash line's colour) on the eyeball
      const shadow = gapShade[col]! * mask * open;
      if (m <= 0.002 && shadow <= 0.002) continue;
      sample(eye.rgb, PATCH_W, PATCH_H, gx, gy, px, 0);
      if (gain) {
        const k = 1 + frameMatch * (sampleScalar(gain, PATCH_W, PATCH_H, gx, gy) - 1);
        for (let ch = 0; ch < 3; ch++) px[ch] = Math.min(255, px[ch]! * k);
      }
      if (shadow > 0.002) {
        const lash = col * 3, k = shadow / (m + shadow);
        for (let ch = 0; ch < 3; ch++) px[ch] = (1 - k) * px[ch]! + k * eye.lashRgb[lash + ch]!;
        m += shadow;
      }
      if (probeCover) { probeCover[row] = m; probeEye![row] = drawProbe.frames?.length ?? 0; }
      color[row] = blendOver(color[row]!, px, m);
    }
  }
}
