import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { areaBounds, countryBounds, polygonBounds } from './bounds';
import type { Basemap } from './style';

const box = (w: number, s: number, e: number, n: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]]
});
const f = (geometry: Polygon | MultiPolygon, properties: Record<string, string>): Feature<Polygon | MultiPolygon> => ({ type: 'Feature', properties, geometry });
const fc = (features: Feature<Polygon | MultiPolygon>[]): FeatureCollection<Polygon | MultiPolygon> => ({ type: 'FeatureCollection', features });

// A made-up world: one country either side of the date line, one with two provinces.
const basemap = {
  countries: fc([
    f({ type: 'MultiPolygon', coordinates: [box(170, 60, 180, 70).coordinates, box(-180, 62, -170, 68).coordinates] }, { name: 'Eastland', iso: 'EL' }),
    f(box(40, 30, 50, 36), { name: 'Midland', iso: 'ML' })
  ]),
  provinces: fc([
    f(box(40, 30, 44, 36), { name: 'Ghōr', country: 'ML', code: 'ML-GHO', gn: 'ML.09' }),
    f(box(44, 30, 50, 36), { name: 'Farah', country: 'ML', code: 'ML-FRA', gn: 'ML.06' })
  ])
} as unknown as Basemap;

describe('outline bounds', () => {
  it('joins a country cut at the antimeridian into one box across it', () => {
    const b = polygonBounds(basemap.countries.features.slice(0, 1))!;
    expect(b[0][0]).toBe(170);
    expect(b[1][0]).toBe(190);
    expect(b[0][1]).toBe(60);
    expect(b[1][1]).toBe(70);
  });

  it('finds a country by ISO code or by name', () => {
    expect(countryBounds(basemap, ['ML'])).toEqual([[40, 30], [50, 36]]);
    expect(countryBounds(basemap, ['Midland'])).toEqual([[40, 30], [50, 36]]);
    expect(countryBounds(basemap, ['Nowhere'])).toBeNull();
  });

  it('finds a province by ISO 3166-2 code, GeoNames code or name, else falls back to the country', () => {
    expect(areaBounds(basemap, { country: 'ML', code: 'ML-GHO', admin1: 'Ghowr' })).toEqual([[40, 30], [44, 36]]);
    expect(areaBounds(basemap, { country: 'ML', admin1Code: '06' })).toEqual([[44, 30], [50, 36]]);
    expect(areaBounds(basemap, { country: 'ML', admin1: 'Farah Province' })).toEqual([[44, 30], [50, 36]]);
    expect(areaBounds(basemap, { country: 'ML', admin1: 'Ghor' })).toEqual([[40, 30], [44, 36]]);
    expect(areaBounds(basemap, { country: 'ML', admin1: 'Unknown' })).toEqual([[40, 30], [50, 36]]);
  });
});
