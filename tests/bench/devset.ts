/**
 * Development set benchmark: real conflict articles with incidents read by hand (tests/devset/gold.jsonl).
 * Runs the events pipeline (`extract`, the article's publication date passed as `date`) on every article whose
 * text is present, matches predicted incidents to gold ones — same article, within 50 km, same date (or one of
 * the gold `alt_dates`); one-to-one, greedy by distance — and reports incident precision, recall and F1 overall
 * and per country, plus event-type accuracy and fatalities-exact on the matched pairs.
 *
 * The texts are not in the repository: they are read from $ATLAS_DEVSET_DIR, else ../shared/devset beside the
 * checkout. Without them this says so and exits 0.
 *
 *   npx tsx tests/bench/devset.ts            # table and per-country figures
 *   npx tsx tests/bench/devset.ts --details  # also every gold and predicted incident, matched or not
 */
import distance from '@turf/distance';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract } from '../../src/lib/events';
import type { IncidentFeature } from '../../src/lib/geojson/types';

const root = resolvePath(dirname(fileURLToPath(import.meta.url)), '../..');
export const GOLD_FILE = join(root, 'tests/devset/gold.jsonl');
/** Largest distance (km) at which a predicted incident can match a gold one. */
export const MATCH_KM = 50;

export interface GoldIncident {
  place: string;
  admin: string;
  lat: number;
  lon: number;
  date: string;
  alt_dates?: string[];
  killed: number | null;
  wounded: number | null;
  arrested: number | null;
  abducted: number | null;
  event_type: string;
  sub_event_type: string;
  geo_precision: 1 | 2 | 3;
  note?: string;
}

export interface GoldArticle {
  id: string;
  url: string;
  title: string | null;
  published: string;
  country: string;
  style?: string;
  incidents: GoldIncident[];
}

/** What the scorer needs from a predicted incident. */
export interface PredictedIncident {
  lat: number;
  lon: number;
  date: string | null;
  event_type: string;
  sub_event_type: string;
  killed: number | null;
  place: string;
}

export interface Match {
  gold: number;
  pred: number;
  km: number;
}

export function readGold(file = GOLD_FILE): GoldArticle[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldArticle);
}

/** Where the article texts are: $ATLAS_DEVSET_DIR, else ../shared/devset beside the checkout; null when absent. */
export function devsetDir(): string | null {
  const dir = process.env.ATLAS_DEVSET_DIR ?? resolvePath(root, '../shared/devset');
  return existsSync(dir) ? dir : null;
}

const km = (a: { lat: number; lon: number }, b: { lat: number; lon: number }) =>
  distance([a.lon, a.lat], [b.lon, b.lat], { units: 'kilometers' });

/**
 * One-to-one matching of one article's predictions to its gold incidents: every pair within `maxKm` whose
 * predicted date is the gold date or one of its alternatives is a candidate; candidates are taken by increasing
 * distance, each gold and each prediction used at most once.
 */
export function matchIncidents(gold: GoldIncident[], pred: PredictedIncident[], maxKm = MATCH_KM): Match[] {
  const pairs: Match[] = [];
  gold.forEach((g, gi) => {
    const dates = new Set([g.date, ...(g.alt_dates ?? [])]);
    pred.forEach((p, pi) => {
      if (!p.date || !dates.has(p.date)) return;
      const d = km(g, p);
      if (d <= maxKm) pairs.push({ gold: gi, pred: pi, km: d });
    });
  });
  pairs.sort((a, b) => a.km - b.km || a.gold - b.gold || a.pred - b.pred);
  const usedGold = new Set<number>();
  const usedPred = new Set<number>();
  const out: Match[] = [];
  for (const m of pairs) {
    if (usedGold.has(m.gold) || usedPred.has(m.pred)) continue;
    usedGold.add(m.gold);
    usedPred.add(m.pred);
    out.push(m);
  }
  return out;
}

function predictedIncidents(features: ReturnType<typeof extract>['features']): PredictedIncident[] {
  return features
    .filter((f): f is IncidentFeature => f.properties.kind === 'incident')
    .map((f) => ({
      lon: f.geometry.coordinates[0],
      lat: f.geometry.coordinates[1],
      date: f.properties.date,
      event_type: f.properties.event_type,
      sub_event_type: f.properties.sub_event_type,
      killed: f.properties.killed,
      place: f.properties.place_name
    }));
}

