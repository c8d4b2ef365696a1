// The mouth interior, per pixel of the mouth fan: a dark oral cavity with soft depth falloff,
// the tongue and lower teeth riding on the jaw, the upper teeth fixed to the skull (rigid
// pieces of real teeth, see layers.ts: moved, never stretched), then the inner surface of the
// lips (their thickness rolling into the mouth, a wet edge on the lower lip) and an
// anti-aliased lip line.
import type { TextureSource } from '../raster.ts';
import type { ReadyMouth } from './layers.ts';
import { clamp01, smoothstep } from '../../math/smooth.ts';
import { fillColumns, slitCoverage, smoothColumns } from './lipColumns.ts';
import { LipRim } from './lipRim.ts';
import { pack, sampleInto, shadeLift } from './pixels.ts';
import { DROP_UNTIL, LOWER_TEETH_DROP, LOWER_TEETH_SHOW, UPPER_TEETH_RAISE, lowerTipsAbove } from './teethRows.ts';


/** Where the rigid pieces are this frame (output pixels) and how the mouth is opened. */
export interface MouthPlacement {
  /** skull-rigid anchor of the upper teeth (the rest position of the inner upper lip centre) */
  upperX: number;
  upperY: number;
  /** jaw-rigid anchor of the lower teeth and tongue */
  lowerX: number;
  lowerY: number;
  /** mouth axis (cos, sin) of the head's roll */
  cos: number;
  sin: number;
  /** output pixels per iod this frame over those the layers were made for (perspective) */
  scale: number;
  /** horizontal foreshortening of the teeth (1 = as the layers were cut; < 1 = head turned further) */
  squeeze: number;
  /** inter-ocular distance in output pixels this frame */
  unit: number;
  /** lip gap (13-14) in iod, this frame and in the photo */
  gap: number;
  photoGap: number;
  /** 0 = the photo's own mouth as it is (texture), 1 = the rebuilt interior */
  rebuilt: number;
  /** the frame's inner lower lip centre (landmark 14), output pixels: the jaw set goes no higher over it than teethRows.ts LOWER_TEETH_SHOW */
  lowerLipX?: number;
  lowerLipY?: number;
}

export class MouthShader {
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
  private readonly layers: ReadyMouth;
  private readonly scratch: Float32Array;
  private readonly upperRaw: Float32Array;
  private readonly lowerRaw: Float32Array;
  // per-frame constants
  private teethLight = 1;
  /** output pixels the library's upper row is raised and its lower row dropped by (teethRows.ts) */
  private upperLift = 0;
  private lowerDrop = 0;
  /** output pixels the jaw set (lower teeth and tongue) follows a lower lip that is far under the jaw's anchor */
  private jawFollow = 0;
  /** layer pixels the lower row's tips stand over its anchor (null: no lower row) */
  private readonly lowerTips: number | null;
  /** how much of the teeth and tongue shows: none in a barely parted mouth (a dark slit) */
  private teethShow = 1;
  /** how much of the upper row beyond its lit edge under the lip shows (mid openings: the edge only) */
  private bodyShow = 1;
  private tongueGrow = 1;
  /** the tongue's light: in the teeth's shadow until the mouth is wide open (a dark gap between the rows, not a red line) */
  private tongueLight = 1;
  /** per channel, what a shadow keeps of the teeth's colour: shadows inside the mouth are warm (light off the lips and cavity), not grey */
  private readonly warmShadow: [number, number, number] = [1, 1, 1];
  private readonly cavityNow: [number, number, number] = [0, 0, 0];
  private readonly innerShade: [number, number, number] = [0.8, 0.7, 0.7];

  constructor(width: number, layers: ReadyMouth) {
    this.upperY = new Float32Array(width);
    this.lowerY = new Float32Array(width);
    this.layers = layers;
    this.lowerTips = lowerTipsAbove(layers.lower);
    this.scratch = new Float32Array(width);
    this.upperRaw = new Float32Array(width);
    this.lowerRaw = new Float32Array(width);
    this.rimUpper = new LipRim(width);
    this.rimLower = new LipRim(width);
    this.shade = (x, y, u, v) => this.shadePixel(x, y, u, v);
  }

