// The renderer's face textures stage: its working copies of the photo's skin and eye textures, and
// what each frame's weights and gaze change in them (lids, brows, cheeks, lower rim, wide eyes, the
// iris's shift), after the geometry (deform.ts) and before the rasterisation (rasterize.ts).
import type { MotionFrame } from '../types.ts';
import type { Avatar } from '../avatar/types.ts';
import { LANDMARK_COUNT } from '../rig/topology.ts';
import { packedView, type TextureSource } from './textureSample.ts';
import { pastBorderPad } from './pastBorder.ts';
import { applyBand, bandShare, eyeOverLiner, raisedLidBandSetting } from './raisedLidBand.ts';
import { slideLidTexture, LidSkin, blinkCompletion } from './eyes.ts';
import { startFresh } from './freshPasses.ts';
import { applyLidWhite, lidWhite, whiteOnLidSetting } from './whiteOnLid.ts';
import { CONTROL_INDEX } from '../rig/controls.ts';
import { EYE_L_LOWER, EYE_L_LOWER2, EYE_L_UPPER, EYE_R_LOWER, EYE_R_LOWER2, EYE_R_UPPER } from '../rig/topology.ts';
import { lidRiseOf, squintCoverSetting, type LidRise } from './squintCover.ts';
import { GazeIris } from './gazeIris.ts';
import { drawnVergence } from './gazeDiverge.ts';
import { paintedBandSetting, paintedOpenings } from './paintedBand.ts';
import { WideEyes } from './wideEyes.ts';
import { hiddenIris } from './irisHidden.ts';
import { RaisedFills, columnWhiteLum } from './raisedWhite.ts';
import { LASH_BAND } from '../avatar/eyes.ts';
import { ClosedEyes, eyesMovedBySide, shutEyeGrowBySide } from './closedEye/overlay.ts';
import { ForeheadFolds, UnderBrowSkin } from './brows.ts';
import { CheekRaise } from './cheeks.ts';
import { LowerRim } from './lowerRim.ts';
import { FlankLift } from './flankLift.ts';
import type { Deformer } from './deform.ts';

/**
 * The iris's shift per unit of gaze, in eye-corner distances (eased into each eye's reach,
 * render/gazeIris.ts). Calibrated on drivers (bench/gazeTransfer.ts: face-mesh iris offset
 * on our frames per unit on the driver's, 5 s of lp_d0, lp_d6, Katie on lp_s42 and mt_man): at
 * 0.075 / 0.04 (round eyes8, rim not pinned) x 0.17-0.51 (median 0.27), y 0.07-0.69 (0.18); at
 * 0.2 / 0.08 x 0.32-0.88 (0.46), y 0.18-0.77 (0.29). The mesh reads our strongest looks short:
 * lp_d0's -0.52 reads -0.10 to -0.16 where the sheet shows our iris at the corner (docs/eyes/README.md).
 * Since the iris moves as a rigid disc (round eyes12) it travels the whole eased shift (the fan's
 * centre vertex moved it part of the way): x 0.46-1.32 (median 0.72), y 0.17-0.46 (0.30).
 */
export const GAZE_SHIFT_X = 0.2, GAZE_SHIFT_Y = 0.08;

/**
 * The renderer's working copies of the photo's skin and eye textures and what changes them per frame:
 * closing lids blend their band toward smooth lid skin and shade the pale lower rim (lowerRim.ts), raised brows deepen the forehead's grooves and
 * uncover skin under the brow, a raised cheek lightens, wide eyes move the lid's shadow, the iris
 * moves as a rigid disc (gazeIris.ts); a real shut eye (library) completes a blink.
 */
