import Papa from 'papaparse';
import type { AtlasFeature, IncidentFeature, IncidentProperties, RouteFeature, Source } from './types';

/** ACLED's column layout (the columns an extraction can fill), then this project's own. */
export const CSV_COLUMNS = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type',
  'actor1', 'assoc_actor_1', 'actor2', 'assoc_actor_2', 'civilian_targeting', 'iso', 'country', 'admin1', 'admin2',
  'location', 'latitude', 'longitude', 'geo_precision', 'source', 'notes', 'fatalities',
  'wounded', 'captured', 'confidence', 'gazetteer_id', 'atlas_id', 'source_url'
] as const;

/** Supply routes have no ACLED equivalent: they go to a file of their own, one row per route. */
export const ROUTE_CSV_COLUMNS = [
  'atlas_id', 'date', 'year', 'time_precision', 'cargo', 'origin', 'origin_country', 'origin_gazetteer_id', 'origin_latitude',
  'origin_longitude', 'via', 'via_gazetteer_id', 'destination', 'destination_country', 'destination_gazetteer_id',
  'destination_latitude', 'destination_longitude', 'actors', 'confidence', 'source', 'notes', 'source_url'
] as const;

/**
 * Text cells a spreadsheet would run as a formula (= + - @, tab or CR first; also their full-width forms) get a
 * leading apostrophe. Numbers are left as numbers. Papa's own pattern misses cells with a line break.
 */
const FORMULA = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** ACLED's disorder type: protests and riots are demonstrations; mob violence and force against protesters are both. */
function disorder(p: IncidentProperties): string {
  if (p.event_type === 'Strategic developments') return 'Strategic developments';
  if (p.event_type === 'Protests') return p.sub_event_type === 'Excessive force against protesters' ? 'Political violence; Demonstrations' : 'Demonstrations';
  if (p.event_type === 'Riots') return p.sub_event_type === 'Mob violence' ? 'Political violence' : 'Demonstrations';
  return 'Political violence';
}

/** An unknown count is an empty cell, never 0: 0 only when the text says none. */
const count = (n: number | null | undefined): number | '' => (n === null || n === undefined ? '' : n);

/** The sources' article URLs (those known), each once, in source order. */
export const sourceUrls = (sources: Source[]): string[] => [...new Set(sources.map((s) => s.url).filter((u): u is string => !!u))];

function unparse(columns: readonly string[], rows: Record<string, unknown>[]): string {
  return Papa.unparse({ fields: [...columns], data: rows.map((r) => columns.map((c) => r[c])) }, { newline: '\n', escapeFormulae: FORMULA }) + '\n';
}

/** One CSV row per incident, in ACLED's columns. Routes are written by `toRoutesCSV`. */
export function toCSV(features: AtlasFeature[]): string {
  const rows = features
    .filter((f): f is IncidentFeature => f.properties.kind === 'incident')
    .map((f) => {
      const p = f.properties;
      const others = p.actors.filter((a) => a !== p.actor1 && a !== p.actor2);
      return {
        event_id_cnty: `${p.country_code}${p.id.replace(/^inc_/, '').slice(0, 10).toUpperCase()}`,
        event_date: p.date ?? '',
        year: p.date ? p.date.slice(0, 4) : '',
        time_precision: p.time_precision,
        disorder_type: disorder(p),
        event_type: p.event_type,
        sub_event_type: p.sub_event_type,
        actor1: p.actor1 ?? '',
        assoc_actor_1: '',
        actor2: p.actor2 ?? '',
        assoc_actor_2: others.join('; '),
        civilian_targeting: p.event_type === 'Violence against civilians' ? 'Civilian targeting' : '',
        iso: p.country_code,
        country: p.country,
        admin1: p.admin1 ?? '',
        admin2: p.admin_path.length > 3 ? p.admin_path[2] : '',
        location: p.place_name,
        latitude: f.geometry.coordinates[1],
        longitude: f.geometry.coordinates[0],
        geo_precision: p.geo_precision,
        source: [...new Set(p.sources.map((s) => s.title))].join('; '),
        notes: p.sources.map((s) => s.sentence).join(' | '),
        fatalities: count(p.killed),
        wounded: count(p.wounded),
        captured: count(p.captured),
        confidence: p.confidence,
        gazetteer_id: p.gazetteer_id,
        atlas_id: p.id,
        source_url: sourceUrls(p.sources).join(' ')
      };
    });
  return unparse(CSV_COLUMNS, rows);
}

/** One CSV row per supply route: the named ends (and transit place) with the line's end coordinates. */
export function toRoutesCSV(features: AtlasFeature[]): string {
  const rows = features
    .filter((f): f is RouteFeature => f.properties.kind === 'route')
    .map((f) => {
      const p = f.properties;
      const c = f.geometry.coordinates;
      const [first, last] = [c[0], c[c.length - 1]];
      return {
        atlas_id: p.id,
        date: p.date ?? '',
        year: p.date ? p.date.slice(0, 4) : '',
        time_precision: p.time_precision,
        cargo: p.cargo,
        origin: p.origin_name,
        origin_country: p.origin_country,
        origin_gazetteer_id: p.origin_id,
        origin_latitude: first[1],
        origin_longitude: first[0],
        via: p.via_name ?? '',
        via_gazetteer_id: p.via_id ?? '',
        destination: p.destination_name,
        destination_country: p.destination_country,
        destination_gazetteer_id: p.destination_id,
        destination_latitude: last[1],
        destination_longitude: last[0],
        actors: p.actors.join('; '),
        confidence: p.confidence,
        source: [...new Set(p.sources.map((s) => s.title))].join('; '),
        notes: p.sources.map((s) => s.sentence).join(' | '),
        source_url: sourceUrls(p.sources).join(' ')
      };
    });
  return unparse(ROUTE_CSV_COLUMNS, rows);
}