  /** the lip's colour along each line, per column (lipRim.ts) */
  readonly rimUpper: LipRim;
  readonly rimLower: LipRim;

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
    smoothColumns(this.upperY, radius, this.scratch);
    smoothColumns(this.lowerY, radius, this.scratch);
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

  /** Sets this frame's placement; light reaching into the mouth grows with the opening. */
  setPlacement(p: MouthPlacement): void {
    this.place = p;
    // relative to the photo's own opening when its teeth are in the layers (they carry its light)
    const light = (gap: number) => CLOSED_LIGHT + (1 - CLOSED_LIGHT) * smoothstep(0.01, 0.16, gap);
    this.teethLight = this.layers.fromPhoto ? Math.min(1, light(p.gap) / light(p.photoGap)) : light(p.gap);
    // lips parted less than this show a dark slit, not a grey strip of shadowed teeth
    this.teethShow = smoothstep(TEETH_HIDDEN_GAP, TEETH_SHOWN_GAP, p.gap);
    this.bodyShow = smoothstep(BODY_HIDDEN_GAP, BODY_SHOWN_GAP, p.gap);
    this.upperLift = this.layers.fromPhoto ? 0 : UPPER_TEETH_RAISE * p.unit;
    this.lowerDrop = this.layers.lowerFromPhoto ? 0 : LOWER_TEETH_DROP * p.unit * (1 - smoothstep(DROP_UNTIL[0], DROP_UNTIL[1], p.gap));
    this.jawFollow = jawFollow(p, this.lowerTips, this.lowerDrop);
    // a wide-open mouth lets light onto the tongue and the back of the mouth (a dark red, not black)
    // and the tongue, lying on the floor of the mouth, shows more of its top as the jaw drops
    const wide = smoothstep(WIDE_FROM, WIDE_FULL, p.gap);
    this.tongueGrow = 1 + TONGUE_GROW * wide;
    this.tongueLight = TONGUE_NARROW_LIGHT + (1 - TONGUE_NARROW_LIGHT) * smoothstep(TONGUE_LIT_FROM, TONGUE_LIT_FULL, p.gap);
    const li = this.lipInner, cav = this.layers.cavity, k = THROAT_MIX * wide;
    for (let ch = 0; ch < 3; ch++) {
      this.cavityNow[ch] = cav[ch]! + (THROAT_SHADE * li[ch]! - cav[ch]!) * k;
      // the inner lip surface is the edge's colour in the mouth's shadow: darker, redder (as the
      // photo's inner and edge colours differ, grey on a black-and-white photo)
      this.innerShade[ch] = Math.min(1, li[ch]! / Math.max(1, this.lipEdge[ch]!));
    }
    // (the library's cavity is a little bluer than green: a navy rim round the opening beside warm lips)
    this.cavityNow[2] = Math.min(this.cavityNow[2], this.cavityNow[1]);
    const liMax = Math.max(1, li[0], li[1], li[2]);
    for (let ch = 0; ch < 3; ch++) this.warmShadow[ch] = 1 - WARM_SHADOW * (1 - li[ch]! / liMax);
  }

  private shadePixel(x: number, y: number, u: number, v: number): number {
    const c = this.shadeColour(x, y, u, v);
    if (this.ownedCount < this.owned.length) {
      this.owned[this.ownedCount] = y * this.upperY.length + x;
      this.ownedColour[this.ownedCount++] = c;
    }
    return c;
  }

  private readonly edge = new Float32Array(3);
  /** The lip edge's colour at column x: the lip drawn beside the line, a little shaded (it turns into the mouth), never darker than that lip's rim colour. */
  private edgeColour(x: number, lower: boolean, shade: number): Float32Array {
    const rim = lower ? this.lipRimLower : this.lipRimUpper, e = this.edge;
    const col = (lower ? this.rimLower : this.rimUpper).colour, o = x * 3;
    const c0 = col[o]!;
    if (c0 !== c0) { e[0] = rim[0] * shade; e[1] = rim[1] * shade; e[2] = rim[2] * shade; return e; }
    e[0] = shade * Math.max(c0 * EDGE_SHADE, EDGE_FLOOR * rim[0]); e[1] = shade * Math.max(col[o + 1]! * EDGE_SHADE, EDGE_FLOOR * rim[1]); e[2] = shade * Math.max(col[o + 2]! * EDGE_SHADE, EDGE_FLOOR * rim[2]);
    return e;
  }

