// The driver's camera as the scene around the head shows it: how the background and the shoulders (everything
// outside the head and its hair) move from the first frame on. A camera that drifts, pans or zooms
// moves the whole frame (background, shoulders and head together); a speaker's own lean or bob moves the head over
// still shoulders and background. So the head's translation less the scene's is the head's own (steadyCamera.ts
// withoutCamera), where drift54's running median (steadyCamera.ts withoutDrift) also took a still camera's lean.
// Pure: small grey frames in, one shift per frame out, fitted by Gauss-Newton on the grey levels (a direct image
// alignment, with the light's offset) with robust weights, so a hand, the hair's swing or a caption appearing in
// the scene counts for little. A zoom is not read: a scale term fitted beside the shift was noise off a scene seen on
// one side of the head (a jacket's outline: vrt4 .95 where the jacket's width says .98).

/** One small grey frame (light 0..255, row-major). */
export interface GreyFrame { width: number; height: number; data: Float32Array }

/** The head and its hair in a frame, in that frame's pixels: nothing inside it is scene. */
export interface HeadBox { x0: number; y0: number; x1: number; y1: number }

/**
 * Per frame, where the first frame's scene went: a point p of the first frame is seen at p + (dx, dy), in the grey
 * frames' pixels. `textured`: the share of the first frame's pixels that are scene
 * with an edge to follow (a light gradient of TEXTURED_GRADIENT or more): a flat wall, or a head filling the frame, gives
 * little or nothing. `lost`: the share of frames whose fit kept less than half the scene a still camera would keep in
 * view (a fit run off to a wrong place: christie_6's zoom and caption bar, where the fit slid .115 face widths and stuck).
 */
export interface ScenePath { dx: Float64Array; dy: Float64Array; textured: number; lost: number }

/** Grey levels per pixel (at the 128 px grey frame): a gradient that is an edge, not noise or a soft shade. */
export const TEXTURED_GRADIENT = 6;

/** The share of `f`'s pixels outside `head` (and 2 px in from the border) whose light gradient is an edge. */
export function texturedShare(f: GreyFrame, head: HeadBox | null): number {
  const [gx, gy] = gradients(f);
  let n = 0;
  for (let y = 2; y < f.height - 2; y++) for (let x = 2; x < f.width - 2; x++) {
    const k = y * f.width + x;
    if (!inside(head, x, y) && Math.hypot(gx.data[k]!, gy.data[k]!) >= TEXTURED_GRADIENT) n++;
  }
  return n / (f.width * f.height);
}

/**
 * The head box of a face whose landmarks span x0..x1, y0 (forehead) ..y1 (chin): its hair above and beside it, its
 * neck and collar under it (down one face height: with .45 the neck's skin and shade pulled vrt4's scene along with a
 * nod, the jacket's outline .02-.03 face widths off where its edges say; with 1, within about .015).
 */
export function headBoxOf(x0: number, y0: number, x1: number, y1: number): HeadBox {
  const w = x1 - x0, h = y1 - y0;
  return { x0: x0 - 0.5 * w, x1: x1 + 0.5 * w, y0: y0 - 0.7 * h, y1: y1 + h };
}

/** The frame at half the size (2x2 means), for the coarse pass. */
export function halved(f: GreyFrame): GreyFrame {
  const width = Math.floor(f.width / 2), height = Math.floor(f.height / 2), data = new Float32Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) {
    const k = 2 * y * f.width + 2 * x;
    data[y * width + x] = (f.data[k]! + f.data[k + 1]! + f.data[k + f.width]! + f.data[k + f.width + 1]!) / 4;
  }
  return { width, height, data };
}

/** Central-difference gradients of a frame. */
function gradients(f: GreyFrame): [GreyFrame, GreyFrame] {
  const gx = new Float32Array(f.data.length), gy = new Float32Array(f.data.length), w = f.width;
  for (let y = 1; y < f.height - 1; y++) for (let x = 1; x < w - 1; x++) {
    const k = y * w + x;
    gx[k] = (f.data[k + 1]! - f.data[k - 1]!) / 2;
    gy[k] = (f.data[k + w]! - f.data[k - w]!) / 2;
  }
  return [{ ...f, data: gx }, { ...f, data: gy }];
}

