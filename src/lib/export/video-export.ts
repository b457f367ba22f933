/**
 * A video of the playback, made frame by frame: the export moves the playhead itself
 * (video-plan.ts), draws each frame (one basemap image, the incident layers for that
 * playhead, the date overlay and the furniture) and hands it to the browser's encoder
 * (WebCodecs) through mediabunny, which writes WebM (VP9 or VP8) or MP4 (H.264). A slow
 * machine makes the export slower, never shorter. Loaded only when a video is asked for.
 */
import {
  BufferTarget,
  CanvasSource,
  getFirstEncodableVideoCodec,
  Mp4OutputFormat,
  Output,
  QUALITY_HIGH,
  WebMOutputFormat,
  type VideoCodec,
} from 'mediabunny';
import { ensureExportFonts } from './export-fonts';
import { exportFileName, fitCamera, type RenderSize } from './export-geometry';
import { ExportCancelled, IncidentRenderer, renderBasemap, throwIfAborted } from './export-renderer';
import type { ExportScene } from './export-scene';
import { composeEndCard, composeSnapshot } from './snapshot-composer';
import { END_CARD_SECONDS, videoFramePlan } from './video-plan';
import { frameTimes, type FrameTimes } from '../story/story-captions';
import { actionCamera, actionPoints } from './video-camera';
import { basemapCrop, FOLLOW_ZOOM, followCameras } from './video-follow';

export type VideoFormat = 'webm' | 'mp4';

export interface VideoOptions {
  width: number;
  height: number;
  fps: number;
  /** Days of data per second of video, ÷ DAYS_PER_SECOND (the playback speed). */
  speed: number;
  format: VideoFormat;
  /** Story captions and the running tally burned into the frames. */
  captions: boolean;
  signal?: AbortSignal;
  /** Called after each frame is encoded (and once with 0 before the first). */
  onProgress?: (done: number, total: number) => void;
}

export interface VideoResult {
  blob: Blob;
  fileName: string;
  format: VideoFormat;
  codec: VideoCodec;
  mimeType: string;
  frames: number;
  /** Frames of the playback (before the closing card). */
  playbackFrames: number;
  /** Seconds of video. */
  duration: number;
  elapsedMs: number;
}

const WEBM_CODECS: VideoCodec[] = ['vp9', 'vp8'];
const MP4_CODECS: VideoCodec[] = ['avc'];

/** The formats this browser can encode at a size: WebM when VP9 or VP8 works, MP4 when H.264 does. */
export async function encodableFormats(width: number, height: number): Promise<VideoFormat[]> {
  const [webm, mp4] = await Promise.all([
    getFirstEncodableVideoCodec(WEBM_CODECS, { width, height }),
    getFirstEncodableVideoCodec(MP4_CODECS, { width, height }),
  ]);
  return [...(webm ? (['webm'] as const) : []), ...(mp4 ? (['mp4'] as const) : [])];
}

/** Lets the page paint (progress bar) and take clicks (cancel) between frames. */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The playback frames of the video `options` ask for (the closing card follows them): the
 * playhead of each, and when each starts and how long it shows. Paced for captions, burned
 * in or in the subtitles file: a frame after which a caption would go unread is held.
 */
export function videoPlan(
  scene: Pick<ExportScene, 'range' | 'stops' | 'compressGaps' | 'timeline'>,
  options: Pick<VideoOptions, 'fps' | 'speed'>,
): { frames: number[]; times: FrameTimes } {
  const frames = videoFramePlan({ range: scene.range, stops: scene.stops, fps: options.fps, speed: options.speed, compressGaps: scene.compressGaps });
  return { frames, times: frameTimes(frames, options.fps, scene.timeline, options.speed) };
}