/** Running totals for one group of articles (all, or one country). */
export interface Tally {
  articles: number;
  gold: number;
  predicted: number;
  matched: number;
  /** Gold incidents with some prediction within 50 km, whatever its date (a diagnostic: place right, date wrong). */
  placed: number;
  typeRight: number;
  subTypeRight: number;
  /** Matched pairs whose gold has a fatality count, and those where the prediction gives the same number (none = 0). */
  fatalitiesScored: number;
  fatalitiesRight: number;
}

const emptyTally = (): Tally => ({ articles: 0, gold: 0, predicted: 0, matched: 0, placed: 0, typeRight: 0, subTypeRight: 0, fatalitiesScored: 0, fatalitiesRight: 0 });

function add(t: Tally, u: Tally): void {
  for (const k of Object.keys(t) as (keyof Tally)[]) t[k] += u[k];
}

/** Scores one article's predictions against its gold incidents. */
export function scoreArticle(gold: GoldIncident[], pred: PredictedIncident[]): { tally: Tally; matches: Match[] } {
  const matches = matchIncidents(gold, pred);
  const t = emptyTally();
  t.articles = 1;
  t.gold = gold.length;
  t.predicted = pred.length;
  t.matched = matches.length;
  t.placed = gold.filter((g) => pred.some((p) => km(g, p) <= MATCH_KM)).length;
  for (const m of matches) {
    const g = gold[m.gold];
    const p = pred[m.pred];
    if (g.event_type === p.event_type) t.typeRight++;
    if (g.event_type === p.event_type && g.sub_event_type === p.sub_event_type) t.subTypeRight++;
    if (g.killed !== null) {
      t.fatalitiesScored++;
      if ((p.killed ?? 0) === g.killed) t.fatalitiesRight++;
    }
  }
  return { tally: t, matches };
}

export interface Figures {
  precision: number;
  recall: number;
  f1: number;
  typeAccuracy: number;
  subTypeAccuracy: number;
  fatalitiesExact: number;
  placedRecall: number;
}

export function figures(t: Tally): Figures {
  const precision = t.predicted ? t.matched / t.predicted : NaN;
  const recall = t.gold ? t.matched / t.gold : NaN;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : t.gold || t.predicted ? 0 : NaN;
  return {
    precision,
    recall,
    f1,
    typeAccuracy: t.matched ? t.typeRight / t.matched : NaN,
    subTypeAccuracy: t.matched ? t.subTypeRight / t.matched : NaN,
    fatalitiesExact: t.fatalitiesScored ? t.fatalitiesRight / t.fatalitiesScored : NaN,
    placedRecall: t.gold ? t.placed / t.gold : NaN
  };
}

export interface ArticleResult {
  article: GoldArticle;
  predicted: PredictedIncident[];
  matches: Match[];
  tally: Tally;
}

export interface DevsetResult {
  dir: string;
  /** Articles in gold.jsonl whose text was not found. */
  missing: string[];
  articles: ArticleResult[];
  overall: Tally;
  byCountry: Map<string, Tally>;
  /** Wall time of the extraction over all present texts. */
  ms: number;
}

/** Runs the pipeline on every present text (one `extract` call per article, so nothing merges across articles). */
export function evaluateDevset(dir = devsetDir(), gold = readGold()): DevsetResult | null {
  if (!dir) return null;
  const missing: string[] = [];
  const articles: ArticleResult[] = [];
  const overall = emptyTally();
  const byCountry = new Map<string, Tally>();
  let ms = 0;
  for (const a of gold) {
    const file = join(dir, `${a.id}.txt`);
    if (!existsSync(file)) {
      missing.push(a.id);
      continue;
    }
    const content = readFileSync(file, 'utf8');
    const t0 = performance.now();
    const res = extract([{ id: a.id, content, format: 'text', date: a.published }]);
    ms += performance.now() - t0;
    const predicted = predictedIncidents(res.features);
    const { tally, matches } = scoreArticle(a.incidents, predicted);
    articles.push({ article: a, predicted, matches, tally });
    add(overall, tally);
    if (!byCountry.has(a.country)) byCountry.set(a.country, emptyTally());
    add(byCountry.get(a.country)!, tally);
  }
  return { dir, missing, articles, overall, byCountry, ms };
}

const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');

