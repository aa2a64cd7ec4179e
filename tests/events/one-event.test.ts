import { describe, expect, it } from 'vitest';
import { extract } from '../../src/lib/events';
import type { IncidentProperties } from '../../src/lib/geojson/types';

/** Incidents of a short article (paragraphs separated by blank lines), dated 2019-03-12, through the bundled geoparser. */
function incidents(...paragraphs: string[]): IncidentProperties[] {
  const r = extract([{ id: 'a', content: `Test article\n\n${paragraphs.join('\n\n')}\n`, date: '2019-03-12', format: 'text' }]);
  return r.features.filter((f) => f.properties.kind === 'incident').map((f) => f.properties as IncidentProperties);
}

describe('one event told across sentences is one incident', () => {
  it('"and 20 others injured" adds victims, it does not announce another event', () => {
    const out = incidents(
      'At least 9 people were killed and 20 others injured when a car bomb exploded at a market in Kirkuk on Monday.',
      '"Nine people were killed in the explosion at the market in Kirkuk," a police officer said.'
    );
    expect(out).toHaveLength(1);
    expect(out[0].killed).toBe(9);
    expect(out[0].wounded).toBe(20);
  });

  it('"another was wounded" and "were also injured" add victims of the same attack', () => {
    const out = incidents(
      'Four soldiers were killed and another was wounded on Monday when a roadside bomb hit their vehicle in Kandahar.',
      'The bomb struck the patrol on the main road in Kandahar, officials said.'
    );
    expect(out).toHaveLength(1);
    expect(out[0].killed).toBe(4);
  });

  it('a bombing told again as an attack on the same day, first for the province and then the city, is one incident', () => {
    const out = incidents(
      'A suicide bomber killed eight policemen in Kandahar province on Tuesday.',
      'The policemen were attacked at a checkpoint in Kandahar city, a provincial spokesman said.'
    );
    expect(out).toHaveLength(1);
    expect(out[0].event_type).toBe('Explosions/Remote violence');
    expect(out[0].killed).toBe(8);
  });

  it('still keeps events in two towns of one day apart', () => {
    const out = incidents('A suicide bomber killed eight policemen in Kandahar on Tuesday.', 'On Tuesday, gunmen also attacked a checkpoint in Herat, killing two soldiers.');
    expect(out).toHaveLength(2);
  });
});

describe('totals and history are not incidents', () => {
  it('a count in the perfect over a period since a year sums many events', () => {
    expect(incidents('About 1,500 soldiers have been killed in Mali since the start of the insurgency in 2012.')).toHaveLength(0);
    expect(incidents('More than 300 civilians have been killed in Borno over the past two years, the group said.')).toHaveLength(0);
  });

  it('a state told in the perfect over a period is ongoing, not an event', () => {
    expect(incidents('Fighting has ravaged much of Sagaing since the coup in 2021, the group said.')).toHaveLength(0);
    const out = incidents('Fighting has ravaged much of Sagaing since the coup in 2021.', 'On Monday, an air strike killed 6 villagers in Sagaing.');
    expect(out).toHaveLength(1);
    expect(out[0].killed).toBe(6);
  });

  it('a killing told in a relative clause about the history does not keep the ongoing state', () => {
    const out = incidents(
      'A doctor was killed on Saturday outside his home in Jenin, the health ministry said.',
      'The West Bank has seen a surge in violence since the October 7 attack on Israel by Hamas, in which militants from the Gaza Strip killed 1,200 people, most of them civilians.'
    );
    expect(out.filter((i) => i.date === '2019-03-09')).toHaveLength(1);
    expect(out.find((i) => i.date === '2019-03-09')!.killed).toBe(1);
    expect(out.filter((i) => /West Bank/.test(i.place_name))).toHaveLength(0);
  });

  it('a count since a day of this week is still an event', () => {
    const out = incidents('Three people have been killed in clashes in Gao since Monday, officials said.');
    expect(out).toHaveLength(1);
    expect(out[0].killed).toBe(3);
  });

  it('the event told beside the total stays', () => {
    const out = incidents('Two soldiers were killed in an ambush near Gao on Monday.', 'About 1,500 soldiers have been killed in Mali since the insurgency began in 2012.');
    expect(out).toHaveLength(1);
    expect(out[0].killed).toBe(2);
  });
});

describe('across articles', () => {
  const two = (a: string, b: string) =>
    extract([
      { id: 'a', content: `First report\n\n${a}\n`, date: '2022-05-04', format: 'text' },
      { id: 'b', content: `Second report\n\n${b}\n`, date: '2022-05-04', format: 'text' }
    ]).features.filter((f) => f.properties.kind === 'incident');

  it('shellings near two neighbouring towns on one day stay two events', () => {
    expect(two('On 3 May 2022, Russian forces shelled positions near Avdiivka.', 'On 3 May 2022, Russian forces shelled positions near Marinka.')).toHaveLength(2);
  });

  it('the same town on the same day is one event', () => {
    expect(two('On 3 May 2022, Russian forces shelled positions near Avdiivka.', 'On 3 May 2022, Russian artillery shelled positions near Avdiivka.')).toHaveLength(1);
  });

  it('a shared count ties reports of neighbouring places', () => {
    expect(two('On 3 May 2022, shelling near Avdiivka killed 7 civilians.', 'On 3 May 2022, shelling near Marinka killed 7 civilians.')).toHaveLength(1);
  });
});

describe('an official\'s jurisdiction is not the event place', () => {
  it('"Inspector General of Police (Bastar)" speaks for the region; the blast stays in the district the text names', () => {
    const out = incidents('Five policemen were killed on Sunday when Maoists set off a landmine in Sukma district, Inspector General of Police (Bastar) R. Kumar said.');
    expect(out).toHaveLength(1);
    expect(out[0].place_name).toMatch(/Sukma/);
  });

  it('"superintendent of police (SP), Sukma" gives no place when the event names none of its own', () => {
    const out = incidents('"Two jawans were wounded in the blast," said R. Kumar, superintendent of police (SP), Sukma.');
    expect(out.filter((i) => /Sukma/.test(i.place_name))).toHaveLength(0);
  });

  it('the office as a building is a place: a protest outside it is there', () => {
    const out = incidents('Hundreds of farmers staged a protest outside the office of the deputy commissioner, Sukma, on Monday.');
    expect(out).toHaveLength(1);
    expect(out[0].place_name).toMatch(/Sukma/);
  });
});
