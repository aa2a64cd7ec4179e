import Papa from 'papaparse';
import type { AtlasFeature, IncidentFeature, IncidentProperties } from './types';

/** ACLED's column layout (the columns an extraction can fill), then this project's own. */
export const CSV_COLUMNS = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type',
  'actor1', 'assoc_actor_1', 'actor2', 'assoc_actor_2', 'civilian_targeting', 'iso', 'country', 'admin1', 'admin2',
  'location', 'latitude', 'longitude', 'geo_precision', 'source', 'notes', 'fatalities',
  'wounded', 'captured', 'confidence', 'gazetteer_id', 'atlas_id'
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

/** One CSV row per incident. Routes have no ACLED equivalent and are left to GeoJSON and KML. */
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
        fatalities: p.killed ?? 0,
        wounded: p.wounded ?? '',
        captured: p.captured ?? '',
        confidence: p.confidence,
        gazetteer_id: p.gazetteer_id,
        atlas_id: p.id
      };
    });
  return Papa.unparse({ fields: [...CSV_COLUMNS], data: rows.map((r) => CSV_COLUMNS.map((c) => r[c])) }, { newline: '\n', escapeFormulae: FORMULA }) + '\n';
}
