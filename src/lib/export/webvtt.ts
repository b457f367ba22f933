/**
 * Subtitles for a playback video: a WebVTT file with one cue per incident, from the first
 * frame that shows its caption to the frame its caption goes (the same plan as the video,
 * so the two agree frame for frame). Text only: the cue text is escaped, never markup.
 */
import { captionCueTimes } from '../story/story-captions';
import type { CaptionText } from '../story/caption-text';
import { exportFileName } from './export-geometry';
import type { ExportScene } from './export-scene';
import { videoPlan, type VideoOptions } from './video-export';

export interface Cue {
  /** Seconds from the start of the video. */
  start: number;
  end: number;
  id: string;
  lines: string[];
}

/** "00:01:02.500". */
export function vttTimestamp(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

/** Cue text as text: WebVTT reads <, > and & as markup. */
function escapeCueText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\s*\n\s*/g, ' ');
}

export function webVtt(cues: readonly Cue[], lang: string): string {
  const blocks = cues.map((cue) => `${cue.id.replace(/\s|-->/g, '_')}\n${vttTimestamp(cue.start)} --> ${vttTimestamp(cue.end)}\n${cue.lines.map(escapeCueText).join('\n')}`);
  return `WEBVTT\nLanguage: ${lang}\n\n${blocks.join('\n\n')}\n`;
}

/** What a caption says, as subtitle lines. */
export function captionLines(caption: CaptionText): string[] {
  return [`${caption.heading} — ${caption.title}`, ...caption.lines.map((l) => l.text), caption.source];
}

/** One cue per incident of the scene shown in the video `options` describe. */
export function videoCues(scene: ExportScene, options: Pick<VideoOptions, 'fps' | 'speed'>): Cue[] {
  const { frames, times } = videoPlan(scene, options);
  const cues: Cue[] = [];
  for (const { id, moment } of scene.timeline) {
    const cue = captionCueTimes(frames, times, moment, options.speed);
    const caption = scene.caption(id);
    if (cue && caption) cues.push({ id, start: cue[0], end: cue[1], lines: captionLines(caption) });
  }
  return cues;
}

/** The subtitles file of the video `options` describe. */
export function exportSubtitles(scene: ExportScene, options: Pick<VideoOptions, 'fps' | 'speed'>, lang: string): { blob: Blob; fileName: string } {
  const text = webVtt(videoCues(scene, options), lang);
  return { blob: new Blob([text], { type: 'text/vtt;charset=utf-8' }), fileName: exportFileName(scene.range, `${lang}.vtt`) };
}