export function faceTextures(avatar: Avatar) {
  const size = avatar.size, iod = avatar.head.iod;
  // where mesh vertex i sits in the photo (texture pixels)
  const photoXY = (i: number): [number, number] => [avatar.uv[i * 2]!, avatar.uv[i * 2 + 1]!];
  const lidSkin = new LidSkin(avatar.texture, photoXY, LASH_BAND);
  const skinData = packedView(lidSkin.data);
  const crop = avatar.analysis?.crop;
  // how far a landmark rises in the texture per unit of a control (the rig's field turned into the crop frame)
  const rig = avatar.rig, R = rig.rotation;
  const lidLift = (k: number, i: number) => { const o = (k * LANDMARK_COUNT + i) * 3; return -rig.scale * (R[3]! * rig.basis[o]! + R[4]! * rig.basis[o + 1]! + R[5]! * rig.basis[o + 2]!); };
  // a big painted iris's eye reaches below the mesh's lower lid: its opening taken down to the painted lid (paintedBand.ts)
  const painted = paintedBandSetting.on ? paintedOpenings(avatar.uv, avatar.eyeTexture, avatar.texture) : null;
  const eyeTexture = painted?.eyeTexture ?? avatar.eyeTexture;
  const wideEyes = new WideEyes(eyeTexture, photoXY, lidLift, avatar.texture);
  // the lash band's eye texels (over the iris, under the liner) take the liner's colour as the lid rises (raisedLidBand.ts)
  const lidBands = raisedLidBandSetting.on ? wideEyes.openings.map((o) => (o ? eyeOverLiner(avatar.texture, o.model.columns, o.model.iris) : null)) : [];
  const eyeTex: TextureSource = { width: size, height: size, data32: packedView(wideEyes.data) };
  const gazeWarp = new GazeIris(painted?.uv ?? avatar.uv, eyeTex, {
    rest: { width: size, height: size, data32: packedView(eyeTexture.data) },
    raisedShare: (e, u, v) => wideEyes.raisedShare(e, u, v),
    hidden: wideEyes.openings.map((o, e) => (o ? hiddenIris(eyeTexture, o.model, painted?.bands[e]?.poly ?? o.poly) : null)),
  });
  return {
    photoXY,
    lidSkin,
    // past the crop's border: the mirrored texture going over to a blurred copy (raster.ts sampleInto)
    skinTex: { width: size, height: size, data32: skinData, past: pastBorderPad(skinData, size, size) } as TextureSource,
    eyeTex,
    // (paintedBands: band 0 is EYE_L, the image-right eye: the shut eye takes them image-left first)
    closedEyes: new ClosedEyes({ texture: avatar.texture, xy: photoXY, photoPixel: crop ? crop.size / crop.side : 1, eyesMoved: eyesMovedBySide(avatar.analysis), eyeGrow: shutEyeGrowBySide(avatar.analysis), paintedBands: [painted?.bands[1] ?? null, painted?.bands[0] ?? null] }),
    folds: new ForeheadFolds(lidSkin.data, size, size, photoXY, iod),
    underBrow: new UnderBrowSkin(lidSkin.data, size, size, photoXY, iod),
    cheeks: new CheekRaise(lidSkin.data, size, size, photoXY, iod),
    lowerRim: new LowerRim(lidSkin.data, size, size, photoXY, iod),
    // the nose flank a turn faces to the camera loses the photo's shade (flankLift.ts)
    flankLift: new FlankLift(lidSkin.data, size, size, photoXY, iod, avatar.rig.angles.yaw),
    wideEyes,
    // how far above each lid line the photo's lash reaches: a lowering lid's skin slides past it (loweredLidLash.ts)
    lashTops: wideEyes.lashTops(),
    gazeWarp,
    // per eye (0 = EYE_L): a big painted iris's strip under the mesh's lower lid, drawn with the eye's gaze shader (paintedBand.ts)
    paintedBands: painted?.bands ?? [null, null],
    // per eye (as paintedBands): this frame's lower lid rise over a painted strip, null where none (squintCover.ts)
    coverRises: [null, null] as (LidRise | null)[],
    // per side (0 = EYE_L): the lash band's texels over the iris and their share now (raisedLidBand.ts)
    lidBands, lidBandShare: [0, 0],
    // the painted white over the mesh's upper lid line toned to lid skin as the lid closes (whiteOnLid.ts)
    lidWhites: whiteOnLidSetting.on ? ([[CONTROL_INDEX.eyeBlinkLeft, EYE_L_UPPER], [CONTROL_INDEX.eyeBlinkRight, EYE_R_UPPER]] as const).map(([control, upper]) => ({ control, white: lidWhite(avatar.texture, upper.map(photoXY)) })) : [],
    // the white behind a moved iris without the photo's lid shade once the lid is up (raisedWhite.ts)
    raisedFills: new RaisedFills(gazeWarp.discs, wideEyes.openings.map((o) => (o ? columnWhiteLum(o.model) : null))),
  };
}
export type FaceTextures = ReturnType<typeof faceTextures>;

