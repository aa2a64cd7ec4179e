/**
 * Deterministic synthetic incidents and routes over the region, for the benchmark and for load testing.
 * Every feature is sourced like a real one: its sentence is a substring of a generated article and the
 * span points at the place name in that article's text.
 */
import type { ReadArticle } from '../events/types';
import type { AtlasFeature, EventType, IncidentFeature, RouteFeature } from '../geojson/types';

interface SyntheticPlace {
  name: string;
  lat: number;
  lon: number;
  country: string;
  countryName: string;
  admin1: string;
}

export const SYNTHETIC_PLACES: SyntheticPlace[] = [
  ['Baghdad', 33.34, 44.4, 'IQ', 'Iraq', 'Baghdad'],
  ['Basra', 30.51, 47.78, 'IQ', 'Iraq', 'Basra'],
  ['Mosul', 36.34, 43.13, 'IQ', 'Iraq', 'Nineveh'],
  ['Kirkuk', 35.47, 44.39, 'IQ', 'Iraq', 'Kirkuk'],
  ['Najaf', 32.0, 44.34, 'IQ', 'Iraq', 'Najaf'],
  ['Karbala', 32.62, 44.02, 'IQ', 'Iraq', 'Karbala'],
  ['Ramadi', 33.42, 43.3, 'IQ', 'Iraq', 'Anbar'],
  ['Baqubah', 33.75, 44.64, 'IQ', 'Iraq', 'Diyala'],
  ['Amarah', 31.84, 47.14, 'IQ', 'Iraq', 'Maysan'],
  ['Kut', 32.51, 45.82, 'IQ', 'Iraq', 'Wasit'],
  ['Diwaniyah', 31.99, 44.93, 'IQ', 'Iraq', 'Qadisiyah'],
  ['Tikrit', 34.6, 43.68, 'IQ', 'Iraq', 'Salah ad-Din'],
  ['Kabul', 34.53, 69.17, 'AF', 'Afghanistan', 'Kabul'],
  ['Kandahar', 31.61, 65.71, 'AF', 'Afghanistan', 'Kandahar'],
  ['Herat', 34.35, 62.2, 'AF', 'Afghanistan', 'Herat'],
  ['Lashkar Gah', 31.59, 64.37, 'AF', 'Afghanistan', 'Helmand'],
  ['Farah', 32.37, 62.11, 'AF', 'Afghanistan', 'Farah'],
  ['Chaghcharan', 34.52, 65.25, 'AF', 'Afghanistan', 'Ghor'],
  ['Kunduz', 36.73, 68.86, 'AF', 'Afghanistan', 'Kunduz'],
  ['Jalalabad', 34.43, 70.45, 'AF', 'Afghanistan', 'Nangarhar'],
  ['Ghazni', 33.55, 68.42, 'AF', 'Afghanistan', 'Ghazni'],
  ['Tehran', 35.69, 51.42, 'IR', 'Iran', 'Tehran'],
  ['Mashhad', 36.3, 59.6, 'IR', 'Iran', 'Razavi Khorasan'],
  ['Zahedan', 29.5, 60.86, 'IR', 'Iran', 'Sistan and Baluchestan'],
  ['Ahvaz', 31.32, 48.67, 'IR', 'Iran', 'Khuzestan'],
  ['Kermanshah', 34.31, 47.07, 'IR', 'Iran', 'Kermanshah'],
  ['Damascus', 33.51, 36.29, 'SY', 'Syria', 'Damascus'],
  ['Aleppo', 36.2, 37.16, 'SY', 'Syria', 'Aleppo'],
  ['Deir ez-Zor', 35.34, 40.14, 'SY', 'Syria', 'Deir ez-Zor'],
  ['Beirut', 33.89, 35.5, 'LB', 'Lebanon', 'Beirut'],
  ['Tyre', 33.27, 35.2, 'LB', 'Lebanon', 'South Governorate'],
  ['Quetta', 30.18, 67.0, 'PK', 'Pakistan', 'Balochistan'],
  ['Peshawar', 34.01, 71.58, 'PK', 'Pakistan', 'Khyber Pakhtunkhwa'],
  ['Sanaa', 15.35, 44.21, 'YE', 'Yemen', 'Amanat al Asimah']
].map(([name, lat, lon, country, countryName, admin1]) => ({
  name: name as string,
  lat: lat as number,
  lon: lon as number,
  country: country as string,
  countryName: countryName as string,
  admin1: admin1 as string
}));

