/** Decoding screenshots and counting pixels of a colour: what a user would see, measured. */
import { PNG } from 'pngjs';

export type Rgb = readonly [number, number, number];

export interface DecodedImage {
  width: number;
  height: number;
  data: Uint8Array;
}

export function decodePng(buffer: Buffer): DecodedImage {
  const png = PNG.sync.read(buffer);
  return { width: png.width, height: png.height, data: png.data };
}

export function hexToRgb(hex: string): Rgb {
  const h = hex.replace('#', '');
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

/** Pixels whose every channel lies within `tolerance` of the colour. */
export function countPixelsNear(image: DecodedImage, color: Rgb, tolerance = 24, region?: { x: number; y: number; width: number; height: number }): number {
  const x0 = region?.x ?? 0;
  const y0 = region?.y ?? 0;
  const x1 = Math.min(image.width, x0 + (region?.width ?? image.width));
  const y1 = Math.min(image.height, y0 + (region?.height ?? image.height));
  let count = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * image.width + x) * 4;
      if (
        Math.abs(image.data[i]! - color[0]) <= tolerance &&
        Math.abs(image.data[i + 1]! - color[1]) <= tolerance &&
        Math.abs(image.data[i + 2]! - color[2]) <= tolerance
      )
        count++;
    }
  }
  return count;
}

/**
 * Pixels that are clearly red, by `margin` over both green and blue: an arc (even faint or
 * dashed) or a legend sample, not the pale basemap. The box is clipped to the image.
 */
export function countReddish(image: DecodedImage, box: { x: number; y: number; width: number; height: number }, margin = 40): number {
  let n = 0;
  for (let y = Math.max(0, box.y); y < Math.min(image.height, box.y + box.height); y++)
    for (let x = Math.max(0, box.x); x < Math.min(image.width, box.x + box.width); x++) {
      const i = (y * image.width + x) * 4;
      if (image.data[i]! - image.data[i + 1]! > margin && image.data[i]! - image.data[i + 2]! > margin) n++;
    }
  return n;
}