  private shadeColour(x: number, y: number, u: number, v: number): number {
    const p = this.place;
    const cx = x + 0.5, cy = y + 0.5;
    let top = this.upperY[x]!, bottom = this.lowerY[x]!;
    if (top !== top) top = cy; // NaN: column outside the table
    if (bottom !== bottom) bottom = cy;
    const unit = p.unit;
    const lateral = Math.min(1, Math.abs(cx - this.centreX) / Math.max(1, this.halfWidth));
    const L = this.layers;
    // cavity: darker toward the corners (the cheeks' shadow) and where the mouth is barely open
    // and deepest (darkest) halfway between the lips, away from the light they reflect in
    const mid = clamp01(Math.min(cy - top, bottom - cy) / (0.08 * unit + 1));
    const depthShade = (1 - 0.6 * lateral * lateral) * (1 - MID_DARK * mid) * 0.75 * this.teethLight;
    const cav = this.cavityNow;
    let r = cav[0] * depthShade, g = cav[1] * depthShade, b = cav[2] * depthShade;
    // jaw pieces: tongue behind the lower teeth
    const inv = 1 / p.scale, c = p.cos, s = p.sin, squeeze = 1 / p.squeeze;
    // (the layers are premultiplied: their colour fades with their alpha)
    const side = (1 - 0.35 * lateral * lateral) * this.teethLight * this.teethShow;
    {
      const dx = cx - p.lowerX, dy = cy - p.lowerY;
      const lx = (dx * c + dy * s) * inv * squeeze, ly = (-dx * s + dy * c) * inv;
      if (L.tongue) {
        // the tongue lies deeper and lower than the lower teeth: in their shadow, shown only
        // once the jaw has opened past them
        const k = side * 0.85 * this.tongueLight;
        // (it follows the jaw set half as far: soft, it lies on the floor of the mouth and bulges up behind the teeth)
        const grow = this.tongueGrow, up = ly - (TONGUE_DROP * p.unit + TONGUE_FOLLOW * this.jawFollow) * inv;
        const a = sampleInto(L.tongue, lx / (0.85 + 0.15 * grow), up / grow, tmp) * this.teethShow;
        if (a > 0) {
          // its back, further up the opening, in the mouth's shadow
          const kk = k * (1 - TONGUE_BACK_SHADE * smoothstep(0, 0.12 * grow * p.unit, -up));
          r = r * (1 - a) + tmp[0]! * kk; g = g * (1 - a) + tmp[1]! * kk; b = b * (1 - a) + tmp[2]! * kk;
        }
      }
      const a = sampleInto(L.lower, lx, ly - (this.lowerDrop + this.jawFollow) * inv, tmp) * this.teethShow;
      if (a > 0) {
        const k = side * 0.92, ws = this.warmShadow, w = 1 - k * this.teethShow;
        r = r * (1 - a) + tmp[0]! * k * (1 - w * (1 - ws[0])); g = g * (1 - a) + tmp[1]! * k * (1 - w * (1 - ws[1])); b = b * (1 - a) + tmp[2]! * k * (1 - w * (1 - ws[2]));
      }
    }
    {
      const dx = cx - p.upperX, dy = cy - p.upperY + this.upperLift;
      const lx = (dx * c + dy * s) * inv * squeeze, ly = (-dx * s + dy * c) * inv;
      // at mid openings only a band of the upper row under the lip is lit; the rest is in the mouth's shadow
      const edge = 1 - smoothstep(0.5 * EDGE_BAND * unit, EDGE_BAND * unit, cy - top);
      const shown = Math.max(edge, this.bodyShow);
      const a = sampleInto(L.upper, lx, ly, tmp) * this.teethShow * shown;
      if (a > 0) {
        // the upper lip shades the teeth just under it
        const k = side * shown * (1 - 0.3 * Math.exp(-(cy - top) / (0.025 * unit + 0.5)));
        const ws = this.warmShadow, w = 1 - k * this.teethShow;
        r = r * (1 - a) + tmp[0]! * k * (1 - w * (1 - ws[0])); g = g * (1 - a) + tmp[1]! * k * (1 - w * (1 - ws[1])); b = b * (1 - a) + tmp[2]! * k * (1 - w * (1 - ws[2]));
      }
    }
    // inner surface of the lips: a band along each lip line, as thick as the opening allows,
    // from the lip's own colour at the line to the lip in the mouth's shadow, then the interior
    const open = bottom - top;
    const band = Math.max(0.8, Math.min(0.022 * unit, 0.2 * open));
    let rawTop = this.upperRaw[x]!, rawBottom = this.lowerRaw[x]!;
    if (rawTop !== rawTop) rawTop = cy;
    if (rawBottom !== rawBottom) rawBottom = cy;
    const dTop = Math.min(cy - top, cy - rawTop), dBot = Math.min(bottom - cy, rawBottom - cy);
    const d = Math.min(dTop, dBot * 0.75);
    const toInterior = smoothstep(0.3 * band, band, d);
    // at the line itself (and where the lips overlap) the lip's own colour: an anti-aliased edge
    const atLine = 1 - smoothstep(-0.5, 0.35 * band + 0.5, d);
    if (toInterior < 1 || atLine > 0) {
      // The edge and the inner surface continue the lip as it is drawn beside the line (its texture,
      // read per column along each lip line: lipRim.ts). Fixed photo lip colours read as a thin rim
      // line around the opening.
      const e = this.edgeColour(x, dBot < dTop, 1 - CORNER_EDGE_SHADE * lateral * lateral), er = e[0]!, eg = e[1]!, eb = e[2]!;
      if (toInterior < 1) {
        // the inner surface: that lip turning into the mouth's shadow, a little redder; a faint wet
        // highlight on the lower lip's rim, where light from above meets it
        const wet = dBot < dTop ? WET * Math.exp(-(((dBot - 0.4 * band) / (0.2 * band + 0.4)) ** 2)) : 0;
        // The surface is shaded only as deep as what lies behind it: against bright teeth it stays
        // the lip's colour (a band darker than both the lip and the teeth read as a drawn ring round
        // the opening); against the dark cavity it falls off into it
        const ir = this.innerShade, lift = shadeLift(r, g, b, er, eg, eb, ir);
        const lr = er * (ir[0] + (1 - ir[0]) * lift) * (1 + wet), lg = eg * (ir[1] + (1 - ir[1]) * lift) * (1 + wet), lb = eb * (ir[2] + (1 - ir[2]) * lift) * (1 + wet);
        r = lr + (r - lr) * toInterior; g = lg + (g - lg) * toInterior; b = lb + (b - lb) * toInterior;
      }
      if (atLine > 0) { r += (er - r) * atLine; g += (eg - g) * atLine; b += (eb - b) * atLine; }
    }
    // a slit a pixel or two tall: each pixel shows the interior by the share of its (slightly widened)
    // footprint the opening covers, the lip edge elsewhere. Shaded by distance alone, a thin slit
    // was one black row that jumped a whole row where the line crossed a pixel edge (a staircase).
    const cover = slitCoverage(cy, Math.max(top, rawTop), Math.min(bottom, rawBottom));
    if (cover < 1) {
      const e = this.edgeColour(x, dBot < dTop, 1 - CORNER_EDGE_SHADE * lateral * lateral), er = e[0]!, eg = e[1]!, eb = e[2]!;
      r = er + (r - er) * cover; g = eg + (g - eg) * cover; b = eb + (b - eb) * cover;
    }
    // the photo's own mouth (texture) where the lips have not parted further than in the photo
    const keep = 1 - p.rebuilt;
    if (keep > 0 && this.texture) {
      const t = this.texture;
      const ix = Math.min(t.width - 1, Math.max(0, Math.round(u - 0.5))), iy = Math.min(t.height - 1, Math.max(0, Math.round(v - 0.5)));
      const q = t.data32[iy * t.width + ix]!;
      r += ((q & 255) - r) * keep; g += (((q >>> 8) & 255) - g) * keep; b += (((q >>> 16) & 255) - b) * keep;
    }
    return pack(r + 0.5, g + 0.5, b + 0.5);
  }
}

