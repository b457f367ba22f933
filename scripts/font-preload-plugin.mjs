// Vite plugin: <link rel="preload"> for the interface's web fonts (Noto Sans Latin and Noto
// Sans Arabic, regular and semibold), so that they are fetched with the page rather than
// after the scripts have run and laid it out. Text laid out in a fallback font and then again
// in Noto changes the height of the bars around the map, and every resize of the map
// reallocates its two WebGL canvases (costly with software rendering). Build only.
const PRELOADED = /^assets\/noto-sans-(latin|arabic-arabic)-(400|600)-normal-[\w-]+\.woff2$/;

export function fontPreloadPlugin() {
  return {
    name: 'strikes-map:font-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (!ctx.bundle) return [];
        return Object.keys(ctx.bundle)
          .filter((file) => PRELOADED.test(file))
          .sort()
          .map((file) => ({
            tag: 'link',
            attrs: { rel: 'preload', as: 'font', type: 'font/woff2', href: `./${file}`, crossorigin: '' },
            injectTo: 'head',
          }));
      },
    },
  };
}