/** The eye and brow textures for this frame's weights and gaze (after the geometry). */
export function updateFaceTextures(t: FaceTextures, avatar: Avatar, geometry: Deformer, frame: MotionFrame): void {
  const { wv, uvNow } = geometry;
  const rig = avatar.rig, photo = rig.photoWeights;
  // every frame's passes start from the texture as built: a frame does not depend on the one before (freshPasses.ts)
  startFresh(t);
  // a turn toward a turned photo's far side lifts its nose flank's shade (flankLift.ts; first: the lid passes have the last word)
  t.flankLift.update(frame.pose?.yaw ?? 0);
  // closing lids show lid skin, past the photo's lash (drawn on the lowered edge: wideEyes.drawLoweredLashes)
  slideLidTexture(wv, photo, avatar.uv, uvNow, t.lashTops);
  // a rising lower lid over a big painted iris's strip: the strip drawn as the eyeball in place (squintCover.ts)
  ([[EYE_L_LOWER, EYE_L_LOWER2], [EYE_R_LOWER, EYE_R_LOWER2]] as const).forEach(([lower, ring], e) => { t.coverRises[e] = squintCoverSetting.on && t.paintedBands[e] ? lidRiseOf(lower, ring, avatar.uv, geometry.expression.cropDisp) : null; });
  t.lidSkin.update(wv, photo);
  t.folds.update(wv, photo);
  t.underBrow.update(wv, photo);
  t.cheeks.update(wv, photo);
  t.lowerRim.update(wv, photo);
  // the painted white over the mesh's upper lid line toned to lid skin as the lid closes (whiteOnLid.ts), after the passes that rewrite the lid
  for (const { control, white } of t.lidWhites) if (white) applyLidWhite(t.lidSkin.data, white, blinkCompletion(wv[control]!, photo[control]!));
  // gaze: the eyeballs' shaders for this frame's shift
  const gaze = frame.gaze ?? [0, 0];
  const gx = Math.max(-1, Math.min(1, gaze[0] || 0)) - rig.gaze[0];
  const gy = Math.max(-1, Math.min(1, gaze[1] || 0)) - rig.gaze[1];
  const iod = avatar.head.iod;
  // eyes turn apart no further than parallel (gazeDiverge.ts)
  const vergence = drawnVergence(frame.vergence);
  t.gazeWarp.set(gx * GAZE_SHIFT_X * iod, gy * GAZE_SHIFT_Y * iod, vergence * GAZE_SHIFT_X * iod);
  // wide eyes: what the raised lids uncover, the iris at this frame's shift
  t.wideEyes.update(wv, photo, [t.gazeWarp.shiftOf(0), t.gazeWarp.shiftOf(1)]);
  const lifts = t.wideEyes.liftPx();
  t.raisedFills.update(lifts);
  // a raised lid's lash band shows the liner, not the photo's iris top over the lid line (raisedLidBand.ts)
  t.lidBands.forEach((band, e) => {
    const s = bandShare(lifts[e]!);
    if (!band || Math.abs(s - t.lidBandShare[e]!) < 1e-3) return;
    t.lidBandShare[e] = s;
    applyBand(t.lidSkin.data, band, s);
  });
}

