import { describe, expect, it } from 'vitest';
import { extract } from '../../src/lib/events';
import type { IncidentProperties, RouteProperties } from '../../src/lib/geojson/types';

/** Extract from a one-paragraph article (dated 2007-08-08 unless given) through the bundled geoparser. */
function run(body: string, date: string | null = '2007-08-08') {
  const r = extract([{ id: 'a', content: `Test article\n\n${body}\n`, date, format: 'text' }]);
  const incidents = r.features.filter((f) => f.properties.kind === 'incident').map((f) => f.properties as IncidentProperties);
  const routes = r.features.filter((f) => f.properties.kind === 'route').map((f) => f.properties as RouteProperties);
  return { r, incidents, routes };
}

describe('incidents from tricky sentences', () => {
  it('creates nothing from negations, hypotheticals and purposes', () => {
    expect(run('No civilians were killed in Baghdad.').incidents).toHaveLength(0);
    expect(run('Officials said militants could attack Baghdad if talks fail.').incidents).toHaveLength(0);
    expect(run('Iran wanted to use the group to murder soldiers in Baghdad.').incidents).toHaveLength(0);
    expect(run('Iraqi forces did not raid Sadr City on Monday.').incidents).toHaveLength(0);
  });

  it('keeps the real event beside a negated clause', () => {
    const { incidents } = run('After determining no civilians would be endangered, forces used precision aerial munitions to strike the group in Baghdad, killing Mustafa and as many as 16 other militants.');
    expect(incidents).toHaveLength(1);
    expect(incidents[0].sub_event_type).toBe('Air/drone strike');
    expect(incidents[0].killed).toBe(17);
  });

  it('reads numbers in words and named people in counts', () => {
    const { incidents } = run('On August 4, Mullah Mustafa and sixteen of his followers were killed in Baghdad.');
    expect(incidents[0].killed).toBe(17);
    const two = run('On August 5, US paratroopers captured a Mahdi Army company commander and five of his operatives during a raid in Baghdad.').incidents;
    expect(two[0].captured).toBe(6);
    const list = run('Over 20 members of the network were killed, six wounded, and one captured in a raid in Karbala on June 18.').incidents[0];
    expect([list.killed, list.wounded, list.captured]).toEqual([20, 6, 1]);
    expect(list.date).toBe('2007-06-18');
    const words = run('On July 27, US forces killed twenty-six fighters during a raid in Karbala.').incidents[0];
    expect(words.killed).toBe(26);
  });

  it('takes the low end of a range', () => {
    const { incidents } = run('On August 2, between 10 and 15 militants were killed in an ambush in Karbala.');
    expect(incidents[0].killed).toBe(10);
  });

  it('does not read a count as a year ("On August 4, 18 operatives")', () => {
    const { incidents } = run('On August 4, 18 Special Groups operatives were captured and four killed during an early morning raid in Karbala.');
    expect(incidents[0].date).toBe('2007-08-04');
    expect(incidents[0].time_precision).toBe(1);
    expect([incidents[0].captured, incidents[0].killed]).toEqual([18, 4]);
  });

  it('splits two events in one sentence and places each', () => {
    const { incidents } = run('Other engagements include a raid in Sadr City on July 2 that resulted in 30 operatives killed and 12 captured; and a June 30 raid in Karbala, which resulted in 26 killed and 17 captured.');
    const byPlace = Object.fromEntries(incidents.map((i) => [i.place_name, i]));
    expect(byPlace['Sadr City'].killed).toBe(30);
    expect(byPlace['Sadr City'].date).toBe('2007-07-02');
    expect(byPlace['Karbala'].killed).toBe(26);
    expect(byPlace['Karbala'].date).toBe('2007-06-30');
  });

  it('places an event near a town named only as context ("north of Baghdad") at precision 2', () => {
    const { incidents } = run('Multinational Forces Iraq killed a senior leader during a raid north of Baghdad in May 2007.');
    expect(incidents[0].place_name).toBe('Baghdad');
    expect(incidents[0].geo_precision).toBe(2);
    expect(incidents[0].time_precision).toBe(3);
    expect(incidents[0].date).toBe('2007-05-01');
  });

  it('prefers the named town over the town that situates it', () => {
    const { incidents } = run('The police captured three suspects in Musayyib, just south of Baghdad, on June 5.');
    expect(incidents[0].place_name).toBe('Al Musayyib');
    expect(incidents[0].geo_precision).toBe(1);
    expect(incidents[0].captured).toBe(3);
    expect(incidents[0].sub_event_type).toBe('Arrests');
  });

  it('distrusts a place resolved far from the town the text puts it near', () => {
    const { incidents } = run('While conducting the raids near Qasirin, north of Baghdad, Coalition forces killed eight members of the security team on August 20.');
    expect(incidents[0].place_name).toBe('Baghdad');
    expect(incidents[0].geo_precision).toBe(2);
  });

  it('resolves relative dates against the article date', () => {
    const wed = run('A joint force conducted a raid inside Sadr City on Wednesday, killing 30 militants and capturing 12.').incidents[0];
    expect(wed.date).toBe('2007-08-08');
    const yesterday = run('Just yesterday, US forces killed 4 militants in Karbala.').incidents[0];
    expect(yesterday.date).toBe('2007-08-07');
    const unknown = run('Police captured three men in Karbala on June 5.', null).incidents[0];
    expect(unknown.date).toBeNull();
    expect(unknown.date_text).toBe('June 5');
  });

  it('does not take a place used as a modifier ("US military") for the location', () => {
    const { incidents } = run('The Iraq military killed 12 militants in Karbala on August 1.');
    expect(incidents[0].place_name).toBe('Karbala');
  });
});

