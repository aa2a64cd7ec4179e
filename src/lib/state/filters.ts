/**
 * The dashboard's filters, and the two forms they take: a JavaScript predicate (for the list, the counts,
 * the histogram and the export) and a MapLibre filter expression (for the map). Both read the same flat
 * properties, so what the map draws and what the list holds cannot disagree.
 */
import type { AtlasFeature, EventType } from '../geojson/types';

export const EVENT_TYPES: EventType[] = [
  'Battles',
  'Explosions/Remote violence',
  'Violence against civilians',
  'Protests',
  'Riots',
  'Strategic developments'
];

/** Colour-blind-safe categorical colours (Okabe–Ito), one per ACLED event type. */
export const EVENT_COLOURS: Record<EventType, string> = {
  Battles: '#d55e00',
  'Explosions/Remote violence': '#e69f00',
  'Violence against civilians': '#cc79a7',
  Protests: '#009e73',
  Riots: '#56b4e9',
  'Strategic developments': '#0072b2'
};
export const ROUTE_COLOUR = '#1b7f5f';

export interface Filters {
  /** Inclusive YYYY-MM-DD bounds; null is open. With either bound set, undated features are hidden. */
  from: string | null;
  to: string | null;
  /** Event types shown; empty shows all. Routes have no event type and ignore it. */
  types: string[];
  /** Any of these actors; empty shows all. */
  actors: string[];
  /** Any of these ISO country codes (a route matches on its origin or destination); empty shows all. */
  countries: string[];
  /** Free text: every word must occur in the feature's title, place, actors or source sentences. */
  q: string;
  /** Whether routes are shown at all. */
  routes: boolean;
}

export const emptyFilters = (): Filters => ({ from: null, to: null, types: [], actors: [], countries: [], q: '', routes: true });

/** The flat, scalar properties the map holds per feature (small, so 100,000 of them stay cheap). */
export interface MapProps {
  id: string;
  kind: 'incident' | 'route';
  title: string;
  event_type: string;
  /** killed + wounded, unknowns as 0 */
  casualties: number;
  geo_precision: number;
  /** YYYY-MM-DD or '' when undated ('' sorts before every date, so range bounds exclude it). */
  date: string;
  /** "|IQ|" or, for a route, "|IR|IQ|" */
  country_key: string;
  /** "|Special Groups|Mahdi Army|" */
  actors_key: string;
  n_sources: number;
  /** lower-case text searched by `q` */
  search: string;
}

const bar = (s: string) => s.replaceAll('|', '/');

export function mapProps(f: AtlasFeature): MapProps {
  const p = f.properties;
  const common = {
    id: p.id,
    title: p.title,
    date: p.date ?? '',
    actors_key: `|${p.actors.map(bar).join('|')}|`,
    n_sources: p.sources.length
  };
  if (p.kind === 'incident') {
    return {
      ...common,
      kind: 'incident',
      event_type: p.event_type,
      casualties: (p.killed ?? 0) + (p.wounded ?? 0),
      geo_precision: p.geo_precision,
      country_key: `|${bar(p.country)}|`,
      search: [p.title, p.sub_event_type, p.event_type, p.place_name, ...p.admin_path, ...p.actors, ...p.sources.map((s) => `${s.title} ${s.sentence}`)]
        .join(' ')
        .toLowerCase()
    };
  }
  return {
    ...common,
    kind: 'route',
    event_type: '',
    casualties: 0,
    geo_precision: 0,
    country_key: `|${bar(p.origin_country)}|${bar(p.destination_country)}|`,
    search: [p.title, p.cargo, p.origin_name, p.destination_name, p.via_name ?? '', ...p.actors, ...p.sources.map((s) => `${s.title} ${s.sentence}`)]
      .join(' ')
      .toLowerCase()
  };
}

export const queryWords = (q: string) => q.toLowerCase().split(/\s+/).filter(Boolean);

export interface FilterOptions {
  /** Leave the date bounds out (the histogram shows counts under every other filter). */
  ignoreDates?: boolean;
}

export function matches(p: MapProps, f: Filters, opts: FilterOptions = {}): boolean {
  if (p.kind === 'route' && !f.routes) return false;
  if (!opts.ignoreDates) {
    if (f.from && !(p.date >= f.from)) return false;
    if (f.to && !(p.date !== '' && p.date <= f.to)) return false;
  }
  if (p.kind === 'incident' && f.types.length && !f.types.includes(p.event_type)) return false;
  if (f.countries.length && !f.countries.some((c) => p.country_key.includes(`|${bar(c)}|`))) return false;
  if (f.actors.length && !f.actors.some((a) => p.actors_key.includes(`|${bar(a)}|`))) return false;
  for (const w of queryWords(f.q)) if (!p.search.includes(w)) return false;
  return true;
}

/** The MapLibre filter expression equivalent to `matches` for one kind of feature. */
export function filterExpression(f: Filters, kind: 'incident' | 'route'): unknown[] {
  const all: unknown[] = ['all'];
  if (kind === 'route' && !f.routes) return ['all', false];
  if (f.from) all.push(['>=', ['get', 'date'], f.from]);
  if (f.to) all.push(['!=', ['get', 'date'], ''], ['<=', ['get', 'date'], f.to]);
  if (kind === 'incident' && f.types.length) all.push(['match', ['get', 'event_type'], [...new Set(f.types)], true, false]);
  if (f.countries.length) all.push(['any', ...f.countries.map((c) => ['in', `|${bar(c)}|`, ['get', 'country_key']])]);
  if (f.actors.length) all.push(['any', ...f.actors.map((a) => ['in', `|${bar(a)}|`, ['get', 'actors_key']])]);
  for (const w of queryWords(f.q)) all.push(['in', w, ['get', 'search']]);
  return all;
}

/** True when no filter narrows the view. */
export function isUnfiltered(f: Filters): boolean {
  return !f.from && !f.to && !f.types.length && !f.actors.length && !f.countries.length && !f.q.trim() && f.routes;
}
