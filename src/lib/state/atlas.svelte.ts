/**
 * The dashboard's one state: data, filters, view, selection, the article reader. Components read it and
 * call its methods; the map component mirrors it into MapLibre, one effect per property.
 */
import type { ReadArticle } from '../events/types';
import type { AtlasFeature, IncidentFeature, RouteFeature } from '../geojson/types';
import { emptyFilters, EVENT_TYPES, filterExpression, isUnfiltered, mapProps, matches, type Filters, type MapProps } from './filters';
import { dayNumber, dayString, histogram, type Dated, type Histogram } from './histogram';
import { dehydrate, exportFileName, rehydrate, type View } from './url';
import { download, EXPORT_TYPES, serialise, type ExportFormat } from './export';

export interface Item {
  id: string;
  feature: AtlasFeature;
  props: MapProps;
}

export type SortKey = 'date' | 'title' | 'event_type' | 'casualties' | 'place';

/** A country (ISO alpha-2) or one of its first-level divisions, whose outline the map fits. */
export interface Area {
  country: string;
  /** GeoNames admin-1 code within the country ("07"), when known. */
  admin1Code?: string | null;
  /** The division's name, matched when there is no code. */
  admin1?: string | null;
  /** ISO 3166-2 code of the division ("AF-GHO"), as gazetteer ids `ne:AF-GHO` carry it. */
  code?: string | null;
}

/** The ISO 3166-2 code in a gazetteer id derived from Natural Earth ("ne:AF-GHO" → "AF-GHO"). */
export const divisionCode = (id: string | null | undefined): string | null => (id && /^ne:[A-Z]{2}-\w+$/.test(id) ? id.slice(3) : null);

/**
 * Where the map should go. An area or bounds is fitted (the map knows the outlines); `center` is where to go
 * when the outline is unknown, and `zoom` the zoom for a point.
 */
export interface Flight {
  center: [number, number];
  zoom?: number;
  bounds?: [[number, number], [number, number]];
  area?: Area;
  /** a new object per request, so asking twice for the same place flies twice */
  seq: number;
}

/** What the reader knows of a toponym's place (a gazetteer entry). */
export interface PlaceRef {
  id?: string;
  lon: number;
  lat: number;
  name: string;
  kind?: string;
  country?: string;
  admin1?: string | null;
  admin1Code?: string | null;
}

/** Longitude/latitude bounds of a line, continuous across the antimeridian (east may exceed 180). */
export function lineBounds(coords: number[][]): [[number, number], [number, number]] {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  let prev = coords[0]?.[0] ?? 0;
  for (const [x0, y] of coords) {
    let x = x0;
    while (x - prev > 180) x -= 360;
    while (prev - x > 180) x += 360;
    prev = x;
    w = Math.min(w, x);
    e = Math.max(e, x);
    s = Math.min(s, y);
    n = Math.max(n, y);
  }
  return [[w, s], [e, n]];
}

export interface Pin {
  lon: number;
  lat: number;
  name: string;
}

export interface Reader {
  articleId: string;
  article: ReadArticle | null;
  error: string | null;
  /** the span to scroll to and mark (the cited place name) */
  mark: { start: number; end: number } | null;
}

export interface Facet {
  value: string;
  label: string;
  count: number;
}

const regionNames = (() => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' });
  } catch {
    return null;
  }
})();

/** "IQ" → "Iraq"; anything that is not an ISO code is shown as given. */
export function countryName(code: string): string {
  if (/^[A-Z]{2}$/.test(code)) {
    try {
      return regionNames?.of(code) ?? code;
    } catch {
      return code;
    }
  }
  return code;
}

async function fetchFeatures(fetcher: typeof fetch): Promise<AtlasFeature[]> {
  const res = await fetcher('/api/features');
  if (!res.ok) throw new Error(`/api/features answered ${res.status}`);
  return ((await res.json()) as { features: AtlasFeature[] }).features;
}

/** One article to add: pasted text (`content`) or a file, with the fields the form gives. */
export interface ArticleInput {
  /** What the progress list calls it (the file name, or "Pasted text"). */
  name: string;
  content?: string;
  file?: File;
  title?: string | null;
  date?: string | null;
  url?: string | null;
  format?: ArticleFormat;
}

export type ArticleFormat = 'text' | 'markdown' | 'html';

export interface Upload {
  key: number;
  name: string;
  status: 'waiting' | 'sending' | 'added' | 'failed';
  /** Why it failed (the server's message, or why the file could not be read), or a note on success. */
  message: string | null;
  articleId: string | null;
  /** Incidents on the map citing the article, once it is added. */
  incidents: number;
}

