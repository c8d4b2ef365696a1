// The Avatar: everything the renderer needs to animate one photo, in the photo's 512-px crop
// space. A plain record of typed arrays (saved by build.ts as one binary file).
import type { RgbaImage, PortraitAnalysis } from '../types.ts';

/** 2: 35 rig controls (was 21) and lash strips in the mesh. 3: far-side mirror texturing (normal, photoFacing, uvMirror, mirrorFacing, mirrorGain, mirrorReach). */
export const AVATAR_VERSION = 3;

/** Triangle materials. */
/** underJaw: skin drawn only on a turn (the neck tucked under the jaw, hidden at the photo's pose) */
/** backOfHead: the band behind the outline (backShell.ts), drawn on a turn under everything else */
export const MATERIAL = { skin: 0, eye: 1, mouth: 2, underJaw: 3, backOfHead: 4 } as const;

export interface AvatarRig {
  /** the person's neutral face in the canonical rig frame (478*3) */
  neutral: Float64Array;
  /** expression basis built on that neutral (controls*478*3, canonical units) */
  basis: Float32Array;
  /** the photo's own fitted control weights (RIG_CONTROLS order) */
  photoWeights: Float64Array;
  /** canonical -> crop rotation (row-major 3x3), scale (px per canonical unit) and translation (px) */
  rotation: Float64Array;
  scale: number;
  translation: [number, number, number];
  /** the photo's head angles in degrees */
  angles: { yaw: number; pitch: number; roll: number };
  gaze: [number, number];
  residual: number;
}

export interface Avatar {
  version: typeof AVATAR_VERSION;
  /** crop side in pixels (texture size) */
  size: number;
  /** focal length of the pinhole camera in pixels (the photo is assumed taken with it) */
  focal: number;
  /** foreground colour PREMULTIPLIED by the matte (so photo = texture + (1 - alpha) * plate); alpha = matte */
  texture: RgbaImage;
  /** the eyes, with their own colours extended outward so a gaze shift never samples eyelid skin */
  eyeTexture: RgbaImage;
  /** inpainted background plate */
  background: RgbaImage;
  vertexCount: number;
  /** rest positions in crop space: x, y in pixels, z in pixels (negative toward the camera) */
  rest: Float32Array;
  /** texture coordinates in pixels */
  uv: Float32Array;
  /**
   * Revealed-side texturing: per vertex, where to sample instead when its side of the head turns
   * toward the camera (steep face-edge bands seen edge-on in the photo would otherwise smear a few
   * edge pixels; these sample the nearby cheek/forehead skin), and the 2D direction (times strength)
   * of that side. Zero direction = never changes.
   */
  uvRevealed: Float32Array;
  revealDir: Float32Array;
  /** per vertex, subtracted from the reveal's activation (a ring of the far band clearing later, bandOuterFirst.ts); absent = 0 */
  revealStart?: Float32Array;
  /** per vertex, how many times faster the reveal's yaw schedule runs up to a full turn (a light rim's skip in sooner, rim.ts rimRevealRate); absent = 1 */
  revealRate?: Float32Array;
  /**
   * On top of the reveal, a turned photo's thin far-jaw rim going clear (rimClearOnTurn.ts): per vertex
   * the texture point (x, y) a larger turn toward its side moves it to, and that side (-1 image-left,
   * +1 image-right, 0 none). Absent where no vertex has one.
   */
  uvCleared?: Float32Array;
  clearSide?: Float32Array;
  /**
   * Far-side completion (mirror.ts): per vertex the photo's unit normal and how squarely (and whether) the photo saw it, the
   * texture position of the mirror-symmetric vertex, how squarely the photo saw that partner, an
   * RGB gain relighting the partner's colour to this side, and the largest mirror share allowed.
   * The renderer blends in the mirrored texture where turning stretches this side's texels more.
   */
  normal: Float32Array;
  photoFacing: Float32Array;
  uvMirror: Float32Array;
  mirrorFacing: Float32Array;
  mirrorGain: Float32Array;
  mirrorReach: Float32Array;
  /** skinning: 1 = moves with the head, 0 = with the torso */
  headWeight: Float32Array;
  /**
   * the neck under the jaw: how much head weight a vertex gives up on a turn (0 elsewhere), so the
   * neck turns less than the head and the jaw passes in front of it (avatar/headSheet.ts, render/turn.ts)
   */
  neckLag: Float32Array;
  /** per vertex, up to 4 landmarks whose expression displacement it follows (-1 = none) */
  influence: Int32Array;
  influenceWeight: Float32Array;
  triangles: Uint32Array;
  /** per triangle, a MATERIAL value */
  material: Uint8Array;
  /** eyeball vertices [start, end): rigid with the skull, their texture shifts with gaze */
  eyeVertices: [number, number];
  /** per eyeball vertex: which eye (0 = image-right/subject-left, 1 = image-left) */
  head: {
    /** rotation centre of the head (crop px, z px) */
    pivot: [number, number, number];
    /** rotation centre of the torso (base of the neck) */
    torsoPivot: [number, number, number];
    /** inter-ocular (outer corners) distance and face width in pixels */
    iod: number;
    faceWidth: number;
  };
  mouth: {
    /** lip gap (13-14) of the photo in pixels */
    photoGap: number;
    /** the photo shows an open mouth: reuse its own teeth instead of procedural ones */
    usePhotoInterior: boolean;
    /** mean lip colour of the photo */
    lipColour: [number, number, number];
    /** how to light the procedural teeth and cavity like the photo: brightness factor and colourfulness 0..1 */
    light?: { brightness: number; saturation: number; tint?: [number, number, number] };
  };
  rig: AvatarRig;
  /** the analysis the avatar was built from (pose, source, crop) */
  analysis: PortraitAnalysis | null;
}
