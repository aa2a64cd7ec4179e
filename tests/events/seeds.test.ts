import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { extract, type ExtractResult } from '../../src/lib/events';
import type { IncidentProperties, RouteProperties } from '../../src/lib/geojson/types';

/** The five seed articles through the real reader, geoparser and extractor, together (merging is across articles). */
const SEEDS = readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort();
const FIXTURES = 'tests/fixtures/events';

interface ExpectedIncident {
  place: string[];
  country: string;
  date?: string | null;
  date_text?: string;
  time_precision?: number;
  geo_precision?: number;
  sub_event_type?: string;
  killed?: number;
  wounded?: number;
  captured?: number;
  articles?: string[];
}
interface Fixture {
  article: string;
  date: string | null;
  incidents: ExpectedIncident[];
  routes: Array<{ origin: string; destination: string; via?: string; cargo: string[] }>;
  absent: string[];
  geoparser_issues?: Array<{ place: string; note: string }>;
}

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f‘’ʿʾ']/g, '').toLowerCase();
const named = (p: IncidentProperties, names: string[]) => names.some((n) => fold(p.place_name).includes(fold(n)));

let result: ExtractResult;
let incidents: IncidentProperties[];
let routes: RouteProperties[];
beforeAll(() => {
  result = extract(SEEDS.map((f) => ({ id: f.replace(/\.txt$/, ''), content: readFileSync(`seeds/${f}`, 'utf8') })));
  incidents = result.features.filter((f) => f.properties.kind === 'incident').map((f) => f.properties as IncidentProperties);
  routes = result.features.filter((f) => f.properties.kind === 'route').map((f) => f.properties as RouteProperties);
});

describe.each(SEEDS.map((f) => f.replace(/\.txt$/, '')))('seed %s', (id) => {
  const fixture: Fixture = JSON.parse(readFileSync(`${FIXTURES}/${id}.expected.json`, 'utf8'));

  it('reads the article date (or none)', () => {
    expect(result.articles.find((a) => a.id === id)!.date).toBe(fixture.date);
  });

  it.each(fixture.incidents.map((e) => [`${e.place[0]} ${e.date ?? ''} ${e.sub_event_type ?? ''}`.trim(), e] as const))('incident: %s', (_, e) => {
    const mine = incidents.filter((p) => p.sources.some((s) => s.article === id));
    const match = mine.filter(
      (p) =>
        named(p, e.place) &&
        p.country_code === e.country &&
        (e.date === undefined || p.date === e.date) &&
        (e.sub_event_type === undefined || p.sub_event_type === e.sub_event_type) &&
        (['killed', 'wounded', 'captured'] as const).every((k) => e[k] === undefined || p[k] === e[k])
    );
    expect(match, JSON.stringify(mine.map((p) => [p.place_name, p.date, p.sub_event_type, p.killed, p.wounded, p.captured]))).toHaveLength(1);
    const p = match[0];
    if (e.time_precision) expect(p.time_precision).toBe(e.time_precision);
    if (e.geo_precision) expect(p.geo_precision).toBe(e.geo_precision);
    if (e.date_text) expect(p.date_text).toBe(e.date_text);
    if (e.articles) expect([...new Set(p.sources.map((s) => s.article))].sort()).toEqual(e.articles);
    // Every source's span is the place name in its article's text, inside its sentence's article.
    for (const s of p.sources) {
      const text = result.articles.find((a) => a.id === s.article)!.text;
      expect(text.slice(s.sentence_start, s.sentence_end)).toBe(s.sentence);
      expect(text.slice(s.start, s.end).length).toBeGreaterThan(1);
    }
  });

  it.each(fixture.routes.map((r) => [`${r.origin} → ${r.via ? `${r.via} → ` : ''}${r.destination}: ${r.cargo.join(', ')}`, r] as const))('route: %s', (_, r) => {
    const match = routes.filter(
      (p) =>
        p.sources.some((s) => s.article === id) &&
        fold(p.origin_name).includes(fold(r.origin)) &&
        fold(p.destination_name).includes(fold(r.destination)) &&
        (r.via ? fold(p.via_name ?? '').includes(fold(r.via)) : p.via_name === null)
    );
    expect(match).toHaveLength(1);
    for (const c of r.cargo) expect(match[0].cargo.split(', ')).toContain(c);
  });

  it('maps nothing from comments, navigation or background-only names', () => {
    const mine = incidents.filter((p) => p.sources.some((s) => s.article === id));
    for (const name of fixture.absent) expect(mine.filter((p) => named(p, [name]))).toEqual([]);
  });

  for (const issue of fixture.geoparser_issues ?? []) it.todo(`geoparser: ${issue.place} — ${issue.note}`);
});

describe('all seeds', () => {
  it('gives stable ids: the same input gives the same features', () => {
    const again = extract(SEEDS.map((f) => ({ id: f.replace(/\.txt$/, ''), content: readFileSync(`seeds/${f}`, 'utf8') })));
    expect(again.features.map((f) => f.properties.id)).toEqual(result.features.map((f) => f.properties.id));
    expect(new Set(result.features.map((f) => f.properties.id)).size).toBe(result.features.length);
  });

  it('merges the June 30 Sadr City raid into one feature with both sources', () => {
    const june30 = incidents.filter((p) => p.place_name === 'Sadr City' && p.date === '2007-06-30');
    expect(june30).toHaveLength(1);
    expect(new Set(june30[0].sources.map((s) => s.article)).size).toBe(2);
  });
});
