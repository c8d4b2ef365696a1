// The reenact mode's scores, frame by frame: the generated frame and the baseline (the photo) each
// against the real frame, over the whole crop, the face region and the mouth box; the lip gap on
// detection frames; then, after the pass, the landmark metrics (CSIM, AED, APD, NME), which need
// the driver's neutral face estimated over all its frames.
import type { RgbaImage } from '../../types.ts';
import { NoFaceError } from '../../errors.ts';
import type { DetectedFace } from '../../face/detect.ts';
import { estimateNeutral, type Landmarks as RigLandmarks } from '../../rig/fit.ts';
import { psnr, maskedMean, type PixelMask } from '../metrics/image.ts';
import { lumaStats, ssimMap, type LumaStats } from '../metrics/ssim.ts';
import { cosineSimilarity } from '../metrics/identity.ts';
import { interOcular, nme, noseShift } from '../metrics/landmarks.ts';
import { weightDistance, landmarkExpressionDistance, poseDistance } from '../metrics/expression.ts';
import { pearson } from '../metrics/correlation.ts';
import { faceRegionMask, intersect } from '../masks.ts';
import { lipBox, lipGap, boxMask, closeUp, MostOpenFrames, type Box } from '../mouthRegion.ts';
import { weightsOf, type RigScores } from '../rigFit.ts';
import { num, push } from '../series.ts';
import { detectOne } from '../frames.ts';
import type { MethodSeries } from '../types.ts';

/** Real lips apart by this share of the inter-ocular distance count as an open mouth. */
export const MOUTH_OPEN_GAP = 0.08;

/** Face-detection metrics on every `detectEvery`th evaluated frame, counting from the first. */
export function isDetectionFrame(evaluated: number, detectEvery: number): boolean {
  return evaluated % detectEvery === 1 || detectEvery === 1;
}

/** An image scored against the real frame: its series, and its SSIM map against the real frame. */
interface Candidate {
  series: MethodSeries;
  image: RgbaImage;
  map: Float32Array;
}

/** PSNR and mean SSIM of a candidate inside `mask` (undefined = the whole frame). */
function imageScores(c: Candidate, real: RgbaImage, mask: PixelMask | undefined): [number | null, number | null] {
  return [num(psnr(c.image, real, mask)), num(maskedMean(c.map, mask))];
}

/** Appends a PSNR and an SSIM value to the series psnr<region> and ssim<region>. */
function pushImageScores(c: Candidate, region: string, [p, s]: [number | null, number | null]): void {
  push(c.series, `psnr${region}`, p);
  push(c.series, `ssim${region}`, s);
}

/** The scores of one reenact run: filled frame by frame (`frame`), then after the pass. */
export class ReenactScores {
  readonly series: Record<string, MethodSeries> = { engine: {}, baseline: {} };
  /** per detection frame: the real and generated landmarks, the generated identity embedding */
  private readonly realLms: (RigLandmarks | null)[] = [];
  private readonly genLms: (RigLandmarks | null)[] = [];
  private readonly genEmb: (number[] | null)[] = [];
  /** the real lips of the latest detection (each frame with --detect-every 1) */
  private lips: { box: Box; gap: number } | null = null;
  /** the lip gap (IOD) of each detection frame, real and generated: how far our mouth opens */
  private readonly realGaps: number[] = [];
  private readonly genGaps: number[] = [];
  private readonly baseStats: LumaStats;
  private readonly photoGap: number;
  readonly mostOpen = new MostOpenFrames(8, 6);
  readonly ms = { metrics: 0, detect: 0 };

  constructor(
    private readonly base: RgbaImage,
    private readonly photoFace: DetectedFace,
    private readonly size: number,
    private readonly thumb: number,
  ) {
    this.baseStats = lumaStats(base);
    this.photoGap = lipGap(photoFace.landmarks);
  }

  /** Scores frame `index`: `valid` = its pixels inside the video, `gen` = the engine's frame if any. */
  async frame(index: number, real: RgbaImage, valid: Uint8Array | undefined, gen: RgbaImage | undefined, detect: boolean): Promise<void> {
    let t = performance.now();
    // one SSIM map per pair, reused for the whole frame and the face region
    const realStats = lumaStats(real);
    const baseline: Candidate = { series: this.series.baseline!, image: this.base, map: ssimMap(this.baseStats, realStats) };
    const engine: Candidate | undefined = gen && { series: this.series.engine!, image: gen, map: ssimMap(lumaStats(gen), realStats) };
    const candidates = engine ? [baseline, engine] : [baseline];
    for (const c of candidates) pushImageScores(c, '', imageScores(c, real, valid));
    this.ms.metrics += performance.now() - t;
    if (detect) await this.detectionFrame(index, real, valid, candidates, engine);
    if (this.lips) {
      t = performance.now();
      this.mouthScores(real, valid, candidates, this.lips);
      this.ms.metrics += performance.now() - t;
    }
  }

