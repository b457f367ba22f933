/**
 * How deeply a JSON text nests its arrays and objects, measured by one linear scan that
 * counts brackets outside strings. Nothing recurses, so a file nested a million levels
 * deep is measured as safely as a flat one, before JSON.parse builds it and before
 * anything walks it recursively (JSON.stringify, the schema) and runs out of stack.
 * The text may come in pieces: a string or an escape cut between two is carried over.
 * Pure apart from that carried state; it never judges whether the JSON is valid
 * (JSON.parse does, afterwards).
 */

/**
 * Levels of nesting a JSON import may have. GeoJSON needs about 6 (collection, features,
 * feature, geometry, MultiLineString coordinates); the app's JSON about 5 (incidents,
 * incident, sources, source, quotes). 64 leaves room for nested properties of other
 * tools while staying far below the thousands of levels at which recursion fails.
 */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

/** A gauge fed the text piece by piece; each call returns the deepest nesting so far. */
export function createNestingGauge(): (text: string) => number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  let escaped = false;
  return (text) => {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (c === BACKSLASH) escaped = true;
        else if (c === QUOTE) inString = false;
      } else if (c === QUOTE) inString = true;
      else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
        if (++depth > deepest) deepest = depth;
      } else if ((c === CLOSE_ARRAY || c === CLOSE_OBJECT) && depth > 0) depth--;
    }
    return deepest;
  };
}

/** The deepest nesting of a whole text. */
export function jsonNestingDepth(text: string): number {
  return createNestingGauge()(text);
}
