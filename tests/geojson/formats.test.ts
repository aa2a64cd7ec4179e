/** Every export format says the same thing: unknown counts stay unknown, routes are not dropped, sources link back. */
import { check } from '@placemarkio/check-geojson';
import Ajv from 'ajv';
import Papa from 'papaparse';
import { parseDocument, DomUtils } from 'htmlparser2';
import type { Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, ROUTE_CSV_COLUMNS, stringifyGeoJSON, toCSV, toKML, toRoutesCSV } from '../../src/lib/geojson';
import { kmlTime } from '../../src/lib/geojson/to-kml';
import type { AtlasFeature, EventType, IncidentFeature, RouteFeature, Source } from '../../src/lib/geojson/types';
import { exportedFeatures, exportSummary, serialise, withSourceUrls } from '../../src/lib/state/export';
import schema from '../../src/lib/geojson/atlas.schema.json';

const source = (article: string, sentence: string): Source => ({
  article,
  title: `Report ${article}`,
  date: '2024-03-05',
  sentence,
  start: 0,
  end: 5,
  sentence_start: 0,
  sentence_end: sentence.length
});

function incident(n: number, o: { type?: EventType; killed?: number | null; date?: string | null; precision?: 1 | 2 | 3; article?: string } = {}): IncidentFeature {
  const id = `inc_${n.toString(16).padStart(16, '0')}`;
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [44 + n / 10, 33 + n / 10] },
    properties: {
      kind: 'incident',
      id,
      event_type: o.type ?? 'Battles',
      sub_event_type: 'Armed clash',
      title: `Clash ${n}`,
      actors: ['Army'],
      actor1: 'Army',
      actor2: null,
      killed: o.killed === undefined ? null : o.killed,
      wounded: null,
      captured: null,
      date: o.date === undefined ? '2024-03-04' : o.date,
      time_precision: o.precision ?? 1,
      date_text: 'Monday',
      geo_precision: 1,
      place_name: 'Hilla',
      gazetteer_id: '98182',
      admin_path: ['Iraq', 'Babil', 'Hilla'],
      country: 'Iraq',
      country_code: 'IQ',
      admin1: 'Babil',
      confidence: 0.8,
      sources: [source(o.article ?? 'a1', `Fighting broke out in Hilla (${n}).`)],
      'marker-color': '#d62728',
      'marker-size': 'small'
    }
  };
}

function route(n: number, article = 'a2'): RouteFeature {
  const id = `rte_${n.toString(16).padStart(16, '0')}`;
  return {
    type: 'Feature',
    id,
    geometry: { type: 'LineString', coordinates: [[51.4, 35.7], [47.5, 34.5], [44.4, 33.3]] },
    properties: {
      kind: 'route',
      id,
      cargo: 'weapons',
      title: 'Tehran → Baghdad: weapons',
      origin_name: 'Tehran',
      origin_id: '112931',
      origin_country: 'Iran',
      destination_name: 'Baghdad',
      destination_id: '98182',
      destination_country: 'Iraq',
      via_name: null,
      via_id: null,
      actors: ['Quds Force'],
      date: '2024-02-01',
      time_precision: 3,
      confidence: 0.7,
      sources: [source(article, 'Weapons were moved from Tehran to Baghdad.')],
      stroke: '#b2182b',
      'stroke-width': 3,
      'stroke-opacity': 0.8
    }
  };
}

const csvRows = (csv: string) => Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });

function placemarks(kml: string): Element[] {
  const doc = parseDocument(kml, { xmlMode: true });
  return DomUtils.getElementsByTagName('Placemark', doc);
}
const child = (el: Element, name: string) => DomUtils.getElementsByTagName(name, el, true)[0] as Element | undefined;
const dataValue = (pm: Element, name: string) => {
  const d = DomUtils.getElementsByTagName('Data', pm).find((e) => e.attribs.name === name);
  return d === undefined ? undefined : DomUtils.textContent(d);
};

describe('null versus 0', () => {
  const feats = [incident(1, { killed: null }), incident(2, { killed: 0 }), incident(3, { killed: 4 })];

  it('CSV: an unknown toll is an empty cell, a toll of none is 0', () => {
    const rows = csvRows(toCSV(feats)).data;
    expect(rows.map((r) => r.fatalities)).toEqual(['', '0', '4']);
    expect(rows.map((r) => r.wounded)).toEqual(['', '', '']);
  });

  it('KML: the same, as an empty value', () => {
    const pms = placemarks(toKML(feats));
    expect(pms.map((pm) => dataValue(pm, 'killed'))).toEqual(['', '0', '4']);
    expect(pms.map((pm) => dataValue(pm, 'captured'))).toEqual(['', '', '']);
  });

  it('GeoJSON: null and 0 as they are', () => {
    const fc = JSON.parse(stringifyGeoJSON(feats));
    expect(fc.features.map((f: IncidentFeature) => f.properties.killed)).toEqual([null, 0, 4]);
  });
});

