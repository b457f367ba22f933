#!/usr/bin/env node
// Writes a synthetic CSV in ACLED's export format (current column order) for the import
// benchmark: realistic field lengths (notes 150-400 characters, quoted, with commas and
// quotes), locations in eastern Syria, dates 2021-2024. Deterministic for a given seed.
// Not real ACLED data.
//
//   node scripts/generate-acled.mjs --rows 100000 --seed 1 > acled-100k.csv
//   node scripts/generate-acled.mjs --rows 1000000 --seed 1 --dates iso > acled-1m.csv
//
// Options: --rows N (default 1000), --seed N (default 1), --dates acled|iso|mixed
// (default acled: "12 June 2023"; iso: 2023-06-12), --id-offset N (first id number).

import { seededRandom } from './seeded-random.mjs';

const args = new Map();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
const rows = Number(args.get('rows') ?? 1000);
const seed = Number(args.get('seed') ?? 1);
const dates = args.get('dates') ?? 'acled';
const idOffset = Number(args.get('id-offset') ?? 100000);
if (!Number.isInteger(rows) || rows < 0 || !['acled', 'iso', 'mixed'].includes(dates)) {
  console.error('usage: node scripts/generate-acled.mjs --rows N [--seed N] [--dates acled|iso|mixed] [--id-offset N]');
  process.exit(2);
}

const random = seededRandom(seed);
const pick = (list) => list[Math.floor(random() * list.length)];

const HEADER = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type', 'actor1',
  'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting', 'iso', 'region',
  'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision', 'source', 'source_scale',
  'notes', 'fatalities', 'tags', 'timestamp',
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const LOCATIONS = [
  ['Al Mayadin', 'Al Mayadin', 'Al Mayadin', 'Deir-ez-Zor', 35.0208, 40.4535],
  ['Al Omar Oil Field', 'Al Mayadin', 'Thiban', 'Deir-ez-Zor', 35.1517, 40.5758],
  ['Conoco Gas Field', 'Deir-ez-Zor', 'Khasham', 'Deir-ez-Zor', 35.3361, 40.3094],
  ['Thiban', 'Al Mayadin', 'Thiban', 'Deir-ez-Zor', 35.0091, 40.5067],
  ['Hajin', 'Abu Kamal', 'Hajin', 'Deir-ez-Zor', 34.6934, 40.8313],
  ['Al Busayrah', 'Deir-ez-Zor', 'Al Busayrah', 'Deir-ez-Zor', 35.1561, 40.4281],
  ['Abu Kamal', 'Abu Kamal', 'Abu Kamal', 'Deir-ez-Zor', 34.4528, 40.9186],
  ['Deir-ez-Zor', 'Deir-ez-Zor', 'Deir-ez-Zor', 'Deir-ez-Zor', 35.3359, 40.1408],
  ['Khasham', 'Deir-ez-Zor', 'Khasham', 'Deir-ez-Zor', 35.2958, 40.3497],
  ['Al Shaddadi', 'Al-Hasakeh', 'Al Shaddadi', 'Al-Hasakeh', 36.0561, 40.7303],
  ['Rmelan', 'Al-Malikeyyeh', 'Rmelan', 'Al-Hasakeh', 36.8978, 41.9975],
  ['Al Tanf', 'Homs', 'Tadmor', 'Homs', 33.5058, 38.6178],
];
const EVENTS = [
  ['Political violence', 'Explosions/Remote violence', 'Shelling/artillery/missile attack'],
  ['Political violence', 'Explosions/Remote violence', 'Air/drone strike'],
  ['Political violence', 'Explosions/Remote violence', 'Remote explosive/landmine/IED'],
  ['Political violence', 'Battles', 'Armed clash'],
  ['Political violence', 'Violence against civilians', 'Attack'],
  ['Demonstrations', 'Protests', 'Peaceful protest'],
  ['Strategic developments', 'Strategic developments', 'Looting/property destruction'],
];
const ACTORS = [
  ['Unidentified Armed Group (Syria)', 'Political militia'],
  ['Military Forces of the United States (2021-)', 'External/Other forces'],
  ['Islamic Revolutionary Guard Corps', 'External/Other forces'],
  ['SDF: Syrian Democratic Forces', 'Rebel group'],
  ['Islamic State (Syria)', 'Rebel group'],
  ['Military Forces of Syria (2000-2024)', 'State forces'],
  ['Islamic Resistance in Iraq', 'Political militia'],
];
const SOURCES = ['Syrian Observatory for Human Rights', 'Deir Ezzor 24', 'Sound and Picture Organization', 'Furat Post', 'Ain al-Furat', 'CENTCOM', 'Enab Baladi; North Press Agency'];
const WORDS = (
  'reportedly targeted positions near the base with rockets and drones causing material damage no casualties were reported ' +
  'according to local sources several explosions were heard in the area after the attack the coalition responded with artillery ' +
  'fire toward launch sites on the western bank of the Euphrates river militia members were seen moving equipment overnight ' +
  'a vehicle was destroyed and two fighters were wounded while residents said the strikes hit farmland and an abandoned building'
).split(' ');