describe('routes', () => {
  it('reads origin, destination and cargo in order', () => {
    const { routes } = run('The cell is known for facilitating the transport of weapons and EFPs from Iran to Iraq, as well as bringing militants from Iraq into Iran for terrorist training.');
    const pairs = routes.map((r) => `${r.origin_name}>${r.destination_name}:${r.cargo}`).sort();
    expect(pairs).toEqual(['Iran>Iraq:weapons, EFPs', 'Iraq>Iran:trainees']);
    for (const r of routes) expect(r.sources[0].sentence).toContain('from Iran to Iraq');
  });

  it('takes the subject as origin and a transit place as via', () => {
    expect(run('Iran has smuggled weapons into Afghanistan.').routes[0]).toMatchObject({ origin_name: 'Iran', destination_name: 'Afghanistan', cargo: 'weapons' });
    const via = run('Officials said members of Iran’s Qods Force direct attacks. Most of the Qods Force operatives move through the porous border in Wasit province.').routes[0];
    expect(via).toMatchObject({ origin_name: 'Iran', destination_name: 'Iraq', via_name: 'Wasit', cargo: 'fighters' });
  });

  it('makes no route of a denied or hypothetical movement', () => {
    expect(run('Iran denied that it smuggled weapons into Afghanistan.').routes).toHaveLength(0);
    expect(run('Iran could send weapons to Iraq if the talks fail.').routes).toHaveLength(0);
  });
});

describe('dates told relative to the report and to each other', () => {
  it('does not date an event by the dateline that opens the report', () => {
    const { incidents } = run('KABUL, March 3, 2021 — Taliban fighters attacked a police checkpoint in Lashkar Gah on Tuesday night, killing 12 policemen.', '2021-03-03');
    expect(incidents).toHaveLength(1);
    expect(incidents[0].date).toBe('2021-03-02');
  });

  it('counts "a day later" from the event told before it, not from the article date', () => {
    const { incidents } = run(
      'Taliban fighters attacked a police checkpoint in Lashkar Gah on Tuesday, killing 12 policemen. A day later, a roadside bomb killed four civilians near Spin Boldak.',
      '2021-03-05'
    );
    const dates = Object.fromEntries(incidents.map((p) => [p.killed, p.date]));
    expect(dates[12]).toBe('2021-03-02');
    expect(dates[4]).toBe('2021-03-03');
  });

  it('keeps an event at a place the gazetteer lacks, in the article country at geo precision 3', () => {
    const { incidents } = run('US forces killed four militants during a raid in Qasirin on August 4. The operation was part of a wider campaign in Iraq.');
    const q = incidents.find((p) => p.place_name === 'Qasirin');
    expect(q?.country_code).toBe('IQ');
    expect(q?.geo_precision).toBe(3);
  });
});
