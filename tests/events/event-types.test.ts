import { describe, expect, it } from 'vitest';
import { extract } from '../../src/lib/events';
import { classify } from '../../src/lib/events/incidents';
import { SUB_EVENT_TYPES, type IncidentProperties } from '../../src/lib/geojson/types';
import { EVENT_COLOURS, EVENT_TYPES } from '../../src/lib/state/filters';
import { toCSV } from '../../src/lib/geojson';

/** Incidents of a one-paragraph article dated 2021-03-10 (a Wednesday), through the bundled geoparser. */
function run(body: string) {
  const r = extract([{ id: 'a', content: `Test article\n\n${body}\n`, date: '2021-03-10', format: 'text' }]);
  return { r, incidents: r.features.filter((f) => f.properties.kind === 'incident').map((f) => f.properties as IncidentProperties) };
}

/** Sentences written for these tests, one per ACLED sub-event type: [sentence, event type, sub-event type, place]. */
const CASES: Array<[string, string, string, string]> = [
  ['Thousands of teachers held a peaceful rally in Kathmandu on Monday demanding higher pay.', 'Protests', 'Peaceful protest', 'Kathmandu'],
  ['Police fired tear gas to disperse hundreds of protesters in Dhaka on Monday.', 'Protests', 'Protest with intervention', 'Dhaka'],
  ['Security forces opened fire on demonstrators in Lahore on Monday, killing three protesters.', 'Protests', 'Excessive force against protesters', 'Lahore'],
  ['A mob lynched a man accused of theft in Peshawar on Monday.', 'Riots', 'Mob violence', 'Peshawar'],
  ['Striking workers turned violent in Karachi on Monday, torching a bus during the protest.', 'Riots', 'Violent demonstration', 'Karachi'],
  ['Russian forces shelled residential areas of Kharkiv on Monday.', 'Explosions/Remote violence', 'Shelling/artillery/missile attack', 'Kharkiv'],
  ['A drone strike killed two militants in Miranshah on Monday.', 'Explosions/Remote violence', 'Air/drone strike', 'Miran'],
  ['A roadside bomb exploded near a patrol in Kunduz on Monday, wounding three soldiers.', 'Explosions/Remote violence', 'Remote explosive/landmine/IED', 'Kunduz'],
  ['Militants hurled a hand grenade at a police station in Srinagar on Monday.', 'Explosions/Remote violence', 'Grenade', 'Srinagar'],
  ['A suicide bomber blew himself up at a market in Maiduguri on Monday, killing 12 people.', 'Explosions/Remote violence', 'Suicide bomb', 'Maiduguri'],
  ['Gunmen abducted a schoolteacher in Kaduna on Monday.', 'Violence against civilians', 'Abduction/forced disappearance', 'Kaduna'],
  ['Two women were raped by soldiers in Bentiu on Monday.', 'Violence against civilians', 'Sexual violence', 'Bentiu'],
  ['Unidentified gunmen shot dead a shopkeeper in Quetta on Monday.', 'Violence against civilians', 'Attack', 'Quetta'],
  ['Troops clashed with Boko Haram fighters in Bama on Monday, killing 15 insurgents.', 'Battles', 'Armed clash', 'Bama'],
  ['Syrian government forces recaptured Palmyra from the Islamic State on Monday.', 'Battles', 'Government regains territory', 'Tadmur'],
  ['Islamic State fighters took control of Ramadi on Monday.', 'Battles', 'Non-state actor overtakes territory', 'Ramadi'],
  ['Police arrested five suspected militants in Karachi on Monday.', 'Strategic developments', 'Arrests', 'Karachi'],
  ['Security forces seized a large cache of weapons and ammunition in Mosul on Monday.', 'Strategic developments', 'Disrupted weapons use', 'Mosul'],
  ['Bomb disposal experts defused an improvised explosive device in Quetta on Monday.', 'Strategic developments', 'Disrupted weapons use', 'Quetta'],
  ['The government and the rebels signed a ceasefire agreement in Naypyidaw on Monday.', 'Strategic developments', 'Agreement', 'Nay'],
  ['Militants looted a bank and burned down houses in Damboa on Monday.', 'Strategic developments', 'Looting/property destruction', 'Damboa'],
  ['The army established a new base in Kidal on Monday.', 'Strategic developments', 'Headquarters or base established', 'Kidal']
];

