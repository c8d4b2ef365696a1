// The speaker's rest opening in the audio mouth's pauses (issue #13, lipedge23). Real speakers rest between
// phrases with their own lips: parted (Fei-Fei, Katie, Obama's later pauses: .08-.19 IOD) or shut (GRID), and
// the photo is the one look at that rest the audio path has. Before, every pause was shut and the gate's edge
// frames (just before and after a sound) kept the network's output in silence: jawOpen .13-.16, lips apart on
// teeth where the real lips are shut (Obama clip1 f0: .095 IOD [real .019]; lipnet22).
// Now, on frames without speech:
//   - the motion carries a rest gap (REST_LIP_GAP, the entry a video motion uses for its driver's rest), which the
//     renderer takes as min(it, the photo's own gap): a parted photo rests parted up to AUDIO_REST_GAP, a shut
//     photo rests shut; a closure from the sound (lipClosures.ts) still shuts it;
//   - the opening controls are capped at EDGE_GAP_CAP and the rest is taken off them, so an edge frame opens at most
//     EDGE_GAP_CAP on a parted photo and EDGE_GAP_CAP - AUDIO_REST_GAP on a shut one: under the opening where teeth show.
// Measured (bench/lipPauses.ts; docs/lipsync/README.md lipedge23): silent frames apart > .06 IOD 81 -> 23 on the 23
// tracked bench clips, 98 -> 39 on 22 teacher-cache clips never looked at; r0 .412 -> .415 / .393 -> .393.
import { RENDER_GAP_PER_JAW } from '../render/mouth/opening.ts';

/** The most (IOD) a pause rests open: a barely parted slit, under the ~.06 IOD where the rendered teeth show. */
export const AUDIO_REST_GAP = 0.05;
/** The most a frame without speech opens (IOD, with the rest): where the rendered teeth begin to show (docs/lipsync smallgap-sweep). */
export const EDGE_GAP_CAP = 0.06;

const isSpeech = (v: number) => v >= 0.5;

/** Per frame, the rest gap (IOD) the motion asks for: AUDIO_REST_GAP on frames without speech, less a closure's share; 0 in speech. */
export function pauseRestGaps(speech: ArrayLike<number>, closure: ArrayLike<number>): Float64Array {
  return Float64Array.from({ length: speech.length }, (_, i) => (isSpeech(speech[i]!) ? 0 : AUDIO_REST_GAP * (1 - Math.min(1, Math.max(0, closure[i] ?? 0)))));
}

/**
 * In place: on frames without speech, jawOpen becomes max(0, min(jaw, EDGE_GAP_CAP) - AUDIO_REST_GAP) (in jaw units) and the
 * other opening controls (mouthLowerDown, mouthUpperUp) shrink by the same factor. The renderer adds the rest back
 * (capped at the photo's gap), so a parted photo's edge frame opens to at most the cap and a shut photo's stays near shut.
 */
export function capEdgesToRest(jaw: Float64Array, others: Float64Array[], speech: ArrayLike<number>): void {
  const restJaw = AUDIO_REST_GAP / RENDER_GAP_PER_JAW, capJaw = EDGE_GAP_CAP / RENDER_GAP_PER_JAW;
  for (let i = 0; i < jaw.length; i++) {
    if (isSpeech(speech[i]!) || jaw[i]! <= 0) continue;
    const capped = Math.max(0, Math.min(jaw[i]!, capJaw) - restJaw);
    const keep = capped / jaw[i]!;
    jaw[i] = capped;
    for (const c of others) if (i < c.length) c[i] = c[i]! * keep;
  }
}
