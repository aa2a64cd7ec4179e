import { describe, expect, it } from 'vitest';
import { emptyFilters } from './filters';
import { dehydrate, exportFileName, rehydrate } from './url';

describe('export file names', () => {
  it('say "all" and the day when nothing is filtered', () => {
    expect(exportFileName(emptyFilters(), 'geojson', '2026-11-29')).toBe('incident-atlas_all_2026-11-29.geojson');
  });

  it('name the types, countries, actors, text and dates filtered on, safely for a file system', () => {
    const f = { ...emptyFilters(), types: ['Explosions/Remote violence'], countries: ['IQ'], actors: ['Mahdi Army'], q: 'Sadr City?', from: '2007-06-01', to: '2007-09-30', routes: false };
    expect(exportFileName(f, 'csv', '2026-11-29')).toBe(
      'incident-atlas_explosions-remote-violence_iq_mahdi-army_q-sadr-city_2007-06-01-to-2007-09-30_no-routes_2026-11-29.csv'
    );
  });

  it('differ between selections, and stay short with long lists', () => {
    const a = exportFileName({ ...emptyFilters(), from: '2007-01-01' }, 'kml', '2026-11-29');
    const b = exportFileName({ ...emptyFilters(), to: '2007-01-01' }, 'kml', '2026-11-29');
    expect(a).not.toBe(b);
    const many = exportFileName({ ...emptyFilters(), actors: Array.from({ length: 40 }, (_, i) => `Armed group number ${i}`) }, 'csv', '2026-11-29');
    expect(many).toContain('38-more');
    expect(many.length).toBeLessThan(160);
    expect(many).toMatch(/^[a-z0-9_+.-]+$/);
  });
});

describe('"in view" in the URL', () => {
  it('round-trips, and is absent when off', () => {
    const on = dehydrate({ view: null, filters: emptyFilters(), selected: null, inView: true });
    expect(on.get('inview')).toBe('1');
    expect(rehydrate(on).inView).toBe(true);
    const off = dehydrate({ view: null, filters: emptyFilters(), selected: null });
    expect(off.has('inview')).toBe(false);
    expect(rehydrate(off).inView).toBe(false);
  });
});
