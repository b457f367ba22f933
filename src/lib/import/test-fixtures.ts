/** Helpers for the import tests (Node only): fixture files and the bundled gazetteer. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import places from '../../../data/places.json';
import type { GazetteerPlace } from './gazetteer';
import { bytesSource, type ImportSource } from './types';

const FIXTURES = fileURLToPath(new URL('../../../tests/fixtures/import/', import.meta.url));

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(FIXTURES + name));
}

export function fixtureSource(name: string): ImportSource {
  return bytesSource(name, fixtureBytes(name));
}

export function fixtureFile(name: string): File {
  return new File([fixtureBytes(name) as Uint8Array<ArrayBuffer>], name);
}

export const gazetteerPlaces: GazetteerPlace[] = places.map((p) => ({ id: p.id, name: p.name, altNames: p.altNames, lon: p.lon, lat: p.lat }));
