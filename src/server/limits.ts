// Upload limits of the server, apart from the upload code (sharp, media) so that the CLI can show
// the defaults in --help without loading it.
export interface UploadLimits {
  photoBytes: number;
  audioBytes: number;
  videoBytes: number;
  backgroundBytes: number;
  /** longest audio (and video) accepted, in seconds: bounds the work of one job */
  maxSeconds: number;
  /** most pixels (width x height) of a photo or background, read from its header before decoding */
  maxImagePixels: number;
}

export const DEFAULT_LIMITS: UploadLimits = {
  photoBytes: 15 * 1024 * 1024,
  audioBytes: 50 * 1024 * 1024,
  videoBytes: 200 * 1024 * 1024,
  backgroundBytes: 15 * 1024 * 1024,
  maxSeconds: 600,
  // a 48 MP phone photo fits; a 16000x16000 "bomb" (768 MB decoded) does not
  maxImagePixels: 50_000_000,
};
