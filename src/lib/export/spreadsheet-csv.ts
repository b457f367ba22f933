/**
 * CSV meant to be opened in a spreadsheet, with every cell that Excel, LibreOffice or
 * Google Sheets could run as a formula defused. The one definition for every CSV the app
 * writes: the data export (data-export.ts) and the rejected rows of an import
 * (import/import-core.ts), whose cells come straight from an untrusted file. Pure.
 */
import Papa from 'papaparse';

/** A cell that is a plain number and nothing else ("-3.25", "-12", "+1", "1e5"). */
const NUMBER = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;

/**
 * Cells a spreadsheet could read as a formula: =, +, - or @ first (OWASP's list), also
 * after leading whitespace or line breaks, because importers that trim cells (LibreOffice's
 * "trim spaces", Google Sheets) then see the formula; papaparse's own pattern
 * (/^[=+\-@\t\r].*$/) looks at the first character only, so " =1+1" or "\n@SUM(1+1)"
 * slipped through. `\s` covers Unicode whitespace (no-break and ideographic spaces, line
 * and paragraph separators); invisible format characters (\p{Cf}: zero-width space, the
 * bidi marks common before Arabic text, a stray BOM) are skipped as well, since a false
 * alarm costs one quote in a text cell and a miss a live formula. A tab or CR at the very
 * start is defused too, as OWASP advises. A cell that is entirely a number is left alone:
 * a negative longitude must stay a number.
 *
 * papaparse (5.x) prefixes a cell matching this with a single quote, which spreadsheets
 * read as "text follows", and quotes the cell. Neither `g` nor `y`: it is used with test().
 */
export const FORMULA_CELL = new RegExp(String.raw`^(?!${NUMBER}$)(?:[\t\r]|[\s\p{Cf}]*[=+\-@])`, 'u');

export interface SpreadsheetCsvOptions {
  /** Line ends: papaparse's default is CRLF. */
  newline?: string;
}

/** The rows as CSV under `fields`, formulas defused. Numbers given as numbers stay numbers. */
export function spreadsheetCsv(fields: readonly string[], data: unknown[][], options: SpreadsheetCsvOptions = {}): string {
  return Papa.unparse(
    { fields: [...fields], data },
    { escapeFormulae: FORMULA_CELL, ...(options.newline !== undefined ? { newline: options.newline } : {}) },
  );
}