function row(label: string, t: Tally): string {
  const f = figures(t);
  return `| ${label} | ${t.articles} | ${t.gold} | ${t.predicted} | ${t.matched} | ${f3(f.precision)} | ${f3(f.recall)} | ${f3(f.f1)} | ${f3(f.placedRecall)} | ${f3(f.typeAccuracy)} | ${f3(f.fatalitiesExact)} |`;
}

const HEAD = [
  '| | articles | gold incidents | predicted | matched | precision | recall | F1 | placed (50 km, any date) | type accuracy (matched) | fatalities exact (matched) |',
  '|---|---|---|---|---|---|---|---|---|---|---|'
];

/** The overall figures as a markdown table (for `npm run bench` and docs/devset.md); null when the texts are absent. */
export function devsetMarkdown(result: DevsetResult | null = evaluateDevset()): string | null {
  if (!result) return null;
  return [...HEAD, row('all', result.overall)].join('\n');
}

/** The per-country figures as a markdown table, countries by number of gold incidents. */
export function devsetCountryMarkdown(result: DevsetResult): string {
  const rows = [...result.byCountry.entries()].sort((a, b) => b[1].gold - a[1].gold || a[0].localeCompare(b[0]));
  return [...HEAD, ...rows.map(([c, t]) => row(c, t))].join('\n');
}

/** Gold event type × predicted event type on the matched pairs. */
export function devsetConfusion(result: DevsetResult): string {
  const counts = new Map<string, Map<string, number>>();
  const predTypes = new Set<string>();
  for (const a of result.articles)
    for (const m of a.matches) {
      const g = a.article.incidents[m.gold].event_type;
      const p = a.predicted[m.pred].event_type;
      predTypes.add(p);
      if (!counts.has(g)) counts.set(g, new Map());
      counts.get(g)!.set(p, (counts.get(g)!.get(p) ?? 0) + 1);
    }
  const cols = [...predTypes].sort();
  return [
    `| gold \\ predicted | ${cols.join(' | ')} |`,
    `|---|${cols.map(() => '---').join('|')}|`,
    ...[...counts.keys()].sort().map((g) => `| ${g} | ${cols.map((c) => counts.get(g)!.get(c) ?? 0).join(' | ')} |`)
  ].join('\n');
}

function details(result: DevsetResult): string {
  const lines: string[] = [];
  for (const a of result.articles) {
    lines.push(`\n${a.article.id} (${a.article.country}, ${a.article.published}): gold ${a.tally.gold}, predicted ${a.tally.predicted}, matched ${a.tally.matched}`);
    const goldMatched = new Map(a.matches.map((m) => [m.gold, m]));
    const predMatched = new Set(a.matches.map((m) => m.pred));
    a.article.incidents.forEach((g, i) => {
      const m = goldMatched.get(i);
      const p = m ? a.predicted[m.pred] : null;
      lines.push(
        `  gold ${m ? 'HIT ' : 'MISS'} ${g.date} ${g.place} · ${g.event_type} · killed ${g.killed ?? '?'}` +
          (p ? `  ← ${p.place} ${m!.km.toFixed(0)} km · ${p.event_type} · killed ${p.killed ?? 0}` : '')
      );
    });
    a.predicted.forEach((p, i) => {
      if (!predMatched.has(i)) lines.push(`  pred FALSE ${p.date ?? 'no date'} ${p.place} (${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}) · ${p.event_type} · killed ${p.killed ?? 0}`);
    });
  }
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolvePath(process.argv[1])) {
  const dir = devsetDir();
  if (!dir) {
    const tried = process.env.ATLAS_DEVSET_DIR ?? resolvePath(root, '../shared/devset');
    console.log(`development set texts not found at ${tried} (set ATLAS_DEVSET_DIR): devset not measured`);
    process.exit(0);
  }
  const result = evaluateDevset(dir)!;
  const gold = readGold();
  console.log(`== development set: ${result.articles.length} of ${gold.length} articles present in ${dir}`);
  if (result.missing.length) console.log(`missing texts: ${result.missing.join(', ')}`);
  console.log(devsetMarkdown(result));
  console.log('\n== per country');
  console.log(devsetCountryMarkdown(result));
  console.log('\n== event types on matched pairs (gold rows, predicted columns)');
  console.log(devsetConfusion(result));
  const f = figures(result.overall);
  console.log(`\nsub-event type accuracy (matched): ${f3(f.subTypeAccuracy)}; extraction ${result.ms.toFixed(0)} ms for ${result.articles.length} articles`);
  if (process.argv.includes('--details')) console.log(details(result));
}
