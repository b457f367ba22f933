import { describe, expect, it } from 'vitest';
import { emptyMapping, mappingHasOrigin, mappingProblems, recogniseHeader, suggestMapping } from './columns';

const CURRENT = 'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp'.split(',');
const OLDER = 'data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,timestamp,iso3'.split(',');

describe('ACLED header recognition', () => {
  it('recognises the current export and finds every column by name', () => {
    const kind = recogniseHeader(CURRENT);
    expect(kind.kind).toBe('acled');
    if (kind.kind !== 'acled') return;
    expect(kind.columns.event_id_cnty).toBe(0);
    expect(kind.columns.latitude).toBe(22);
    expect(kind.columns.notes).toBe(27);
    expect(kind.columns.fatalities).toBe(28);
  });

  it('recognises the older column order, upper case and stray spaces', () => {
    const kind = recogniseHeader(OLDER.map((h) => ` ${h.toUpperCase()} `));
    expect(kind.kind).toBe('acled');
    if (kind.kind === 'acled') expect(kind.columns.event_date).toBe(4);
  });

  it('recognises a header with a byte-order mark left on its first cell', () => {
    expect(recogniseHeader(['\ufeffevent_id_cnty', ...CURRENT.slice(1)]).kind).toBe('acled');
  });

  it('names the required columns an ACLED-looking file lacks', () => {
    const kind = recogniseHeader(CURRENT.filter((c) => c !== 'latitude' && c !== 'event_type'));
    expect(kind).toEqual({ kind: 'acled-incomplete', missing: ['event_type', 'latitude'] });
  });

  it('leaves other CSVs to the mapping step', () => {
    expect(recogniseHeader(['date', 'lat', 'lon', 'notes']).kind).toBe('generic');
    // event_id_cnty alone is not enough to call a file ACLED.
    expect(recogniseHeader(['event_id_cnty', 'when', 'where']).kind).toBe('generic');
  });
});

describe('column mapping', () => {
  it('guesses the obvious columns, origin ones included, in English and Arabic', () => {
    const header = ['Date', 'Target', 'Target lat', 'Target lon', 'Launched from', 'Type', 'Description', 'Killed'];
    const m = suggestMapping(header);
    expect(m).toMatchObject({ date: 0, location: 1, latitude: 2, longitude: 3, originPlace: 4, eventType: 5, notes: 6, fatalities: 7 });
    expect(mappingHasOrigin(m)).toBe(true);
    expect(suggestMapping(['التاريخ', 'المكان', 'ملاحظات'])).toMatchObject({ date: 0, location: 1, notes: 2 });
    expect(suggestMapping(['origin_lat', 'origin_lon', 'lat', 'lon', 'date'])).toMatchObject({ originLatitude: 0, originLongitude: 1, latitude: 2, longitude: 3, date: 4 });
  });

  it('says what is missing from a mapping', () => {
    const header = ['a', 'b', 'c'];
    expect(mappingProblems(emptyMapping(), header)).toEqual([
      'Choose the column that holds the date.',
      'Choose latitude and longitude columns, or a place name column.',
    ]);
    expect(mappingProblems({ ...emptyMapping(), date: 0, latitude: 1 }, header)).toContain('Choose both latitude and longitude, or neither.');
    expect(mappingProblems({ ...emptyMapping(), date: 0, location: 1, originLatitude: 2 }, header)).toContain(
      'Choose both origin latitude and origin longitude, or neither.',
    );
    expect(mappingProblems({ ...emptyMapping(), date: 0, latitude: 1, longitude: 5 }, header)).toContain('Longitude: no column 5');
    expect(mappingProblems({ ...emptyMapping(), date: 0, latitude: 1, longitude: 2 }, header)).toEqual([]);
  });
});