describe('the six ACLED event types', () => {
  it.each(CASES)('%s → %s / %s', (sentence, type, sub, place) => {
    const { incidents } = run(sentence);
    expect(incidents, JSON.stringify(incidents.map((i) => [i.event_type, i.sub_event_type, i.place_name]))).toHaveLength(1);
    expect(incidents[0].event_type).toBe(type);
    expect(incidents[0].sub_event_type).toBe(sub);
    expect(incidents[0].place_name).toContain(place);
    expect(incidents[0].date).toBe('2021-03-08');
  });

  it('gives every incident a sub-event type of its own event type', () => {
    for (const [sentence] of CASES) for (const p of run(sentence).incidents) expect(SUB_EVENT_TYPES[p.event_type]).toContain(p.sub_event_type);
  });

  it('tells labour and hunger strikes from air strikes', () => {
    expect(run('Doctors went on a hunger strike in Lahore on Monday.').incidents[0].event_type).toBe('Protests');
    expect(run('Transport workers observed a general strike in Dhaka on Monday.').incidents[0].event_type).toBe('Protests');
    expect(run('Bus owners in Khulna continued their strike on Monday over fuel prices.').incidents[0].event_type).toBe('Protests');
    expect(run('The 48-hour strike called by the alliance paralysed Kathmandu on Monday.').incidents[0].event_type).toBe('Protests');
    expect(run('An air strike hit a compound in Kunduz on Monday.').incidents[0].sub_event_type).toBe('Air/drone strike');
    expect(run('Government forces launched a drone strike on a compound in Kunduz on Monday.').incidents[0].sub_event_type).toBe('Air/drone strike');
  });

  it('an act done to protest is a protest; a call to protest is not', () => {
    expect(run('Hundreds of doctors came together in Lahore on Monday to protest attacks on hospitals.').incidents.map((i) => i.event_type)).toEqual(['Protests']);
    expect(run('The union called on workers in Lahore on Monday to protest the new tax.').incidents).toHaveLength(0);
  });

  it('reads a protest against a killing as a protest, not a killing', () => {
    const { incidents } = run('Students protested in Peshawar on Monday against the killing of a classmate.');
    expect(incidents.map((i) => i.event_type)).toEqual(['Protests']);
  });

  it('reads "occupied" as taking territory only as a verb', () => {
    expect(run('Russian forces occupied Kherson on Monday.').incidents[0].sub_event_type).toBe('Non-state actor overtakes territory');
    expect(run('In occupied Kashmir, troops shot dead a youth in Sopore on Monday.').incidents[0].event_type).toBe('Violence against civilians');
  });

  it('tells crowds that fight (riots) from armed groups that fight (battles)', () => {
    expect(run('Supporters of two rival parties clashed in Natore on Monday, leaving ten people injured.').incidents[0].event_type).toBe('Riots');
    expect(run('Soldiers clashed with militants in Kunduz on Monday, leaving ten people injured.').incidents[0].event_type).toBe('Battles');
  });

  it('one protest told over two sentences is one incident, escalated by what the police did', () => {
    const { incidents } = run('Hundreds of students marched through Lahore on Monday demanding lower fees. Police fired tear gas and arrested 12 protesters.');
    expect(incidents).toHaveLength(1);
    expect(incidents[0].sub_event_type).toBe('Protest with intervention');
    expect(incidents[0].captured).toBe(12);
    expect(incidents[0].sources).toHaveLength(2);
  });

  it('makes no event of a surname, weapons taught, or a place plagued by crime', () => {
    expect(run('General Lynch stated that most operatives move through the border in Wasit province.').incidents).toHaveLength(0);
    expect(run('Recruits were trained in the use of mortars and rockets inside Iran.').incidents).toHaveLength(0);
    expect(run('People in Herat speak with Iranian accents. The city has been plagued by kidnappings in recent years.').incidents).toHaveLength(0);
  });

  it('keeps negated, planned and perfect-tense developments out', () => {
    expect(run('Protesters plan to march in Lahore on Friday.').incidents).toHaveLength(0);
    expect(run('Police did not arrest anyone in Karachi on Monday.').incidents).toHaveLength(0);
    expect(run('Russia has opened training camps for the rebels in Tajikistan.').incidents).toHaveLength(0);
  });

  it('classifies from cues and who is named, without any place', () => {
    expect(classify(new Set(['protest']), 'Farmers staged a sit-in')).toEqual({ eventType: 'Protests', subEventType: 'Peaceful protest' });
    expect(classify(new Set(['protest', 'capture']), 'Police arrested protesters')).toEqual({ eventType: 'Protests', subEventType: 'Protest with intervention' });
    expect(classify(new Set(['kill']), 'Gunmen killed a farmer')).toEqual({ eventType: 'Violence against civilians', subEventType: 'Attack' });
    expect(classify(new Set(['kill']), 'Militants killed two soldiers')).toEqual({ eventType: 'Battles', subEventType: 'Armed clash' });
    expect(classify(new Set(['seizure']), 'Customs seized 20 kg of heroin')).toEqual({ eventType: 'Strategic developments', subEventType: 'Other' });
  });
});

