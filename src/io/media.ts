// Streaming decode of video frames and audio samples through an ffmpeg pipe. Nothing holds the
// whole clip in memory: frames and audio chunks are yielded as ffmpeg produces them.
//
// A user's file is never trusted to say what it is: probe() decides the container with the
// decoding ffmpeg itself, every decode is forced to that container with only the file protocol
// (so a playlist or concat list cannot pull in other files), and limits are checked on what is
// actually decoded, not on the header's duration.
//
// This module is the entry the rest of the product imports; the work is split along the way a
// file is read: probeMedia.ts (what the file is), decoder.ts (the watched ffmpeg process),
// decodeVideo.ts and decodeAudio.ts (the streams).
export { probeVideo, probeAudio, type VideoInfo, type AudioInfo } from './probeMedia.ts';
export { decodeVideoFrames, measureVideoSeconds, videoFrameAt, type DecodeVideoOptions } from './decodeVideo.ts';
export { decodeAudioChunks, decodeAudio, measureAudioSeconds, checkSamples, type DecodeAudioOptions } from './decodeAudio.ts';