/** The file types the dashboard reads, by extension. */
export const ARTICLE_FILE_TYPES: Record<string, ArticleFormat> = { txt: 'text', text: 'text', md: 'markdown', markdown: 'markdown', html: 'html', htm: 'html' };
export const ARTICLE_FILE_ACCEPT = Object.keys(ARTICLE_FILE_TYPES)
  .map((e) => `.${e}`)
  .join(',');

/** The format a file name asks for, or null for a type the dashboard does not read. */
export function fileFormat(name: string): ArticleFormat | null {
  const ext = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  return ARTICLE_FILE_TYPES[ext] ?? null;
}

/** A real calendar date written YYYY-MM-DD (no month 13, no 30 February, no year, month or day 0). */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
}

/** Why a date field is refused, or null when it is empty or a real YYYY-MM-DD date. */
export function dateProblem(s: string): string | null {
  const v = s.trim();
  if (!v) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return 'Write the date as YYYY-MM-DD';
  return isIsoDate(v) ? null : `${v} is not a date of the calendar`;
}

/** Why a source URL is refused, or null when it is empty or an http(s) URL. */
export function urlProblem(s: string): string | null {
  const v = s.trim();
  if (!v) return null;
  try {
    const u = new URL(v);
    if (u.protocol === 'http:' || u.protocol === 'https:') return null;
  } catch {
    // not a URL
  }
  return 'The source must be an http or https address';
}

/**
 * A file's text: UTF-8, or Windows-1252 for older text files; a file with NUL bytes or that is mostly control
 * characters is binary and refused with the reason.
 */
export async function readArticleFile(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (!bytes.length) throw new Error('The file is empty');
  let controls = 0;
  for (const b of bytes) {
    if (b === 0) throw new Error('This is not a text file (it holds binary data)');
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) controls++;
  }
  if (controls > bytes.length / 100) throw new Error('This is not a text file (it holds binary data)');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

async function articleBody(input: ArticleInput): Promise<Record<string, string>> {
  let content = input.content;
  let format = input.format;
  if (input.file) {
    format ??= fileFormat(input.file.name) ?? undefined;
    if (!format) throw new Error(`Only ${ARTICLE_FILE_ACCEPT.replace(/,/g, ', ')} files can be read`);
    content = await readArticleFile(input.file);
  }
  if (!content?.trim()) throw new Error('There is no text to read');
  const body: Record<string, string> = { content };
  if (format) body.format = format;
  if (input.title?.trim()) body.title = input.title.trim();
  if (input.date?.trim()) body.date = input.date.trim();
  if (input.url?.trim()) body.url = input.url.trim();
  return body;
}

export class Atlas {
  items = $state.raw<Item[]>([]);
  status = $state<'loading' | 'ready' | 'error'>('loading');
  error = $state<string | null>(null);

  filters = $state<Filters>(emptyFilters());
  /** The view as last reported by the map (or read from the URL before the map exists). */
  view = $state<View | null>(null);
  selectedId = $state<string | null>(null);
  sort = $state<{ key: SortKey; dir: 1 | -1 }>({ key: 'date', dir: -1 });
  reader = $state<Reader | null>(null);
  flight = $state.raw<Flight | null>(null);
  pin = $state.raw<Pin | null>(null);
  playing = $state(false);
  /** Incidents sharing the clicked spot (a cluster that cannot split, or stacked markers). */
  leaves = $state.raw<string[] | null>(null);
  mapReady = $state(false);
  /** The map's extent as [west, south, east, north] (west > east across the antimeridian), once known. */
  extent = $state.raw<[number, number, number, number] | null>(null);
  /** Whether counts, the list and exports are limited to the map's extent. */
  inView = $state(false);

  /** Articles being added or added in this session, newest first, with what became of each. */
  uploads = $state<Upload[]>([]);
  adding = $state(false);

  #playTimer: ReturnType<typeof setInterval> | null = null;
  #uploadSeq = 0;
  #articles = new Map<string, Promise<ReadArticle>>();
  #seq = 0;

  byId = $derived(new Map(this.items.map((i) => [i.id, i])));

  /** Items passing every filter, in extraction order. */
  visible = $derived.by(() => {
    const f = this.filters;
    if (isUnfiltered(f)) return this.items;
    return this.items.filter((i) => matches(i.props, f));
  });
  visibleIncidents = $derived(this.visible.filter((i) => i.props.kind === 'incident'));
  visibleRouteCount = $derived(this.visible.length - this.visibleIncidents.length);

