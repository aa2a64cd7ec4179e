import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { EVENT_TYPES, filterExpression, mapProps, matches, type Filters } from '../../src/lib/state/filters';
import { syntheticFeatures } from '../../src/lib/server/synthetic';
import { dehydrate, rehydrate } from '../../src/lib/state/url';

const features = syntheticFeatures(400, 7);
const props = features.map(mapProps);
const actors = [...new Set(features.flatMap((f) => f.properties.actors))];
const countries = [...new Set(props.flatMap((p) => p.country_key.split('|').filter(Boolean)))];
const dates = props.map((p) => p.date).filter(Boolean);

const filtersArb: fc.Arbitrary<Filters> = fc.record({
  from: fc.option(fc.constantFrom(...dates), { nil: null }),
  to: fc.option(fc.constantFrom(...dates), { nil: null }),
  types: fc.subarray(EVENT_TYPES as string[]),
  actors: fc.subarray(actors, { maxLength: 2 }),
  countries: fc.subarray(countries, { maxLength: 2 }),
  q: fc.constantFrom('', 'baghdad', 'roadside bomb', 'KABUL', 'police  detained', 'nothing-matches'),
  routes: fc.boolean()
});

describe('filters', () => {
  it('the MapLibre expression selects exactly what the JavaScript predicate selects', () => {
    fc.assert(
      fc.property(filtersArb, (f) => {
        for (const p of props) {
          const expr = filterExpression(f, p.kind);
          const compiled = featureFilter(expr as never, 'layers[0].filter' as never);
          const geometryType = p.kind === 'incident' ? 'Point' : 'LineString';
          const onMap = compiled.filter({ zoom: 5 }, { type: geometryType === 'Point' ? 1 : 2, properties: p } as never);
          expect(onMap, `${p.id} under ${JSON.stringify(f)}`).toBe(matches(p, f));
        }
      }),
      { numRuns: 60 }
    );
  });

  it('undated features are shown until a date bound is set', () => {
    const p = { ...props[0], date: '' };
    expect(matches(p, { ...rehydrate(new URLSearchParams()).filters })).toBe(true);
    expect(matches(p, { ...rehydrate(new URLSearchParams('from=2000-01-01')).filters })).toBe(false);
    expect(matches(p, { ...rehydrate(new URLSearchParams('to=2100-01-01')).filters })).toBe(false);
  });

  it('URL state round-trips', () => {
    fc.assert(
      fc.property(filtersArb, fc.option(fc.string({ minLength: 1, maxLength: 12 }), { nil: null }), (f, sel) => {
        const view = { center: [44.4123, 33.3456] as [number, number], zoom: 6.25 };
        const back = rehydrate(new URLSearchParams(dehydrate({ view, filters: f, selected: sel }).toString()));
        expect(back.view).toEqual(view);
        expect(back.selected).toBe(sel);
        const norm = { ...f, q: f.q.trim(), types: f.types.length === EVENT_TYPES.length ? [] : f.types };
        expect(back.filters).toEqual(norm);
      })
    );
  });

  it('ignores malformed URL values', () => {
    const s = rehydrate(new URLSearchParams('map=abc&from=yesterday&type=Picnics&routes=1'));
    expect(s.view).toBeNull();
    expect(s.filters.from).toBeNull();
    expect(s.filters.types).toEqual([]);
    expect(s.filters.routes).toBe(true);
  });
});
