/**
 * Plane geometry for the basemap build: cutting polygons at the antimeridian, and label anchors.
 *
 * Natural Earth's world-atlas topology is not cut at ±180°: Russia, Fiji and Antarctica have rings whose edges
 * jump from 179.9° to −180°. Drawn on a flat map such an edge crosses the whole world (the horizontal bands),
 * and a centroid averaged over both sides lands in the wrong ocean. Here every ring is first made continuous
 * (longitudes may run past 180°), then each polygon is clipped to the windows [−540, −180], [−180, 180] and
 * [180, 540] and shifted back, so every output ring lies within [−180, 180].
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

type Ring = Position[];
type Poly = Ring[];

/** Longitudes made continuous along the ring: no step between neighbours is longer than 180°. */
export function unwrapRing(ring: Ring, start = ring[0]?.[0] ?? 0): Ring {
  const out: Ring = [];
  let prev = start;
  for (const [x0, y] of ring) {
    let x = x0;
    while (x - prev > 180) x -= 360;
    while (prev - x > 180) x += 360;
    out.push([x, y]);
    prev = x;
  }
  return out;
}

/** Sutherland–Hodgman against one vertical half-plane: keeps x ≥ bound (side 1) or x ≤ bound (side −1). */
function clipX(ring: Ring, bound: number, side: 1 | -1): Ring {
  const inside = (p: Position) => (p[0] - bound) * side >= 0;
  const out: Ring = [];
  const n = ring.length;
  if (!n) return out;
  for (let i = 0; i < n; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % n];
    const ia = inside(a);
    const ib = inside(b);
    if (ia) out.push(a);
    if (ia !== ib) {
      const t = (bound - a[0]) / (b[0] - a[0]);
      out.push([bound, a[1] + t * (b[1] - a[1])]);
    }
  }
  return out;
}

function closeRing(ring: Ring): Ring {
  const open = ring.length && (ring[0][0] !== ring.at(-1)![0] || ring[0][1] !== ring.at(-1)![1]) ? [...ring, ring[0]] : ring;
  return open;
}

/** Signed area in degrees² (shoelace). */
export function ringArea(ring: Ring): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  return s / 2;
}

/**
 * One polygon (outer ring and holes) → polygons that each lie within [−180, 180]. A ring that circles a pole
 * (Antarctica: its longitudes advance by 360° once round) is closed along that pole first.
 */
export function cutPolygon(poly: Poly): Poly[] {
  if (!poly.length || !poly[0].length) return [];
  const outer = unwrapRing(poly[0]);
  const drift = outer.at(-1)![0] - outer[0][0];
  let rings: Ring[] = [outer, ...poly.slice(1).map((r) => unwrapRing(r, outer[0][0]))];
  if (Math.abs(drift) > 180) {
    // Circles a pole: run along the pole back to the start.
    const meanLat = outer.reduce((s, p) => s + p[1], 0) / outer.length;
    const pole = meanLat < 0 ? -90 : 90;
    const last = outer.at(-1)!;
    rings[0] = [...outer, [last[0], pole], [outer[0][0], pole], outer[0]];
  }
  let minX = Infinity;
  let maxX = -Infinity;
  for (const p of rings[0]) {
    if (p[0] < minX) minX = p[0];
    if (p[0] > maxX) maxX = p[0];
  }
  if (minX >= -180 && maxX <= 180) return [Math.abs(drift) > 180 ? rings.map(closeRing) : poly];
  const out: Poly[] = [];
  for (const shift of [-360, 0, 360]) {
    const lo = -180 + shift;
    const hi = 180 + shift;
    if (maxX <= lo || minX >= hi) continue;
    const clipped: Ring[] = [];
    for (let k = 0; k < rings.length; k++) {
      let r = rings[k];
      if (r.length > 1 && r[0][0] === r.at(-1)![0] && r[0][1] === r.at(-1)![1]) r = r.slice(0, -1);
      r = clipX(clipX(r, lo, 1), hi, -1).map(([x, y]) => [x - shift, y]);
      if (r.length < 3 || Math.abs(ringArea(r)) < 1e-9) {
        if (k === 0) break;
        continue;
      }
      clipped.push(closeRing(r));
    }
    if (clipped.length) out.push(clipped);
  }
  return out;
}

