/**
 * The offline basemap style and the incident/route layers. No tiles, sprites or glyph server: polygons come
 * from the committed TopoJSON, labels are drawn with Noto Sans files served by the app itself.
 */
import type { FeatureCollection, MultiLineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { ExpressionSpecification, FilterSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import latin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import latinExt400 from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import latin700 from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2?url';
import latinExt700 from '@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff2?url';
import latin400i from '@fontsource/noto-sans/files/noto-sans-latin-400-italic.woff2?url';
import { EVENT_COLOURS, EVENT_TYPES, ROUTE_COLOUR } from '../state/filters';

const LATIN = ['U+0000-00FF', 'U+0131', 'U+0152-0153', 'U+02BB-02BC', 'U+02C6', 'U+02DA', 'U+02DC', 'U+2000-206F', 'U+20AC', 'U+2122', 'U+2212'];
const LATIN_EXT = ['U+0100-02BA', 'U+02BD-02C5', 'U+02C7-02CC', 'U+02CE-02D7', 'U+02DD-02FF', 'U+1E00-1E9F', 'U+1EF2-1EFF', 'U+2C60-2C7F', 'U+A720-A7FF'];

export const FONT = ['Noto Sans Regular'];
export const FONT_BOLD = ['Noto Sans Bold'];
export const FONT_ITALIC = ['Noto Sans Italic'];

export const COLOURS = {
  sea: '#c9dbe6',
  land: '#f3f0e8',
  border: '#8f8677',
  province: '#b8ae9c',
  coast: '#8fb0c4',
  label: '#3b3a36',
  provinceLabel: '#7b7366',
  cluster: '#33475b'
};

export interface Basemap {
  countries: FeatureCollection<Polygon | MultiPolygon>;
  borders: MultiLineString;
  coast: MultiLineString;
  provinces: FeatureCollection<Polygon | MultiPolygon>;
  provinceLines: MultiLineString;
  labels: FeatureCollection<Point>;
}

type Objects = { countries: GeometryCollection; provinces: GeometryCollection };

export async function loadBasemap(base = '/basemap'): Promise<Basemap> {
  const [topo, labels] = await Promise.all([
    fetch(`${base}/basemap.topo.json`).then((r) => r.json() as Promise<Topology<Objects>>),
    fetch(`${base}/labels.geojson`).then((r) => r.json() as Promise<FeatureCollection<Point>>)
  ]);
  return {
    countries: feature(topo, topo.objects.countries) as FeatureCollection<Polygon | MultiPolygon>,
    borders: mesh(topo, topo.objects.countries, (a, b) => a !== b),
    coast: offEdges(mesh(topo, topo.objects.countries, (a, b) => a === b)),
    provinces: feature(topo, topo.objects.provinces) as FeatureCollection<Polygon | MultiPolygon>,
    provinceLines: mesh(topo, topo.objects.provinces, (a, b) => a !== b),
    labels
  };
}

/**
 * Coastlines without the cuts the basemap build made at ±180° and along the poles: those edges are the map's
 * own edge, not a coast, and drawn they would be a line down the date line or along the bottom of the world.
 */
export function offEdges(m: MultiLineString): MultiLineString {
  const cut = (a: Position, b: Position) =>
    (Math.abs(a[0]) === 180 && a[0] === b[0]) || (Math.abs(a[1]) >= 89.9 && Math.abs(b[1]) >= 89.9);
  const lines: Position[][] = [];
  for (const line of m.coordinates) {
    let run: Position[] = [line[0]];
    for (let i = 1; i < line.length; i++) {
      if (cut(line[i - 1], line[i])) {
        if (run.length > 1) lines.push(run);
        run = [line[i]];
      } else run.push(line[i]);
    }
    if (run.length > 1) lines.push(run);
  }
  return { type: 'MultiLineString', coordinates: lines };
}

const typeColour: ExpressionSpecification = [
  'match',
  ['get', 'event_type'],
  ...EVENT_TYPES.flatMap((t) => [t, EVENT_COLOURS[t]]),
  '#666666'
] as unknown as ExpressionSpecification;

const imprecise: ExpressionSpecification = ['==', ['get', 'geo_precision'], 3];

/** Radius grows with the square root of killed + wounded, so area tracks the toll. */
export function incidentRadius(extra = 0): ExpressionSpecification {
  const toll: ExpressionSpecification = ['min', ['sqrt', ['get', 'casualties']], 8];
  return ['interpolate', ['linear'], ['zoom'], 3, ['+', 3.5 + extra, ['*', 1.1, toll]], 10, ['+', 5 + extra, ['*', 1.6, toll]]];
}

export const NOT_CLUSTER: ExpressionSpecification = ['!', ['has', 'point_count']];

export function basemapStyle(b: Basemap): StyleSpecification {
  const label = (kind: string): ExpressionSpecification => ['==', ['get', 'kind'], kind];
  return {
    version: 8,
    name: 'Incident Atlas offline',
    // No `glyphs`: labels are drawn in the browser from these files.
    'font-faces': {
      'Noto Sans Regular': [
        { url: latin400, 'unicode-range': LATIN },
        { url: latinExt400, 'unicode-range': LATIN_EXT }
      ],
      'Noto Sans Bold': [
        { url: latin700, 'unicode-range': LATIN },
        { url: latinExt700, 'unicode-range': LATIN_EXT }
      ],
      'Noto Sans Italic': [{ url: latin400i, 'unicode-range': LATIN }]
    },
    sources: {
      countries: { type: 'geojson', data: b.countries, attribution: 'Natural Earth' },
      borders: { type: 'geojson', data: { type: 'Feature', properties: {}, geometry: b.borders } },
      coast: { type: 'geojson', data: { type: 'Feature', properties: {}, geometry: b.coast } },
      provinces: { type: 'geojson', data: { type: 'Feature', properties: {}, geometry: b.provinceLines } },
      labels: { type: 'geojson', data: b.labels, attribution: 'GeoNames (CC BY 4.0)' }
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': COLOURS.sea } },
      { id: 'countries', type: 'fill', source: 'countries', paint: { 'fill-color': COLOURS.land } },
      {
        id: 'provinces',
        type: 'line',
        source: 'provinces',
        minzoom: 3.5,
        paint: { 'line-color': COLOURS.province, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.4, 9, 1.2], 'line-dasharray': [3, 2] }
      },
      { id: 'coast', type: 'line', source: 'coast', paint: { 'line-color': COLOURS.coast, 'line-width': 0.8 } },
      {
        id: 'borders',
        type: 'line',
        source: 'borders',
        paint: { 'line-color': COLOURS.border, 'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.6, 8, 1.8] }
      },
      {
        id: 'province-labels',
        type: 'symbol',
        source: 'labels',
        minzoom: 5,
        filter: label('province'),
        layout: {
          'text-field': ['get', 'name'],
          'text-font': FONT_ITALIC,
          'text-size': ['interpolate', ['linear'], ['zoom'], 5, 10, 9, 13],
          'text-max-width': 7,
          'symbol-sort-key': ['get', 'rank']
        },
        paint: { 'text-color': COLOURS.provinceLabel, 'text-halo-color': 'rgba(243,240,232,0.9)', 'text-halo-width': 1.2 }
      },
      {
        id: 'city-dots',
        type: 'circle',
        source: 'labels',
        minzoom: 4,
        filter: ['all', label('city'), ['<=', ['get', 'rank'], ['step', ['zoom'], 1, 6, 2, 7, 3]]],
        paint: { 'circle-radius': ['case', ['get', 'capital'], 3.5, 2.5], 'circle-color': '#5c5548', 'circle-stroke-color': '#fff', 'circle-stroke-width': 1 }
      },
      {
        id: 'city-labels',
        type: 'symbol',
        source: 'labels',
        minzoom: 4,
        filter: ['all', label('city'), ['<=', ['get', 'rank'], ['step', ['zoom'], 1, 6, 2, 7, 3]]],
        layout: {
          'text-field': ['get', 'name'],
          'text-font': FONT,
          'text-size': ['interpolate', ['linear'], ['zoom'], 4, 11, 10, 14],
          'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
          'text-radial-offset': 0.5,
          'symbol-sort-key': ['get', 'rank']
        },
        paint: { 'text-color': COLOURS.label, 'text-halo-color': 'rgba(255,255,255,0.85)', 'text-halo-width': 1.2 }
      },
      {
        // Big countries first (rank is the order by area) and from the world view on; small ones as the map
        // zooms in (scale 0 at every zoom … 5, the microstates, from zoom 5.5). A label that would sit on a
        // marker moves to one side of its anchor rather than vanish.
        id: 'country-labels',
        type: 'symbol',
        source: 'labels',
        maxzoom: 8,
        filter: ['all', label('country'), ['<=', ['get', 'scale'], ['step', ['zoom'], 0, 1.5, 1, 2.5, 2, 3.5, 3, 4.5, 4, 5.5, 5]]],
        layout: {
          'text-field': ['get', 'name'],
          'text-font': FONT_BOLD,
          'text-size': ['interpolate', ['linear'], ['zoom'], 1, ['-', 11, ['*', 0.5, ['get', 'scale']]], 6, ['-', 16, ['*', 0.6, ['get', 'scale']]]],
          'text-transform': 'uppercase',
          'text-letter-spacing': 0.06,
          'text-max-width': 7,
          'symbol-sort-key': ['get', 'rank'],
          'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
          'text-radial-offset': 1.2,
          'text-padding': 1
        },
        paint: { 'text-color': '#5a5346', 'text-halo-color': 'rgba(243,240,232,0.9)', 'text-halo-width': 1.5 }
      }
    ]
  };
}

/** Width of the routes' invisible hit area, in pixels. */
export const ROUTE_HIT_WIDTH = 14;

const routeOffset: ExpressionSpecification = ['interpolate', ['linear'], ['get', 'n_sources'], 1, 2, 10, 5];

/** The data layers, drawn above the basemap (and above an online style's layers when one is configured). */
export function dataLayers(): LayerSpecification[] {
  return [
    {
      id: 'route-lines',
      type: 'line',
      source: 'routes',
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': ROUTE_COLOUR,
        'line-opacity': 0.85,
        'line-width': ['interpolate', ['linear'], ['get', 'n_sources'], 1, 2, 4, 5, 10, 8],
        // Offset to the right of travel, so A→B and B→A along the same corridor stay apart.
        'line-offset': routeOffset
      }
    },
    {
      // The routes' hit area: 14 px wide and transparent, so a route answers hover and clicks near it, not
      // only on its drawn pixels.
      id: 'route-hit',
      type: 'line',
      source: 'routes',
      layout: { 'line-cap': 'round' },
      paint: { 'line-color': '#000000', 'line-opacity': 0, 'line-width': ROUTE_HIT_WIDTH, 'line-offset': routeOffset }
    },
    {
      id: 'route-arrows',
      type: 'symbol',
      source: 'routes',
      layout: {
        'symbol-placement': 'line',
        'symbol-spacing': 70,
        'icon-image': 'route-arrow',
        'icon-size': ['interpolate', ['linear'], ['get', 'n_sources'], 1, 0.7, 10, 1.2],
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
        'icon-rotation-alignment': 'map',
        'icon-offset': [0, 5]
      }
    },
    {
      id: 'route-selected',
      type: 'line',
      source: 'selection',
      filter: ['==', ['geometry-type'], 'LineString'],
      layout: { 'line-cap': 'round' },
      paint: { 'line-color': '#111', 'line-width': ['+', 5, ['interpolate', ['linear'], ['get', 'n_sources'], 1, 2, 10, 8]], 'line-opacity': 0.3, 'line-offset': routeOffset }
    },
    {
      id: 'incident-clusters',
      type: 'circle',
      source: 'incidents',
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': COLOURS.cluster,
        'circle-opacity': 0.82,
        'circle-radius': ['interpolate', ['linear'], ['sqrt', ['get', 'point_count']], 1, 11, 10, 22, 100, 40],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5
      }
    },
    {
      id: 'incident-cluster-count',
      type: 'symbol',
      source: 'incidents',
      filter: ['has', 'point_count'],
      layout: {
        'text-field': ['get', 'point_count_abbreviated'],
        'text-font': FONT_BOLD,
        'text-size': 12,
        'text-allow-overlap': true
      },
      paint: { 'text-color': '#ffffff' }
    },
    {
      id: 'incident-points',
      type: 'circle',
      source: 'incidents',
      filter: NOT_CLUSTER,
      paint: {
        'circle-radius': incidentRadius(),
        'circle-color': typeColour,
        // Province- or country-level locations are drawn as rings, never as a precise dot.
        'circle-opacity': ['case', imprecise, 0, ['==', ['get', 'geo_precision'], 2], 0.6, 0.88],
        'circle-stroke-color': ['case', imprecise, typeColour, '#ffffff'],
        'circle-stroke-width': ['case', imprecise, 2.5, 1.2]
      }
    },
    {
      id: 'incident-selected',
      type: 'circle',
      source: 'selection',
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-radius': incidentRadius(5),
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': '#111111',
        'circle-stroke-width': 2.5
      }
    },
    {
      id: 'pin',
      type: 'circle',
      source: 'pin',
      paint: { 'circle-radius': 9, 'circle-color': 'rgba(255,214,0,0.35)', 'circle-stroke-color': '#a07800', 'circle-stroke-width': 2 }
    },
    {
      id: 'pin-label',
      type: 'symbol',
      source: 'pin',
      layout: { 'text-field': ['get', 'name'], 'text-font': FONT_BOLD, 'text-size': 13, 'text-offset': [0, 1.3], 'text-anchor': 'top' },
      paint: { 'text-color': '#5a4300', 'text-halo-color': '#fffbe6', 'text-halo-width': 1.5 }
    }
  ];
}