function notes(date, location, actor) {
  const target = 150 + Math.floor(random() * 251);
  let text = `On ${date}, ${actor} `;
  while (text.length < target) {
    text += pick(WORDS);
    const r = random();
    text += r < 0.06 ? ', ' : r < 0.08 ? `. "${pick(WORDS)}" ` : r < 0.1 ? ` in ${location}, ` : ' ';
  }
  return `${text.trim().replace(/[ ,]+$/, '')}.`;
}

function csvCell(value) {
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const START = Date.UTC(2021, 0, 1);
const DAYS = 4 * 365 + 1;
const out = process.stdout;
let buffer = `${HEADER.join(',')}\n`;

async function flush() {
  if (!out.write(buffer)) await new Promise((resolve) => out.once('drain', resolve));
  buffer = '';
}

for (let i = 0; i < rows; i++) {
  const d = new Date(START + Math.floor(random() * DAYS) * 86_400_000);
  const y = d.getUTCFullYear();
  const acledDate = `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${y}`;
  const isoDate = d.toISOString().slice(0, 10);
  const date = dates === 'iso' ? isoDate : dates === 'acled' ? acledDate : random() < 0.5 ? isoDate : acledDate;
  const [location, admin2, admin3, admin1, lat, lon] = pick(LOCATIONS);
  const [disorder, eventType, subType] = pick(EVENTS);
  const [actor1, inter1] = pick(ACTORS);
  const [actor2, inter2] = random() < 0.6 ? pick(ACTORS) : ['', ''];
  const fatalities = random() < 0.7 ? 0 : Math.floor(random() * 12);
  const row = [
    `SYR${idOffset + i}`,
    date,
    y,
    1 + Math.floor(random() * 3),
    disorder,
    eventType,
    subType,
    actor1,
    random() < 0.2 ? 'Civilians (Syria)' : '',
    inter1,
    actor2,
    '',
    inter2,
    `${inter1}-${inter2 || 'None'}`,
    random() < 0.1 ? 'Civilian targeting' : '',
    760,
    'Middle East',
    'Syria',
    admin1,
    admin2,
    admin3,
    location,
    (lat + (random() - 0.5) * 0.05).toFixed(4),
    (lon + (random() - 0.5) * 0.05).toFixed(4),
    1 + Math.floor(random() * 3),
    pick(SOURCES),
    'National-Regional',
    notes(acledDate, location, actor1),
    fatalities,
    '',
    1_700_000_000 + Math.floor(random() * 30_000_000),
  ];
  buffer += `${row.map(csvCell).join(',')}\n`;
  if (buffer.length > 1 << 20) await flush();
}
await flush();
