#!/usr/bin/env node
// Writes a synthetic CSV of attacks with an origin and a target, as an analyst's own file
// might be (columns id, timestamp, origin_lat, origin_lng, target_lat, target_lng, kind,
// weapon, notes): every coordinate its own (no names), spread over eastern Syria, times
// from 2022 to 2024 in file order shuffled. For the "imported arcs" benchmark and the
// end-to-end tests. Deterministic for a given seed. Not real data.
//
//   node scripts/generate-arcs.mjs --rows 10000 --seed 1 > arcs-10k.csv

import { seededRandom } from './seeded-random.mjs';

const args = new Map();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
const rows = Number(args.get('rows') ?? 1000);
const seed = Number(args.get('seed') ?? 1);
if (!Number.isInteger(rows) || rows < 0) {
  console.error('usage: node scripts/generate-arcs.mjs --rows N [--seed N]');
  process.exit(2);
}

export function arcsCsv(count, seedValue = 1) {
  const random = seededRandom(seedValue);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const KINDS = [
    ['attack', ['107mm rockets', '122mm Grad rockets', 'one-way attack drone', '60mm mortar']],
    ['US strike', ['F-15E airstrike', 'AH-64 helicopter', 'HIMARS', 'MQ-9 drone strike']],
  ];
  const NOTES = [
    'Rockets landed near the perimeter; no injuries reported.',
    'Drone intercepted before reaching the base.',
    'Strike on a weapons depot used by affiliated militias.',
    'Several rounds fell inside the field; damage to a storage building.',
    'سقطت قذائف قرب القاعدة دون إصابات',
  ];
  const start = Date.UTC(2022, 0, 1);
  const span = Date.UTC(2025, 0, 1) - start;
  const lines = ['id,timestamp,origin_lat,origin_lng,target_lat,target_lng,kind,weapon,notes'];
  for (let i = 0; i < count; i++) {
    const originLat = 33.6 + random() * 3.2;
    const originLng = 38.6 + random() * 3.2;
    const targetLat = Math.min(37.2, Math.max(33.3, originLat + (random() - 0.5) * 1.6));
    const targetLng = Math.min(42.2, Math.max(38.2, originLng + (random() - 0.5) * 1.6));
    const [kind, weapons] = pick(KINDS);
    const when = new Date(start + Math.floor(random() * span)).toISOString().slice(0, 19) + 'Z';
    const note = pick(NOTES);
    lines.push(`a${i + 1},${when},${originLat.toFixed(4)},${originLng.toFixed(4)},${targetLat.toFixed(4)},${targetLng.toFixed(4)},${kind},${pick(weapons)},"${note}"`);
  }
  return lines.join('\n') + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(arcsCsv(rows, seed));
