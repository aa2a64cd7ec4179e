import { describe, expect, it } from 'vitest';
import { extract } from '../../src/lib/events';
import type { GeoparseFn } from '../../src/lib/events/types';
import { geoparse } from '../../src/lib/geoparse';
import type { Toponym } from '../../src/lib/geoparse/types';
import type { IncidentProperties } from '../../src/lib/geojson/types';

const placeOf = (text: string, name: string) => geoparse(text).find((t) => t.text === name)!.place!;

/**
 * The real geoparser, with given names overridden the way the geoparser reports a place the gazetteer lacks or
 * resolves abroad: `place` null (or a namesake) and the smallest container the text names.
 */
function standIn(overrides: Record<string, Partial<Toponym>>): GeoparseFn {
  return (text, opts) => {
    const found = geoparse(text, opts as Parameters<typeof geoparse>[1]);
    for (const [name, o] of Object.entries(overrides)) {
      const at = text.indexOf(name);
      if (at < 0) continue;
      const rest = found.filter((t) => t.end <= at || t.start >= at + name.length);
      rest.push({ start: at, end: at + name.length, text: name, place: null, confidence: 0, alternatives: [], ...o });
      found.splice(0, found.length, ...rest.sort((a, b) => a.start - b.start));
    }
    return found;
  };
}

function incidents(body: string, geo?: GeoparseFn): IncidentProperties[] {
  const r = extract([{ id: 'a', content: `Test article\n\n${body}\n`, date: '2021-03-10', format: 'text' }], geo ? { geoparse: geo } : {});
  return r.features.filter((f) => f.properties.kind === 'incident').map((f) => f.properties as IncidentProperties);
}

describe('where the event happened', () => {
  it('puts an event at a village the gazetteer lacks on the province the text names, at precision 3', () => {
    const kunduz = placeOf('in Kunduz province', 'Kunduz');
    const geo = standIn({ Qalai: { unresolved: 'no candidate', container: { place: kunduz, precision: 3 } } });
    const [p, ...rest] = incidents('Gunmen killed three villagers in Qalai, Kunduz province, on Monday.', geo);
    expect(rest).toHaveLength(0);
    expect(p.gazetteer_id).toBe(kunduz.id);
    expect(p.geo_precision).toBe(3);
    expect(p.place_name).toBe('Qalai');
    expect(p.country_code).toBe('AF');
  });

  it('never puts the event on a namesake abroad when the text names a container at home', () => {
    const abroad = placeOf('In Belem, Para, Brazil', 'Para');
    const khyber = placeOf('in Khyber Agency', 'Khyber Agency');
    const geo = standIn({ Para: { place: abroad, confidence: 0.9, container: { place: khyber, precision: 2 } } });
    const [p] = incidents('Militants attacked a checkpoint in Para village of Khyber Agency on Monday.', geo);
    expect(p.country_code).toBe('PK');
    expect(p.gazetteer_id).toBe(khyber.id);
    expect(p.geo_precision).toBe(2);
  });

  it('does not place an event on a resolution the geoparser doubts', () => {
    const abroad = placeOf('In Belem, Para, Brazil', 'Para');
    const geo = standIn({ Para: { place: abroad, confidence: 0.1 } });
    expect(incidents('Militants attacked a checkpoint in Para on Monday.', geo)).toHaveLength(0);
  });

  it('reads a possessive as part of the place ("Kunduz’s Imam Sahib district")', () => {
    const [p] = incidents("Militants attacked a checkpoint in Kunduz's Imam Sahib district on Monday.");
    expect(p.country_code).toBe('AF');
    expect(p.geo_precision).toBeGreaterThanOrEqual(2);
  });

  it('two events in one sentence at two places are two incidents, each dated by the sentence', () => {
    const ps = incidents('Taliban fighters attacked a police checkpoint in Kunduz on Monday, killing four officers, and in western Farah province, where militants ambushed an army convoy, six soldiers died.');
    const by = Object.fromEntries(ps.map((p) => [p.place_name, p]));
    expect(Object.keys(by).sort()).toEqual(['Farah', 'Kunduz']);
    expect([by.Kunduz.killed, by.Farah.killed]).toEqual([4, 6]);
    expect(by.Farah.date).toBe('2021-03-08');
  });

  it('one event told over sentences is one incident, its counts taken once', () => {
    const ps = incidents('Gunmen killed three villagers in Kunduz on Monday. The attack also wounded two children. Three villagers were killed, officials said.');
    expect(ps).toHaveLength(1);
    expect([ps[0].killed, ps[0].wounded]).toEqual([3, 2]);
  });

  it('takes the place of a sentence that only sets the scene', () => {
    const [p, ...rest] = incidents('On Monday a column of students arrived in Mandalay after a week on the road. The students were protesting a new education law.');
    expect(rest).toHaveLength(0);
    expect(p.place_name).toBe('Mandalay');
    expect(p.event_type).toBe('Protests');
    expect(p.sources.map((s) => s.sentence.slice(0, 8))).toEqual(['On Monda', 'The stud']);
  });

  it('takes the place from the next sentence when it only says where, never a victim’s home', () => {
    const [p] = incidents('Two rival groups clashed on Monday, leaving five people injured. The clash took place at a market in Kaduna.');
    expect(p.place_name).toBe('Kaduna');
    expect(incidents('Gunmen shot dead a trader on Monday night. The victim was a resident of Kano.')).toHaveLength(0);
    expect(incidents('Gunmen on Monday shot dead Musa Ali, a native of Kano.')).toHaveLength(0);
  });

  it('what was foiled did not happen, but the foiling happened where the text says', () => {
    const ps = incidents('Police arrested two men on Monday after they foiled a bomb plot at a market in Kano.');
    expect(ps.map((p) => [p.sub_event_type, p.place_name])).toEqual([['Arrests', 'Kano']]);
  });

  it('a crowd with no other place protests where it is from', () => {
    expect(incidents('Farmers from Multan blocked a highway on Monday to protest fertiliser shortages.').map((p) => p.place_name)).toEqual(['Multan']);
    expect(incidents('Multan residents held a march on Monday against poor roads.').map((p) => p.place_name)).toEqual(['Multan']);
    // Not for violence: where the attackers came from is not where they attacked.
    expect(incidents('Gunmen from Multan shot dead a trader on Monday.')).toHaveLength(0);
  });

  it('neither where a statement was made nor a home town is the event place; statistics are no event', () => {
    expect(incidents('The ministry said in Kabul that the attack was condemned.')).toHaveLength(0);
    expect(incidents('Sgt. John Smith, 21, of Pittsburgh was killed on Monday by a roadside bomb in Kandahar.').map((p) => p.place_name)).toEqual(['Kandahār']);
    expect(incidents('He was the 28th British soldier killed in Helmand since 2003.')).toHaveLength(0);
    // An event reported from a place is there.
    expect(incidents('A bomb blast was reported in Quetta on Monday.').map((p) => p.place_name)).toEqual(['Quetta']);
  });

  it('a march is placed where it goes', () => {
    const [p] = incidents('About 50 protesters marched through Lahore on Monday demanding lower fuel prices.');
    expect(p.place_name).toBe('Lahore');
    expect(p.event_type).toBe('Protests');
  });
});
