/**
 * Whether this browser can encode H.264 at a size (for offering MP4), asked of WebCodecs
 * directly so that the video code and its muxer load only when a video is made.
 */
export async function canEncodeMp4(width: number, height: number): Promise<boolean> {
  if (typeof VideoEncoder === 'undefined' || !window.isSecureContext) return false;
  // High profile, level 4.0 (1080p) and 3.1 (720p): what an encoder for these sizes announces.
  for (const codec of ['avc1.640028', 'avc1.64001f', 'avc1.42001f']) {
    try {
      const { supported } = await VideoEncoder.isConfigSupported({ codec, width, height });
      if (supported) return true;
    } catch {
      // An unknown codec string: try the next one.
    }
  }
  return false;
}
