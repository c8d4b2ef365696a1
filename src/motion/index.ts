// Public surface of the motion stage.
export { motionFromAudio } from './fromAudio.ts';
export { motionFromVideo, type VideoMotion, type VideoMotionOptions, type VideoMotionStats } from './fromVideo.ts';
export { saveMotion, loadMotion, parseMotion, formatMotion, MotionSchema } from './record.ts';
export { combineMotion, resampleMotion } from './combine.ts';
export { OneEuroFilter, oneEuro, oneEuroZeroLag, gaussianSmooth, pearson, bestLagPearson } from './filters.ts';
export { plotMotion } from './plot.ts';
