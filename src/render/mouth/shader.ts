// The mouth interior, per pixel of the mouth fan, in shading steps: the interior back to front
// (interior.ts: cavity, the jaw's tongue and lower teeth, the skull's upper teeth), the lips over it
// (lipSurface.ts: inner surface, wet edge, anti-aliased line, thin slit), then the photo's own mouth
// where the lips have not parted further than in the photo. The frame's light is set once per
// frame (frameLight.ts); the lip lines are per-column tables (lipColumns.ts).
import type { TextureSource } from '../textureSample.ts';
import type { ReadyMouth } from './layers.ts';
import { fillColumns, LINE_ENDS_CENTRED, roundOpening, smoothColumns, smoothColumnsCentred } from './lipColumns.ts';
import { LipRim } from './lipRim.ts';
import { pack } from './pixels.ts';
import { lowerTipsAbove } from './teethRows.ts';
import { tongueTopAbove } from './tongue.ts';
import { FrameLight, type MouthPlacement } from './frameLight.ts';
import { cavityInto, jawPiecesOver, upperRowOver, type OpeningPixel } from './interior.ts';
import { deepHueOver } from './deepHue.ts';
import { cracksOver } from './pictureCracks.ts';
import { tongueBackHueOver } from './tongueBackHue.ts';
import { lipsOver, type LipColours } from './lipSurface.ts';
import { sealedSeamOver } from './sealedSeam.ts';
import { COVER_REBUILT_MIN } from './lipCoverage.ts';
import { oInsideOf, upperTipsOf } from './roundInside.ts';
import { envelopeInto, foldedLines } from './foldRim.ts';
import { SpeechRows } from './speechRow.ts';
import { OnsetRows } from './onsetRelief.ts';
import { bendShare, lineAtMiddle, rowBendInto, showBend, sideLift, sideShortening, steepKeep, steepShortening } from './rowBend.ts';
import { levelTipsShortening } from './rowTipLevel.ts';

export type { MouthPlacement } from './frameLight.ts';
export { jawFollow } from './teethRowLight.ts';

export class MouthShader implements LipColours {
  /** per output column: y of the inner upper lip and inner lower lip (NaN outside the mouth) */
  readonly upperY: Float32Array;
  readonly lowerY: Float32Array;
  centreX = 0;
  halfWidth = 1;
  place: MouthPlacement = { upperX: 0, upperY: 0, lowerX: 0, lowerY: 0, cos: 1, sin: 0, scale: 1, squeeze: 1, unit: 1, gap: 0, photoGap: 0, rebuilt: 1 };
  /** inner lip surface colour (the photo's lip colour in shadow) */
  lipInner: [number, number, number] = [120, 60, 60];
  /** the lip's own colour at the inner lip line */
  lipEdge: [number, number, number] = [170, 100, 100];
  /** each lip's colour near its inner line: the least its edge and inner surface are lit (upper and lower lips differ in light) */
  lipRimUpper: [number, number, number] = [170, 100, 100];
  lipRimLower: [number, number, number] = [170, 100, 100];
  texture: TextureSource | null = null;
  readonly shade: (x: number, y: number, u: number, v: number) => number;
  /** the lip's colour along each line, per column (lipRim.ts) */
  readonly rimUpper: LipRim;
  readonly rimLower: LipRim;
  private readonly layers: ReadyMouth;
  /** the layers this frame draws: the upper row speech's or a smile's by the frame's smile (speechRow.ts) */
  private rowLayers: ReadyMouth;
  private readonly speechRows: SpeechRows;
  private readonly onsetRows: OnsetRows;
  private readonly scratch: Float32Array;
  /** the inner lip lines before rounding (the raw contour: where the rounded curve passes outside it, its edge is the lip line) */
  readonly upperRaw: Float32Array;
  readonly lowerRaw: Float32Array;
  /** how much this frame's opening is an O's inside (roundInside.ts oInsideOf) */
  oInside = 0;
  /** the upper lip line the upper row hangs from: the rounded line before an O's fold (setFold) */
  private readonly rowTop: Float32Array;
  /** per column, px the upper row moves down to follow the lip line (rowBend.ts), and this frame's share of the bend */
  private readonly rowBend: Float32Array;
  private bendShare = 0;
  /** the lip line at the middle and the centrals' tips under it (px) this frame (rowTipLevel.ts) */
  private midLine = NaN;
  private tipReach = 0;
  private readonly foldUpper: Float32Array;
  private readonly foldLower: Float32Array;
  /** layer pixels the lower row's tips stand over its anchor (null: no lower row) */
  private readonly lowerTips: number | null;
  /** layer pixels the tongue's top stands over its anchor (null: no tongue) */
  private readonly tongueTop: number | null;
  private readonly light = new FrameLight();
  private readonly pixel: OpeningPixel = { cx: 0, cy: 0, top: 0, bottom: 0, lateral: 0 };
  private readonly colour = new Float64Array(3);
  /** per column, the pixel's values that do not depend on its row (lateral, the row's shortening and side lift), filled on the first pixel after setLips / setPlacement */
  private readonly colLateral: Float64Array;
  private readonly colShort: Float64Array;
  private readonly colSideLift: Float64Array;
  private colsStale = true;
  private colsCentre = NaN;
  private colsHalf = NaN;

