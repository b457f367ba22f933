/** ACLED rows become point events; the columns were found by recogniseHeader (columns.ts). */
import { EventTextRow } from '../data/event-store';
import type { AcledColumn } from './columns';
import { createDateParser, isDateError } from './dates';
import { EventAccumulator } from './event-batch';
import { cell, coordinateProblem, fatalitiesOf, FirstRowIndex, parseNumberCell, rejectDate, rejectFatalities, type MapperContext, type RowMapper } from './row-mapper';

/** ACLED rows become point events; the columns were found by recogniseHeader. */
export function createAcledMapper(columns: Record<AcledColumn, number>, ctx: MapperContext): RowMapper {
  const events = new EventAccumulator(ctx.capacity, ctx.onTextBlock);
  const parseDate = createDateParser('dmy');
  const seen = new FirstRowIndex();
  const c = columns;
  const text = new EventTextRow();
  return {
    map(row, rowNumber) {
      const id = cell(row, c.event_id_cnty).trim();
      if (id === '') return ctx.reject(rowNumber, 'event_id_cnty', 'missing field', row, 'missing-field');
      const rawDate = cell(row, c.event_date);
      const date = parseDate(rawDate);
      if (isDateError(date)) return rejectDate(ctx, rowNumber, 'event_date', rawDate, date, row);
      const lat = parseNumberCell(cell(row, c.latitude));
      if (lat === null) return ctx.reject(rowNumber, 'latitude', 'missing field', row, 'missing-field');
      const lon = parseNumberCell(cell(row, c.longitude));
      if (lon === null) return ctx.reject(rowNumber, 'longitude', 'missing field', row, 'missing-field');
      const bad = coordinateProblem(lat, lon);
      if (bad) return ctx.reject(rowNumber, bad.field, bad.reason, row, bad.code, bad.params);
      const eventType = cell(row, c.event_type).trim();
      if (eventType === '') return ctx.reject(rowNumber, 'event_type', 'missing field', row, 'missing-field');
      const fatalities = fatalitiesOf(cell(row, c.fatalities));
      if (fatalities === 'bad') return rejectFatalities(ctx, rowNumber, 'fatalities', cell(row, c.fatalities), row);
      const first = seen.firstOrAdd(id, rowNumber);
      if (first !== 0)
        return ctx.reject(rowNumber, 'event_id_cnty', `duplicate event_id_cnty (first on row ${first})`, row, 'duplicate-id-row', { first: String(first) });
      const fields = text.fill({
        id,
        date: date.iso,
        eventType,
        subEventType: cell(row, c.sub_event_type),
        actor1: cell(row, c.actor1),
        actor2: cell(row, c.actor2),
        location: cell(row, c.location),
        notes: cell(row, c.notes),
        source: cell(row, c.source),
        timePrecision: cell(row, c.time_precision),
        geoPrecision: cell(row, c.geo_precision),
        admin: adminOf(cell(row, c.admin1), cell(row, c.admin2), cell(row, c.admin3)),
      });
      events.add(date.day, lon, lat, eventType, fatalities, fields);
    },
    flush: () => events.flush(),
    cleanFields: () => void (events.cleanFields = true),
    finish: () => ({ events, arcPlaces: [] }),
  };
}

/**
 * ACLED's administrative areas, largest first, as one field: "Deir ez-Zor / Al Mayadin / Thiban".
 * ASCII separators: one character above Latin-1 would make V8 store every text block at two bytes a character.
 */
export function adminOf(admin1: string, admin2: string, admin3: string): string {
  let out = admin1.trim();
  const add = (name: string) => {
    const n = name.trim();
    if (n) out = out ? `${out} / ${n}` : n;
  };
  add(admin2);
  add(admin3);
  return out;
}