describe('the dashboard and exports follow the six types', () => {
  it('has a colour, a filter entry and a legend entry per type', () => {
    expect(EVENT_TYPES).toEqual(Object.keys(SUB_EVENT_TYPES));
    for (const t of EVENT_TYPES) expect(EVENT_COLOURS[t]).toMatch(/^#[0-9a-f]{6}$/);
    expect(new Set(Object.values(EVENT_COLOURS)).size).toBe(EVENT_TYPES.length);
  });

  it('writes ACLED disorder types for protests and riots in CSV', () => {
    const { r } = run('Thousands of teachers held a peaceful rally in Kathmandu on Monday demanding higher pay. A mob lynched a man accused of theft in Peshawar on Monday.');
    const csv = toCSV(r.features);
    expect(csv).toContain('Demonstrations,Protests,Peaceful protest');
    expect(csv).toContain('Political violence,Riots,Mob violence');
  });
});

describe('participles used as adjectives report nothing', () => {
  it('"the release of abducted schoolgirls" is what a protest demands, not an abduction', () => {
    const { incidents } = run('Hundreds of protesters marched through Abuja on Monday demanding the release of abducted schoolgirls.');
    expect(incidents).toHaveLength(1);
    expect(incidents[0].event_type).toBe('Protests');
    expect(incidents[0].sub_event_type).toBe('Peaceful protest');
  });

  it('"relatives of killed soldiers" protesting is a peaceful protest, not force against protesters', () => {
    const { incidents } = run('Relatives of killed soldiers protested in Kyiv on Monday.');
    expect(incidents.map((p) => p.sub_event_type)).toEqual(['Peaceful protest']);
  });
});

describe('a protest met by the police is a protest with intervention', () => {
  it('when the police step in a sentence later', () => {
    const { incidents } = run('Thousands of protesters rallied in Tbilisi on Monday against the law. Police used water cannon to disperse them.');
    expect(incidents.map((p) => p.sub_event_type)).toEqual(['Protest with intervention']);
  });

  it('when they step in after a semicolon', () => {
    const { incidents } = run('Thousands of protesters rallied in Tbilisi on Monday against the law; police used water cannon to disperse them.');
    expect(incidents.map((p) => p.sub_event_type)).toEqual(['Protest with intervention']);
  });
});