  constructor(width: number, layers: ReadyMouth) {
    this.upperY = new Float32Array(width);
    this.lowerY = new Float32Array(width);
    this.layers = layers;
    this.rowLayers = layers;
    this.speechRows = new SpeechRows(layers.upperSpeech, layers.upper);
    this.onsetRows = new OnsetRows(layers.upperOnset, layers.upper);
    this.lowerTips = lowerTipsAbove(layers.lower);
    this.tongueTop = layers.tongue ? tongueTopAbove(layers.tongue) : null;
    this.scratch = new Float32Array(width);
    this.upperRaw = new Float32Array(width);
    this.lowerRaw = new Float32Array(width);
    this.rowTop = new Float32Array(width);
    this.rowBend = new Float32Array(width);
    this.foldUpper = new Float32Array(width);
    this.foldLower = new Float32Array(width);
    this.colLateral = new Float64Array(width);
    this.colShort = new Float64Array(width);
    this.colSideLift = new Float64Array(width);
    this.rimUpper = new LipRim(width);
    this.rimLower = new LipRim(width);
    this.shade = (x, y, u, v) => this.shadePixel(x, y, u, v);
  }

  /** Fills the lip-line tables from the projected inner-lip contours (xs/ys of upper and lower, corner to corner). */
  setLips(upX: ArrayLike<number>, upY: ArrayLike<number>, loX: ArrayLike<number>, loY: ArrayLike<number>): void {
    this.upperY.fill(NaN);
    this.lowerY.fill(NaN);
    fillColumns(this.upperY, upX, upY);
    fillColumns(this.lowerY, loX, loY);
    this.upperRaw.set(this.upperY);
    this.lowerRaw.set(this.lowerY);
    // round the polygon's corners: the lip lines are smooth curves, not 11-point polylines (the
    // raw lines are kept: where the curve passes outside the polygon, its edge is the lip line)
    const radius = Math.max(1, Math.round(0.035 * this.place.unit));
    // (the window centred, narrowing toward the line's ends: one-sided there it pulled each end off
    // its corner, a kink where the rounded line met the raw one: lp_s7 <- lp_d10 f91's vertical side)
    const smooth = LINE_ENDS_CENTRED ? smoothColumnsCentred : smoothColumns;
    smooth(this.upperY, radius, this.scratch);
    smooth(this.lowerY, radius, this.scratch);
    roundOpening(this.upperY, this.lowerY, this.centreX, this.halfWidth, this.light.round);
    this.rowTop.set(this.upperY);
    // (the upper row bent with the lip line, its side teeth shorter and less in the corners' shade: rowBend.ts)
    const reach = this.middleReach();
    this.bendShare = bendShare(this.light.round, this.layers.ownRowKept === true) * showBend(reach);
    this.midLine = lineAtMiddle(this.rowTop, this.centreX) ?? NaN; this.tipReach = reach * Math.max(1, this.place.unit);
    rowBendInto(this.rowTop, this.centreX, this.place.unit, this.bendShare, this.rowBend);
    this.colsStale = true;
  }

