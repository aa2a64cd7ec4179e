/** The committed basemap (static/basemap, built by `npm run basemap`): no edge across the world, labels inside their countries. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

const dir = join(import.meta.dirname, '../../../../static/basemap');
const topo = JSON.parse(readFileSync(join(dir, 'basemap.topo.json'), 'utf8')) as Topology<{ countries: GeometryCollection }>;
const countries = feature(topo, topo.objects.countries) as FeatureCollection<Polygon | MultiPolygon, { name: string; iso?: string }>;
const labels = JSON.parse(readFileSync(join(dir, 'labels.geojson'), 'utf8')) as FeatureCollection<Point, { kind: string; name: string; rank: number; scale?: number }>;

/** Distance in degrees from a point to a polygon's edges. */
function edgeDistance([x, y]: Position, g: Polygon | MultiPolygon): number {
  let best = Infinity;
  for (const poly of polysOf(g)) {
    for (const ring of poly) {
      for (let i = 1; i < ring.length; i++) {
        const [ax, ay] = ring[i - 1];
        const [dx, dy] = [ring[i][0] - ax, ring[i][1] - ay];
        const l = dx * dx + dy * dy;
        const t = l ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / l)) : 0;
        best = Math.min(best, Math.hypot(x - ax - t * dx, y - ay - t * dy));
      }
    }
  }
  return best;
}

const polysOf = (g: Polygon | MultiPolygon) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

function inside([x, y]: Position, g: Polygon | MultiPolygon): boolean {
  return polysOf(g).some((poly) => {
    let c = false;
    for (const ring of poly) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
      }
    }
    return c;
  });
}

describe('offline basemap', () => {
  it('has no country edge that runs across the world (only the pole line of Antarctica may)', () => {
    const long: string[] = [];
    for (const f of countries.features) {
      for (const poly of polysOf(f.geometry)) {
        for (const ring of poly) {
          for (let i = 1; i < ring.length; i++) {
            const [a, b] = [ring[i - 1], ring[i]];
            if (Math.abs(b[0] - a[0]) > 90 && !(Math.abs(a[1]) > 89.9 && Math.abs(b[1]) > 89.9)) long.push(`${f.properties.name} ${a} → ${b}`);
          }
        }
      }
    }
    expect(long).toEqual([]);
  });

  it('anchors every country label inside its own country (islands of a few pixels: on their outline)', () => {
    const byName = new Map(countries.features.map((f) => [f.properties.name, f]));
    const country = labels.features.filter((l) => l.properties.kind === 'country');
    const outside = country.filter((l) => !inside(l.geometry.coordinates, byName.get(l.properties.name)!.geometry));
    // Only microstates and specks, whose outlines simplify to slivers, and those within 0.02° (about 2 km).
    for (const l of outside) {
      expect(l.properties.scale, l.properties.name).toBe(5);
      expect(edgeDistance(l.geometry.coordinates, byName.get(l.properties.name)!.geometry), l.properties.name).toBeLessThan(0.02);
    }
    expect(outside.length).toBeLessThan(country.length / 20);
    // The one the old centroid put in the South Atlantic.
    const fiji = labels.features.find((l) => l.properties.name === 'Fiji')!;
    expect(Math.abs(fiji.geometry.coordinates[0])).toBeGreaterThan(170);
  });

  it('ranks country labels by size: large countries first, microstates in the last zoom class', () => {
    const rank = (name: string) => labels.features.find((l) => l.properties.kind === 'country' && l.properties.name === name)!.properties;
    for (const big of ['Russia', 'Canada', 'China', 'Brazil', 'Saudi Arabia']) {
      expect(rank(big).scale, big).toBe(0);
      for (const small of ['Vatican', 'Jersey', 'Isle of Man', 'Kuwait', 'Iraq']) expect(rank(big).rank, `${big} before ${small}`).toBeLessThan(rank(small).rank);
    }
    for (const micro of ['Vatican', 'Jersey', 'Isle of Man']) expect(rank(micro).scale, micro).toBe(5);
    expect(rank('Iraq').scale).toBeLessThanOrEqual(1);
  });

  it('gives countries their ISO codes, so selections can find their outlines', () => {
    const iso = new Map(countries.features.map((f) => [f.properties.name, f.properties.iso]));
    expect(iso.get('Iraq')).toBe('IQ');
    expect(iso.get('Afghanistan')).toBe('AF');
    expect(countries.features.filter((f) => f.properties.iso).length).toBeGreaterThan(220);
  });
});
