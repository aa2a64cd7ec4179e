import distance from '@turf/distance';
import type { Place, PlaceKind } from '../gazetteer/types';

/** More specific kinds rank higher. */
export const KIND_RANK: Record<PlaceKind, number> = { neighbourhood: 5, city: 4, admin2: 3, admin1: 2, country: 1, region: 0 };

/** Great-circle distance in km. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  return distance([a.lon, a.lat], [b.lon, b.lat]);
}

/** Does `outer` contain `inner` (a country its provinces and towns, a province its towns)? */
export function contains(outer: Place, inner: Place): boolean {
  if (outer.id === inner.id) return true;
  if (outer.country !== inner.country) return false;
  if (outer.kind === 'country') return inner.kind !== 'country' && inner.kind !== 'region';
  if (outer.kind === 'region' || inner.kind === 'region') return false;
  if (outer.kind === 'admin1') {
    if (inner.kind === 'country' || inner.kind === 'admin1') return false;
    if (outer.admin1Code && inner.admin1Code) return outer.admin1Code === inner.admin1Code;
    return Boolean(inner.admin1 && sameName(inner.admin1, outer.name));
  }
  if (outer.kind === 'admin2') return (inner.kind === 'city' || inner.kind === 'neighbourhood') && Boolean(inner.admin2 && sameName(inner.admin2, outer.name));
  // A city holds its neighbourhoods (the gazetteer files them as places of the city's province).
  if (outer.kind === 'city' && inner.kind === 'neighbourhood') return outer.admin1Code === inner.admin1Code && distanceKm(outer, inner) <= 20;
  return false;
}

function sameName(a: string, b: string): boolean {
  const n = (s: string) => s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/\b(governorate|province|muhafazat|wilayat|district)\b/g, '').replace(/[^a-z]/g, '');
  return n(a) === n(b) || n(a).includes(n(b)) || n(b).includes(n(a));
}

/** "Iraq › Baghdad › Sadr City": country › admin1 › admin2 › place, without repeats. */
export function adminPath(place: Place, countryName: (iso2: string) => string | null): string[] {
  const path: string[] = [];
  const push = (s: string | null | undefined) => {
    if (s && !path.some((p) => sameName(p, s) && p.length === s.length)) path.push(s);
  };
  push(place.kind === 'country' ? place.name : countryName(place.country) ?? place.country);
  if (place.kind !== 'country') {
    push(place.kind === 'admin1' ? place.name : place.admin1);
    if (place.kind !== 'admin1') push(place.kind === 'admin2' ? place.name : place.admin2);
    if (place.kind === 'city' || place.kind === 'neighbourhood') push(place.name);
  }
  return path;
}
