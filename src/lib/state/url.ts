/**
 * URL state: the view and the filters, so that reloading or sharing a link restores what was on screen.
 * `?map=zoom/lat/lon&from=…&to=…&type=…&actor=…&country=…&q=…&routes=0&sel=…` (lists repeat the key).
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
  return { view, filters, selected: p.get('sel') || null };
}