const tmp = new Float32Array(4);

/**
 * Output pixels the jaw set moves down past the jaw's anchor this frame: as far as the lower row's
 * tips (`tips` layer px over the anchor, less `drop` output px) would stand more than
 * LOWER_TEETH_SHOW over the lower lip's inner line (measured along the mouth's down axis).
 */
export function jawFollow(p: MouthPlacement, tips: number | null, drop: number): number {
  if (tips === null || p.lowerLipX === undefined || p.lowerLipY === undefined) return 0;
  const lipUnder = (p.lowerLipX - p.lowerX) * -p.sin + (p.lowerLipY - p.lowerY) * p.cos;
  return Math.max(0, lipUnder + tips * p.scale - drop - LOWER_TEETH_SHOW * p.unit);
}

/**
 * The light on the teeth in a closed mouth, as a share of a wide-open one's (it comes to full light
 * at a 0.16 IOD gap). 0.65 drew grey teeth at most speech openings (0.05-0.15 IOD).
 */
const CLOSED_LIGHT = 0.8;
/** lip gaps (iod) between which the teeth fade in */
const TEETH_HIDDEN_GAP = 0.03, TEETH_SHOWN_GAP = 0.07;
/**
 * lip gaps (iod) between which the upper row beyond its edge (EDGE_BAND iod under the lip) comes in: a
 * mid opening is dark with a lit edge of teeth (Obama 2, Fei-Fei Li), not a cream slab. The lower
 * row and tongue keep TEETH_SHOWN_GAP: hiding them too cost Obama 2 0.33 dB (round 11).
 */