describe('routes in CSV', () => {
  const feats: AtlasFeature[] = [incident(1), route(1), incident(2), route(2)];

  it('incidents and routes go to separate files with their own columns', () => {
    const inc = csvRows(toCSV(feats));
    expect(inc.meta.fields).toEqual([...CSV_COLUMNS]);
    expect(inc.data.map((r) => r.atlas_id)).toEqual([incident(1).id, incident(2).id]);
    const rts = csvRows(toRoutesCSV(feats));
    expect(rts.errors).toEqual([]);
    expect(rts.meta.fields).toEqual([...ROUTE_CSV_COLUMNS]);
    expect(rts.data).toHaveLength(2);
    expect(rts.data[0]).toMatchObject({ origin: 'Tehran', destination: 'Baghdad', cargo: 'weapons', origin_longitude: '51.4', destination_latitude: '33.3', via: '', date: '2024-02-01' });
  });

  it('the export menu names what each format holds', () => {
    expect(exportedFeatures('csv', feats).every((f) => f.properties.kind === 'incident')).toBe(true);
    expect(exportedFeatures('routes-csv', feats).every((f) => f.properties.kind === 'route')).toBe(true);
    expect(exportSummary('csv', feats)).toBe('2 incidents');
    expect(exportSummary('routes-csv', [route(1)])).toBe('1 route');
    expect(exportSummary('kml', feats)).toBe('4 features');
  });
});

describe('KML', () => {
  const feats: AtlasFeature[] = [
    incident(1, { type: 'Battles', precision: 1, date: '2024-03-04' }),
    incident(2, { type: 'Protests', precision: 2, date: '2024-02-27' }),
    incident(3, { type: 'Battles', precision: 3, date: '2024-02-01' }),
    incident(4, { date: null }),
    route(1)
  ];
  const kml = toKML(feats);

  it('a style per event type (and per route line), each placemark pointing at a defined one', () => {
    const doc = parseDocument(kml, { xmlMode: true });
    const styles = DomUtils.getElementsByTagName('Style', doc).map((s) => s.attribs.id);
    expect(new Set(styles).size).toBe(styles.length);
    const used = placemarks(kml).map((pm) => DomUtils.textContent(child(pm, 'styleUrl')!));
    for (const u of used) expect(styles).toContain(u.slice(1));
    expect(used[0]).toBe(used[2]); // both battles
    expect(used[0]).not.toBe(used[1]);
    // KML colours are aabbggrr: battles red #d62728 → ff2827d6.
    const battles = DomUtils.getElementsByTagName('Style', doc).find((s) => s.attribs.id === used[0].slice(1))!;
    expect(DomUtils.textContent(child(battles, 'color')!)).toBe('ff2827d6');
    expect(child(DomUtils.getElementsByTagName('Style', doc).find((s) => s.attribs.id === used[4].slice(1))!, 'LineStyle')).toBeDefined();
  });

  it('a TimeStamp for a known day, a TimeSpan for a week or month, nothing for an unknown date', () => {
    const pms = placemarks(kml);
    expect(DomUtils.textContent(child(pms[0], 'TimeStamp')!)).toBe('2024-03-04');
    expect(child(pms[0], 'TimeSpan')).toBeUndefined();
    expect(DomUtils.textContent(child(child(pms[1], 'TimeSpan')!, 'end')!)).toBe('2024-03-04'); // leap year week
    expect(DomUtils.textContent(child(child(pms[2], 'TimeSpan')!, 'end')!)).toBe('2024-02-29');
    expect(child(pms[3], 'TimeStamp') ?? child(pms[3], 'TimeSpan')).toBeUndefined();
    expect(kmlTime('2023-12-01', 3)).toContain('<end>2023-12-31</end>');
  });

  it('time and style come before ExtendedData, as the KML schema orders them', () => {
    for (const pm of placemarks(kml)) {
      const names = pm.children.filter((c): c is Element => c.type === 'tag').map((c) => c.name);
      expect(names.indexOf('styleUrl')).toBeGreaterThan(names.indexOf('description'));
      expect(names.indexOf('styleUrl')).toBeLessThan(names.indexOf('ExtendedData'));
    }
  });
});

describe('source URLs', () => {
  const urls = new Map([['a1', 'https://news.example/hilla?id=1&x=2']]);
  const feats = withSourceUrls([incident(1), incident(2, { article: 'a9' }), route(1, 'a1')], urls);

  it('are filled in only where the article has one', () => {
    expect(feats[0].properties.sources[0].url).toBe('https://news.example/hilla?id=1&x=2');
    expect(feats[1].properties.sources[0].url).toBeUndefined();
  });

  it('appear in CSV (both files), KML and GeoJSON, and the GeoJSON still validates', async () => {
    expect(csvRows(toCSV(feats)).data.map((r) => r.source_url)).toEqual(['https://news.example/hilla?id=1&x=2', '']);
    expect(csvRows(toRoutesCSV(feats)).data[0].source_url).toBe('https://news.example/hilla?id=1&x=2');
    const pms = placemarks(toKML(feats));
    expect(dataValue(pms[0], 'source_url')).toBe('https://news.example/hilla?id=1&x=2');
    expect(DomUtils.textContent(child(pms[0], 'description')!)).toContain('https://news.example/hilla?id=1&amp;x=2');
    const text = await serialise('geojson', [incident(1), route(1, 'a1')], urls);
    check(text);
    const ajv = new Ajv({ allErrors: true });
    expect(ajv.validate(schema, JSON.parse(text)), ajv.errorsText(ajv.errors)).toBe(true);
    expect(JSON.parse(text).features.map((f: AtlasFeature) => f.properties.sources[0].url)).toEqual([urls.get('a1'), urls.get('a1')]);
    expect(csvRows(await serialise('routes-csv', [incident(1), route(1, 'a1')], urls)).data).toHaveLength(1);
  });
});
