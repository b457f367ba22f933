/**
 * Keeps the app's places on the map drawn (MapView): a new language or new places to label
 * rebuild the bundled style and have it diffed; new data only (the labels' counts and the rings
 * of the places involved, which change with every move of the date brush) are written into the
 * sources that changed, without rebuilding the style; a foreign style gets the sources added.
 */
import type { Map as MaplibreMap, StyleSpecification } from 'maplibre-gl';
import { addPlacesToForeignStyle, placeDataWritten, writePlaceData, type PlaceSources, type WrittenPlaceData } from './place-layers';

export class PlaceStyleWriter {
  /** The key the drawn bundled style was built for ('' while another style is drawn). */
  private styleKey = '';
  /** What the drawn style's place sources hold. */
  private written: WrittenPlaceData = {};

  /** The map was made with the bundled style built for `key`, holding `data`. */
  created(key: string, data: PlaceSources): void {
    this.styleKey = key;
    this.written = placeDataWritten(data);
  }

  /**
   * Brings the map's places up to date. `bundled`: the bundled style's key (its language and the
   * names it leaves to the app) and how to build it; null when a foreign style is drawn. Returns
   * whether the map will draw again.
   */
  write(map: MaplibreMap, data: PlaceSources, bundled: { key: string; style: () => StyleSpecification } | null): boolean {
    if (!bundled) {
      addPlacesToForeignStyle(map, data);
      this.styleKey = '';
      return true;
    }
    if (bundled.key !== this.styleKey) {
      map.setStyle(bundled.style(), { diff: true });
      this.created(bundled.key, data);
      return true;
    }
    return writePlaceData(map, data, this.written);
  }
}