/**
 * The still camera's weight against the scene's evidence, in the fit's robust residual variances (grey levels^2 per
 * px^2 of shift): a shift the scene hardly constrains stays near 0. dfrf_french's curtain of vertical stripes read a
 * dy of .053 face widths where the strips beside the head do not move (0 px at 512): .021 with 300; vrt4's jacket
 * sway at f90 -.115 -> -.111 (1500: -.063, too strong).
 */
export const STILL_PRIOR = 300;

const inside = (b: HeadBox | null, x: number, y: number) => !!b && x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1;
const scaled = (b: HeadBox | null, k: number): HeadBox | null => b && { x0: b.x0 * k, y0: b.y0 * k, x1: b.x1 * k, y1: b.y1 * k };

/** Parameters of one frame's fit: the shift, and the light's offset (an exposure change is not a move). */
type Fit = [number, number, number];

/**
 * Gauss-Newton steps of the shift carrying `ref`'s scene onto `cur` from `start`: the light residual's
 * weighted least squares over the reference's scene pixels (outside both frames' heads and 2 px in from the border),
 * Huber weights against its median absolute residual. Returns the fit and how many scene pixels its last step used.
 */
function align(ref: GreyFrame, cur: GreyFrame, curGrad: [GreyFrame, GreyFrame], headRef: HeadBox | null, headCur: HeadBox | null, start: Fit, iterations: number): { fit: Fit; count: number } {
  const p: Fit = [...start];
  const W = ref.width, I0 = ref.data, I1 = cur.data, GX = curGrad[0].data, GY = curGrad[1].data;
  const res = new Float32Array(W * ref.height), H = new Float64Array(9), b = new Float64Array(3), J = new Float64Array(3);
  let sigma = 8, used = 0;
  for (let it = 0; it < iterations; it++) {
    H.fill(0); b.fill(0);
    let count = 0;
    const k = 1.345 * sigma;
    for (let y = 2; y < ref.height - 2; y++) for (let x = 2; x < W - 2; x++) {
      if (inside(headRef, x, y)) continue;
      const u = x + p[0], v = y + p[1];
      if (!(u >= 0 && v >= 0 && u < W - 1 && v < cur.height - 1) || inside(headCur, u, v)) continue;
      // bilinear light and gradient at (u, v)
      const x0 = Math.floor(u), y0 = Math.floor(v), ax = u - x0, ay = v - y0, q = y0 * W + x0;
      const w00 = (1 - ax) * (1 - ay), w10 = ax * (1 - ay), w01 = (1 - ax) * ay, w11 = ax * ay;
      const I = w00 * I1[q]! + w10 * I1[q + 1]! + w01 * I1[q + W]! + w11 * I1[q + W + 1]!;
      const gx = w00 * GX[q]! + w10 * GX[q + 1]! + w01 * GX[q + W]! + w11 * GX[q + W + 1]!;
      const gy = w00 * GY[q]! + w10 * GY[q + 1]! + w01 * GY[q + W]! + w11 * GY[q + W + 1]!;
      const r = I - I0[y * W + x]! - p[2];
      const a = Math.abs(r), w = a <= k ? 1 : k / a;
      res[count++] = a;
      J[0] = gx; J[1] = gy; J[2] = -1;
      for (let i = 0; i < 3; i++) { const wi = w * J[i]!; b[i] += wi * r; for (let j = i; j < 3; j++) H[i * 3 + j] += wi * J[j]!; }
    }
    used = count;
    if (count < 50) break;
    for (let i = 0; i < 3; i++) for (let j = 0; j < i; j++) H[i * 3 + j] = H[j * 3 + i]!;
    // a still camera unless the scene says otherwise (STILL_PRIOR)
    const prior = STILL_PRIOR * sigma * sigma;
    H[0] += prior; H[4] += prior; b[0] += prior * p[0]; b[1] += prior * p[1];
    sigma = Math.max(2, 1.4826 * quickMedian(res.subarray(0, count)));
    const step = solve3(H, b);
    if (!step) break;
    // (steps no longer than 1 px: a far minimum is a wrong one)
    const long = Math.max(Math.abs(step[0]!), Math.abs(step[1]!), 1);
    p[0] -= step[0]! / long; p[1] -= step[1]! / long; p[2] -= step[2]!;
    if (Math.abs(step[0]!) + Math.abs(step[1]!) < 0.01) break;
  }
  return { fit: p, count: used };
}