const TYPES: Array<{ type: EventType; sub: string; colour: string; verb: string; actors: string[] }> = [
  { type: 'Battles', sub: 'Armed clash', colour: '#d7301f', verb: 'Security forces clashed with militants near', actors: ['Iraqi Security Forces', 'Special Groups'] },
  { type: 'Explosions/Remote violence', sub: 'Remote explosive/landmine/IED', colour: '#fd8d3c', verb: 'A roadside bomb exploded in', actors: ['Unidentified armed group'] },
  { type: 'Violence against civilians', sub: 'Attack', colour: '#7a0177', verb: 'Gunmen attacked civilians in', actors: ['Taliban', 'Civilians'] },
  { type: 'Strategic developments', sub: 'Arrests', colour: '#2c7fb8', verb: 'Police detained suspected cell members in', actors: ['Police Forces', 'Mahdi Army'] }
];

/** Mulberry32: small, fast, reproducible. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

export function syntheticArticles(): ReadArticle[] {
  return SYNTHETIC_PLACES.map((p, i) => {
    const title = `Synthetic situation report: ${p.name}`;
    const sentences = TYPES.map((t) => `${t.verb} ${p.name}, ${p.admin1} province, according to local officials.`);
    const text = `${title}\n\n${sentences.join(' ')}\n`;
    const toponyms = [] as ReadArticle['toponyms'];
    let from = 0;
    for (;;) {
      const at = text.indexOf(p.name, from);
      if (at < 0) break;
      toponyms.push({
        start: at,
        end: at + p.name.length,
        text: p.name,
        confidence: 1,
        alternatives: [],
        place: {
          id: `synthetic:${i}`,
          name: p.name,
          lat: p.lat,
          lon: p.lon,
          kind: 'city',
          featureCode: 'PPLA',
          country: p.country,
          admin1: p.admin1,
          admin1Code: null,
          admin2: null,
          population: 0
        }
      });
      from = at + p.name.length;
    }
    return {
      id: `synthetic-${pad(i)}`,
      title,
      date: '2008-06-01',
      dateSource: 'metadata',
      text,
      body: [{ start: 0, end: text.length }],
      excluded: [],
      toponyms
    } satisfies ReadArticle;
  });
}

/** `incidents` points over the region's places (jittered), dated over 2007–2009, plus a few routes. */
export function syntheticFeatures(incidents: number, seed = 1): AtlasFeature[] {
  const rand = prng(seed);
  const articles = syntheticArticles();
  const features: AtlasFeature[] = [];
  const start = Date.UTC(2007, 0, 1);
  const days = 3 * 365;
  for (let i = 0; i < incidents; i++) {
    const pi = Math.floor(rand() * SYNTHETIC_PLACES.length);
    const p = SYNTHETIC_PLACES[pi];
    const ti = Math.floor(rand() * TYPES.length);
    const t = TYPES[ti];
    const a = articles[pi];
    const sentence = `${t.verb} ${p.name}, ${p.admin1} province, according to local officials.`;
    const sStart = a.text.indexOf(sentence);
    const nameStart = sStart + t.verb.length + 1;
    const geo = rand() < 0.08 ? 3 : rand() < 0.3 ? 2 : 1;
    const spread = geo === 1 ? 0.6 : 1.2;
    const lon = geo === 3 ? p.lon : p.lon + (rand() - 0.5) * spread;
    const lat = geo === 3 ? p.lat : p.lat + (rand() - 0.5) * spread;
    const killed = rand() < 0.35 ? 0 : Math.floor(rand() ** 3 * 40);
    const wounded = rand() < 0.5 ? null : Math.floor(rand() ** 3 * 30);
    const date = new Date(start + Math.floor(rand() * days) * 86_400_000).toISOString().slice(0, 10);
    const casualties = killed + (wounded ?? 0);
    const actor = t.actors[Math.floor(rand() * t.actors.length)];
    const inc: IncidentFeature = {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [Math.round(lon * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5] },
      properties: {
        kind: 'incident',
        id: `syn-${i}`,
        event_type: t.type,
        sub_event_type: t.sub,
        title: `${t.sub} in ${p.name}`,
        actors: [actor],
        actor1: actor,
        actor2: null,
        killed,
        wounded,
        captured: t.type === 'Strategic developments' ? Math.floor(rand() * 10) : null,
        date,
        time_precision: rand() < 0.8 ? 1 : 2,
        date_text: null,
        geo_precision: geo as 1 | 2 | 3,
        place_name: geo === 3 ? p.admin1 : p.name,
        gazetteer_id: `synthetic:${pi}`,
        admin_path: geo === 3 ? [p.countryName, p.admin1] : [p.countryName, p.admin1, p.name],
        country: p.countryName,
        country_code: p.country,
        admin1: p.admin1,
        confidence: Math.round((0.5 + rand() * 0.5) * 100) / 100,
        sources: [{ article: a.id, title: a.title, date: a.date, sentence, start: nameStart, end: nameStart + p.name.length, sentence_start: sStart, sentence_end: sStart + sentence.length }],
        'marker-color': t.colour,
        'marker-size': casualties >= 20 ? 'large' : casualties >= 5 ? 'medium' : 'small'
      }
    };
    features.push(inc);
  }
  const routes = Math.max(2, Math.min(200, Math.floor(incidents / 1000)));
  for (let i = 0; i < routes; i++) {
    const oi = Math.floor(rand() * SYNTHETIC_PLACES.length);
    let di = Math.floor(rand() * SYNTHETIC_PLACES.length);
    if (di === oi) di = (di + 1) % SYNTHETIC_PLACES.length;
    const o = SYNTHETIC_PLACES[oi];
    const d = SYNTHETIC_PLACES[di];
    const a = articles[oi];
    const sentence = a.text.slice(a.text.indexOf(TYPES[0].verb), a.text.indexOf('.', a.text.indexOf(TYPES[0].verb)) + 1);
    const sentenceStart = a.text.indexOf(sentence);
    const nameStart = a.text.indexOf(o.name, sentenceStart);
    const nSources = 1 + Math.floor(rand() * 4);
    const route: RouteFeature = {
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: [[o.lon, o.lat], [(o.lon + d.lon) / 2, (o.lat + d.lat) / 2 + 0.5], [d.lon, d.lat]] },
      properties: {
        kind: 'route',
        id: `syn-route-${i}`,
        cargo: ['weapons', 'fighters', 'money', 'EFPs'][i % 4],
        title: `${['weapons', 'fighters', 'money', 'EFPs'][i % 4]} from ${o.name} to ${d.name}`,
        origin_name: o.name,
        origin_id: `synthetic:${oi}`,
        origin_country: o.countryName,
        destination_name: d.name,
        destination_id: `synthetic:${di}`,
        destination_country: d.countryName,
        via_name: null,
        via_id: null,
        actors: ['Qods Force'],
        date: new Date(start + Math.floor(rand() * days) * 86_400_000).toISOString().slice(0, 10),
        time_precision: 3,
        confidence: 0.6,
        sources: Array.from({ length: nSources }, () => ({
          article: a.id,
          title: a.title,
          date: a.date,
          sentence,
          start: nameStart,
          end: nameStart + o.name.length,
          sentence_start: sentenceStart,
          sentence_end: sentenceStart + sentence.length
        })),
        stroke: '#444444',
        'stroke-width': 1 + nSources,
        'stroke-opacity': 0.8
      }
    };
    features.push(route);
  }
  return features;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * `n` short synthetic articles (raw text, as an import reads them) over the region's places, dated over
 * 2007–2009: each reports one or two incidents, and some report the same event as another (same place, day and
 * count), so merging has work to do. Deterministic for a seed.
 */
