/**
 * URL state: the view and the filters, so that reloading or sharing a link restores what was on screen.
 * `?map=zoom/lat/lon&from=…&to=…&type=…&actor=…&country=…&q=…&routes=0&sel=…&inview=1` (lists repeat the key).
 */
import { emptyFilters, EVENT_TYPES, type Filters } from './filters';

export interface View {
  center: [number, number];
  zoom: number;
}

export interface UrlState {
  view: View | null;
  filters: Filters;
  selected: string | null;
  /** Counts and list limited to the map's extent. */
  inView?: boolean;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function dehydrate(s: UrlState): URLSearchParams {
  const p = new URLSearchParams();
  if (s.view) {
    const [lon, lat] = s.view.center;
    p.set('map', `${s.view.zoom.toFixed(2)}/${lat.toFixed(4)}/${lon.toFixed(4)}`);
  }
  const f = s.filters;
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  for (const t of f.types) p.append('type', t);
  for (const a of f.actors) p.append('actor', a);
  for (const c of f.countries) p.append('country', c);
  if (f.q.trim()) p.set('q', f.q.trim());
  if (!f.routes) p.set('routes', '0');
  if (s.selected) p.set('sel', s.selected);
  if (s.inView) p.set('inview', '1');
  return p;
}

export function rehydrate(p: URLSearchParams): UrlState {
  const filters = emptyFilters();
  let view: View | null = null;
  const m = p.get('map')?.split('/').map(Number);
  if (m && m.length === 3 && m.every(Number.isFinite)) {
    const [zoom, lat, lon] = m;
    if (zoom >= 0 && zoom <= 22 && Math.abs(lat) <= 85 && Math.abs(lon) <= 180) view = { center: [lon, lat], zoom };
  }
  const from = p.get('from');
  const to = p.get('to');
  if (from && DATE.test(from)) filters.from = from;
  if (to && DATE.test(to)) filters.to = to;
  filters.types = p.getAll('type').filter((t) => (EVENT_TYPES as string[]).includes(t));
  if (filters.types.length === EVENT_TYPES.length) filters.types = [];
  filters.actors = p.getAll('actor').filter(Boolean);
  filters.countries = p.getAll('country').filter(Boolean);
  filters.q = p.get('q') ?? '';
  filters.routes = p.get('routes') !== '0';
  return { view, filters, selected: p.get('sel') || null, inView: p.get('inview') === '1' };
}

const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** A list as one file-name part: "a+b", or "a+b+3-more" past `max` entries. */
function listPart(values: string[], max = 3): string {
  const shown = values.slice(0, max).map(slug).filter(Boolean);
  return values.length > max ? [...shown, `${values.length - max}-more`].join('+') : shown.join('+');
}

/**
 * The export's file name: what the filters select and the day of the export, so that exports of different
 * selections do not overwrite each other. `incident-atlas_battles_iq_2007-06-01-to-2007-09-30_2026-11-29.csv`;
 * `incident-atlas_all_2026-11-29.geojson` when nothing is filtered.
 */
export function exportFileName(f: Filters, ext: string, day: string): string {
  const parts: string[] = [];
  if (f.types.length) parts.push(listPart(f.types));
  if (f.countries.length) parts.push(listPart(f.countries));
  if (f.actors.length) parts.push(listPart(f.actors, 2));
  if (f.q.trim()) parts.push(`q-${slug(f.q).slice(0, 30)}`);
  if (f.from && f.to) parts.push(`${f.from}-to-${f.to}`);
  else if (f.from) parts.push(`from-${f.from}`);
  else if (f.to) parts.push(`to-${f.to}`);
  if (!f.routes) parts.push('no-routes');
  let what = parts.filter(Boolean).join('_') || 'all';
  if (what.length > 120) what = what.slice(0, 120).replace(/[-_+]+$/, '');
  return `incident-atlas_${what}_${day}.${ext}`;
}