const BODY_HIDDEN_GAP = 0.07, BODY_SHOWN_GAP = 0.16, EDGE_BAND = 0.05;
/** how far (iod) the tongue sits below the lower lip's line */
const TONGUE_DROP = -0.03;
/** the share of the jaw set's follow of a dropped lower lip (jawFollow) the tongue takes */
const TONGUE_FOLLOW = 0.5;
/** the lip edge: the lip drawn beside the line (lipRim.ts), this much darker (it turns into the mouth); never below EDGE_FLOOR of that lip's mean rim colour */
const EDGE_SHADE = 0.93, EDGE_FLOOR = 0.85;
/** the wet highlight's strength on the lower lip's rim (0.3 with +45 grey read as a light rim line) */
const WET = 0.12;
/** lip gaps (iod) over which a mouth counts as wide open (tongue and back of the mouth lit) */
const WIDE_FROM = 0.15, WIDE_FULL = 0.5;
/** wide open: the tongue's visible top grows by this share (taller), its back shaded by up to this share */
const TONGUE_GROW = 1.2, TONGUE_BACK_SHADE = 0.45;
/** the tongue's light at a narrow opening, and the lip gaps (iod) over which it comes to full light */
const TONGUE_NARROW_LIGHT = 0.35, TONGUE_LIT_FROM = 0.12, TONGUE_LIT_FULL = 0.4;
/** how far a full shadow on the teeth takes the inner lip's hue (0: grey shadows, which read teal beside warm lips) */
const WARM_SHADOW = 0.6;
/** wide open: the cavity moves this share toward the inner lip's colour times THROAT_SHADE */
const THROAT_MIX = 0.8, THROAT_SHADE = 0.42;
/** toward the corners the rim darkens by up to this share (the cheeks' shade there: a lip-coloured rim read as a drawn light outline down the sides) */
const CORNER_EDGE_SHADE = 0.3;
/** the cavity halfway between the lips, away from the light they reflect, is this share darker (0.45 drew a black centre) */
const MID_DARK = 0.3;
