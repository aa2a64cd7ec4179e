/**
 * Representative points of polygons, for the gazetteer build (countries, divisions, regions).
 *
 * GeoNames-style points for areas sit near the middle of the main landmass. We take the largest landmass
 * (by area on the sphere; parts cut at the antimeridian joined again), its area-weighted centroid, and,
 * when that centroid falls outside it (crescents, archipelagos' arcs), a point on the surface: the midpoint of the widest interior run of the horizontal line through the
 * centroid (the JTS/GEOS interior-point construction). Pure functions, no dependencies; deterministic.
 *
 * The centroid is taken in the Lambert cylindrical equal-area projection (x = longitude, y = sin latitude),
 * so every square kilometre weighs the same. A centroid in plain longitude/latitude degrees (turf's
 * `centerOfMass`) over-weights high latitudes, where a square degree is small on the ground, and lands
 * too far poleward for large countries (Russia 61.7°N instead of 59.5°N, China 36.6°N instead of 35.7°N).
 */

export type Position = [number, number]; // [lon, lat], as GeoJSON
export type Ring = Position[];
export type Polygon = Ring[]; // outer ring, then holes

export interface Point {
  lat: number;
  lon: number;
}

interface Geometry {
  type: string;
  coordinates?: unknown;
  geometries?: Geometry[];
}

/** The polygons of a GeoJSON geometry, feature or feature collection (other geometry types are ignored). */
export function polygonsOf(geojson: unknown): Polygon[] {
  const out: Polygon[] = [];
  const visit = (g: unknown): void => {
    if (!g || typeof g !== 'object') return;
    const o = g as { type?: string; features?: unknown[]; geometry?: unknown } & Geometry;
    if (o.type === 'FeatureCollection') for (const f of o.features ?? []) visit(f);
    else if (o.type === 'Feature') visit(o.geometry);
    else if (o.type === 'GeometryCollection') for (const c of o.geometries ?? []) visit(c);
    else if (o.type === 'Polygon') out.push(unwrap(o.coordinates as Polygon));
    else if (o.type === 'MultiPolygon') for (const p of o.coordinates as Polygon[]) out.push(unwrap(p));
  };
  visit(geojson);
  return out.filter((p) => p.length > 0 && p[0].length >= 4);
}

/** A polygon spanning the antimeridian (longitude extent > 180°) gets its western longitudes shifted by +360. */
function unwrap(polygon: Polygon): Polygon {
  let min = Infinity;
  let max = -Infinity;
  for (const ring of polygon) for (const [x] of ring) {
    if (x < min) min = x;
    if (x > max) max = x;
  }
  if (max - min <= 180) return polygon;
  return polygon.map((ring) => ring.map(([x, y]): Position => [x < 0 ? x + 360 : x, y]));
}

function normaliseLon(x: number): number {
  return x > 180 ? x - 360 : x < -180 ? x + 360 : x;
}

const RAD = Math.PI / 180;
const EARTH_RADIUS_M = 6378137;

/** Unsigned area of a ring on the sphere, m² (Chamberlain & Duquette, as turf's `area`). */
function ringArea(ring: Ring): number {
  const n = ring.length;
  if (n < 3) return 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const lower = ring[i];
    const middle = ring[(i + 1) % n];
    const upper = ring[(i + 2) % n];
    total += (upper[0] - lower[0]) * RAD * Math.sin(middle[1] * RAD);
  }
  return Math.abs((total * EARTH_RADIUS_M * EARTH_RADIUS_M) / 2);
}

/** Area of a polygon on the sphere, m² (outer ring minus holes). */
export function polygonArea(polygon: Polygon): number {
  let a = ringArea(polygon[0]);
  for (let i = 1; i < polygon.length; i++) a -= ringArea(polygon[i]);
  return Math.max(0, a);
}

/** Signed planar area and first moments of a ring in lon/lat, relative to an origin (for precision). */
function ringMoments(ring: Ring, ox: number, oy: number): [number, number, number] {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const [x0, y0] = ring[i];
    const [x1, y1] = ring[(i + 1) % n];
    const ax = x0 - ox;
    const ay = y0 - oy;
    const bx = x1 - ox;
    const by = y1 - oy;
    const cross = ax * by - bx * ay;
    a += cross;
    cx += (ax + bx) * cross;
    cy += (ay + by) * cross;
  }
  return [a / 2, cx, cy];
}

