import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../timeline/incident-time';
import { batchKeys } from './event-batch';
import { buildReport, inspectSource, newDatasetId, parseImport, rejectedRowsCsv } from './import-core';
import { eventRows as rows, fixtureBytes, fixtureSource, gazetteerPlaces, importFixture, importSource, rejections } from './test-fixtures';
import { bytesSource } from './import-source';
import { ImportCancelled, ImportError } from './import-errors';

describe('ACLED files', () => {
  it('maps a valid export without questions', async () => {
    const inspection = await inspectSource(fixtureSource('acled-valid.csv'));
    expect(inspection.format).toBe('acled');
    const parsed = await importFixture('acled-valid.csv');
    expect(parsed).toMatchObject({ format: 'acled', rowsRead: 20, rejectedCount: 0, incidents: [] });
    const events = parsed.events!;
    expect(events.length).toBe(20);
    expect(events.eventTypes).toEqual(['Explosions/Remote violence', 'Battles', 'Protests', 'Strategic developments']);
    const first = rows(events)[0]!;
    expect(first).toMatchObject({
      id: 'SYR1000',
      date: '2021-01-01',
      eventType: 'Explosions/Remote violence',
      subEventType: 'Shelling/artillery/missile attack',
      actor1: 'Unidentified Armed Group (Syria)',
      actor2: 'Military Forces of the United States (2021-)',
      location: 'Al Mayadin',
      source: 'Syrian Observatory for Human Rights; Deir Ezzor 24',
      timePrecision: '1',
      geoPrecision: '1',
    });
    expect(events.day[0]).toBe(dayNumber('2021-01-01'));
    expect(events.lat[0]).toBeCloseTo(35.0208, 4);
    expect(events.lon[0]).toBeCloseTo(40.4535, 4);
    expect(events.fatalities[0]).toBe(0);
    expect(batchKeys(events)).toEqual(Array.from({ length: 20 }, (_, i) => `SYR${1000 + i}`));
  });

  it('keeps markup in notes as plain text, byte for byte', async () => {
    const notes = rows((await importFixture('acled-valid.csv')).events!).map((r) => r.notes);
    expect(notes[2]).toBe('Reported text with markup: <img src=x onerror=alert(1)> and "quoted" words, commas, and more.');
    expect(notes[3]).toBe('Notes with a script tag: <script>alert("xss")</script> & an ampersand; should show as text.');
  });

  it('reads the same rows with a BOM and CRLF line ends', async () => {
    const plain = await importFixture('acled-valid.csv');
    const bom = await importFixture('acled-bom.csv');
    expect(bom.encoding).toMatchObject({ encoding: 'utf-8', bom: true });
    expect(rows(bom.events!)).toEqual(rows(plain.events!));
  });

  it('reads UTF-16 and windows-1256 (Arabic) files', async () => {
    const utf16 = await importFixture('acled-utf16le.csv');
    expect(utf16.encoding.encoding).toBe('utf-16le');
    expect(utf16.events!.length).toBe(5);
    const arabic = await importFixture('acled-windows-1256.csv');
    expect(arabic.encoding.encoding).toBe('windows-1256');
    const r = rows(arabic.events!);
    expect(r[0]).toMatchObject({ location: 'الميادين', notes: 'قصف صاروخي استهدف حقل العمر من مدينة الميادين' });
    expect(r[1]!.location).toBe('دير الزور');
    const western = await importFixture('acled-windows-1252.csv');
    expect(western.encoding.encoding).toBe('windows-1252');
    expect(rows(western.events!)[0]!.notes).toBe('Café near the Euphrates – “quoted” text, naïve résumé');
  });

  it('keeps line breaks inside quoted notes, and numbers rows as a spreadsheet does', async () => {
    const parsed = await importFixture('acled-quoted-newlines.csv');
    expect(parsed.rowsRead).toBe(6);
    const r = rows(parsed.events!);
    expect(r[1]!.notes).toBe('First line of the notes.\nSecond line, after a newline.\r\nThird line after CRLF.');
    expect(r[3]!.notes).toBe('A note\n\nwith a blank line inside quotes, and "quotes".');
    // A broken row after the multi-line ones is reported with its record number.
    const text = new TextDecoder().decode(fixtureBytes('acled-quoted-newlines.csv')) + 'SYR3999,not a date,2023\r\n';
    const broken = await importSource(bytesSource('q.csv', new TextEncoder().encode(text)));
    expect(rejections(broken)).toEqual([[8, 'event_date', 'bad date: unrecognised date "not a date"']]);
  });

  it('accepts ACLED dates as "12 June 2023" and as YYYY-MM-DD, and other spellings', async () => {
    const parsed = await importFixture('acled-other-dates.csv');
    expect(rows(parsed.events!).map((r) => r.date)).toEqual(['2021-01-01', '2023-06-12', '2023-06-12', '2023-06-12', '2023-06-12']);
    expect(parsed.events!.day[3]).toBeCloseTo(dayNumber('2023-06-12') + (19 * 60 + 44) / 1440, 3);
    expect(rejections(parsed)).toEqual([[7, 'event_date', 'bad date: not a real calendar date']]);
  });

  it('rejects each bad row with its row number, field and reason', async () => {
    const parsed = await importFixture('acled-bad-rows.csv');
    expect(parsed.rowsRead).toBe(12);
    expect(parsed.events!.length).toBe(1);
    expect(rejections(parsed)).toEqual([
      [3, 'latitude', 'coordinates 0,0 (a missing location written as zeros)'],
      [4, 'latitude', 'coordinates out of range (latitude 95.5)'],
      [5, 'longitude', 'missing field'],
      [6, 'latitude', 'not a number'],
      [7, 'event_date', 'bad date: not a real calendar date'],
      [8, 'event_date', 'bad date: unrecognised date "sometime in 2023"'],
      [9, 'event_id_cnty', 'missing field'],
      [10, 'event_id_cnty', 'duplicate event_id_cnty (first on row 2)'],
      [11, 'event_type', 'missing field'],
      [12, 'fatalities', 'not a whole number ("two")'],
      [13, '(row)', 'wrong number of fields: 33, the header has 31'],
    ]);
    expect(parsed.rejected[0]!.raw[0]).toBe('SYR5001');
    // The same reasons as codes, for the interface to translate.
    expect(parsed.rejected.map((r) => (r.params ? [r.code, r.params] : [r.code]))).toEqual([
      ['zero-coordinates'],
      ['latitude-out-of-range', { value: '95.5' }],
      ['missing-field'],
      ['not-a-number'],
      ['bad-date-not-real'],
      ['bad-date-unrecognised', { value: 'sometime in 2023' }],
      ['missing-field'],
      ['duplicate-id-row', { first: '2' }],
      ['missing-field'],
      ['not-whole-number', { value: 'two' }],
      ['wrong-field-count', { count: 33, expected: 31 }],
    ]);
  });

  it('refuses a file that lacks required ACLED columns, naming them', async () => {
    await expect(importFixture('acled-missing-columns.csv')).rejects.toThrow(
      new ImportError(
        'acled-missing-columns.csv looks like an ACLED export but lacks the columns latitude, longitude: nothing can be imported from it.',
        'acled-incomplete',
        { file: 'acled-missing-columns.csv', columns: 'latitude, longitude' },
      ),
    );
  });

  it('refuses a header alone and an empty file, saying so', async () => {
    await expect(importFixture('acled-header-only.csv')).rejects.toThrow('acled-header-only.csv has a header row but no data rows: nothing to import.');
    await expect(importFixture('empty.csv')).rejects.toThrow('empty.csv is empty (0 bytes).');
    await expect(importSource(bytesSource('blank.csv', new TextEncoder().encode('\ufeff  \n\n')))).rejects.toThrow('blank.csv is empty: it holds only blank space.');
  });

  it('gives the same result whatever the slice size (characters and rows cut between slices)', async () => {
    const whole = await importFixture('acled-quoted-newlines.csv');
    const arabic = await importFixture('acled-windows-1256.csv');
    for (const size of [1, 3, 7, 100]) {
      expect(rows((await importFixture('acled-quoted-newlines.csv', undefined, size)).events!)).toEqual(rows(whole.events!));
      expect(rows((await importFixture('acled-windows-1256.csv', undefined, size)).events!)).toEqual(rows(arabic.events!));
    }
    const utf8Arabic = new TextEncoder().encode(new TextDecoder().decode(fixtureBytes('acled-valid.csv')).replace(/Al Mayadin/g, 'الميادين'));
    const a = await importSource(bytesSource('a.csv', utf8Arabic));
    const b = await importSource(bytesSource('a.csv', utf8Arabic), undefined, 5);
    expect(rows(b.events!)).toEqual(rows(a.events!));
    expect(rows(a.events!)[0]!.location).toBe('الميادين');
  });

  it('reads again as windows-1256 a file that stops being UTF-8 after its first slice', async () => {
    const header = new TextDecoder().decode(fixtureBytes('acled-valid.csv')).split('\n')[0]!;
    const good = `${header}\n${'SYR1,2023-01-01,2023,1,Political violence,Battles,Armed clash,A,,x,,,,,,760,Middle East,Syria,Deir-ez-Zor,a,b,Somewhere,35.1,40.1,1,src,x,plain notes,0,,1\n'.repeat(20_000)}`;
    const tail = new Uint8Array([...new TextEncoder().encode('SYR2,2023-01-02,2023,1,Political violence,Battles,Armed clash,A,,x,,,,,,760,Middle East,Syria,Deir-ez-Zor,a,b,'), 0xc7, 0xe1, 0xe3, 0xed, 0xc7, 0xcf, 0xed, 0xe4, ...new TextEncoder().encode(',35.1,40.1,1,src,x,notes,0,,1\n')]);
    const bytes = new Uint8Array([...new TextEncoder().encode(good.replace(/SYR1,/g, () => `SYR${Math.random().toString(36).slice(2)},`)), ...tail]);
    const parsed = await importSource(bytesSource('late.csv', bytes));
    expect(parsed.encoding.encoding).toBe('windows-1256');
    expect(parsed.rejectedCount).toBe(0);
    expect(rows(parsed.events!).at(-1)!.location).toBe('الميادين');
  });

  it('stops at a quote that is never closed instead of reading the rest of the file as one row', async () => {
    const text = new TextDecoder().decode(fixtureBytes('acled-valid.csv')) + 'SYR9,"2023-01-01,never closed\n' + 'x,'.repeat(10);
    const parsed = await importSource(bytesSource('q.csv', new TextEncoder().encode(text)));
    expect(parsed.events!.length).toBe(20);
    expect(parsed.rejected.at(-1)).toMatchObject({ row: 22, field: '(row)', reason: 'a quoted field is never closed: the rest of the file was read into this row' });
  });

  it('can be cancelled between slices', async () => {
    const source = fixtureSource('acled-valid.csv');
    const inspection = await inspectSource(source);
    const controller = new AbortController();
    const run = parseImport(source, inspection, {
      datasetId: 'import-test',
      gazetteer: [],
      signal: controller.signal,
      sliceBytes: 100,
      onProgress: () => controller.abort(),
      progressIntervalMs: 0,
    });
    await expect(run).rejects.toBeInstanceOf(ImportCancelled);
  });

  it('reports progress in bytes', async () => {
    const source = fixtureSource('acled-valid.csv');
    const inspection = await inspectSource(source);
    const seen: number[] = [];
    await parseImport(source, inspection, { datasetId: 'x', gazetteer: [], sliceBytes: 1000, progressIntervalMs: 0, onProgress: (p) => seen.push(p.bytesRead) });
    expect(seen.at(-1)).toBe(source.size);
    expect(seen.length).toBeGreaterThan(5);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });
});