/** A (Multi)Polygon cut at the antimeridian; geometry that does not cross it is returned as is. */
export function cutAtAntimeridian<G extends Polygon | MultiPolygon>(geom: G): Polygon | MultiPolygon {
  const polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
  const out = polys.flatMap(cutPolygon);
  return out.length === 1 ? { type: 'Polygon', coordinates: out[0] } : { type: 'MultiPolygon', coordinates: out };
}

// ── label anchors ────────────────────────────────────────────────────────────

/** Web Mercator y (in degree-like units), so distances match what the map shows. */
const mercY = (lat: number) => (Math.log(Math.tan(Math.PI / 4 + (Math.max(-85, Math.min(85, lat)) * Math.PI) / 360)) * 180) / Math.PI;
const invMercY = (y: number) => ((2 * Math.atan(Math.exp((y * Math.PI) / 180)) - Math.PI / 2) * 180) / Math.PI;

function inside(x: number, y: number, poly: Poly): boolean {
  let c = false;
  for (const ring of poly) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
    }
  }
  return c;
}

function edgeDistance(x: number, y: number, poly: Poly): number {
  let best = Infinity;
  for (const ring of poly) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [ax, ay] = ring[j];
      const [bx, by] = ring[i];
      const dx = bx - ax;
      const dy = by - ay;
      const l = dx * dx + dy * dy;
      const t = l ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / l)) : 0;
      const d = Math.hypot(x - ax - t * dx, y - ay - t * dy);
      if (d < best) best = d;
    }
  }
  return best;
}

/** Planar area of a polygon in km² (degrees scaled by the cosine of latitude; good enough to rank). */
export function areaKm2(geom: Polygon | MultiPolygon): number {
  const polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
  let a = 0;
  for (const poly of polys) {
    poly.forEach((ring, k) => {
      const lat = ring.reduce((s, p) => s + p[1], 0) / ring.length;
      const v = Math.abs(ringArea(ring)) * Math.cos((lat * Math.PI) / 180) * 111.32 * 111.32;
      a += k === 0 ? v : -v;
    });
  }
  return a;
}

/**
 * The label anchor of a country: the point of its largest part farthest from that part's
 * edges on the map, found by a coarse grid search refined three times around the best cell. Unlike a centroid it always lies
 * inside the polygon (a centroid of a crescent or of a country wrapped round the antimeridian does not).
 */
export function labelAnchor(geom: Polygon | MultiPolygon): Position {
  const polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
  let best: Poly = polys[0];
  let bestArea = -1;
  for (const poly of polys) {
    // The largest part on the ground (on the map Svalbard would outweigh mainland Norway).
    const a = areaKm2({ type: 'Polygon', coordinates: poly });
    if (a > bestArea) {
      bestArea = a;
      best = poly.map((r) => r.map(([x, y]) => [x, mercY(y)]));
    }
  }
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of best[0]) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  let cell = Math.max(x1 - x0, y1 - y0) / 24;
  let bx = (x0 + x1) / 2;
  let by = (y0 + y1) / 2;
  let bd = inside(bx, by, best) ? edgeDistance(bx, by, best) : -1;
  const search = (cx0: number, cy0: number, cx1: number, cy1: number) => {
    for (let x = cx0 + cell / 2; x < cx1; x += cell) {
      for (let y = cy0 + cell / 2; y < cy1; y += cell) {
        if (!inside(x, y, best)) continue;
        const d = edgeDistance(x, y, best);
        if (d > bd) [bx, by, bd] = [x, y, d];
      }
    }
  };
  search(x0, y0, x1, y1);
  for (let k = 0; k < 3 && bd >= 0; k++) {
    const c = cell;
    cell = c / 4;
    search(bx - c, by - c, bx + c, by + c);
  }
  if (bd < 0) {
    // A sliver smaller than the grid: the middle of its vertices if inside, else a vertex (on its edge).
    const ring = best[0];
    const mx = ring.reduce((s, p) => s + p[0], 0) / ring.length;
    const my = ring.reduce((s, p) => s + p[1], 0) / ring.length;
    [bx, by] = inside(mx, my, best) ? [mx, my] : ring[0];
  }
  return [bx, invMercY(by)];
}
