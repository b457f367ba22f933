// The page's Content-Security-Policy, in one place: written into index.html as a <meta> tag
// at build time (so that any static host serves it with the page), and sent as a header by
// `npm start` (vite preview), which can also set what a meta tag cannot (frame-ancestors).
//
// Scripts: this origin only, plus the inline IndexedDB warm-up script by its hash; no eval
// (zod runs jitless, src/lib/data/schema.ts). Fetches: this origin, and https: for one
// purpose, a map style the reader agreed to load (src/lib/map/foreign-style.ts): a page cannot
// widen its own meta policy at run time, so the policy allows https: and the consent dialog
// is the guard; every request the app makes elsewhere goes through that dialog's allowlist.
import { createHash } from 'node:crypto';

/** The bodies of the inline <script> elements (those without a src) of an HTML page. */
export function inlineScripts(html) {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
}

export function scriptHash(body) {
  return `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;
}

/** The policy for a page whose inline scripts are `scripts`. */
export function contentSecurityPolicy(scripts = []) {
  const directives = {
    'default-src': ["'self'"],
    'script-src': ["'self'", ...scripts.map(scriptHash)],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', 'blob:', 'https:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", 'data:', 'blob:', 'https:'],
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'none'"],
    'manifest-src': ["'self'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** Vite plugin: the policy and a no-referrer policy as the first tags of the built page's head. */
export function contentSecurityPolicyPlugin() {
  return {
    name: 'strikes-map-content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const policy = contentSecurityPolicy(inlineScripts(html));
        const tags = `\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />\n    <meta name="referrer" content="no-referrer" />`;
        return html.replace(/(<meta charset="[^"]*"\s*\/?>)/i, `$1${tags}`);
      },
    },
  };
}

/** The same policy as response headers, for `npm start` (vite preview), from the built page. */
export function contentSecurityHeaders(html) {
  return {
    'Content-Security-Policy': contentSecurityPolicy(inlineScripts(html)),
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
  };
}
