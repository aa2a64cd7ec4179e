import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { check } from '@placemarkio/check-geojson';
import Ajv from 'ajv';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/extract';
import { extract } from '../../src/lib/events';
import { CSV_COLUMNS, stringifyGeoJSON, toCSV, toGeoJSON, toKML } from '../../src/lib/geojson';
import type { AtlasFeature } from '../../src/lib/geojson/types';
import schema from '../../src/lib/geojson/atlas.schema.json';

const SEEDS = readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort().map((f) => `seeds/${f}`);

function io() {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (d) => (stdout += d));
  err.on('data', (d) => (stderr += d));
  return { io: { stdin: new PassThrough(), stdout: out, stderr: err }, text: () => ({ stdout, stderr }) };
}

let features: AtlasFeature[];
beforeAll(() => {
  features = extract(SEEDS.map((f) => ({ id: f.replace(/^seeds\/|\.txt$/g, ''), content: readFileSync(f, 'utf8') }))).features;
});

describe('atlas extract (CLI)', () => {
  it('writes a FeatureCollection a GeoJSON validator accepts, and our JSON Schema too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-'));
    const out = join(dir, 'incidents.geojson');
    const t = io();
    expect(await run([...SEEDS, '-o', out], t.io)).toBe(0);
    const text = readFileSync(out, 'utf8');
    const fc = check(text) as { type: string; features: unknown[] }; // throws on invalid GeoJSON
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.length).toBeGreaterThan(20);
    const ajv = new Ajv({ allErrors: true });
    const valid = ajv.validate(schema, JSON.parse(text));
    expect(ajv.errorsText(ajv.errors), 'schema').toBe('No errors');
    expect(valid).toBe(true);
    expect(t.text().stderr).toMatch(/incidents, \d+ routes from 5 of 5 files/);
  });

  it('reports unreadable files, exits non-zero, and still writes the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-'));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]));
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from('caf\xe9 au lait, raid in Baghdad', 'latin1'));
    const t = io();
    const code = await run([join(dir, 'empty.txt'), join(dir, 'binary.txt'), join(dir, 'latin1.txt'), join(dir, 'missing.txt'), SEEDS[2]], t.io);
    expect(code).toBe(1);
    const { stdout, stderr } = t.text();
    expect(stderr).toMatch(/empty\.txt: empty file/);
    expect(stderr).toMatch(/binary\.txt: binary file/);
    expect(stderr).toMatch(/latin1\.txt: invalid UTF-8/);
    expect(stderr).toMatch(/missing\.txt: no such file/);
    expect((check(stdout) as { features: unknown[] }).features.length).toBeGreaterThan(5);
  });

  it('writes CSV in ACLED columns and KML', async () => {
    const csv = io();
    expect(await run([SEEDS[2], '--format', 'csv'], csv.io)).toBe(0);
    const parsed = Papa.parse<Record<string, string>>(csv.text().stdout, { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
    const june30 = parsed.data.find((r) => r.location === 'Sadr City' && r.event_date === '2007-06-30')!;
    expect(june30).toMatchObject({ event_type: 'Battles', sub_event_type: 'Armed clash', fatalities: '26', captured: '17', iso: 'IQ', country: 'Iraq', time_precision: '1', geo_precision: '1' });
    const kml = io();
    expect(await run([SEEDS[2], '--format=kml'], kml.io)).toBe(0);
    expect(kml.text().stdout).toMatch(/^<kml xmlns="http:\/\/www.opengis.net\/kml\/2.2">/);
    expect(kml.text().stdout).toContain('<LineString>');
    expect(kml.text().stdout).not.toMatch(/<value>null<\/value>/);
  });

  it('refuses bad options with a usage message', async () => {
    const t = io();
    expect(await run(['--format', 'shp', SEEDS[0]], t.io)).toBe(2);
    expect(t.text().stderr).toMatch(/unknown format/);
  });
});

describe('export modules', () => {
  it('geometry: points at places, routes as geodesic lines from origin to destination', () => {
    for (const f of features) {
      if (f.geometry.type === 'LineString') {
        expect(f.geometry.coordinates.length).toBeGreaterThan(10);
        const p = f.properties as Extract<AtlasFeature['properties'], { kind: 'route' }>;
        expect(p.title).toContain(`${p.origin_name} →`);
      } else expect(f.geometry.coordinates).toHaveLength(2);
    }
  });

  it('GeoJSON round-trips and keeps sources with spans', () => {
    const fc = JSON.parse(stringifyGeoJSON(features));
    expect(fc).toEqual(JSON.parse(JSON.stringify(toGeoJSON(features))));
    for (const f of fc.features) for (const s of f.properties.sources) expect(s.end).toBeGreaterThan(s.start);
  });

  it('CSV quotes sentences with commas and quotes safely', () => {
    const csv = toCSV(features);
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(rows.errors).toEqual([]);
    expect(rows.data.length).toBe(features.filter((f) => f.properties.kind === 'incident').length);
  });

  it('KML has a placemark per feature', () => {
    expect(toKML(features).match(/<Placemark/g)).toHaveLength(features.length);
  });
});
