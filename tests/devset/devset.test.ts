import { describe, expect, it } from 'vitest';
import { figures, matchIncidents, readGold, scoreArticle, type GoldIncident, type PredictedIncident } from '../bench/devset';

const EVENT_TYPES = new Set(['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Protests', 'Riots', 'Strategic developments']);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

describe('development set annotations', () => {
  const gold = readGold();

  it('has at least 40 articles from at least 15 countries', () => {
    expect(gold.length).toBeGreaterThanOrEqual(40);
    expect(new Set(gold.map((a) => a.country)).size).toBeGreaterThanOrEqual(15);
  });

  it('has unique ids and well-formed fields, and no article text', () => {
    expect(new Set(gold.map((a) => a.id)).size).toBe(gold.length);
    for (const a of gold) {
      expect(a.id).toMatch(/^[a-z]{2}-[a-z0-9-]+$/);
      expect(a.url).toMatch(/^https?:\/\//);
      expect(a.published).toMatch(DAY);
      expect(a.country).toMatch(/^[A-Z]{2}$/);
      expect(Object.keys(a).sort()).toEqual(expect.arrayContaining(['id', 'url', 'title', 'published', 'country', 'incidents']));
      expect(a).not.toHaveProperty('text');
      expect(a).not.toHaveProperty('content');
      for (const i of a.incidents) {
        expect(i.date).toMatch(DAY);
        for (const d of i.alt_dates ?? []) expect(d).toMatch(DAY);
        // An event is not after the article that reports it.
        expect(i.date <= a.published).toBe(true);
        expect(Math.abs(i.lat)).toBeLessThanOrEqual(90);
        expect(Math.abs(i.lon)).toBeLessThanOrEqual(180);
        expect(EVENT_TYPES.has(i.event_type)).toBe(true);
        expect([1, 2, 3]).toContain(i.geo_precision);
        for (const k of ['killed', 'wounded', 'arrested', 'abducted'] as const) expect(i[k] === null || (Number.isInteger(i[k]) && i[k]! >= 0)).toBe(true);
      }
    }
  });
});

const g = (lat: number, lon: number, date: string, extra: Partial<GoldIncident> = {}): GoldIncident => ({
  place: 'x',
  admin: 'x',
  lat,
  lon,
  date,
  killed: 3,
  wounded: 0,
  arrested: 0,
  abducted: 0,
  event_type: 'Battles',
  sub_event_type: 'Armed clash',
  geo_precision: 1,
  ...extra
});
const p = (lat: number, lon: number, date: string | null, extra: Partial<PredictedIncident> = {}): PredictedIncident => ({
  lat,
  lon,
  date,
  event_type: 'Battles',
  sub_event_type: 'Armed clash',
  killed: 3,
  place: 'y',
  ...extra
});

describe('matching predicted incidents to gold', () => {
  it('needs the same date (or an alternative) and at most 50 km', () => {
    // 0.3° of latitude is about 33 km; 0.6° about 67 km.
    expect(matchIncidents([g(10, 10, '2020-01-02')], [p(10.3, 10, '2020-01-02')])).toHaveLength(1);
    expect(matchIncidents([g(10, 10, '2020-01-02')], [p(10.6, 10, '2020-01-02')])).toHaveLength(0);
    expect(matchIncidents([g(10, 10, '2020-01-02')], [p(10, 10, '2020-01-01')])).toHaveLength(0);
    expect(matchIncidents([g(10, 10, '2020-01-02')], [p(10, 10, null)])).toHaveLength(0);
    expect(matchIncidents([g(10, 10, '2020-01-02', { alt_dates: ['2020-01-01'] })], [p(10, 10, '2020-01-01')])).toHaveLength(1);
  });

  it('is one-to-one and greedy by distance', () => {
    const gold = [g(10, 10, '2020-01-02'), g(10.2, 10, '2020-01-02')];
    // One prediction near both: it goes to the nearer gold incident, the other stays unmatched.
    const one = matchIncidents(gold, [p(10.19, 10, '2020-01-02')]);
    expect(one).toEqual([expect.objectContaining({ gold: 1, pred: 0 })]);
    // Two predictions, two gold: each used once.
    const two = matchIncidents(gold, [p(10.01, 10, '2020-01-02'), p(10.19, 10, '2020-01-02')]);
    expect(two.map((m) => [m.gold, m.pred]).sort()).toEqual([
      [0, 0],
      [1, 1]
    ]);
  });

  it('scores precision, recall, type and fatalities on matched pairs', () => {
    const gold = [g(10, 10, '2020-01-02', { killed: 3 }), g(20, 20, '2020-01-02', { killed: null })];
    const pred = [p(10, 10, '2020-01-02', { killed: 4, event_type: 'Riots' }), p(30, 30, '2020-01-02'), p(20, 20, '2020-01-02', { killed: null })];
    const { tally } = scoreArticle(gold, pred);
    const f = figures(tally);
    expect(tally.matched).toBe(2);
    expect(f.precision).toBeCloseTo(2 / 3);
    expect(f.recall).toBe(1);
    expect(f.typeAccuracy).toBe(0.5);
    // Only the first gold has a count, and 4 ≠ 3.
    expect(tally.fatalitiesScored).toBe(1);
    expect(f.fatalitiesExact).toBe(0);
  });
});
