/**
 * Time as the map and the playback clock see it: days (with a fraction for the hour)
 * since a fixed origin. Small numbers keep their precision as 32-bit floats on the
 * GPU, where epoch milliseconds would lose minutes.
 */
const MS_PER_DAY = 86_400_000;
/** Day 0. Fixed, so stored values never depend on what is loaded. */
export const TIME_ORIGIN = '2020-01-01';
const ORIGIN_MS = Date.UTC(2020, 0, 1);

/** Days since the origin of a UTC midnight given in milliseconds (Date.UTC). */
export function dayOfUtcMs(ms: number): number {
  return Math.round((ms - ORIGIN_MS) / MS_PER_DAY);
}

/** Days since the origin of a YYYY-MM-DD date (its midnight). */
export function dayNumber(isoDate: string): number {
  const ms = Date.parse(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new Error(`not a date: ${isoDate}`);
  return dayOfUtcMs(ms);
}

/** Whether a text is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

/** The YYYY-MM-DD date of a day number (fractions are dropped). */
export function isoDateOfDay(day: number): string {
  return new Date(ORIGIN_MS + Math.floor(day) * MS_PER_DAY).toISOString().slice(0, 10);
}

const PARTS_OF_DAY: [RegExp, number][] = [
  [/dawn|فجر/i, 5 / 24],
  [/morning|صباح/i, 9 / 24],
  [/noon|midday|ظهر/i, 12.5 / 24],
  [/afternoon|عصر/i, 15.5 / 24],
  [/evening|مساء/i, 20 / 24],
  [/night|midnight|ليل/i, 22.5 / 24],
];

/**
 * Fraction of the day at which a reported local time falls: "19:44" -> 0.822,
 * "evening" -> 0.833; noon when the time is not known, so the incident sits mid-day.
 */
export function dayFraction(timeLocal: string | undefined): number {
  if (!timeLocal) return 0.5;
  const clock = /(\d{1,2})[:.](\d{2})/.exec(timeLocal);
  if (clock) {
    const hours = Number(clock[1]);
    const minutes = Number(clock[2]);
    if (hours < 24 && minutes < 60) return (hours * 60 + minutes) / 1440;
  }
  for (const [pattern, fraction] of PARTS_OF_DAY) if (pattern.test(timeLocal)) return fraction;
  return 0.5;
}

/** The moment of an incident in days since the origin. */
export function incidentMoment(incident: { date: string; timeLocal?: string | undefined }): number {
  return dayNumber(incident.date) + dayFraction(incident.timeLocal);
}
