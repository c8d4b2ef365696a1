// The public API of real3d. Each stage is usable on its own; generate() runs them all.
export { generate, type GenerateResult } from './pipeline/generate.ts';
export { GenerateOptionsSchema, AnalyzeOptionsSchema, AudioMotionOptionsSchema, type GenerateInput, type GenerateOptions, type ProgressEvent, type JobControl } from './config.ts';
export { analyzePortrait, writeAnalysis, readAnalysis } from './analyze/index.ts';
export { buildAvatar, saveAvatar, loadAvatar } from './avatar/build.ts';
export { createRenderer } from './render/renderer.ts';
export { fitRig } from './rig/fit.ts';
export { RIG_CONTROLS } from './rig/controls.ts';
export { motionFromAudio } from './motion/fromAudio.ts';
export { motionFromVideo } from './motion/fromVideo.ts';
export { loadMotion, saveMotion, parseMotion } from './motion/record.ts';
export * from './errors.ts';
export type * from './types.ts';