/** Zoom from which markers take over from the heatmap (the heatmap fades out over the next levels). */
export const HEAT_MARKERS_FROM = 7;

/**
 * The incident density layer (hidden until switched on): every filtered incident, weighted by its toll
 * (1 with none or unknown, growing with the log of killed + wounded), fading out as markers take over.
 */
export function heatmapLayer(): LayerSpecification {
  return {
    id: 'incident-heat',
    type: 'heatmap',
    source: 'incidents-heat',
    maxzoom: HEAT_MARKERS_FROM + 3,
    layout: { visibility: 'none' },
    paint: {
      'heatmap-weight': ['+', 1, ['/', ['ln', ['+', 1, ['get', 'casualties']]], 2]],
      'heatmap-intensity': ['interpolate', ['linear'], ['zoom'], 0, 0.6, HEAT_MARKERS_FROM + 3, 2],
      'heatmap-radius': ['interpolate', ['linear'], ['zoom'], 0, 8, 5, 22, HEAT_MARKERS_FROM + 3, 40],
      'heatmap-color': [
        'interpolate', ['linear'], ['heatmap-density'],
        0, 'rgba(255,255,178,0)',
        0.15, 'rgba(254,217,118,0.75)',
        0.35, 'rgb(254,178,76)',
        0.55, 'rgb(253,141,60)',
        0.75, 'rgb(240,59,32)',
        1, 'rgb(189,0,38)'
      ],
      'heatmap-opacity': ['interpolate', ['linear'], ['zoom'], HEAT_MARKERS_FROM, 0.85, HEAT_MARKERS_FROM + 3, 0]
    }
  };
}

/** A 24×24 arrowhead pointing right (MapLibre rotates line symbols along the line's direction). */
export function arrowImage(colour = ROUTE_COLOUR): { width: number; height: number; data: Uint8Array } {
  const size = 24;
  const data = new Uint8Array(size * size * 4);
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Chevron: a triangle from (6, 4) (6, 20) to (20, 12), outlined in white for contrast.
      const dx = x + 0.5;
      const dy = Math.abs(y + 0.5 - 12);
      const inside = dx >= 6 && dx <= 20 && dy <= (20 - dx) * (8 / 14);
      const halo = dx >= 4 && dx <= 22 && dy <= (22 - dx) * (10 / 16);
      const o = (y * size + x) * 4;
      if (inside) data.set([r, g, b, 255], o);
      else if (halo) data.set([255, 255, 255, 230], o);
    }
  }
  return { width: size, height: size, data };
}
