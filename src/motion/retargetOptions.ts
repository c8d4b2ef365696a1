// The switches of the driver retarget (retarget.ts): each names one rule that was measured on its
// own, so a bench can render before/after with it off. Defaults are the shipped behaviour.

/** How the driver's frames are fitted and retargeted; each option defaults to on (off only for before/after runs) except the two mouth rebases, which are experiments. */
export interface DriverFitOptions {
  /** The face oval counts less in the pose solve as the head turns or tilts (rig/fit.ts). */
  silhouetteFade?: boolean;
  /** Remove what a neutral face reads at the frame's head pose (rig/poseBias.ts): the face mesh reads a pitched/tilted head as one-sided expression. */
  poseCorrection?: boolean;
  /** The fit's mouth prior: a mouth wider than at rest is not puckered (rig/mouthPrior.ts). */
  puckerPrior?: boolean;
  /**
   * The lower lip's own drop read by the fit (mouthLowerDown); the video path keeps the larger of it and
   * the measure's (fromVideo.ts). The opening stays the measured lip gap (the renderer gives the jaw only
   * what the lips do not open, render/mouth/opening.ts), so this moves a smile's opening from the jaw to
   * the lip: Katie's toothy smiles part the lips with the jaw nearly still (the fit's jawOpen 0.00-0.03,
   * lowerDown 0.8-0.9 at 1.1 s and 6.7 s), and a jaw carrying the whole gap drew a tall oval, a talking mouth.
   */
  lowerLipFit?: boolean;
  /** A frown no deeper than the driver's brows came down over its eye corners (head frame, against its median; browDrop.ts). */
  frownWithinDrop?: boolean;
  /**
   * The mouth's shape as signed changes from the driver's rest, added to the photo's own mouth
   * (rig/mouthBase.ts). Off by default: it counts a photo's expression twice when the photo shows
   * more than the driver's rest (self-reenactment mt_sun, who smiles throughout: mouth PSNR 20.38 ->
   * 16.99), though it helps where the photo's fit reads less than the driver (Obama 2 19.75 -> 20.12).
   */
  mouthOnPhoto?: boolean;
  /**
   * With mouthOnPhoto: the changes count from the driver's first frame instead of its rest. Right
   * when the photo shows the driver's first frame (self-reenactment mouth PSNR, from 20.38 / 22.86 /
   * 19.75 without mouthOnPhoto: mt_sun 20.61, lp_d0 24.52, Obama 2 20.41), wrong for another face: a
   * driver smiling from its first frame gave no smile (cross AED lp_d14 0.165 against 0.10, Katie
   * 0.166, worse than the photo repeated; docs/mouth/README.md round 9).
   */
  mouthFromStart?: boolean;
  /** Brow raises at their read-back gain, no higher than the driver's brows rose over its eye corners (browDrop.ts). */
  raiseWithinRise?: boolean;
  /** A wide eye is not squinting: eyeSquint less the side's eyeWide (wideOverSquint). */
  wideOverSquint?: boolean;
  /**
   * The head's yaw from the rig fit's pose solve (a 3D face fitted to the landmarks' x, y) rather
   * than from the face mesh's own depth (measures.ts headAngles), which is flat: on real drivers it
   * read 0.51-0.77 of the fit's yaw (Katie 0.61, Obama 0.77, Fei-Fei 0.62, lp_d0 0.51), and on our own
   * renders turned 25 deg it read 9.5-14 deg where the fit reads 16-20. Self-reenactment (yaw read back
   * by the fit on ours vs on the real frames): Fei-Fei 0.65 -> 0.89 per real degree, mean error 2.70 ->
   * 1.11 deg; Obama 0.85 -> 1.02, 1.17 -> 0.96. Pitch and roll stay the mesh's: the fit's pitch
   * overshot (Obama 1.19 -> 1.32 per real degree, error 1.35 -> 1.93).
   */
  yawFromFit?: boolean;
  /** One-sided readings (left/right pairs) kept less as the head turns from the driver's usual heading (turnTrust.ts). */
  oneSidedTurn?: boolean;
  /** Frowns kept less as the head pitches down from the driver's usual pitch, where its frowns grow with it (pitchTrust.ts). */
  frownPitchTrust?: boolean;
  /** With wideOverSquint: an eye measured narrower than at rest keeps its squint over its eyeWide (lidsDecide.ts). */
  lidsDecide?: boolean;
  /** With lidsDecide: the fit's squint kept, as far as the lower lid's rise and the eye's narrowing show it, where lidsDecide took it off for a wide reading (eyeSquints.ts lidShownSquints; docs/eyes/sessions/s57-squint57.md). */
  lidShownSquint?: boolean;
  /** With lidsDecide: eyeWide no more than the eye's measured opening over rest shows (lidsDecide.ts wideWithinOpening). */
  wideWithinOpening?: boolean;
  /** With lidsDecide: a stare the fit reads on one eye carried on both, where the other eye is as open (twoEyedStare.ts). */
  twoEyedStare?: boolean;
  /** With twoEyedStare: a two-eyed stare past the cap, within the opening over the eye's median (twoEyedStare.ts twoEyedStaresOverMedian). On since s34, with stareShowGate (docs/eyes stare34). */
  stareOverMedian?: boolean;
  /** With stareOverMedian: the rise past the cap only as far as the driver's lids show white above both irises (stareShowGate.ts; without it lp_d14's plain open eyes were lifted: lp_s12 over-wide frames 25 -> 33). */
  stareShowGate?: boolean;
  /** With lidsDecide: one eye wide with white above its iris, the other's opening measured well under it, rises past the cap on that eye alone (oneEyedStare.ts; docs/eyes wink35). */
  oneEyedStare?: boolean;
  /** With lidsDecide: a stare the video shows as white above both irises (pixels, not the mesh) carried as eyeWide (whiteStare.ts; docs/eyes stare40). */
  stareFromWhite?: boolean;
  /** With stareFromWhite: only the white over the driver's own floor (a quarter of its frames read at most it) is a stare; pale lids read as white in every frame (whiteFloor.ts; docs/eyes owl47). */
  whiteStareFloor?: boolean;
  /** With stareFromWhite: the white's stare faded out where the face mesh puts either eye's lid well over its iris's top (whiteStare.ts whiteStareMeshGate; pcavs741's pale lids read as white, docs/eyes/sessions/s49-calmeyes49.md). */
  whiteStareMeshGate?: boolean;
  /** With lidsDecide: each eye's eyeWide at most what the more open eye's lid over its iris (the face mesh) allows: a down-looking driver's plain open eyes read wide against his lowered neutral (wideShowCap.ts; docs/eyes/sessions/s50-falsestare50.md). */
  wideShowCap?: boolean;
  /** With wideShowCap: eyeWide also at most what the lesser eye's lid over its iris allows — a stare is two-eyed (wideShowCap.ts WIDE_LESSER_*; beckham f120-137, docs/eyes/sessions/s55-stare55.md). */
  wideShowLesser?: boolean;
  /** The video path: where the mesh's head pose jumps out and back within two frames (3 deg or more off its flanks' line), each eye's eyeWide no more than on the flanking frames — the jump's wide read is the mesh's (poseJumpWide.ts; docs/eyes/sessions/s56-stare56.md: lp_s42 <- christie f80-81 popped stare). */
  wideAtPoseJump?: boolean;
  /** The video path: on the same pose-jump frames the head's pose (yaw, pitch, roll, tx, ty, tz) on the line between the flanking frames before the smoothing — the jump is the mesh's, not a head twitch (poseJumpWide.ts bridgedAtJumps; docs/eyes/sessions/s56-posejump56.md: christie f80-81). */
  poseAtJumpBridged?: boolean;
  /** The video path: on the same frames the gaze and vergence on their flanks' line too — the jump moves the mesh's eye corners the gaze is read against (poseJumpWide.ts GAZE_CHANNELS; christie f80-81 gaze .32 off its line, the driver's eyes still). */
  gazeAtJumpBridged?: boolean;
  /** The video path: both lids half lowered, one read flickering near open, hold that eye's own deepest weight over the event (halfLids.ts). Off: read back slightly worse on lp_s9 <- lp_d11 (docs/eyes wink33). */
  halfLidsTogether?: boolean;
  /** The video path: an event of 5+ frames where one eye reads shut and the other a slit is a two-eyed narrowing (a look down, a squint), closing neither eye past the slit (heldNarrowing.ts; docs/eyes downlook40). */
  heldNarrowing?: boolean;
  /** With heldNarrowing: two both-shut frames at most 2 apart inside the event are a blink, not capped (droopLids.ts; docs/eyes droopblink47: pcavs741 f34-37). */
  blinkThroughNarrowing?: boolean;
  /** The video path: a held half-lowered lid (the more closed eye's median .38-.85 of rest for 0.4 s or longer) closes no further than the weight that renders that share of the photo's eye, not as a blink in flight (heldLids.ts; docs/eyes/sessions/s56-hooded56.md: christie f14-40). */
  heldLidsShown?: boolean;
  /** With heldLidsShown: a frame whose pixels show an iris open (irisShow.ts, .75 of its open median, on an eye the mesh reads .6 open or more) is no blink's closing, and is held however low the mesh reads the other eye (heldLids.ts irisSeenFrames; docs/eyes/sessions/s57-heldlid57.md: christie f0-13 drawn shut). */
  heldLidIrisSeen?: boolean;
  /** With heldLidsShown: the capped frames carry a `heldLid` mark (heldLidMarks.ts), and the renderer shades the eyeball under such a lid lighter than a blink in flight (render/closedEye/heldShade.ts; docs/eyes/sessions/s57-heldshade57.md: christie f0-15's dark slit). */
  heldLidMarked?: boolean;
  /** The video path: outside lid events, an eye's lowered lid held at the median of its weights over 0.4 s either side (droopLids.ts; docs/eyes droopblink47: pcavs741's droop pumped 0 -> .5). */
  droopHeld?: boolean;
  /** The video path: each eye's blink no more than its upper lid's fall asks for (the lower lid at rest): a smile's raised lower lid on a side glance is the squint's, not a blink (upperLidBlink.ts; docs/eyes glance43). */
  blinkFromUpperLid?: boolean;
  /** The video path: two eyes whose opening shares of rest are within the mesh's noise (alikeEyes.ts ALIKE_DIFF) take their blinks' mean; a wink, well past it, keeps each eye's (docs/eyes/sessions/s51-droop51.md: lp_d10 f40 one lid lowered under level eyes). */
  alikeEyes?: boolean;
  /** The video path: where the driver's pixels show both irises hidden together (irisShow.ts, irisShowShares.ts) the two blinks are one pair however far apart the mesh reads the eyes, in alikeEyes and the slit-eye trust (docs/eyes/sessions/s56-irisshow56.md: Stewart f87-89, a blink drawn as a half-wink). */
  irisShowPairs?: boolean;
  /** The video path: the same alike pair takes the mean of its two eyeSquint weights; a one-eyed squint the mesh sees keeps each side's (alikeEyes.ts alikeSquints; docs/eyes/sessions/s54-squint54.md: lp_s9 <- videoretalking_4 f91, a frown's two-eyed narrowing read on one side). */
  alikeSquints?: boolean;
  /** The video path: where one eye of a two-eyed blink closes a frame late or opens a frame early on the mesh (closing runs overlapping, at most 2 frames apart, a blink long), the pair takes one value there (blinkInStep.ts; docs/eyes/sessions/s53-eyepair53.md: noem f58). */
  blinkInStep?: boolean;
  /** The video path: a turned head's far eye, small and foreshortened (a few pixels), is read as its near eye: its opening share taken toward the near eye's for the blinks and the pairing rules, its eyeWide no more than the near eye's (farEye.ts; docs/eyes/sessions/s55-winkturn55.md: lp_s42 <- christie f34 wink, f33-37/f88-92/f109 one-eyed stares). */
  farEyeAsNear?: boolean;
  /** The video path: each eye's measured opening taken to the driver's usual (median) pitch by the driver's own growth of the opening with the pitch, before any rest or share (pitchedEyes.ts; off: a small gain on chin-down stares against Katie's chin-up half lids; docs/eyes/sessions/s55-hooded55.md: christie's hooded eyes, lp_s9 <- vrt4 f43's stare). */
  eyesAtUsualPitch?: boolean;
  /** eyeWide at least as far as the upper lid shows white above the iris, over the driver's usual (scleraShow.ts). Off: on lp_s42 an eyeWide .9 draws a dark-ringed grey eye (docs/eyes eyes27). */
  wideFromShow?: boolean;
  /** A lower lid that rose is a squint (with a smile, the cheek's too), and the video path's blink leaves that share out (lowerLid.ts). */
  lowerLidSquint?: boolean;
  /**
   * With puckerPrior: the mouth prior again after the video path's smoothing (framesFromRaw.ts): a
   * short "O" between smiles (lp_d6 at 3.3 s, 0.2 s) took 0.16-0.21 of their smile from the smoothing.
   */
  roundAfterSmoothing?: boolean;
  /**
   * After smoothing, a driver's mouth wider than its rest widens the photo's as much: the smile,
   * stretch and dimples scaled up to the driver's width over its neutral (rig/mouthPrior.ts widenToWidth).
   */
  widenToDriver?: boolean;
  /**
   * With puckerPrior: no funnel on a mouth at or past its rest width (rig/mouthPrior.ts funnelCap), in the
   * fit and after smoothing. Katie's grins on lp_s2 lost their pout (width .48/.55 -> .52/.64 IOD at 2.2 / 2.7 s),
   * but a self-reenactment that reproduced its own funnel readings lost mouth PSNR (lp_d14 24.01 -> 23.44).
   */
  funnelPrior?: boolean;
  /**
   * With raiseWithinRise: the shared inner raise (both inner heads) within the lower brow's rise, and
   * the higher brow's extra on its own outer raise (browRetarget.ts raisesFromRise). Until session 17
   * the inner raise took the higher brow's rise and a frown took it back on the other side (s14);
   * lp_d0's grin on st_art_1 read a 0.3 inner raise on both brows from his left brow's 0.012-0.018 rise.
   */
  oneSidedBrows?: boolean;
  /** With lowerLidSquint: a smile's squint no deeper than the driver's eye narrowed (squintForNarrowing). */
  squintWithinNarrowing?: boolean;
  /** With lowerLidSquint and squintWithinNarrowing: a lower lid's rise held 0.36 s is a squint without a smile, no deeper than the eye narrowed (lowerLid.ts heldRises; docs/eyes/sessions/s57-squint57.md). */
  heldRiseSquint?: boolean;
  /** The fit's eyeSquint faded out on an eye narrowed past a squint's reach, which the blink closes (eyeSquints.ts squintsWithinBlink). */
  squintWithinBlink?: boolean;
  /** With frownWithinDrop: the brow drop a smile brings is no frown (browDrop.ts SMILE_BROW_DROP; browRetarget.ts smileFrowns). */
  smileNoFrown?: boolean;
  /** With raiseWithinRise: each brow raised at least as far as the driver's rose over its eye corners (browRetarget.ts raisesFromRise). */
  raiseFromRise?: boolean;
  /**
   * With raiseWithinRise: the fit's raise no higher than the weight that renders the driver's rise (browRetarget.ts
   * raiseWithinRendered, RENDERED_RAISE_PER_WEIGHT) instead of a full raise from a .03 rise (browDrop.ts RAISE_AT_FULL):
   * the same rise gives the same raise on any driver (docs/eyes/sessions/s54-browgain54.md).
   */
  raiseAbsolute?: boolean;
  /** On a clip spent with the head pitched (looking down), brow raises count from the brows' rest on the frames nearest facing the camera (browRetarget.ts frontalBrowRest; docs/eyes s50 browneutral50). */
  frontalBrowRest?: boolean;
  /** A knit whose inner brow heads came together further than they came down is a worried brow (browInnerUp), not a frown (browKnit.ts; docs/eyes s47). */
  worriedKnit?: boolean;
  /** A brow raised before a wink or blink held through its shut frames, where the face mesh drags the brows down with the lid; not on a squeezed blink's knit (browsThroughLids.ts; docs/eyes s48). */
  browsThroughLids?: boolean;
  /** browsThroughLids lets go of a side whose brow stays down after the eyes reopen: a real drop through the closure, not the mesh's drag (browsThroughLids.ts realDrops; docs/eyes s48 winkfix48). */
  realBrowDrops?: boolean;
  /**
   * The lip-shape controls (rig/mouthBase.ts RELATIVE_MOUTH) at rest where the driver's lips are shut, not
   * over the whole clip, whose low percentile is an open mouth's reading (shutRest.ts).
   */
  restFromShutLips?: boolean;
  /** With widenToDriver: a tall opening holds little smile or dimple, its width goes to the stretch: a driver's shout or open "oh" is no grin (rig/mouthPrior.ts tallGrinCap). */
  tallNoGrin?: boolean;
  /** With tallNoGrin: a small rounded vowel (an opening on a mouth narrower than the clip's median) holds little smile or dimple (rig/mouthPrior.ts narrowOpeningGrinCap). */
  narrowNoGrin?: boolean;
  /**
   * A flat-start driver's smile rises over its start only by the share its clip's corners show (motion/smileLift.ts).
   * Off by default: measured (docs/mouth/README.md s32 grin32), it narrowed lp_s9's grin a little but moved the corner
   * lift further under the driver's and AED rose on lp_d11 and lp_d6.
   */
  smileByLift?: boolean;
  /** The video path: the lips' opening weights toward 0 where the driver's pixels read the lips sealed, whatever gap the face mesh read (sealedLips.ts, sealedClose.ts; docs/mouth s40 sealed40). */
  sealedLipsClose?: boolean;
  /** The video path: the driver's lips pushed to one side (a pout to the side) carried as `w.mouthShift`, which the renderer moves the photo's mouth by; the rig has no sideways control (mouthSide.ts, render/mouthShift.ts; docs/mouth s43 asym43). */
  mouthShift?: boolean;
  /** The video path: one side of the driver's lips raised or dropped against the other (a sneer, a bite) carried as `w.lipSideUpper` / `w.lipSideLower` where it passes the talking floor; the rig's lip controls act on both sides (lipSides.ts, render/lipSides.ts; docs/mouth s45 bite45). */
  lipSides?: boolean;
  /** The video path: a one-sided sneer or bite read off the driver's pixels (each side's teeth, sneerRead.ts) added to `w.lipSideUpper` where the face mesh left it out (sneerSides.ts; docs/mouth s46 sneer46). */
  sneerSides?: boolean;
  /**
   * An expression held from the clip's first frame to its last, which every reading relative to the driver's rest takes
   * away: eyes resting narrower than any neutral driver's (IOD) are a held squint, a start with both corners well under
   * the lips' middle a held frown, put under every frame's own reading (heldLook.ts; docs/expression/sessions/s59-cry59.md:
   * eamm's cry drawn wide-eyed). The 25 drivers of the critic's ruler but eamm (and beckham's squint, .03) hold nothing.
   */
  heldLook?: boolean;
}

