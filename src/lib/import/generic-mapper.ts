/** Rows of a CSV that is not ACLED, through the user's column mapping: points, and arcs where a row has an origin. */
import { EventTextRow } from '../data/event-store';
import { ArcPlaceTally } from './arc-places';
import type { ColumnMapping } from './columns';
import { createDateParser, isDateError } from './dates';
import { EventAccumulator } from './event-batch';
import type { GazetteerPlace } from './gazetteer';
import { cell, coordinateProblem, detached, fatalitiesOf, parseNumberCell, rejectDate, rejectFatalities, type MapperContext, type RowMapper } from './row-mapper';

interface Located {
  lon: number;
  lat: number;
  /** Set when the name matched a gazetteer place. */
  place?: GazetteerPlace;
  name: string;
}

/**
 * Where a row is: from its coordinate columns, else from its place-name column
 * (gazetteer). Rejects the row (and returns null) when neither gives a location.
 */
function locate(
  row: string[],
  rowNumber: number,
  latIndex: number,
  lonIndex: number,
  nameIndex: number,
  ctx: MapperContext,
  required: boolean,
): Located | null | 'rejected' {
  const h = (i: number) => ctx.header[i] ?? `column ${i + 1}`;
  const latText = cell(row, latIndex);
  const lonText = cell(row, lonIndex);
  const name = cell(row, nameIndex).trim();
  if (latText.trim() !== '' || lonText.trim() !== '') {
    const lat = parseNumberCell(latText);
    const lon = parseNumberCell(lonText);
    if (lat === null) return (ctx.reject(rowNumber, h(latIndex), 'missing field', row, 'missing-field'), 'rejected');
    if (lon === null) return (ctx.reject(rowNumber, h(lonIndex), 'missing field', row, 'missing-field'), 'rejected');
    const bad = coordinateProblem(lat, lon);
    if (bad) return (ctx.reject(rowNumber, h(bad.field === 'latitude' ? latIndex : lonIndex), bad.reason, row, bad.code, bad.params), 'rejected');
    return { lat, lon, name };
  }
  if (name !== '') {
    const place = ctx.gazetteer.match(name);
    if (!place)
      return (ctx.reject(rowNumber, h(nameIndex), `unknown place "${name}" (not in the gazetteer)`, row, 'unknown-place-name', { name }), 'rejected');
    return { lat: place.lat, lon: place.lon, place, name };
  }
  if (!required) return null;
  const field = latIndex >= 0 ? h(latIndex) : h(nameIndex);
  return (ctx.reject(rowNumber, field, 'missing field', row, 'missing-field'), 'rejected');
}

/**
 * A CSV that is not ACLED, through the user's column mapping. Every row becomes an event
 * (columns, as ACLED's); a row with an origin (origin coordinates or a known origin place)
 * is an arc from there to its location.
 */
export function createGenericMapper(mapping: ColumnMapping, ctx: MapperContext, hasOrigin: boolean): RowMapper {
  const parseDate = createDateParser(mapping.dateOrder);
  const h = (i: number) => ctx.header[i] ?? `column ${i + 1}`;
  const events = new EventAccumulator(ctx.capacity, ctx.onTextBlock);
  const arcPlaces = new ArcPlaceTally();
  const seenIds = new Map<string, number>();
  const text = new EventTextRow();

  return {
    map(row, rowNumber) {
      const rawDate = cell(row, mapping.date);
      const date = parseDate(rawDate);
      if (isDateError(date)) return rejectDate(ctx, rowNumber, h(mapping.date), rawDate, date, row);
      const target = locate(row, rowNumber, mapping.latitude, mapping.longitude, mapping.location, ctx, true);
      if (target === 'rejected' || target === null) return;
      const origin = hasOrigin ? locate(row, rowNumber, mapping.originLatitude, mapping.originLongitude, mapping.originPlace, ctx, false) : null;
      if (origin === 'rejected') return;
      const fatalities = fatalitiesOf(cell(row, mapping.fatalities));
      if (fatalities === 'bad') return rejectFatalities(ctx, rowNumber, h(mapping.fatalities), cell(row, mapping.fatalities), row);
      const givenId = cell(row, mapping.id).trim();
      if (givenId !== '') {
        const first = seenIds.get(givenId);
        if (first !== undefined)
          return ctx.reject(rowNumber, h(mapping.id), `duplicate id (first on row ${first})`, row, 'duplicate-id-row', { first: String(first) });
        seenIds.set(detached(givenId), rowNumber);
      }
      const eventType = cell(row, mapping.eventType).trim() || 'Event';
      const fields = text.fill({
        id: givenId || `row-${rowNumber}`,
        date: date.iso,
        eventType,
        actor1: cell(row, mapping.actor),
        location: cell(row, mapping.location),
        notes: cell(row, mapping.notes),
        source: cell(row, mapping.source),
        origin: origin ? origin.name : '',
        weapon: cell(row, mapping.weapon),
      });
      events.add(date.day, target.lon, target.lat, eventType, fatalities, fields, origin ?? undefined);
      if (origin) {
        arcPlaces.add(target.name, target.lon, target.lat, 'target', target.place);
        arcPlaces.add(origin.name, origin.lon, origin.lat, 'origin', origin.place);
      }
    },
    flush: () => events.flush(),
    cleanFields: () => void (events.cleanFields = true),
    finish: () => ({ events, arcPlaces: arcPlaces.list() }),
  };
}
