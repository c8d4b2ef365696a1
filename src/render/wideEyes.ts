// Wide eyes: the eyeball's texture under a raised upper lid. eyeWide lifts the lid's mesh (rig
// basis), uncovering the eyeball's texture above the photo's opening; that texture was the opening's
// top row carried on (avatar/eyeTexture.ts), a flat grey-brown band under the lash line that read as
// lid (a rendered eyeWide 1 read back 1.04-1.12x open, bench/wideZoom.ts). A real lid going up takes
// its shadow on the eye (the margin) with it and uncovers more white and the iris's top. So per frame,
// in the renderer's own copy of the eye texture, each column of the opening has its top margin moved
// up by the lid's lift and the gap below it filled with the eye: inside the iris's circle (the face
// mesh's iris) its colour, darker toward the rim; outside it the white that lay just under the
// margin in that column. At rest the copy is the eye texture, unchanged.
import { CONTROL_INDEX } from '../rig/controls.ts';
import { EYE_L_LOOP, EYE_R_LOOP } from '../rig/topology.ts';
import { insidePolygon } from '../math/polygon.ts';
import { luminance } from '../math/colour.ts';
import { WIDE_LIFT } from '../rig/basis.ts';

/** The lid's shadow on the eye carried up with it: this share of the opening's height at that column (at least 1 px). */
const MARGIN = 0.22;

/** A column keeps the white under its own margin when within this RGB distance of the eye's mean white. */
const WHITE_SPREAD = 40;
/** The iris darkens toward its rim (the limbal ring) from this share of its radius, to LIMBUS_DARK at the rim. */
const LIMBUS_FROM = 0.7, LIMBUS_DARK = 0.65;

/** Per column of an eye: the opening's top row, the margin's depth, the lift at eyeWide 1 (rows), the white under the margin (RGBA). */
interface Column { x: number; top: number; margin: number; lift: number; white: number[] }
/** An iris in the texture: centre, radius (px), its colour (RGBA). */
interface Iris { x: number; y: number; r: number; colour: number[] }

const EYES = [
  { control: CONTROL_INDEX.eyeWideLeft, loop: EYE_L_LOOP },
  { control: CONTROL_INDEX.eyeWideRight, loop: EYE_R_LOOP },
];

export class WideEyes {
  /** the working eye texture (RGBA), the avatar's eye texture with the margins moved for the current lift */
  readonly data: Uint8ClampedArray;
  private readonly rest: Uint8ClampedArray;
  private readonly width: number;
  private readonly eyes: { control: number; columns: Column[]; iris: Iris | null; amount: number }[] = [];
  /** scratch: the eye's colour at the pixel being written */
  private readonly eye = new Float64Array(4);

  constructor(eyeTexture: { width: number; height: number; data: Uint8ClampedArray }, landmarkXY: (i: number) => [number, number]) {
    this.rest = eyeTexture.data;
    this.data = new Uint8ClampedArray(eyeTexture.data);
    this.width = eyeTexture.width;
    for (const eye of EYES) {
      const poly = eye.loop.map(landmarkXY);
      const xs = poly.map((p) => p[0]), ys = poly.map((p) => p[1]);
      const y0 = Math.max(0, Math.floor(Math.min(...ys))), y1 = Math.min(eyeTexture.height - 1, Math.ceil(Math.max(...ys)));
      const iris = irisOf(eyeTexture, landmarkXY, 468, poly) ?? irisOf(eyeTexture, landmarkXY, 473, poly);
      const inIris = (x: number, y: number) => !!iris && Math.hypot(x + 0.5 - iris.x, y + 0.5 - iris.y) < 1.05 * iris.r;
      const columns: Column[] = [];
      const whites: number[][] = [];
      for (let x = Math.max(0, Math.ceil(Math.min(...xs))); x <= Math.min(eyeTexture.width - 1, Math.floor(Math.max(...xs))); x++) {
        let top = -1, bottom = -1;
        for (let y = y0; y <= y1; y++) if (insidePolygon(x + 0.5, y + 0.5, poly)) { if (top < 0) top = y; bottom = y; }
        if (top < 0) continue;
        const height = bottom - top + 1, margin = Math.max(1, Math.round(MARGIN * height));
        const under = Math.min(bottom, top + margin);
        const white = inIris(x, under) ? [] : pixel(eyeTexture, x, under);
        if (white.length) whites.push(white);
        columns.push({ x, top, margin, lift: WIDE_LIFT * height, white });
      }
      // columns whose margin lies on the iris take the mean of the others' lighter half (not the corners' shadow)
      whites.sort((a, b) => luminance(b[0]!, b[1]!, b[2]!) - luminance(a[0]!, a[1]!, a[2]!));
      const light = whites.slice(0, Math.max(1, whites.length >> 1));
      const mean = [0, 1, 2, 3].map((ch) => (whites.length ? light.reduce((a, w) => a + w[ch]!, 0) / light.length : 255));
      // and so do columns whose pixel is far from it (lid skin or liner where the opening's contour runs over them)
      for (const c of columns) if (!c.white.length || Math.hypot(c.white[0]! - mean[0]!, c.white[1]! - mean[1]!, c.white[2]! - mean[2]!) > WHITE_SPREAD) c.white = mean;
      this.eyes.push({ control: eye.control, columns, iris, amount: 0 });
    }
  }

