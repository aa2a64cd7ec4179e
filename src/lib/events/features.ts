import { greatCircle } from '@turf/great-circle';
import type { Place } from '../gazetteer/types';
import type { IncidentFeature, IncidentProperties, RouteFeature, Source } from '../geojson/types';
import { CARGO_COLOURS, EVENT_COLOURS, EVENT_SYMBOLS, markerSize } from '../geojson/style';
import type { IncidentRecord } from './article';
import { stableId } from './ids';
import { adminPath } from './places';
import type { RouteRecord } from './routes';

const regionNames = (() => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' });
  } catch {
    return null;
  }
})();
export function countryName(iso2: string): string | null {
  try {
    const n = regionNames?.of(iso2.toUpperCase());
    return n && n !== iso2 ? n : null;
  } catch {
    return null;
  }
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
const sortSources = (s: Source[]) => [...s].sort((a, b) => a.article.localeCompare(b.article) || a.sentence_start - b.sentence_start || a.start - b.start);

export function incidentFeature(r: IncidentRecord): IncidentFeature {
  const place = r.place.place;
  const sources = sortSources(r.sources);
  const killed = r.counts.killed?.n ?? null;
  const props: IncidentProperties = {
    kind: 'incident',
    id: '',
    event_type: r.eventType,
    sub_event_type: r.subEventType,
    title: `${r.subEventType} in ${r.place.unlocatedName ?? place.name}`,
    actors: r.actors,
    actor_aliases: r.actorAliases ?? {},
    actor1: r.actor1,
    actor2: r.actor2,
    killed,
    wounded: r.counts.wounded?.n ?? null,
    captured: r.counts.captured?.n ?? null,
    date: r.date.date,
    time_precision: r.date.precision,
    date_text: r.date.text,
    geo_precision: r.place.geoPrecision,
    place_name: r.place.unlocatedName ?? place.name,
    gazetteer_id: place.id,
    admin_path: adminPath(place, countryName),
    country: countryName(place.country) ?? place.country,
    country_code: place.country,
    admin1: place.kind === 'country' ? null : place.kind === 'admin1' ? place.name : place.admin1,
    confidence: r.confidence,
    sources,
    'marker-color': EVENT_COLOURS[r.eventType],
    'marker-size': markerSize(killed),
    'marker-symbol': EVENT_SYMBOLS[r.subEventType] ?? 'danger'
  };
  // Defining content: what happened where and when, and the passages that say so.
  props.id = stableId('inc', [props.sub_event_type, props.gazetteer_id, props.date, props.time_precision, killed, props.wounded, props.captured, sources.map((s) => [s.article, s.sentence_start, s.start, s.end])]);
  return { type: 'Feature', id: props.id, geometry: { type: 'Point', coordinates: [round6(place.lon), round6(place.lat)] }, properties: props };
}

/** Geodesic line through the given places (origin, optional transit, destination). */
export function geodesic(points: Place[]): number[][] {
  const coords: number[][] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = [points[i].lon, points[i].lat];
    const b = [points[i + 1].lon, points[i + 1].lat];
    let seg: number[][] = [a, b];
    try {
      const line = greatCircle(a, b, { npoints: 32 });
      // Across the antimeridian the result is a MultiLineString: keep the straight segment then.
      if (line.geometry.type === 'LineString') seg = line.geometry.coordinates as number[][];
    } catch {
      /* identical points: keep the straight segment */
    }
    for (const [j, p] of seg.entries()) if (!(i > 0 && j === 0)) coords.push([round6(p[0]), round6(p[1])]);
  }
  return coords;
}

export function routeFeature(r: RouteRecord): RouteFeature {
  const sources = sortSources(r.sources);
  const cargo = r.cargo.join(', ');
  const points = [r.origin.place, ...(r.via ? [r.via.place] : []), r.destination.place];
  const props: RouteFeature['properties'] = {
    kind: 'route',
    id: '',
    cargo,
    title: `${cargo[0].toUpperCase()}${cargo.slice(1)}: ${r.origin.place.name} → ${r.via ? `${r.via.place.name} → ` : ''}${r.destination.place.name}`,
    origin_name: r.origin.place.name,
    origin_id: r.origin.place.id,
    origin_country: countryName(r.origin.place.country) ?? r.origin.place.country,
    destination_name: r.destination.place.name,
    destination_id: r.destination.place.id,
    destination_country: countryName(r.destination.place.country) ?? r.destination.place.country,
    via_name: r.via?.place.name ?? null,
    via_id: r.via?.place.id ?? null,
    actors: r.actors,
    date: r.date,
    time_precision: r.precision,
    confidence: r.confidence,
    sources,
    stroke: CARGO_COLOURS[r.cargo[0]] ?? '#555555',
    'stroke-width': Math.min(6, 2 + sources.length),
    'stroke-opacity': 0.8
  };
  props.id = stableId('rte', [props.origin_id, props.via_id, props.destination_id, cargo, sources.map((s) => [s.article, s.sentence_start, s.start, s.end])]);
  return { type: 'Feature', id: props.id, geometry: { type: 'LineString', coordinates: geodesic(points) }, properties: props };
}