/**
 * Area-weighted centroid of a polygon (holes subtracted), computed in the equal-area projection and returned
 * as [lon, lat]. Longitude may exceed 180 for unwrapped polygons.
 */
export function polygonCentroid(lonLat: Polygon): Position {
  const polygon = lonLat.map((ring) => ring.map(([x, y]): Position => [x, Math.sin(y * RAD)]));
  const [x, y] = planarCentroid(polygon);
  return [x, Math.asin(Math.max(-1, Math.min(1, y))) / RAD];
}

function planarCentroid(polygon: Polygon): Position {
  const [ox, oy] = polygon[0][0];
  let area = 0;
  let mx = 0;
  let my = 0;
  polygon.forEach((ring, i) => {
    const [a, cx, cy] = ringMoments(ring, ox, oy);
    // Outer ring counts positive, holes negative, whatever their winding.
    const sign = (i === 0 ? 1 : -1) * Math.sign(a);
    area += sign * a;
    mx += sign * cx;
    my += sign * cy;
  });
  if (area === 0) {
    const ring = polygon[0];
    return [ring.reduce((s, p) => s + p[0], 0) / ring.length, ring.reduce((s, p) => s + p[1], 0) / ring.length];
  }
  return [ox + mx / (6 * area), oy + my / (6 * area)];
}

function inRing(x: number, y: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function pointInPolygon([x, y]: Position, polygon: Polygon): boolean {
  if (!inRing(x, y, polygon[0])) return false;
  for (let i = 1; i < polygon.length; i++) if (inRing(x, y, polygon[i])) return false;
  return true;
}

/** Midpoint of the widest interior run of the horizontal line at latitude `y`, or null. */
function widestRun(polygon: Polygon, y: number): Position | null {
  const xs: number[] = [];
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y) xs.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
    }
  }
  xs.sort((a, b) => a - b);
  let best: Position | null = null;
  let width = 0;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    if (xs[i + 1] - xs[i] > width) {
      width = xs[i + 1] - xs[i];
      best = [(xs[i] + xs[i + 1]) / 2, y];
    }
  }
  return best;
}

/** A point inside the polygon: the widest run through the centroid's latitude, else through the middle of the extent. */
export function pointOnSurface(polygon: Polygon, centroid: Position = polygonCentroid(polygon)): Position {
  const run = widestRun(polygon, centroid[1]);
  if (run && pointInPolygon(run, polygon)) return run;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const [, y] of polygon[0]) {
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  // Avoid running exactly along a vertex's latitude.
  const mid = run ?? widestRun(polygon, (minY + maxY) / 2 + 1e-7);
  return mid ?? polygon[0][0];
}

export interface Representative extends Point {
  /**
   * 'centroid' of the largest landmass, 'surface' when that centroid fell outside it, or 'parts': the
   * area-weighted centre of all parts, for areas whose largest part is less than {@link MAIN_PART_SHARE} of the whole.
   */
  method: 'centroid' | 'surface' | 'parts';
  /** Area of the largest landmass (or of all parts, for 'parts'), km². */
  areaKm2: number;
}

/** The largest polygon by area on the sphere (ties: first). */
export function largestPolygon(polygons: Polygon[]): Polygon | null {
  let best: Polygon | null = null;
  let bestArea = -1;
  for (const p of polygons) {
    const a = polygonArea(p);
    if (a > bestArea) {
      best = p;
      bestArea = a;
    }
  }
  return best;
}

/**
 * Below this share of the total area, the largest part does not stand for the whole: an archipelago
 * (Indonesia, the Philippines, Malaysia, New Zealand) is represented by the centre of all its parts, not by
 * its biggest island.
 */
export const MAIN_PART_SHARE = 0.6;

/**
 * The polygons grouped into landmasses: Natural Earth cuts land that crosses the antimeridian into a part
 * ending at +180° and a part starting at −180° (Chukotka is cut off the rest of Russia, Taveuni in Fiji). Two
 * polygons are one landmass when one has an edge along +180° and the other an edge along −180° over
 * overlapping latitudes. Every other polygon is a landmass of its own.
 */
