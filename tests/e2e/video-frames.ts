/**
 * Frames of a downloaded video as a viewer sees them: the file played by Chromium's own
 * <video> element (in a blank page of the same browser), seeked to each time and drawn to a
 * canvas, then decoded here as PNG.
 */
import type { BrowserContext } from 'playwright-core';
import { decodePng, type DecodedImage } from './pixels';

export async function videoFrames(context: BrowserContext, bytes: Buffer, mimeType: string, seconds: readonly number[]): Promise<DecodedImage[]> {
  const page = await context.newPage();
  try {
    await page.goto('about:blank');
    const urls = await page.evaluate(
      async ({ base64, mimeType, seconds }) => {
        const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const video = document.createElement('video');
        video.muted = true;
        video.src = URL.createObjectURL(new Blob([data], { type: mimeType }));
        await new Promise((resolve, reject) => {
          video.onloadeddata = resolve;
          video.onerror = () => reject(new Error(`the video does not play: ${video.error?.message ?? 'unknown error'}`));
        });
        const out: string[] = [];
        for (const t of seconds) {
          video.currentTime = t;
          await new Promise((resolve) => (video.onseeked = resolve));
          const canvas = document.createElement('canvas');
          canvas.width = video.videoWidth;
          canvas.height = video.videoHeight;
          canvas.getContext('2d')!.drawImage(video, 0, 0);
          out.push(canvas.toDataURL('image/png'));
        }
        return out;
      },
      { base64: bytes.toString('base64'), mimeType, seconds },
    );
    return urls.map((url) => decodePng(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64')));
  } finally {
    await page.close();
  }
}

const isWhite = (image: DecodedImage, x: number, y: number) => {
  const i = (y * image.width + x) * 4;
  return image.data[i]! >= 251 && image.data[i + 1]! >= 251 && image.data[i + 2]! >= 250;
};

/**
 * Rows of a region crossed by a run of at least `minRun` near-white pixels: a caption card
 * (white, the width of the caption column). The basemap's lightest land is darker, and the
 * white halos of its labels are a few pixels wide.
 */
export function whiteCardRows(image: DecodedImage, region: { x: number; y: number; width: number; height: number }, minRun: number): number {
  let rows = 0;
  for (let y = region.y; y < region.y + region.height; y++) {
    let run = 0;
    for (let x = region.x; x < region.x + region.width && run < minRun; x++) run = isWhite(image, x, y) ? run + 1 : 0;
    if (run >= minRun) rows++;
  }
  return rows;
}
