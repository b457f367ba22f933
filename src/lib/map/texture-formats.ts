/**
 * luma.gl learns whether a texture format can be rendered to (and so have mipmaps) the first
 * time a texture of it is made, by making a framebuffer and waiting for the GPU process to
 * answer. The first texture of the density image (a large import) is such a one, and the
 * wait came at the worst time: right after the import, behind its frames, 37 ms of a 93 ms
 * task (1M rows, software WebGL). Asked once while the map is idle after its opening frames,
 * the answer is kept for later.
 */

/** The part of luma.gl's Device used here. */
export interface FormatQueries {
  isTextureFormatRenderable(format: 'rgba8unorm'): boolean;
}

/** The density image's and the bitmaps' format. */
const FORMAT = 'rgba8unorm';

export function askTextureFormatsWhenIdle(device: FormatQueries): void {
  const ask = () => {
    try {
      device.isTextureFormatRenderable(FORMAT);
    } catch {
      // A lost context: the layers will ask again when they need it.
    }
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(ask, { timeout: 5000 });
  else setTimeout(ask, 1000);
}