/** The median of a scratch array (sorted in place). */
function quickMedian(a: Float32Array): number {
  a.sort();
  return a[a.length >> 1]!;
}

/** The 3x3 system H x = b (Gaussian elimination with partial pivoting; null when singular). */
export function solve3(H: Float64Array, b: Float64Array): number[] | null {
  const n = 3, A = Array.from({ length: n }, (_, i) => [...H.slice(i * n, i * n + n), b[i]!]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(A[r]![c]!) > Math.abs(A[piv]![c]!)) piv = r;
    if (Math.abs(A[piv]![c]!) < 1e-9) return null;
    [A[c], A[piv]] = [A[piv]!, A[c]!];
    for (let r = 0; r < n; r++) if (r !== c) { const f = A[r]![c]! / A[c]![c]!; for (let k = c; k <= n; k++) A[r]![k] -= f * A[c]![k]!; }
  }
  return A.map((row, i) => row[n]! / row[i]!);
}

/**
 * The scene's path, one frame at a time (only the reference and the current frame are kept, so a long video's grey
 * frames need not all be held): against the first frame whose head is known (a null head: the face was not found
 * there, and the previous frame's head is kept out). Each frame starts from the previous frame's fit, coarse (half
 * size) then fine. Frames before the first known head read as still.
 */
export class SceneReader {
  private ref?: { full: GreyFrame; half: GreyFrame; head: HeadBox };
  private fit: Fit = [0, 0, 0];
  private head: HeadBox | null = null;
  private lost = 0;
  private readonly dx: number[] = [];
  private readonly dy: number[] = [];
  /** the reference frame's textured share (texturedShare; 0 until a head is known) */
  textured = 0;

  /** whether the reference frame (the first with a head) has been seen */
  get started(): boolean {
    return !!this.ref;
  }

  push(cur: GreyFrame, head: HeadBox | null): void {
    this.head = head ?? this.head;
    const ref = this.ref;
    if (!ref) {
      if (this.head) {
        this.ref = { full: cur, half: halved(cur), head: this.head };
        this.textured = texturedShare(cur, this.head);
      }
      this.dx.push(0); this.dy.push(0);
      return;
    }
    const half = halved(cur), now = this.head!;
    const coarse = align(ref.half, half, gradients(half), scaled(ref.head, 0.5), scaled(now, 0.5), [this.fit[0] / 2, this.fit[1] / 2, this.fit[2]], 8).fit;
    const fine = align(ref.full, cur, gradients(cur), ref.head, now, [coarse[0] * 2, coarse[1] * 2, coarse[2]], 6);
    this.fit = fine.fit;
    // (against the scene a still camera would leave in view beside this frame's head: a head that grows over a thin margin is not a lost fit)
    let still = 0;
    for (let y = 2; y < cur.height - 2; y++) for (let x = 2; x < cur.width - 2; x++) if (!inside(ref.head, x, y) && !inside(now, x, y)) still++;
    if (fine.count < still / 2) this.lost++;
    this.dx.push(this.fit[0]); this.dy.push(this.fit[1]);
  }

  path(): ScenePath {
    const n = this.dx.length;
    return { dx: Float64Array.from(this.dx), dy: Float64Array.from(this.dy), textured: this.textured, lost: n ? this.lost / n : 0 };
  }
}

/** The scene's path through `frames` (SceneReader over them all). */
export function scenePath(frames: GreyFrame[], heads: (HeadBox | null)[]): ScenePath {
  const reader = new SceneReader();
  frames.forEach((f, i) => reader.push(f, heads[i] ?? null));
  return reader.path();
}
