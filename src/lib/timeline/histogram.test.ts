import { describe, expect, it } from 'vitest';
import { binIncidents, binStart, binUnitFor } from './histogram';
import { dayNumber, isoDateOfDay } from './incident-time';

describe('binIncidents', () => {
  it('counts incidents per day, stacked by kind', () => {
    const d = dayNumber('2022-08-24');
    const bins = binIncidents(
      [
        { moment: d + 0.8, kind: 'attack-on-coalition' },
        { moment: d + 0.9, kind: 'attack-on-coalition' },
        { moment: d + 0.95, kind: 'coalition-strike' },
        { moment: d + 1.2, kind: 'coalition-strike' },
      ],
      [d, d + 3],
      'day',
    );
    expect(bins.map((b) => b.total)).toEqual([3, 1, 0]);
    expect(bins[0]!.counts['attack-on-coalition']).toBe(2);
    expect(bins[0]!.counts['coalition-strike']).toBe(1);
  });

  it('leaves out incidents outside the domain', () => {
    const d = dayNumber('2022-08-24');
    const bins = binIncidents([{ moment: d - 1, kind: 'context' }, { moment: d + 10, kind: 'context' }], [d, d + 2], 'day');
    expect(bins.reduce((n, b) => n + b.total, 0)).toBe(0);
  });

  it('aligns weeks to Mondays and months to the 1st', () => {
    expect(isoDateOfDay(binStart(dayNumber('2022-08-24'), 'week'))).toBe('2022-08-22');
    expect(isoDateOfDay(binStart(dayNumber('2022-08-22'), 'week'))).toBe('2022-08-22');
    expect(isoDateOfDay(binStart(dayNumber('2019-12-31'), 'week'))).toBe('2019-12-30');
    expect(isoDateOfDay(binStart(dayNumber('2024-02-29'), 'month'))).toBe('2024-02-01');
    const months = binIncidents([], [dayNumber('2023-11-15'), dayNumber('2024-02-02')], 'month');
    expect(months.map((b) => isoDateOfDay(b.start))).toEqual(['2023-11-01', '2023-12-01', '2024-01-01', '2024-02-01']);
  });

  it('picks coarser bins for longer spans', () => {
    expect(binUnitFor(60)).toBe('day');
    expect(binUnitFor(400)).toBe('week');
    expect(binUnitFor(3000)).toBe('month');
  });
});