export function landmasses(polygons: Polygon[]): Polygon[][] {
  const parent = polygons.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const east = polygons.map((p) => edgesAlong(p, 180));
  const west = polygons.map((p) => edgesAlong(p, -180));
  for (let i = 0; i < polygons.length; i++) {
    if (!east[i].length) continue;
    for (let j = 0; j < polygons.length; j++) {
      if (i === j || !west[j].length) continue;
      if (east[i].some(([a, b]) => west[j].some(([c, d]) => Math.min(b, d) - Math.max(a, c) > 0))) parent[find(j)] = find(i);
    }
  }
  const groups = new Map<number, Polygon[]>();
  polygons.forEach((p, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), p]);
  });
  return [...groups.values()];
}

/** Latitude intervals [low, high] of the outer ring's edges that run along the meridian `lon`. */
function edgesAlong(polygon: Polygon, lon: number): [number, number][] {
  const ring = polygon[0];
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x0, y0] = ring[i];
    const [x1, y1] = ring[i + 1];
    if (Math.abs(x0 - lon) < 1e-9 && Math.abs(x1 - lon) < 1e-9 && y0 !== y1) out.push([Math.min(y0, y1), Math.max(y0, y1)]);
  }
  return out;
}

/** A landmass's parts on one side of the antimeridian: parts west of it shifted by +360° when it spans the line. */
function joinedAcrossAntimeridian(parts: Polygon[]): Polygon[] {
  if (parts.length < 2) return parts;
  return parts.map((p) => (p[0].every(([x]) => x <= 0) ? p.map((ring) => ring.map(([x, y]): Position => [x + 360, y])) : p));
}

/** Area-weighted centroid of disjoint polygons, in the same equal-area projection as {@link polygonCentroid}. */
function partsCentroid(parts: Polygon[]): Position {
  if (parts.length === 1) return polygonCentroid(parts[0]);
  let w = 0;
  let x = 0;
  let y = 0;
  for (const p of parts) {
    const a = polygonArea(p);
    const [cx, cy] = polygonCentroid(p);
    w += a;
    x += a * cx;
    y += a * Math.sin(cy * RAD);
  }
  return [x / w, Math.asin(Math.max(-1, Math.min(1, y / w))) / RAD];
}

/** Representative point of an area: centroid of its largest landmass, or a point on it when the centroid is outside. */
export function representativePoint(polygons: Polygon[]): Representative | null {
  if (!polygons.length) return null;
  const sized = landmasses(polygons).map((parts) => ({ parts, area: parts.reduce((sum, p) => sum + polygonArea(p), 0) }));
  const main = sized.reduce((best, m) => (m.area > best.area ? m : best));
  const total = sized.reduce((sum, m) => sum + m.area, 0);
  if (total > 0 && main.area / total < MAIN_PART_SHARE) {
    const centre = weightedCentre(weightedParts(polygons));
    if (centre) return { ...centre, method: 'parts', areaKm2: total / 1e6 };
  }
  const parts = joinedAcrossAntimeridian(main.parts);
  const c = partsCentroid(parts);
  const inside = parts.some((p) => pointInPolygon(c, p));
  const p = inside ? c : pointOnSurface(largestPolygon(parts)!, c);
  return { lon: normaliseLon(p[0]), lat: p[1], method: inside ? 'centroid' : 'surface', areaKm2: main.area / 1e6 };
}

/**
 * Weighted centre of points on the sphere: unit vectors times weights, summed, projected back. With
 * {@link weightedParts} (weights = areas) it is the centroid of a union of polygons; with capitals
 * weighted by population, a population centre.
 */
export function weightedCentre(parts: { point: Point; weight: number }[]): Point | null {
  let x = 0;
  let y = 0;
  let z = 0;
  for (const { point, weight } of parts) {
    const la = point.lat * RAD;
    const lo = point.lon * RAD;
    x += weight * Math.cos(la) * Math.cos(lo);
    y += weight * Math.cos(la) * Math.sin(lo);
    z += weight * Math.sin(la);
  }
  const r = Math.hypot(x, y, z);
  if (r === 0) return null;
  return { lat: Math.asin(z / r) / RAD, lon: Math.atan2(y, x) / RAD };
}

/** Each polygon's centroid and area (km²), for {@link areaWeightedCentre}. */
export function weightedParts(polygons: Polygon[]): { point: Point; weight: number }[] {
  return polygons.map((p) => {
    const [lon, lat] = polygonCentroid(p);
    return { point: { lat, lon: normaliseLon(lon) }, weight: polygonArea(p) / 1e6 };
  });
}

export function haversineKm(a: Point, b: Point): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLon = (b.lon - a.lon) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