export async function exportVideo(scene: ExportScene, options: VideoOptions): Promise<VideoResult> {
  const started = performance.now();
  const { signal, fps } = options;
  const codec = await getFirstEncodableVideoCodec(options.format === 'mp4' ? MP4_CODECS : WEBM_CODECS, { width: options.width, height: options.height });
  if (!codec) throw new Error(`This browser cannot encode ${options.format === 'mp4' ? 'MP4 (H.264)' : 'WebM (VP9 or VP8)'} video at ${options.width}×${options.height}.`);
  const { frames, times } = videoPlan(scene, options);
  const total = frames.length + 2;
  options.onProgress?.(0, total);

  await ensureExportFonts();
  // A tall or square frame is watched on a phone: drawn as a phone's screen (1.5 pixels a CSS pixel), so text stays legible.
  const pixelRatio = options.height >= options.width * 0.9 ? 1.5 : 1;
  const size: RenderSize = { cssWidth: options.width / pixelRatio, cssHeight: options.height / pixelRatio, pixelRatio };
  if (!scene.style) throw new Error('A video needs WebGL: this map is drawn without it.');
  const rtl = scene.dir === 'rtl';
  const overview = actionCamera(actionPoints(scene.incidents, scene.places), size, fitCamera(scene.screen, size), rtl);
  // Drawn FOLLOW_ZOOM times finer than the frame: a frame closer in on the action shows a part of it, still sharp.
  const basemap = await renderBasemap(scene.style, overview, { ...size, pixelRatio: size.pixelRatio * FOLLOW_ZOOM }, signal);
  const byId = new Map(scene.incidents.map((i) => [i.id, i] as const));
  const pointsOf = (id: string) => actionPoints(byId.has(id) ? [byId.get(id)!] : [], scene.places);
  const follow = followCameras(frames, times, scene.timeline, pointsOf, basemap.camera, size, options.speed, rtl);
  const renderer = await IncidentRenderer.open(basemap.camera, size, signal);
  const canvas = document.createElement('canvas');
  canvas.width = options.width;
  canvas.height = options.height;
  const target = new BufferTarget();
  const output = new Output({
    format: options.format === 'mp4' ? new Mp4OutputFormat({ fastStart: 'in-memory' }) : new WebMOutputFormat(),
    target,
  });
  let finished = false;
  try {
    const source = new CanvasSource(canvas, { codec, quality: QUALITY_HIGH, keyFrameInterval: 2, latencyMode: 'quality' });
    output.addVideoTrack(source, { frameRate: fps });
    await output.start();
    const mimeType = output.format.mimeType;
    let lastYield = performance.now();
    for (let i = 0; i < frames.length; i++) {
      throwIfAborted(signal);
      const playhead = frames[i]!;
      const camera = follow.cameras[i]!;
      const incidents = renderer.render({ ...scene.layerState, playhead, playing: true }, camera);
      const crop = basemapCrop(follow.views[i]!, basemap.image, size);
      composeSnapshot(canvas, size, { basemap: basemap.image, basemapCrop: crop, incidents }, scene.furniture(camera, playhead, null, { story: options.captions }));
      await source.add(times.starts[i]!, times.durations[i]!);
      options.onProgress?.(i + 1, total);
      if (performance.now() - lastYield > 40) {
        await yieldToPage();
        lastYield = performance.now();
      }
    }
    // The closing card: held from its first frame to its last (a WebM frame shows until the next
    // one, and a player ends the video with the last frame's own duration).
    throwIfAborted(signal);
    composeEndCard(canvas, size, scene.endCard());
    await source.add(times.total, END_CARD_SECONDS - 1 / fps);
    await source.add(times.total + END_CARD_SECONDS - 1 / fps, 1 / fps);
    options.onProgress?.(total, total);
    throwIfAborted(signal);
    await output.finalize();
    finished = true;
    const buffer = target.buffer;
    if (!buffer) throw new Error('The video encoder produced no file.');
    const format = options.format;
    return {
      blob: new Blob([buffer], { type: mimeType }),
      fileName: exportFileName(scene.range, format),
      format,
      codec,
      mimeType,
      frames: total,
      playbackFrames: frames.length,
      duration: times.total + END_CARD_SECONDS,
      elapsedMs: performance.now() - started,
    };
  } catch (error) {
    throw signal?.aborted ? new ExportCancelled() : error;
  } finally {
    if (!finished && output.state !== 'canceled' && output.state !== 'finalized') await output.cancel().catch(() => undefined);
    renderer.dispose();
  }
}
