import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/lib/gazetteer';
import { geoparse } from '../../src/lib/geoparse';

const gazetteer = loadGazetteer();

function checkSpans(text: string): void {
  const toponyms = geoparse(text, { gazetteer });
  for (const t of toponyms) {
    expect(Number.isInteger(t.start) && Number.isInteger(t.end)).toBe(true);
    expect(t.start).toBeGreaterThanOrEqual(0);
    expect(t.end).toBeLessThanOrEqual(text.length);
    expect(t.start).toBeLessThan(t.end);
    expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(t.confidence).toBeGreaterThanOrEqual(0);
    expect(t.confidence).toBeLessThanOrEqual(1);
  }
}

// Pieces that exercise the recognizer's edges: names, articles, hyphens, quotes, abbreviations, RTL and emoji.
const pieces = fc.constantFrom(
  'Baghdad', 'Sadr City', 'al-', 'Al ', 'Kut', 'Mazar-i-', 'Sharif', ' in ', ' the ', 'St.', ' Louis', 'U.S.', 'Ga.',
  '“', '”', '"', "'", '’s', '(', ')', '-', '—', '\n', '\u0000', '\u200f', '\u202e', 'بغداد', 'مزار شریف', '😀', '👨‍👩‍👧',
  'Mullah ', 'Mustafa', 'Qods Force', ' province', ', Iraq', '.', ' ', 'A', 'É', '\ud800', '\udc00'
);

describe('geoparse on hostile and random input', () => {
  it('returns nothing for empty or whitespace-only text', () => {
    expect(geoparse('', { gazetteer })).toEqual([]);
    expect(geoparse(' \n\t ', { gazetteer })).toEqual([]);
  });

  it('never throws and keeps spans in bounds on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => checkSpans(s)), { numRuns: 300 });
  });

  it('never throws and keeps spans in bounds on name-like noise', () => {
    fc.assert(fc.property(fc.array(pieces, { maxLength: 60 }).map((a) => a.join('')), (s) => checkSpans(s)), { numRuns: 500 });
  });

  it('handles control characters, lone surrogates, RTL overrides and unbalanced quotes', () => {
    for (const s of ['\u0000\u0001\u0002Baghdad\u0007', '\ud800Basra\udfff', '\u202eNajaf\u202c in Iraq', '“Raid in Sadr City', 'in "Kufa', "in 'Kut"]) checkSpans(s);
  });

  it('handles a 5 MB document and still finds the places in it', () => {
    const paragraph = 'Coalition forces raided a compound in Sadr City, Baghdad, and seized weapons smuggled from Iran. ';
    const text = paragraph.repeat(Math.ceil((5 * 1024 * 1024) / paragraph.length));
    const toponyms = geoparse(text, { gazetteer });
    expect(toponyms.length).toBeGreaterThan(100_000);
    const last = toponyms[toponyms.length - 1];
    expect(text.slice(last.start, last.end)).toBe(last.text);
    expect(toponyms.find((t) => t.text === 'Sadr City')?.place?.country).toBe('IQ');
  }, 120_000);
});
