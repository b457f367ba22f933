/**
 * Dates of imported rows. Accepted (docs/IMPORT.md, "Dates"):
 * - ISO: 2023-06-12, 2023/06/12, optionally followed by a time (2023-06-12T14:30:00Z,
 *   2023-06-12 14:30) which places the event within the day;
 * - day, month name, year: "12 June 2023" (ACLED's export tool), "12-June-2023",
 *   "12 Jun 2023", "12-Jun-2023";
 * - month name, day, year: "June 12, 2023", "Jun 12 2023";
 * - numeric day/month/year with / . or -: 12/06/2023 read day first unless the mapping
 *   says month first (a first number above 12 always means a day, a second one above
 *   12 means month first).
 * - Arabic: Arabic-Indic (٠–٩) and Persian (۰–۹) digits read as digits, and month names of
 *   both families, the Levantine and Iraqi (كانون الثاني، شباط، آذار … كانون الأول) and the
 *   Egyptian and Gulf ones (يناير، فبراير، مارس … ديسمبر): "١٢ حزيران ٢٠٢٣", "3 يناير 2024",
 *   "12 كانون الثاني، 2024م".
 * Two-digit years and impossible dates (31 June) are rejected.
 */
import { dayFraction, dayOfUtcMs } from '../timeline/incident-time';

/** Why a date cell could not be read. */
export type DateErrorCode =
  | 'bad-date-empty'
  /** {month} */
  | 'bad-date-month-number'
  | 'bad-date-not-real'
  /** {month} */
  | 'bad-date-unknown-month'
  | 'bad-date-year'
  /** {value} */
  | 'bad-date-unrecognised';

export type DateOrder = 'dmy' | 'mdy';

export interface ParsedDate {
  /** YYYY-MM-DD */
  iso: string;
  /** Days since TIME_ORIGIN, with the time of day as a fraction when one was given. */
  day: number;
  /** The time as written, when there was one. */
  time?: string;
}

/** Why a date could not be read: in English (`error`), and as a code with its values for the UI. */
export interface DateError {
  error: string;
  code: DateErrorCode;
  params?: Record<string, string>;
}

export type DateResult = ParsedDate | DateError;

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};

/** Arabic month names, written as foldArabic leaves them (alef forms alike, no tatweel). */
const ARABIC_MONTHS: Record<string, number> = {
  'كانون الثاني': 1, 'شباط': 2, 'اذار': 3, 'نيسان': 4, 'ايار': 5, 'حزيران': 6, 'تموز': 7, 'اب': 8, 'ايلول': 9,
  'تشرين الاول': 10, 'تشرين الثاني': 11, 'كانون الاول': 12,
  'يناير': 1, 'فبراير': 2, 'مارس': 3, 'ابريل': 4, 'مايو': 5, 'يونيو': 6, 'يونيه': 6, 'يوليو': 7, 'يوليه': 7,
  'اغسطس': 8, 'سبتمبر': 9, 'اكتوبر': 10, 'نوفمبر': 11, 'نوفمير': 11, 'ديسمبر': 12,
};

/**
 * An Arabic date cell made readable: Arabic-Indic and Persian digits as ASCII digits,
 * alef forms alike, tatweel and vowel marks gone, the Arabic comma a space, and the
 * Gregorian era mark (م) after the year dropped.
 */
export function foldArabicDate(text: string): string {
  return text
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/،/g, ' ')
    .replace(/(\d{4})\s*م(?=\s|$)/, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

const ARABIC_DAY_MONTH = /^(\d{1,2})\s+([\u0621-\u064A]+(?: [\u0621-\u064A]+)?)\s+(\d{2,4})(?:\s+(.*))?$/;


function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function build(year: number, month: number, day: number, time: string | undefined): DateResult {
  if (month < 1 || month > 12) return { error: `no month ${month}`, code: 'bad-date-month-number', params: { month: String(month) } };
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (year < 1000 || d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day)
    return { error: 'not a real calendar date', code: 'bad-date-not-real' };
  const iso = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  const whole = dayOfUtcMs(ms);
  const trimmed = time?.trim();
  return trimmed ? { iso, day: whole + dayFraction(trimmed), time: trimmed } : { iso, day: whole };
}

const ISO = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ]\s*(.*))?$/;
const DAY_MONTH_NAME = /^(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?[\s,-]+(\d{2,4})(?:\s+(.*))?$/;
const MONTH_NAME_DAY = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{2,4})(?:\s+(.*))?$/;
const NUMERIC = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2,4})(?:\s+(.*))?$/;

const YEAR_DIGITS: DateError = { error: 'the year must have four digits', code: 'bad-date-year' };

function year4(text: string): number | null {
  return text.length === 4 ? Number(text) : null;
}

/** Parses one date cell. `order` only matters for numeric dates such as 03/04/2023. */
export function parseDate(raw: string, order: DateOrder = 'dmy'): DateResult {
  let text = raw.trim();
  if (text === '') return { error: 'no date', code: 'bad-date-empty' };
  if (/[\u0600-\u06FF]/.test(text)) {
    text = foldArabicDate(text);
    const arabic = ARABIC_DAY_MONTH.exec(text);
    if (arabic) {
      const month = ARABIC_MONTHS[arabic[2]!];
      if (!month) return { error: `unknown month "${arabic[2]}"`, code: 'bad-date-unknown-month', params: { month: arabic[2]! } };
      const year = year4(arabic[3]!);
      if (year === null) return YEAR_DIGITS;
      return build(year, month, Number(arabic[1]), arabic[4]);
    }
  }
  let m = ISO.exec(text);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]), m[4]);
  m = DAY_MONTH_NAME.exec(text);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    if (!month) return { error: `unknown month "${m[2]}"`, code: 'bad-date-unknown-month', params: { month: m[2]! } };
    const year = year4(m[3]!);
    if (year === null) return YEAR_DIGITS;
    return build(year, month, Number(m[1]), m[4]);
  }
  m = MONTH_NAME_DAY.exec(text);
  if (m) {
    const month = MONTHS[m[1]!.toLowerCase()];
    if (!month) return { error: `unknown month "${m[1]}"`, code: 'bad-date-unknown-month', params: { month: m[1]! } };
    const year = year4(m[3]!);
    if (year === null) return YEAR_DIGITS;
    return build(year, month, Number(m[2]), m[4]);
  }
  m = NUMERIC.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const year = year4(m[4]!);
    if (year === null) return YEAR_DIGITS;
    let dayFirst = order === 'dmy';
    if (a > 12 && b <= 12) dayFirst = true;
    else if (b > 12 && a <= 12) dayFirst = false;
    return dayFirst ? build(year, b, a, m[5]) : build(year, a, b, m[5]);
  }
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return { error: `unrecognised date "${shown}"`, code: 'bad-date-unrecognised', params: { value: shown } };
}

export function isDateError(result: DateResult): result is DateError {
  return 'error' in result;
}

/** parseDate with a cache: a file repeats the same few thousand dates. */
export function createDateParser(order: DateOrder = 'dmy'): (raw: string) => DateResult {
  const cache = new Map<string, DateResult>();
  let lastRaw = '';
  let lastResult: DateResult = { error: 'no date', code: 'bad-date-empty' };
  return (raw) => {
    // Files sorted by date repeat the same cell row after row.
    if (raw === lastRaw) return lastResult;
    let result = cache.get(raw);
    if (result === undefined) {
      result = parseDate(raw, order);
      if (cache.size < 100_000) cache.set(raw, result);
    }
    lastRaw = raw;
    lastResult = result;
    return result;
  };
}