  /** The per-column values shadeColour reads (the same formulas it used per pixel); rowShort only where the row's line is known (elsewhere it hangs from the pixel's own row). */
  private fillCols(): void {
    const half = Math.max(1, this.halfWidth), unit = Math.max(1, this.place.unit);
    for (let x = 0; x < this.colLateral.length; x++) {
      const lateral = this.colLateral[x] = Math.min(1, Math.abs(x + 0.5 - this.centreX) / half);
      const bend = this.rowBend[x]!, bendIod = bend / unit, row = this.rowTop[x]!;
      // (a steep side of the lip line: the row turns into the corner, shorter and in its shade: rowBend.ts steepKeep)
      const keep = row === row ? steepKeep(this.rowTop, x) : 1;
      this.colShort[x] = row === row ? levelTipsShortening(sideShortening(lateral, this.bendShare, bendIod) * steepShortening(keep, this.bendShare), bend, row - this.midLine, this.tipReach) : NaN;
      this.colSideLift[x] = sideLift(this.bendShare, bendIod) * keep;
    }
    this.colsStale = false; this.colsCentre = this.centreX; this.colsHalf = this.halfWidth;
  }

  /** How far (IOD) the upper row's tips hang under the lip line at the opening's middle this frame (the row's visible height there). */
  private middleReach(): number {
    const top = lineAtMiddle(this.rowTop, this.centreX), p = this.place, unit = Math.max(1, p.unit);
    if (top === null) return 0;
    const tipsY = p.upperY - this.light.upperLift + upperTipsOf(this.rowLayers.upper) * p.scale;
    return (tipsY - top) / unit;
  }

  /**
   * An O's lines moved in to where the lips' rows fold over the fan (foldRim.ts), as far as the
   * frame is an O's inside: the rows of each lip (xs/ys per row, corner to corner). The upper row
   * keeps hanging from the line as it was (rowTop).
   */
  setFold(upXs: readonly ArrayLike<number>[], upYs: readonly ArrayLike<number>[], loXs: readonly ArrayLike<number>[], loYs: readonly ArrayLike<number>[]): void {
    const o = this.oInside;
    if (!(o > 0)) return;
    const fu = this.foldUpper, fl = this.foldLower;
    envelopeInto(upXs, upYs, true, fu, this.scratch);
    envelopeInto(loXs, loYs, false, fl, this.scratch);
    foldedLines(this.upperY, this.lowerY, fu, fl, o);
  }

  /** pixels this frame's mouth wrote (index, colour), for the lip-line anti-aliasing pass */
  owned: Int32Array = new Int32Array(0);
  ownedColour: Uint32Array = new Uint32Array(0);
  ownedCount = 0;

  /** Starts a frame: forget the pixels of the last one. */
  beginFrame(height: number): void {
    const n = this.upperY.length * height;
    if (this.owned.length !== n) { this.owned = new Int32Array(n); this.ownedColour = new Uint32Array(n); }
    this.ownedCount = 0;
  }

  /** Sets this frame's placement and light (frameLight.ts). */
  setPlacement(p: MouthPlacement): void {
    this.place = p;
    this.colsStale = true;
    this.oInside = oInsideOf(p);
    // (a grin's upper row is the rounded one, speech's the flatter: speechRow.ts)
    // (a mid-opening's row separate teeth, when the avatar has no speech row: onsetRelief.ts)
    const upper = this.layers.upperOnset ? this.onsetRows.at(p.gap, p.grin ?? 0) : this.speechRows.at(p.grin ?? 0);
    if (upper !== this.rowLayers.upper) this.rowLayers = { ...this.layers, upper };
    this.light.set(p, this.layers, this.lowerTips, this.tongueTop, this.lipInner, this.lipEdge);
  }

  private shadePixel(x: number, y: number, u: number, v: number): number {
    const c = this.shadeColour(x, y, u, v);
    if (this.ownedCount < this.owned.length) {
      this.owned[this.ownedCount] = y * this.upperY.length + x;
      this.ownedColour[this.ownedCount++] = c;
    }
    return c;
  }

  /** How much of a mouth pixel is the photo's own mouth (its texture), not the rebuilt interior. */
  get photoKeep(): number {
    return (1 - this.place.rebuilt) * (1 - this.light.round);
  }