describe('the report and the rejected rows', () => {
  it('counts accepted and rejected rows, event types and dates', async () => {
    const report = buildReport(await importFixture('acled-bad-rows.csv'), null);
    expect(report).toMatchObject({ fileName: 'acled-bad-rows.csv', format: 'acled', encoding: 'UTF-8', rowsRead: 12, accepted: 1, acceptedEvents: 1, rejectedCount: 11, merge: null });
    expect(report.rejected).toHaveLength(11);
    expect(report.dateRange).toEqual(['2021-01-01', '2021-01-01']);
    expect(report.eventTypes).toEqual([{ name: 'Explosions/Remote violence', count: 1 }]);
  });

  it('writes the rejected rows as CSV under the original header, formulas defused', async () => {
    const parsed = await importFixture('acled-bad-rows.csv');
    parsed.rejected[0]!.raw[27] = '=HYPERLINK("http://x")';
    const csv = rejectedRowsCsv(parsed);
    const back = Papa.parse<string[]>(csv, { header: false }).data;
    expect(back[0]!.slice(0, 4)).toEqual(['row', 'field', 'reason', 'event_id_cnty']);
    expect(back[1]!.slice(0, 4)).toEqual(['3', 'latitude', 'coordinates 0,0 (a missing location written as zeros)', 'SYR5001']);
    expect(back[1]![3 + 27]).toBe('\'=HYPERLINK("http://x")');
    expect(back).toHaveLength(12);
    const blob = buildReport(parsed, null).rejectedCsv!;
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toBe(csv);
  });

  it('defuses formulas hidden behind whitespace or line breaks in the rejected rows, and leaves numbers as numbers', async () => {
    const header = new TextDecoder().decode(fixtureBytes('acled-bad-rows.csv')).split(/\r?\n/)[0]!.split(',');
    // A row rejected for its date, its other cells as a hostile file might fill them.
    const hostile: Record<string, string> = {
      notes: '\n@SUM(1+1)',
      actor1: ' =1+1',
      actor2: '\t=cmd|" /C calc"!A0',
      location: '\r\n+1',
      admin1: '\u00a0-2+3',
      admin2: '\u3000@SUM(1+1)',
      source: '\u200f=HYPERLINK("http://x")',
      tags: '\tquiet',
    };
    const numbers = { latitude: '-3.25', longitude: '-12', fatalities: '+1', year: '2021' };
    const row: Record<string, string> = { ...Object.fromEntries(header.map((h) => [h, ''])), event_id_cnty: 'SYR9', event_date: 'not a date', ...numbers, ...hostile };
    const file = Papa.unparse({ fields: header, data: [header.map((h) => row[h])] });
    const parsed = await importSource(bytesSource('hostile.csv', new TextEncoder().encode(file)));
    expect(parsed.rejectedCount).toBe(1);
    const back = Papa.parse<Record<string, string>>(rejectedRowsCsv(parsed), { header: true }).data[0]!;
    for (const [column, value] of Object.entries(hostile)) expect(back[column], column).toBe(`'${value}`);
    expect(back).toMatchObject({ row: '2', event_id_cnty: 'SYR9', ...numbers });
  });

  it('makes dataset ids that can prefix record ids', () => {
    expect(newDatasetId(0, () => 0)).toBe('import-0-0000');
    expect(newDatasetId()).toMatch(/^import-[a-z0-9]+-[a-z0-9]{4}$/);
  });
});
