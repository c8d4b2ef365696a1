// The audio mouth's shape channels after the lip model (issue #13: "every opening is the same
// smiling lens"). The two stretch curves come apart (Obama 2 at 0.68 s: 0.28 / 0.49), the training
// speakers' own one-sided habits; speech alone says nothing of a side, and on the photo one corner
// pulled out into a lopsided grin. Both take their mean.
// (Tried: handing the lower lip's own drop, mouthLowerDown 0.6-0.7 at loud vowels, to the jaw so the
// lower teeth would drop with the lip: the rendered lower row showed the same, render/mouth keeps it
// under the lip by its own rule, and the read-back gap fell 0.174-0.166 -> 0.160-0.166; not kept.)

/** In place on post-processed curves (targets in `targets` order): both stretches their mean. */
export function shapeAudioMouth(curves: Float64Array[], targets: readonly string[]): void {
  const left = curves[targets.indexOf('mouthStretchLeft')], right = curves[targets.indexOf('mouthStretchRight')];
  if (!left || !right) return;
  for (let i = 0; i < left.length; i++) left[i] = right[i] = (left[i]! + right[i]!) / 2;
}
