// Is the detected "face" a human one? The face detector and mesh fire on animal faces too (a dog
// scores 0.79 / mesh 1.0 where people score ~0.9), so two independent checks decide:
//  1. semantics: a COCO object detector (CenterNet) on the head-and-shoulders crop. A human face
//     lies inside a 'person' box (scores 0.47-0.82 on every portrait in the test set, paintings
//     and the 3D cartoon included); the dog lies inside a 'dog' box (0.52) and no person box.
//     Reject when an animal box holding the face centre outscores every person box holding it.
//  2. geometry, for animals the object detector misses: an animal's muzzle puts the fitted mouth
//     close under the eyes (eye-to-mouth / eye distance 0.77 on the dog, >= 0.92 on every human
//     portrait incl. the cartoon). Reject when that ratio is below 0.84 unless a person box
//     (score >= 0.3) holds the face.
import type { DetectedObject } from '../face/objects.ts';
import { eyeCentres, mid, dist, UPPER_LIP, LOWER_LIP, FOREHEAD_TOP, CHIN } from './landmarks.ts';

const ANIMALS = new Set(['bird', 'cat', 'dog', 'horse', 'sheep', 'cow', 'elephant', 'bear', 'zebra', 'giraffe', 'teddy bear']);
export const MIN_EYE_MOUTH_RATIO = 0.84;
export const PERSON_VOUCHES = 0.3;

export interface HumanEvidence {
  /** best 'person' score among boxes that hold the face centre (0 if none) */
  person: number;
  /** best animal score among boxes that hold the face centre (0 if none) */
  animal: number;
  animalLabel: string | null;
  /** eye-centres-midpoint to mouth distance over the distance between the eye centres */
  eyeMouthRatio: number;
  human: boolean;
  reason: string;
}

export function judgeHumanFace(landmarks: readonly (readonly number[])[], objects: readonly DetectedObject[]): HumanEvidence {
  const lm = landmarks as [number, number][];
  const centre = mid(lm[FOREHEAD_TOP]!, lm[CHIN]!);
  const holds = (o: DetectedObject) => centre[0] >= o.box[0] && centre[0] <= o.box[0] + o.box[2] && centre[1] >= o.box[1] && centre[1] <= o.box[1] + o.box[3];
  let person = 0, animal = 0;
  let animalLabel: string | null = null;
  for (const o of objects) {
    if (!holds(o)) continue;
    if (o.label === 'person') person = Math.max(person, o.score);
    else if (ANIMALS.has(o.label) && o.score > animal) {
      animal = o.score;
      animalLabel = o.label;
    }
  }
  const eyes = eyeCentres(lm);
  const eyeDistance = Math.max(1e-6, dist(eyes.left, eyes.right));
  const eyeMouthRatio = dist(mid(eyes.left, eyes.right), mid(lm[UPPER_LIP]!, lm[LOWER_LIP]!)) / eyeDistance;
  if (animal > person) return { person, animal, animalLabel, eyeMouthRatio, human: false, reason: `looks like a ${animalLabel} (${animal.toFixed(2)}) rather than a person (${person.toFixed(2)})` };
  if (eyeMouthRatio < MIN_EYE_MOUTH_RATIO && person < PERSON_VOUCHES) return { person, animal, animalLabel, eyeMouthRatio, human: false, reason: `face proportions are not human (eye-mouth ratio ${eyeMouthRatio.toFixed(2)})` };
  return { person, animal, animalLabel, eyeMouthRatio, human: true, reason: 'human' };
}
