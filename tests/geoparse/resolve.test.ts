import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/lib/gazetteer';
import { geoparse } from '../../src/lib/geoparse';

const gazetteer = loadGazetteer();
const find = (text: string, name: string) => geoparse(text, { gazetteer }).find((t) => t.text === name);

describe('resolution', () => {
  it('a bare name shared by a division and its seat spelt another way is the seat city', () => {
    const p = find('On Tuesday night the port of Mykolaiv came under fire again.', 'Mykolaiv')?.place;
    expect(p?.kind).toBe('city');
    expect(p?.country).toBe('UA');
    // The country keeps its own name over a capital that merely carries it as an alternate.
    expect(find('Mexico reported forty new cases.', 'Mexico')?.place?.kind).toBe('country');
  });
});
