/**
 * Bounds of the basemap's outlines: a country by its ISO code or name, a province by its ISO 3166-2 code, its
 * GeoNames admin-1 code or its name. Pure functions over the loaded basemap, so selecting an area can fit it rather than guess a zoom.
 */
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { Area } from '../state/atlas.svelte';
import type { Basemap } from './style';

export type Bounds = [[number, number], [number, number]];

/**
 * Bounds of polygons. Parts either side of the antimeridian (Russia, Fiji) are joined across it: when the
 * plain bounds span more than half the world, the western parts are taken 360° east (east may exceed 180).
 */
export function polygonBounds(features: Array<Feature<Polygon | MultiPolygon>>): Bounds | null {
  const points: Position[] = [];
  for (const f of features) {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const poly of polys) for (const p of poly[0]) points.push(p);
  }
  if (!points.length) return null;
  const box = (shift: boolean): Bounds => {
    let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [x0, y] of points) {
      const x = shift && x0 < 0 ? x0 + 360 : x0;
      w = Math.min(w, x);
      e = Math.max(e, x);
      s = Math.min(s, y);
      n = Math.max(n, y);
    }
    return [[w, s], [e, n]];
  };
  const plain = box(false);
  if (plain[1][0] - plain[0][0] <= 180) return plain;
  const shifted = box(true);
  return shifted[1][0] - shifted[0][0] < plain[1][0] - plain[0][0] ? shifted : plain;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\b(province|governorate|region|state|emirate of|muhafazat|wilayat)\b/g, '')
    .replace(/[^a-z0-9]+/g, '');

/** Countries given by ISO alpha-2 code or by name (the filters hold names as the features give them). */
export function countryBounds(b: Basemap, countries: string[]): Bounds | null {
  const codes = new Set(countries.map((c) => c.toUpperCase()));
  const names = new Set(countries.map(fold));
  return polygonBounds(
    b.countries.features.filter((f) => codes.has(String(f.properties?.iso ?? '')) || names.has(fold(String(f.properties?.name ?? ''))))
  );
}

/** A province when it is given and found, else its country. */
export function areaBounds(b: Basemap, area: Area): Bounds | null {
  const cc = area.country.toUpperCase();
  if (area.code || area.admin1Code || area.admin1) {
    const inCountry = b.provinces.features.filter((f) => f.properties?.country === cc);
    // By ISO 3166-2 code, then GeoNames admin-1 code, then name.
    let hit = area.code ? inCountry.filter((f) => f.properties?.code === area.code) : [];
    const gn = area.admin1Code ? `${cc}.${area.admin1Code}` : null;
    if (!hit.length && gn) hit = inCountry.filter((f) => f.properties?.gn === gn);
    if (!hit.length && area.admin1) {
      const name = fold(area.admin1);
      hit = inCountry.filter((f) => fold(String(f.properties?.name ?? '')) === name);
    }
    if (hit.length) return polygonBounds(hit);
  }
  return countryBounds(b, [cc]);
}