  /** Face detection on both frames: landmarks for later, lip gaps, the face-region scores. */
  private async detectionFrame(index: number, real: RgbaImage, valid: Uint8Array | undefined, candidates: Candidate[], engine: Candidate | undefined): Promise<void> {
    let t = performance.now();
    const realFace = await detectOne(real, false);
    const genFace = engine ? await detectOne(engine.image, true) : null;
    this.ms.detect += performance.now() - t;
    t = performance.now();
    this.realLms.push(realFace?.landmarks ?? null);
    this.genLms.push(genFace?.landmarks ?? null);
    this.genEmb.push(genFace?.embedding.length ? genFace.embedding : null);
    if (realFace) this.lipGaps(index, real, realFace, genFace, engine);
    const mask = realFace ? intersect(valid, faceRegionMask(realFace.landmarks, this.size, this.size, 1.1)) : null;
    for (const c of candidates) pushImageScores(c, 'Face', mask ? imageScores(c, real, mask) : [null, null]);
    if (engine) push(engine.series, 'faceFound', genFace ? 1 : 0);
    this.ms.metrics += performance.now() - t;
  }

  /** The real lips found on this frame: gap ratios on open mouths, close-ups of the most open. */
  private lipGaps(index: number, real: RgbaImage, realFace: DetectedFace, genFace: DetectedFace | null, engine: Candidate | undefined): void {
    const lips = (this.lips = { box: lipBox(realFace.landmarks), gap: lipGap(realFace.landmarks) });
    const open = lips.gap >= MOUTH_OPEN_GAP;
    if (open) push(this.series.baseline!, 'lipGapRatio', this.photoGap / lips.gap);
    if (genFace) {
      const g = lipGap(genFace.landmarks);
      this.realGaps.push(lips.gap);
      this.genGaps.push(g);
      if (open) push(this.series.engine!, 'lipGapRatio', g / lips.gap);
    }
    if (engine && this.mostOpen.wants(index, lips.gap)) {
      this.mostOpen.offer({ frame: index, gap: lips.gap, real: closeUp(real, lips.box, this.thumb), generated: closeUp(engine.image, lips.box, this.thumb) });
    }
  }

  /** The mouth: a box around the latest real lips; "open" = frames whose real lips are apart. */
  private mouthScores(real: RgbaImage, valid: Uint8Array | undefined, candidates: Candidate[], lips: { box: Box; gap: number }): void {
    const m = intersect(valid, boxMask(lips.box, this.size, this.size));
    const open = lips.gap >= MOUTH_OPEN_GAP;
    for (const c of candidates) {
      const [p, s] = imageScores(c, real, m);
      pushImageScores(c, 'Mouth', [p, s]);
      pushImageScores(c, 'MouthOpen', open ? [p, s] : [null, null]);
    }
  }

  /** After the pass: how well the generated lip gap follows the real one over the detection frames. */
  lipGapCorrelation(): void {
    if (this.genGaps.length > 2) push(this.series.engine!, 'lipGapR', num(pearson(this.realGaps, this.genGaps)));
  }

  /**
   * After the pass: CSIM, AED, APD, NME and where NME comes from (face size and position) on
   * each detection frame, both fitted with the driver's neutral face. The baseline is scored as
   * a generated face that is always the photo's.
   */
  landmarkScores(video: string, withEngine: boolean): void {
    const goodReal = this.realLms.filter((l): l is RigLandmarks => !!l);
    if (!goodReal.length) throw new NoFaceError(`No face found in the evaluated frames of ${video}.`);
    const neutral = estimateNeutral(goodReal);
    const photo = this.photoFace;
    const photoFit = weightsOf(photo.landmarks, neutral);
    for (let k = 0; k < this.realLms.length; k++) {
      const r = this.realLms[k] ?? null;
      const rf = r ? weightsOf(r, neutral) : null;
      landmarkRow(this.series.baseline!, r, rf, photo.landmarks, photoFit, photo.embedding, photo.embedding);
      if (!withEngine) continue;
      const g = this.genLms[k] ?? null;
      landmarkRow(this.series.engine!, r, rf, g, g ? weightsOf(g, neutral) : null, this.genEmb[k] ?? null, photo.embedding);
    }
  }
}

/** One detection frame's landmark metrics of a generated face `g` (fit `gf`, embedding `e`) against the real `r`. */
function landmarkRow(s: MethodSeries, r: RigLandmarks | null, rf: RigScores | null, g: RigLandmarks | null, gf: RigScores | null, e: number[] | null, photoEmbedding: number[]): void {
  push(s, 'csim', e ? num(cosineSimilarity(e, photoEmbedding)) : null);
  push(s, 'aedRig', rf && gf ? weightDistance(gf.w, rf.w) : null);
  push(s, 'aedLm', r && g ? landmarkExpressionDistance(g, r) : null);
  push(s, 'apd', rf && gf ? poseDistance(gf.pose, rf.pose) : null);
  push(s, 'nme', r && g ? nme(g, r) : null);
  push(s, 'faceScale', r && g ? interOcular(g) / (interOcular(r) || 1) : null);
  push(s, 'faceShift', r && g ? noseShift(g, r) : null);
}