  /** What the counts, the list and exports cover: the visible items, or those of them in the map's extent. */
  listed = $derived.by(() => {
    if (!this.inView) return this.visible;
    const e = this.extent;
    if (!e) return this.visible;
    return this.visible.filter((i) => inExtent(i.feature.geometry, e));
  });
  listedIncidentCount = $derived(this.listed === this.visible ? this.visibleIncidents.length : this.listed.filter((i) => i.props.kind === 'incident').length);
  listedRouteCount = $derived(this.listed.length - this.listedIncidentCount);
  incidentCount = $derived(this.items.reduce((n, i) => n + (i.props.kind === 'incident' ? 1 : 0), 0));
  routeCount = $derived(this.items.length - this.incidentCount);

  incidentFilter = $derived(filterExpression(this.filters, 'incident'));
  routeFilter = $derived(filterExpression(this.filters, 'route'));

  selected = $derived(this.selectedId ? (this.byId.get(this.selectedId) ?? null) : null);

  /** First and last dates in the data. */
  domain = $derived.by(() => {
    let min = '';
    let max = '';
    for (const i of this.items) {
      const d = i.props.date;
      if (!d) continue;
      if (!min || d < min) min = d;
      if (!max || d > max) max = d;
    }
    return min ? { min, max } : null;
  });

  /** Counts per bin under every filter but the dates; `inRange` under all of them. */
  histogram = $derived.by((): Histogram | null => {
    const d = this.domain;
    if (!d) return null;
    const f = this.filters;
    const dates: Dated[] = [];
    for (const i of this.items) if (matches(i.props, f, { ignoreDates: true })) dates.push([i.props.date, i.props.event_type]);
    return histogram(dates, d.min, d.max);
  });

  actorFacets = $derived.by(() => this.#facet((f) => f.properties.actors, (v) => v));
  countryFacets = $derived.by(() =>
    this.#facet(
      (f) => (f.properties.kind === 'incident' ? [f.properties.country] : [f.properties.origin_country, f.properties.destination_country]),
      countryName
    )
  );

  /** Every item in the table's order: sorted once per sort key, not once per filter change. */
  sorted = $derived.by(() => {
    const { key, dir } = this.sort;
    const val = (i: Item): string | number => {
      switch (key) {
        case 'date':
          return i.props.date;
        case 'casualties':
          return i.props.casualties;
        case 'event_type':
          return i.props.kind === 'route' ? 'Route' : i.props.event_type;
        case 'place':
          return i.feature.properties.kind === 'incident' ? i.feature.properties.place_name : i.feature.properties.origin_name;
        default:
          return i.props.title.toLowerCase();
      }
    };
    const keyed = this.items.map((i) => [val(i), i] as const);
    keyed.sort((a, b) => (a[0] < b[0] ? -dir : a[0] > b[0] ? dir : a[1].id < b[1].id ? -1 : 1));
    return keyed.map((k) => k[1]);
  });

  /** The visible items in the table's order. */
  rows = $derived.by(() => {
    if (this.listed === this.items) return this.sorted;
    const shown = new Set(this.listed);
    return this.sorted.filter((i) => shown.has(i));
  });

  /** The URL query that restores this view. */
  query = $derived(dehydrate({ view: this.view, filters: this.filters, selected: this.selectedId, inView: this.inView }).toString());

  constructor(search?: URLSearchParams) {
    if (search) this.restore(search);
  }

  restore(search: URLSearchParams): void {
    const s = rehydrate(search);
    this.filters = s.filters;
    this.view = s.view;
    this.selectedId = s.selected;
    this.inView = s.inView ?? false;
  }

  setFeatures(features: AtlasFeature[]): void {
    this.items = features.map((feature) => ({ id: feature.properties.id, feature, props: mapProps(feature) }));
    this.status = 'ready';
  }

  async load(fetcher: typeof fetch = fetch): Promise<void> {
    this.status = 'loading';
    try {
      this.setFeatures(await fetchFeatures(fetcher));
    } catch (e) {
      this.error = (e as Error).message;
      this.status = 'error';
    }
  }

  /** Reads the features again after a write; the map stays as it is (no loading state) and follows the items. */
  async refresh(fetcher: typeof fetch = fetch): Promise<void> {
    this.setFeatures(await fetchFeatures(fetcher));
    if (this.selectedId && !this.byId.has(this.selectedId)) this.select(null);
  }

