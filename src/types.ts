// The typed records that flow between stages (see DESIGN.md "Data flow"). Stages talk only
// through these; each can be saved and loaded.

/** An 8-bit RGBA image, row-major, no per-pixel objects. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray; // width * height * 4
}

/** A single-channel float image (matte, depth, weights), values usually in [0, 1]. */
export interface GrayImage {
  width: number;
  height: number;
  data: Float32Array; // width * height
}

export interface HeadPose {
  /** degrees; positive yaw turns the head to the viewer's right */
  yaw: number;
  /** degrees; positive pitch tilts the chin down */
  pitch: number;
  /** degrees; positive roll tilts the head clockwise in the image */
  roll: number;
}

/** Region labels in regions.png / Portrait.regions (one byte per pixel). */
export const REGION = {
  background: 0,
  skin: 1,
  hair: 2,
  eyes: 3,
  mouth: 4,
  neckTorso: 5,
} as const;

/** What `analyze` learns from one photo. JSON-serialisable (analysis.json). */
export interface PortraitAnalysis {
  version: 1;
  /** `padding`: flat strips along the file's edges [left, top, right, bottom] in source px, treated as past the photo (analyze/flatBorder.ts); absent when none. */
  /** `frame` (s39): the same strips kept as the photo has them, a frame the renderer paints over each frame (render/photoFrame.ts). */
  source: { width: number; height: number; file?: string; padding?: [number, number, number, number]; frame?: [number, number, number, number] };
  face: { box: [number, number, number, number]; score: number; index: number };
  faces: { count: number; chosen: number; reason: string; boxes: [number, number, number, number][] };
  /** 478 landmarks in SOURCE pixels: [x, y, z] (z in the same pixel scale, camera-facing negative). */
  landmarks: [number, number, number][];
  iris: { left: [number, number]; right: [number, number] };
  pose: HeadPose;
  embedding: number[];
  /** Square crop in source pixels that crop.png shows at `crop.size` px. */
  crop: { x: number; y: number; side: number; size: number };
  /** Share of the crop's pixels that lie past the photo's edges and were synthesised (absent in old analyses). */
  invented?: { share: number; how: string };
  /** How the face was found and why it passed as human (see analyze/human-check.ts). */
  detection?: { search: 'overview' | 'windows'; person: number; animal: number; eyeMouthRatio: number; faceAreaPercent: number };
  /** Eyes the face mesh missed, moved onto the iris found in the image (analyze/eyes.ts); absent when none. */
  eyesMoved?: { eye: 'image-left' | 'image-right'; offset: number; scale: number; size?: number }[];
}

/** Analysis plus the images, all in CROP space (crop.size x crop.size). In memory only. */
export interface Portrait {
  analysis: PortraitAnalysis;
  /** landmarks mapped into crop pixels */
  cropLandmarks: [number, number, number][];
  image: RgbaImage; // the crop
  matte: GrayImage; // soft alpha of the whole person
  regions: { width: number; height: number; data: Uint8Array };
  background: RgbaImage; // crop with the person removed and filled
}

/** One frame of animation: what the renderer needs. */
export interface MotionFrame {
  /** rig control weights by name (see rig/controls.ts), missing = 0 */
  w: Record<string, number>;
  /** head pose in degrees, plus translation in face-width units (x right, y down, z toward camera) */
  pose: { yaw: number; pitch: number; roll: number; tx: number; ty: number; tz: number };
  /** eye gaze, -1..1 in each axis (x right, y down) */
  gaze: [number, number];
  /** 0 open .. 1 closed; applied to both eyes on top of eyeBlinkL/R */
  blink: number;
  /**
   * video motions: each eye's x gaze apart from the shared one, -1..1 in gaze units: + turns both
   * toward the nose (crossed eyes), - apart. Absent (audio motions, older files): both eyes at `gaze`.
   */
  vergence?: number;
  /**
   * video motions: how dark the inside of the driver's mouth is (0..1, the share of it much darker
   * than the lips, motion/mouthDark.ts); a puckered opening is drawn as a dark "O" only as far as
   * this. Absent (audio motions, older files): a dark O wherever the lips are rounded.
   */
  mouthDark?: number;
}

export interface MotionHeader {
  version: 1;
  fps: number;
  frameCount: number;
  /** what the motion was made from: file is absolute and sha256 its content hash once saved (the soundtrack reference) */
  source: { kind: 'audio' | 'video' | 'manual'; file?: string; sha256?: string };
  options: Record<string, unknown>;
  seed: number;
  /** pose is relative to the photo's own pose (added to it) when true */
  relativePose: boolean;
}

export interface Motion extends MotionHeader {
  frames: MotionFrame[];
}