export function syntheticArticleInputs(n: number, seed = 7): Array<{ id: string; content: string; format: 'text' }> {
  const rand = prng(seed);
  const start = Date.UTC(2007, 0, 1);
  const reports: Array<{ place: SyntheticPlace; day: Date; killed: number; t: (typeof TYPES)[number] }> = [];
  const report = () => {
    // One in five tells again an event told before.
    if (reports.length && rand() < 0.2) return reports[Math.floor(rand() * reports.length)];
    const r = {
      place: SYNTHETIC_PLACES[Math.floor(rand() * SYNTHETIC_PLACES.length)],
      day: new Date(start + Math.floor(rand() * 3 * 365) * 86_400_000),
      killed: 1 + Math.floor(rand() ** 2 * 30),
      t: TYPES[Math.floor(rand() * 3)]
    };
    reports.push(r);
    return r;
  };
  const sentence = (r: ReturnType<typeof report>) =>
    `${r.t.verb} ${r.place.name}, ${r.place.admin1} province, on ${MONTHS[r.day.getUTCMonth()]} ${r.day.getUTCDate()}, ${r.day.getUTCFullYear()}, killing ${r.killed} people, officials said.`;
  return Array.from({ length: n }, (_, i) => {
    const first = report();
    const second = rand() < 0.4 ? report() : null;
    const title = `Violence in ${first.place.name}`;
    const body = [sentence(first), 'Residents described heavy gunfire and smoke over the area.', ...(second ? [sentence(second)] : [])].join(' ');
    return { id: `syn-${String(i).padStart(5, '0')}`, content: `${title}\n\n${body}\n`, format: 'text' as const };
  });
}
