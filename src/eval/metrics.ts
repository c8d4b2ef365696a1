// Quality metrics for talking-portrait evaluation: pure functions over typed arrays, one module
// per metric family (see README.md). This index re-exports them all for tests and benches.
export * from './metrics/image.ts';
export * from './metrics/ssim.ts';
export * from './metrics/identity.ts';
export * from './metrics/landmarks.ts';
export * from './metrics/rotation.ts';
export * from './metrics/procrustes.ts';
export * from './metrics/expression.ts';
export * from './metrics/correlation.ts';
export * from './metrics/summary.ts';
