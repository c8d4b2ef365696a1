// One error class per kind of user-facing failure. Each message says what to do next.
// The CLI prints `error: <message>` and exits with the class's exit code; the API throws them as is.

export class Real3dError extends Error {
  readonly exitCode: number = 1;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The user gave something unusable: a missing file, a bad option, an unknown format. */
export class InputError extends Real3dError {
  override readonly exitCode = 2;
}

/** No usable human face in a photo or video. */
export class NoFaceError extends Real3dError {
  override readonly exitCode = 3;
}

/** A face was found but is too small to animate even after auto-crop. */
export class FaceTooSmallError extends Real3dError {
  override readonly exitCode = 3;
}

/** Audio that cannot be decoded or is unusable. */
export class AudioError extends Real3dError {
  override readonly exitCode = 2;
}

/** A video that cannot be decoded or is unusable. */
export class VideoError extends Real3dError {
  override readonly exitCode = 2;
}

/** A saved Motion or Avatar file that does not validate. */
export class FileFormatError extends Real3dError {
  override readonly exitCode = 2;
}

/** A tool the product needs (ffmpeg, the face models) is missing or broken. */
export class SetupError extends Real3dError {
  override readonly exitCode = 4;
}

/** The job was cancelled through its AbortSignal or Ctrl-C. */
export class CancelledError extends Real3dError {
  override readonly exitCode = 130;
  constructor(message = 'cancelled; no output was written') {
    super(message);
  }
}