  // ── adding articles ────────────────────────────────────────────────────────
  /**
   * Sends articles to the server one after another (it writes them in order anyway), each with its own entry
   * in `uploads`, then reads the features again so the new incidents are on the map. A file that cannot be
   * read, or that the server refuses, keeps the reason in its entry; the others go on.
   */
  async addArticles(inputs: ArticleInput[], fetcher: typeof fetch = fetch): Promise<Upload[]> {
    const batch: Upload[] = inputs.map((input) => ({
      key: ++this.#uploadSeq,
      name: input.name,
      status: 'waiting',
      message: null,
      articleId: null,
      incidents: 0
    }));
    this.uploads = [...batch, ...this.uploads];
    const entry = (key: number) => this.uploads.find((u) => u.key === key)!;
    this.adding = true;
    let added = 0;
    try {
      for (const [n, input] of inputs.entries()) {
        const up = entry(batch[n].key);
        up.status = 'sending';
        try {
          const body = await articleBody(input);
          const res = await fetcher('/api/articles', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body)
          });
          const answer = (await res.json().catch(() => null)) as { article?: { id?: string }; error?: { message?: string } } | null;
          if (!res.ok) throw new Error(answer?.error?.message ?? `The server answered ${res.status}`);
          up.articleId = answer?.article?.id ?? null;
          up.status = 'added';
          up.message = res.status === 200 ? 'already stored' : null;
          added++;
        } catch (e) {
          up.status = 'failed';
          up.message = (e as Error).message;
        }
      }
      if (added) {
        try {
          await this.refresh(fetcher);
        } catch (e) {
          for (const b of batch) {
            const up = entry(b.key);
            if (up.status === 'added') up.message = `stored, but the map could not be updated: ${(e as Error).message}`;
          }
        }
        const counts = new Map<string, number>();
        for (const i of this.items)
          if (i.props.kind === 'incident') for (const s of i.feature.properties.sources) counts.set(s.article, (counts.get(s.article) ?? 0) + 1);
        for (const b of batch) {
          const up = entry(b.key);
          if (up.articleId) up.incidents = counts.get(up.articleId) ?? 0;
        }
      }
    } finally {
      this.adding = false;
    }
    return batch.map((b) => entry(b.key));
  }

  /** The incidents an added article contributes to, for showing them. */
  itemsOf(articleId: string): Item[] {
    return this.items.filter((i) => i.props.kind === 'incident' && i.feature.properties.sources.some((s) => s.article === articleId));
  }

  clearUploads(): void {
    if (!this.adding) this.uploads = [];
  }

  #facet(values: (f: AtlasFeature) => string[], label: (v: string) => string): Facet[] {
    const counts = new Map<string, number>();
    for (const i of this.items) for (const v of new Set(values(i.feature))) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts]
      .map(([value, count]) => ({ value, label: label(value), count }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  }

  // ── filters ────────────────────────────────────────────────────────────────
  setDates(from: string | null, to: string | null): void {
    if (from && to && from > to) [from, to] = [to, from];
    this.filters.from = from;
    this.filters.to = to;
  }

  /** Types are stored as "only these" with empty meaning all; the legend shows each as on or off. */
  typeShown(t: string): boolean {
    return !this.filters.types.length || this.filters.types.includes(t);
  }

  toggleType(t: string): void {
    const shown = EVENT_TYPES.filter((x) => this.typeShown(x));
    const next = shown.includes(t as never) ? shown.filter((x) => x !== t) : EVENT_TYPES.filter((x) => x === t || shown.includes(x));
    // An empty list means "all", so the last shown type stays shown.
    if (!next.length) return;
    this.filters.types = next.length === EVENT_TYPES.length ? [] : next;
  }

  onlyType(t: string): void {
    this.filters.types = this.filters.types.length === 1 && this.filters.types[0] === t ? [] : [t];
  }

  clearFilters(): void {
    this.stop();
    this.filters = emptyFilters();
  }

  // ── selection, reader, map requests ───────────────────────────────────────
  select(id: string | null, opts: { fly?: boolean } = {}): void {
    this.selectedId = id;
    if (!id || (this.leaves && !this.leaves.includes(id))) this.leaves = null;
    const item = id ? this.byId.get(id) : null;
    if (item && opts.fly) this.flyToItem(item);
  }

  /**
   * Shows an item whole: a route fits its line, an incident known only to its province or country fits that
   * outline, a located incident is centred at town zoom (or closer, if the map already is).
   */
  flyToItem(item: Item): void {
    const f = item.feature;
    if (f.geometry.type === 'LineString') {
      const c = f.geometry.coordinates;
      this.flight = { center: c[Math.floor(c.length / 2)] as [number, number], bounds: lineBounds(c), seq: ++this.#seq };
      return;
    }
    const center = f.geometry.coordinates as [number, number];
    if (f.properties.kind === 'incident' && f.properties.geo_precision === 3) {
      const area = { country: f.properties.country_code, admin1: f.properties.admin1, code: divisionCode(f.properties.gazetteer_id) };
      this.flight = { center, zoom: f.properties.admin1 ? 6 : 4, area, seq: ++this.#seq };
      return;
    }
    this.flyTo(center, Math.max(this.view?.zoom ?? 0, 8));
  }

  flyTo(center: [number, number], zoom?: number): void {
    this.flight = { center, zoom, seq: ++this.#seq };
  }

  fetchArticle(id: string): Promise<ReadArticle> {
    let p = this.#articles.get(id);
    if (!p) {
      p = fetch(`/api/articles/${encodeURIComponent(id)}`).then(async (r) => {
        if (!r.ok) throw new Error(((await r.json().catch(() => null)) as { error?: { message?: string } })?.error?.message ?? `HTTP ${r.status}`);
        return (await r.json()) as ReadArticle;
      });
      p.catch(() => this.#articles.delete(id));
      this.#articles.set(id, p);
    }
    return p;
  }

  async openArticle(articleId: string, mark: { start: number; end: number } | null = null): Promise<void> {
    this.reader = { articleId, article: null, error: null, mark };
    try {
      const article = await this.fetchArticle(articleId);
      if (this.reader?.articleId === articleId) this.reader.article = article;
    } catch (e) {
      if (this.reader?.articleId === articleId) this.reader.error = (e as Error).message;
    }
  }

  closeReader(): void {
    this.reader = null;
    this.pin = null;
  }

  /** Pins a reader toponym's place; a country or province is fitted to its outline, a town centred. */
  showPlace(place: PlaceRef): void {
    const { lon, lat, name, kind, country } = place;
    this.pin = { lon, lat, name };
    const center: [number, number] = [lon, lat];
    if (country && kind === 'country') this.flight = { center, zoom: 4, area: { country }, seq: ++this.#seq };
    else if (country && kind === 'admin1') {
      const area = { country, admin1Code: place.admin1Code, admin1: place.admin1 ?? name, code: divisionCode(place.id) };
      this.flight = { center, zoom: 6, area, seq: ++this.#seq };
    } else this.flyTo(center, kind === 'region' ? 4 : kind === 'admin2' ? 8 : 9);
  }

  // ── playback: slide the brushed window (or a sixth of the domain) to the end ──
  play(): void {
    const d = this.domain;
    if (!d || this.playing) return;
    const lo = dayNumber(d.min);
    const hi = dayNumber(d.max);
    let from = this.filters.from ? dayNumber(this.filters.from) : lo;
    let to = this.filters.to ? dayNumber(this.filters.to) : from + Math.max(7, Math.round((hi - lo) / 6));
    if (to >= hi) {
      const width = to - from;
      from = lo;
      to = lo + width;
    }
    const width = to - from;
    const step = Math.max(1, Math.round((hi - lo) / 60));
    this.setDates(dayString(from), dayString(to));
    this.playing = true;
    this.#playTimer = setInterval(() => {
      from += step;
      to = from + width;
      if (to > hi) {
        this.setDates(dayString(hi - width), dayString(hi));
        this.stop();
        return;
      }
      this.setDates(dayString(from), dayString(to));
    }, 350);
  }

  stop(): void {
    if (this.#playTimer) clearInterval(this.#playTimer);
    this.#playTimer = null;
    this.playing = false;
  }

  // ── export ─────────────────────────────────────────────────────────────────
  async exportVisible(format: ExportFormat = 'geojson'): Promise<void> {
    const text = await serialise(format, this.listed.map((i) => i.feature));
    const t = EXPORT_TYPES[format];
    download(this.exportName(format), t.mime, text);
  }

  /** The file name an export of the current selection gets (it names the filters and the day). */
  exportName(format: ExportFormat = 'geojson'): string {
    return exportFileName(this.filters, EXPORT_TYPES[format].ext, new Date().toISOString().slice(0, 10));
  }
}

/** Whether a point lies in the extent, or a line has a vertex in it. */
export function inExtent(g: AtlasFeature['geometry'], [w, s, e, n]: [number, number, number, number]): boolean {
  const inside = ([x0, y]: number[]) => {
    if (y < s || y > n) return false;
    // Longitudes compared on the circle: the extent may cross ±180° or span the world.
    if (e - w >= 360) return true;
    const x = ((((x0 - w) % 360) + 360) % 360) + w;
    return x <= (e >= w ? e : e + 360);
  };
  return g.type === 'Point' ? inside(g.coordinates) : g.coordinates.some(inside);
}

export const isIncident = (f: AtlasFeature): f is IncidentFeature => f.properties.kind === 'incident';
export const isRoute = (f: AtlasFeature): f is RouteFeature => f.properties.kind === 'route';
