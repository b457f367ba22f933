import { describe, expect, it } from 'vitest';
import { dayNumber } from '../timeline/incident-time';
import { isDateError, parseDate } from './dates';

describe('dates of imported rows', () => {
  const day = dayNumber('2023-06-12');
  it.each([
    ['2023-06-12'],
    ['2023/06/12'],
    ['12 June 2023'],
    ['12-June-2023'],
    ['12 Jun 2023'],
    ['12-Jun-2023'],
    ['June 12, 2023'],
    ['Jun 12 2023'],
    ['12/06/2023'],
    ['12.06.2023'],
    [' 12 june 2023 '],
  ])('reads %s as 12 June 2023', (text) => {
    expect(parseDate(text)).toEqual({ iso: '2023-06-12', day });
  });

  it('reads a time of day into the day number', () => {
    expect(parseDate('2023-06-12T19:44:00Z')).toEqual({ iso: '2023-06-12', day: day + (19 * 60 + 44) / 1440, time: '19:44:00Z' });
    expect(parseDate('2023-06-12 06:30')).toMatchObject({ iso: '2023-06-12', time: '06:30' });
  });

  it('reads numeric dates day first unless told otherwise or impossible', () => {
    expect(parseDate('03/04/2023')).toMatchObject({ iso: '2023-04-03' });
    expect(parseDate('03/04/2023', 'mdy')).toMatchObject({ iso: '2023-03-04' });
    expect(parseDate('12/25/2023')).toMatchObject({ iso: '2023-12-25' });
    expect(parseDate('25/12/2023', 'mdy')).toMatchObject({ iso: '2023-12-25' });
  });

  it.each([
    ['', 'no date', 'bad-date-empty'],
    ['31 June 2023', 'not a real calendar date', 'bad-date-not-real'],
    ['2023-02-29', 'not a real calendar date', 'bad-date-not-real'],
    ['2023-13-01', 'no month 13', 'bad-date-month-number'],
    ['12 Juno 2023', 'unknown month "Juno"', 'bad-date-unknown-month'],
    ['12/06/23', 'the year must have four digits', 'bad-date-year'],
    ['yesterday', 'unrecognised date "yesterday"', 'bad-date-unrecognised'],
  ])('rejects %j: %s', (text, error, code) => {
    expect(parseDate(text)).toMatchObject({ error, code });
  });

  it('accepts 29 February of a leap year', () => {
    expect(parseDate('29 February 2024')).toMatchObject({ iso: '2024-02-29' });
  });
});

describe('Arabic dates', () => {
  it.each([
    ['١٢ حزيران ٢٠٢٣', '2023-06-12'],
    ['12 حزيران 2023', '2023-06-12'],
    ['٣ كانون الثاني ٢٠٢٤', '2024-01-03'],
    ['25 كانون الأول، 2023م', '2023-12-25'],
    ['1 تشرين الثاني 2022', '2022-11-01'],
    ['١٥ آب ٢٠٢٢', '2022-08-15'],
    ['3 يناير 2024', '2024-01-03'],
    ['٤ إبريل ٢٠٢٢', '2022-04-04'],
    ['4 أبريل 2022', '2022-04-04'],
    ['۱۸ سبتمبر ۲۰۲۲', '2022-09-18'],
    ['٢٠٢٢-٠٩-١٨', '2022-09-18'],
    ['١٨/٠٩/٢٠٢٢', '2022-09-18'],
  ])('reads %s as %s', (raw, iso) => {
    const result = parseDate(raw);
    expect(isDateError(result) ? result.error : result.iso).toBe(iso);
  });

  it('names an Arabic month it does not know, and rejects an impossible date', () => {
    const unknown = parseDate('12 رمضان 2023');
    expect(isDateError(unknown) && unknown.code).toBe('bad-date-unknown-month');
    const impossible = parseDate('31 حزيران 2023');
    expect(isDateError(impossible) && impossible.code).toBe('bad-date-not-real');
  });
});