/** Every option at its default. */
export function driverFitDefaults(o: DriverFitOptions = {}): Required<DriverFitOptions> {
  return {
    silhouetteFade: o.silhouetteFade ?? true,
    poseCorrection: o.poseCorrection ?? true,
    puckerPrior: o.puckerPrior ?? true,
    lowerLipFit: o.lowerLipFit ?? true,
    frownWithinDrop: o.frownWithinDrop ?? true,
    raiseWithinRise: o.raiseWithinRise ?? true,
    wideOverSquint: o.wideOverSquint ?? true,
    yawFromFit: o.yawFromFit ?? true,
    oneSidedTurn: o.oneSidedTurn ?? true,
    frownPitchTrust: o.frownPitchTrust ?? true,
    lidsDecide: o.lidsDecide ?? true,
    lidShownSquint: o.lidShownSquint ?? true,
    wideWithinOpening: o.wideWithinOpening ?? true,
    twoEyedStare: o.twoEyedStare ?? true,
    stareOverMedian: o.stareOverMedian ?? true,
    stareShowGate: o.stareShowGate ?? true,
    oneEyedStare: o.oneEyedStare ?? true,
    stareFromWhite: o.stareFromWhite ?? true,
    whiteStareFloor: o.whiteStareFloor ?? true,
    whiteStareMeshGate: o.whiteStareMeshGate ?? true,
    wideShowCap: o.wideShowCap ?? true,
    wideShowLesser: o.wideShowLesser ?? true,
    wideAtPoseJump: o.wideAtPoseJump ?? true,
    poseAtJumpBridged: o.poseAtJumpBridged ?? true,
    gazeAtJumpBridged: o.gazeAtJumpBridged ?? true,
    halfLidsTogether: o.halfLidsTogether ?? false,
    heldNarrowing: o.heldNarrowing ?? true,
    blinkThroughNarrowing: o.blinkThroughNarrowing ?? true,
    heldLidsShown: o.heldLidsShown ?? true,
    heldLidIrisSeen: o.heldLidIrisSeen ?? true,
    heldLidMarked: o.heldLidMarked ?? true,
    droopHeld: o.droopHeld ?? true,
    blinkFromUpperLid: o.blinkFromUpperLid ?? true,
    alikeEyes: o.alikeEyes ?? true,
    irisShowPairs: o.irisShowPairs ?? true,
    alikeSquints: o.alikeSquints ?? true,
    blinkInStep: o.blinkInStep ?? true,
    farEyeAsNear: o.farEyeAsNear ?? true,
    eyesAtUsualPitch: o.eyesAtUsualPitch ?? false,
    wideFromShow: o.wideFromShow ?? false,
    lowerLidSquint: o.lowerLidSquint ?? true,
    roundAfterSmoothing: o.roundAfterSmoothing ?? true,
    oneSidedBrows: o.oneSidedBrows ?? true,
    raiseFromRise: o.raiseFromRise ?? true,
    raiseAbsolute: o.raiseAbsolute ?? true,
    frontalBrowRest: o.frontalBrowRest ?? true,
    worriedKnit: o.worriedKnit ?? true,
    browsThroughLids: o.browsThroughLids ?? true,
    realBrowDrops: o.realBrowDrops ?? true,
    smileNoFrown: o.smileNoFrown ?? true,
    squintWithinNarrowing: o.squintWithinNarrowing ?? true,
    heldRiseSquint: o.heldRiseSquint ?? true,
    squintWithinBlink: o.squintWithinBlink ?? true,
    widenToDriver: o.widenToDriver ?? true,
    funnelPrior: o.funnelPrior ?? true,
    mouthOnPhoto: o.mouthOnPhoto ?? false,
    mouthFromStart: o.mouthFromStart ?? false,
    restFromShutLips: o.restFromShutLips ?? true,
    tallNoGrin: o.tallNoGrin ?? true,
    narrowNoGrin: o.narrowNoGrin ?? true,
    smileByLift: o.smileByLift ?? false,
    sealedLipsClose: o.sealedLipsClose ?? true,
    mouthShift: o.mouthShift ?? true,
    lipSides: o.lipSides ?? true,
    sneerSides: o.sneerSides ?? true,
    heldLook: o.heldLook ?? true,
  };
}
