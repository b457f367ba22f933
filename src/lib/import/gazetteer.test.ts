import { describe, expect, it } from 'vitest';
import { createGazetteer, normalizePlaceName } from './gazetteer';
import { gazetteerPlaces } from './test-fixtures';

describe('place names against the gazetteer', () => {
  const gazetteer = createGazetteer(gazetteerPlaces);
  it.each([
    ['al-Mayadin', 'al-mayadin'],
    ['Al Mayadin', 'al-mayadin'],
    ['Mayadeen', 'al-mayadin'],
    ['الميادين', 'al-mayadin'],
    ['ميادين', 'al-mayadin'],
    ['مدينة الميادين', 'al-mayadin'],
    ['Conoco', 'conoco'],
    ['كونيكو', 'conoco'],
    ['al-Omar', 'al-omar'],
    ['Omar', 'al-omar'],
    ['حقل العمر', 'al-omar'],
    ['Deir ez-Zor', 'deir-ez-zor'],
    ['ديرالزور', 'deir-ez-zor'],
    ['دير الزور', 'deir-ez-zor'],
    ['west of the Euphrates', 'euphrates-west-bank'],
    ['غرب الفرات', 'euphrates-west-bank'],
    ['Albu Kamal', 'albu-kamal'],
    ['Abu Kamal', 'albu-kamal'],
    ['al-Tanf', 'al-tanf'],
    ["al-Qa'im", 'al-qaim'],
    ['Ālbū Kamāl', 'albu-kamal'],
  ])('%s is %s', (name, id) => {
    expect(gazetteer.match(name)?.id).toBe(id);
  });

  it('finds nothing for a name it does not have', () => {
    expect(gazetteer.match('Atlantis')).toBeUndefined();
    expect(gazetteer.match('')).toBeUndefined();
  });

  it('normalises Arabic spelling variants and Latin accents', () => {
    expect(normalizePlaceName('أَلمَيادِين')).toBe(normalizePlaceName('الميادين'));
    expect(normalizePlaceName('Şeddadê')).toBe('seddade');
  });
});