  /** Moves each eye's margins for this frame's eyeWide (above the photo's own); cheap when nothing changed. */
  update(weights: ArrayLike<number>, photoWeights: ArrayLike<number>): void {
    for (const eye of this.eyes) {
      const pw = photoWeights[eye.control]!;
      const amount = Math.min(1, Math.max(0, (weights[eye.control]! - pw) / Math.max(0.05, 1 - pw)));
      if (Math.abs(amount - eye.amount) < 1e-3) continue;
      // back to rest over the rows the last lift wrote, then the new lift
      for (const c of eye.columns) this.restore(c, eye.amount);
      eye.amount = amount;
      if (amount > 0) for (const c of eye.columns) this.lift(c, amount, eye.iris);
    }
  }

  private restore(c: Column, amount: number): void {
    const up = Math.ceil(c.lift * amount) + 1;
    for (let y = Math.max(0, c.top - up); y < c.top + c.margin; y++) this.copyPixel(this.rest, (y * this.width + c.x) * 4);
  }

  /** Column c with its margin moved up by the lift (fractional rows: linear between neighbours), the eye below it. */
  private lift(c: Column, amount: number, iris: Iris | null): void {
    const d = c.lift * amount, end = c.top + c.margin;
    const up = Math.ceil(d) + 1;
    const eye = this.eye, rest = this.rest, w4 = this.width * 4, x4 = c.x * 4;
    for (let y = Math.max(0, c.top - up); y < end; y++) {
      // this row shows the rest texture at row y + d where that is margin, the eye where it lies below it
      const src = y + d, r0 = Math.floor(src), f = src - r0;
      this.eyeAt(c, y, iris);
      const o = y * w4 + x4, a0 = Math.max(0, r0) * w4 + x4, a1 = Math.max(0, r0 + 1) * w4 + x4;
      for (let ch = 0; ch < 4; ch++) {
        const v0 = r0 >= end ? eye[ch]! : rest[a0 + ch]!, v1 = r0 + 1 >= end ? eye[ch]! : rest[a1 + ch]!;
        this.data[o + ch] = (1 - f) * v0 + f * v1;
      }
    }
  }

  /** What the raised lid uncovers at row y of column c, into this.eye: the iris inside its circle (anti-aliased, darker toward the rim), else the column's white. */
  private eyeAt(c: Column, y: number, iris: Iris | null): void {
    const d = iris ? Math.hypot(c.x + 0.5 - iris.x, y + 0.5 - iris.y) / iris.r : Infinity;
    const a = iris ? Math.min(1, Math.max(0, (1 - d) * iris.r + 0.5)) : 0;
    const shade = d < LIMBUS_FROM ? 1 : 1 - (1 - LIMBUS_DARK) * Math.min(1, (d - LIMBUS_FROM) / (1 - LIMBUS_FROM));
    for (let ch = 0; ch < 4; ch++) this.eye[ch] = a > 0 ? a * iris!.colour[ch]! * (ch < 3 ? shade : 1) + (1 - a) * c.white[ch]! : c.white[ch]!;
  }

  private copyPixel(from: Uint8ClampedArray, o: number): void {
    this.data[o] = from[o]!; this.data[o + 1] = from[o + 1]!; this.data[o + 2] = from[o + 2]!; this.data[o + 3] = from[o + 3]!;
  }
}

function pixel(img: { width: number; data: Uint8ClampedArray }, x: number, y: number): number[] {
  const o = (y * img.width + x) * 4;
  return [img.data[o]!, img.data[o + 1]!, img.data[o + 2]!, img.data[o + 3]!];
}

/**
 * The iris (landmark `centre` and the 4 rim points after it) in the texture, with its colour: the
 * median-luminance pixel of the opening between 0.35 and 0.9 of its radius (not the pupil, the
 * catchlight or the rim). Null when the face mesh's iris is not on this eye.
 */
function irisOf(tex: { width: number; height: number; data: Uint8ClampedArray }, xy: (i: number) => [number, number], centre: number, poly: [number, number][]): Iris | null {
  const [x, y] = xy(centre);
  let r = 0;
  for (let k = 1; k <= 4; k++) { const [px, py] = xy(centre + k); r += Math.hypot(px - x, py - y) / 4; }
  if (!(r > 1) || !insidePolygon(x, y, poly)) return null;
  const px: number[][] = [];
  for (let yy = Math.max(0, Math.floor(y - r)); yy <= Math.min(tex.height - 1, Math.ceil(y + r)); yy++) {
    for (let xx = Math.max(0, Math.floor(x - r)); xx <= Math.min(tex.width - 1, Math.ceil(x + r)); xx++) {
      const d = Math.hypot(xx + 0.5 - x, yy + 0.5 - y) / r;
      if (d > 0.35 && d < 0.9 && insidePolygon(xx + 0.5, yy + 0.5, poly)) px.push(pixel(tex, xx, yy));
    }
  }
  if (!px.length) return null;
  px.sort((a, b) => luminance(a[0]!, a[1]!, a[2]!) - luminance(b[0]!, b[1]!, b[2]!));
  return { x, y, r, colour: px[px.length >> 1]! };
}