  /** Whether shadeColour mixes the photo's own mouth (its texture) into a drawn pixel (its test, as lipCoverage.ts reads it). */
  get photoShown(): boolean {
    return this.photoKeep > 0 && this.texture !== null;
  }

  /** The opening's colour at column x, height cy inside it, for the lip lines' coverage pass (lipCoverage.ts): without the photo's own mouth. */
  openingColour(x: number, cy: number): number {
    return this.shadeColour(x, cy - 0.5, 0, 0, false);
  }

  private shadeColour(x: number, y: number, u: number, v: number, photo = true): number {
    const p = this.place, q = this.pixel, light = this.light, out = this.colour;
    q.cx = x + 0.5; q.cy = y + 0.5;
    let top = this.upperY[x]!, bottom = this.lowerY[x]!;
    if (top !== top) top = q.cy; // NaN: column outside the table
    if (bottom !== bottom) bottom = q.cy;
    q.top = top; q.bottom = bottom;
    if (this.colsStale || this.colsCentre !== this.centreX || this.colsHalf !== this.halfWidth) this.fillCols();
    const row = this.rowTop[x]!;
    q.rowTop = row === row ? row : top;
    q.lateral = this.colLateral[x]!;
    const bend = q.rowBend = this.rowBend[x]!;
    // (a column off the row's line: its shortening from this pixel's own row, as fillCols would)
    q.rowShort = row === row ? this.colShort[x]! : levelTipsShortening(sideShortening(q.lateral, this.bendShare, bend / Math.max(1, this.place.unit)), bend, q.rowTop - this.midLine, this.tipReach);
    q.rowSideLift = this.colSideLift[x]!;
    cavityInto(q, p, light, out);
    jawPiecesOver(q, p, this.layers, light, out);
    if (light.deepK > 0) deepHueOver(out, light.deepTint, light.deepLipLuma, light.deepK);
    if (light.deepK > 0) tongueBackHueOver(out, light.deepTint, light.deepLipLuma, light.deepK, (q.bottom - q.cy) / Math.max(1, q.bottom - q.top), light.tongueForm * (1 - light.tongueForward));
    upperRowOver(q, p, this.rowLayers, light, out);
    // (a closed-lip smile: pressed lips between the lines, not the cavity, sealedSeam.ts)
    if (p.sealedSeam) sealedSeamOver(out, x, this, p.sealedSeam);
    let rawTop = this.upperRaw[x]!, rawBottom = this.lowerRaw[x]!;
    if (rawTop !== rawTop) rawTop = q.cy;
    if (rawBottom !== rawBottom) rawBottom = q.cy;
    // (the shader's own slit coverage only where lipCoverage.ts leaves the photo's edge)
    lipsOver(q, x, rawTop, rawBottom, p.unit, this, light, out, p.rebuilt <= COVER_REBUILT_MIN, this.oInside);
    // (the picture's own cracks and grain over all of it, fixed to the head: pictureCracks.ts)
    const cracks = this.layers.cracks;
    if (cracks) { const dx = q.cx - p.upperX, dy = q.cy - p.upperY, inv = 1 / p.scale; cracksOver(out, cracks, (dx * p.cos + dy * p.sin) * inv + cracks.w / 2, (-dx * p.sin + dy * p.cos) * inv); }
    let r = out[0]!, g = out[1]!, b = out[2]!;
    // the photo's own mouth (texture) where the lips have not parted further than in the photo;
    // never in an "O" (the photo's teeth, squeezed into a pucker, drew a pale ghost in its hole)
    // (photoShown's test: without it a drawn pixel is openingColour at its centre, which lipCoverage.ts relies on)
    const keep = this.photoKeep;
    if (photo && keep > 0 && this.texture) {
      const t = this.texture;
      const ix = Math.min(t.width - 1, Math.max(0, Math.round(u - 0.5))), iy = Math.min(t.height - 1, Math.max(0, Math.round(v - 0.5)));
      const c = t.data32[iy * t.width + ix]!;
      r += ((c & 255) - r) * keep; g += (((c >>> 8) & 255) - g) * keep; b += (((c >>> 16) & 255) - b) * keep;
    }
    return pack(r + 0.5, g + 0.5, b + 0.5);
  }
}
