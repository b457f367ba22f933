// The bare side of the reload and brush figures: MapLibre with the app's offline basemap style
// and one MapboxOverlay drawing N points as the app draws imported events (a ScatterplotLayer
// from binary attributes, 2.5 px, a two-value DataFilterExtension on day and type), placed
// like scripts/generate-acled.mjs places them (12 locations, ±0.025°, days 2021-2024, seeded).
// Nothing else.
//
// Query: ?n=1000000&w=<px>&h=<px>; hash #map=zoom/lat/lon as the app's.
// Exposes window.__strikesMapPerf (as the app: firstEventFrame, lastFrame) and
// window.__bareRange(fromDay, toDay), which changes the filter range as the brush does.
import { DataFilterExtension } from '@deck.gl/extensions';
import { ScatterplotLayer } from '@deck.gl/layers';
import { dayNumber } from '../../src/lib/timeline/incident-time';
import { bareMap, params } from './bare-map.js';

// [lat, lon] of the generator's LOCATIONS.
const LOCATIONS = [
  [35.0208, 40.4535], [35.1517, 40.5758], [35.3361, 40.3094], [35.0091, 40.5067], [34.6934, 40.8313], [35.1561, 40.4281],
  [34.4528, 40.9186], [35.3359, 40.1408], [35.2958, 40.3497], [36.0561, 40.7303], [36.8978, 41.9975], [33.5058, 38.6178],
];

const count = Number(params.get('n') || 1000);
let drawn = 0;

function points(n) {
  let state = 1;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const positions = new Float32Array(n * 2);
  const filter = new Float32Array(n * 2);
  const first = dayNumber('2021-01-01');
  for (let i = 0; i < n; i++) {
    const [lat, lon] = LOCATIONS[Math.floor(random() * LOCATIONS.length)];
    positions[2 * i] = lon + (random() - 0.5) * 0.05;
    positions[2 * i + 1] = lat + (random() - 0.5) * 0.05;
    filter[2 * i] = first + Math.floor(random() * 1461);
    filter[2 * i + 1] = 1;
  }
  return { positions, filter };
}

const { overlay } = bareMap({ firstFrameKey: 'firstEventFrame', drawn: () => drawn > 0 });
const filterExtension = new DataFilterExtension({ filterSize: 2 });

const data = points(count);
const attributes = {
  length: count,
  attributes: { getPosition: { value: data.positions, size: 2 }, getFilterValue: { value: data.filter, size: 2 } },
};
function layer(range) {
  return new ScatterplotLayer({
    id: 'events',
    data: attributes,
    getRadius: 2.5,
    radiusUnits: 'pixels',
    radiusMinPixels: 1.5,
    getFillColor: [120, 72, 20, 170],
    stroked: false,
    extensions: [filterExtension],
    filterRange: [range, [0.5, 1.5]],
    filterSoftRange: [range, [0.5, 1.5]],
    filterTransformColor: true,
  });
}
window.__bareRange = (from, to) => overlay.setProps({ layers: [layer([from, to])] });
drawn = count;
window.__bareRange(dayNumber('2021-01-01'), dayNumber('2025-01-01'));
