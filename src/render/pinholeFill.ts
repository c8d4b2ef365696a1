// One-pixel holes in the person layer on turns and nods (issue #15, s37 edge37).
//
// The head sheet's rings beside a turned photo's far cheek are folded under the face mesh at the
// photo's pose (avatar/sheetFold.ts): their texture runs out to the clear matte past the cheek while
// the face covers them. On a nod or turn the face's outline and the fold move apart by a fraction of
// a pixel, and where the fold's triangle pokes out by one pixel it shows its clear texel: a pixel of
// alpha ~.3 inside opaque skin, a dark dot over the backdrop (lp_s10 + eng.wav f141-142, pitch -8°,
// at the far cheek by the mouth corner). A pixel of the layer much more transparent than both of its
// neighbours on a row or a column, both opaque, is such a hole: it takes their mean. A real gap (a
// strand's edge, the outline) is wider than one pixel or has a clear side, so is never touched. Only
// round the face (its mesh's box, widened): a whole-frame pass cost .8 ms a frame (6 % of a render), and
// one-pixel holes of the photo's own matte elsewhere (lp_s42's hair edge) are kept as at rest.

/** Pixel bounds, inclusive. */
export interface PixelBox { x0: number; y0: number; x1: number; y1: number }

/** How far past the face mesh's bounding box (a share of its width) holes are looked for: the fold lies under the face's outline. */
export const FACE_BOX_MARGIN = 0.1;

/** The face mesh's bounding box in the frame (the first `count` projected vertices), widened by FACE_BOX_MARGIN of its width. */
export function faceBox(x: Float32Array | Float64Array, y: Float32Array | Float64Array, count: number): PixelBox {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (let v = 0; v < count; v++) {
    const px = x[v]!, py = y[v]!;
    if (px < x0) x0 = px;
    if (px > x1) x1 = px;
    if (py < y0) y0 = py;
    if (py > y1) y1 = py;
  }
  const m = FACE_BOX_MARGIN * (x1 - x0);
  return { x0: Math.floor(x0 - m), y0: Math.floor(y0 - m), x1: Math.ceil(x1 + m), y1: Math.ceil(y1 + m) };
}

/** Both neighbours at least this opaque (alpha, 0-255). */
export const HOLE_NEIGHBOUR_ALPHA = 192;
/** ... and at least this much more opaque than the pixel. */
export const HOLE_DEPTH = 96;

/** Whether a pixel of alpha `a` between neighbours of alpha `p` and `q` on one line is a pinhole. */
export function isPinhole(a: number, p: number, q: number): boolean {
  return p >= HOLE_NEIGHBOUR_ALPHA && q >= HOLE_NEIGHBOUR_ALPHA && p - a >= HOLE_DEPTH && q - a >= HOLE_DEPTH;
}

/** The mean of two packed premultiplied RGBA colours, per channel. */
function meanColor(c: number, d: number): number {
  return ((((c & 0xff) + (d & 0xff)) >>> 1)
    | ((((c >>> 8) & 0xff) + ((d >>> 8) & 0xff)) >>> 1) << 8
    | ((((c >>> 16) & 0xff) + ((d >>> 16) & 0xff)) >>> 1) << 16
    | (((c >>> 24) + (d >>> 24)) >>> 1) << 24) >>> 0;
}

/**
 * In place on packed premultiplied colours (alpha in the top byte), W x H: fills each pinhole
 * (isPinhole along its row, else its column) with the mean of that pair of neighbours, within `box`
 * (pixel bounds, inclusive; the whole frame without one). Reads the layer as it was (a filled hole
 * never makes its neighbour one). Returns how many were filled.
 */
export function fillPinholes(color: Uint32Array, W: number, H: number, box?: PixelBox): number {
  const fills: number[] = [];
  const x0 = Math.max(1, box?.x0 ?? 1), x1 = Math.min(W - 2, box?.x1 ?? W - 2);
  const y0 = Math.max(1, box?.y0 ?? 1), y1 = Math.min(H - 2, box?.y1 ?? H - 2);
  for (let y = y0; y <= y1; y++) {
    for (let x = x0, i = y * W + x0; x <= x1; x++, i++) {
      const a = color[i]! >>> 24;
      if (a >= HOLE_NEIGHBOUR_ALPHA - HOLE_DEPTH) continue;
      const l = color[i - 1]!, r = color[i + 1]!;
      if (isPinhole(a, l >>> 24, r >>> 24)) { fills.push(i, meanColor(l, r)); continue; }
      const u = color[i - W]!, d = color[i + W]!;
      if (isPinhole(a, u >>> 24, d >>> 24)) fills.push(i, meanColor(u, d));
    }
  }
  for (let k = 0; k < fills.length; k += 2) color[fills[k]!] = fills[k + 1]!;
  return fills.length / 2;
}
