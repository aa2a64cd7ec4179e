import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/lib/gazetteer';
import { geoparse } from '../../src/lib/geoparse';
import expected from '../fixtures/geoparse/seeds.expected.json' with { type: 'json' };

interface PlaceExpectation { text: string; country: string; kind?: string; admin1?: string }
interface SeedExpectation { bodyEndsBefore: string; places: PlaceExpectation[]; notPlaces: string[] }

const gazetteer = loadGazetteer();
const seeds = Object.entries(expected).filter(([k]) => !k.startsWith('$')) as Array<[string, SeedExpectation]>;

function occurrences(text: string, needle: string): number[] {
  const at: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) at.push(i);
  return at;
}

describe.each(seeds)('seed %s', (id, exp) => {
  const text = readFileSync(new URL(`../../seeds/${id}.txt`, import.meta.url), 'utf8');
  const bodyEnd = text.indexOf(exp.bodyEndsBefore);
  const toponyms = geoparse(text, { gazetteer });
  const inBody = toponyms.filter((t) => t.end <= bodyEnd);

  it('has a body marker', () => expect(bodyEnd).toBeGreaterThan(500));

  it.each(exp.places)('finds and places $text ($country $kind)', (place) => {
    const hits = inBody.filter((t) => t.text === place.text);
    expect(hits.length, `${place.text} not found in the body`).toBeGreaterThan(0);
    for (const hit of hits) {
      expect(hit.place, `${place.text} at ${hit.start} unresolved`).not.toBeNull();
      expect(hit.place!.country, `${place.text} at ${hit.start}`).toBe(place.country);
      if (place.kind) expect(hit.place!.kind, `${place.text} at ${hit.start}`).toBe(place.kind);
      if (place.admin1) expect(hit.place!.admin1, `${place.text} at ${hit.start}`).toBe(place.admin1);
      expect(text.slice(hit.start, hit.end)).toBe(hit.text);
    }
  });

  it('reports no person or organisation as a place', () => {
    for (const name of exp.notPlaces) {
      for (const at of occurrences(text.slice(0, bodyEnd), name)) {
        const overlapping = inBody.filter((t) => t.start < at + name.length && t.end > at);
        expect(overlapping.map((t) => t.text), `"${name}" at ${at}`).toEqual([]);
      }
    }
  });
});
