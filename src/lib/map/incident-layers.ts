/**
 * deck.gl layers built from state by a pure function: same geometry object in, same
 * data object out, so deck.gl keeps its GPU buffers and only props/uniforms change.
 */
import { ArcLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { IncidentArc, IncidentGeometry, IncidentImpact } from './incident-geometry';
import { KIND_COLORS } from './incident-style';

export interface IncidentLayerState {
  geometry: IncidentGeometry;
}

export function buildIncidentLayers({ geometry }: IncidentLayerState): Layer[] {
  return [
    new ArcLayer<IncidentArc>({
      id: 'incident-arcs',
      data: geometry.arcs,
      getSourcePosition: (d) => d.from,
      getTargetPosition: (d) => d.to,
      getSourceColor: (d) => [...KIND_COLORS[d.incident.kind], 255],
      getTargetColor: (d) => [...KIND_COLORS[d.incident.kind], 255],
      getWidth: 3,
      widthUnits: 'pixels',
      widthMinPixels: 2,
      getHeight: 0.5,
      greatCircle: false,
      pickable: true,
    }),
    new ScatterplotLayer<IncidentImpact>({
      id: 'incident-impacts',
      data: geometry.impacts,
      getPosition: (d) => d.at,
      getFillColor: (d) => [...KIND_COLORS[d.incident.kind], 200],
      getLineColor: [255, 255, 255, 255],
      stroked: true,
      lineWidthMinPixels: 1,
      getRadius: 6,
      radiusUnits: 'pixels',
      pickable: true,
    }),
  ];
}
