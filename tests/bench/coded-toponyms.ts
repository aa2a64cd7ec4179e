/**
 * Geoparser on coded conflict events: for each coder's note in coded-events.jsonl (ACLED, not part of this
 * repository), does any toponym the geoparser reports lie within the tolerance of the coded point — 25 km for
 * geo precision 1, 50 km for 2, 150 km for 3? A toponym's point is its place, or when it is unresolved the
 * container the text names for it. Reported overall, per precision, per source file and per country, beside
 * the share of notes with a toponym placed in another country than the coded one at confidence ≥ 0.8
 * (countries and multi-country regions themselves excepted: a note may name a neighbour outright).
 *
 * Source files are the folds: decide on one (`bwgis`, Ukraine 2022), report on the others (`katehara`, Asia 2015;
 * `bridgetrkane`, Nigeria 2014–16), or the other way round.
 *
 *   npx tsx tests/bench/coded-toponyms.ts [--source bwgis] [--json] [--misses N] [--wrong N]
 * Reads ATLAS_EVAL_DIR/coded-events.jsonl or ../shared/eval/coded-events.jsonl beside the checkout; exits 0 when absent.
 */
import distance from '@turf/distance';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGazetteer, type Gazetteer } from '../../src/lib/gazetteer';
import { geoparse, type Toponym } from '../../src/lib/geoparse';
import type { ResolveWeights } from '../../src/lib/geoparse/resolve';

const root = resolvePath(dirname(fileURLToPath(import.meta.url)), '../..');
const evalDir = process.env.ATLAS_EVAL_DIR ?? resolvePath(root, '../shared/eval');
export const codedEventsPath = join(evalDir, 'coded-events.jsonl');

interface CodedRecord { id: string; text: string; country: string; lat: number; lon: number; geo_precision: 1 | 2 | 3 }
export interface NoteResult {
  id: string;
  source: string;
  country: string;
  precision: 1 | 2 | 3;
  located: boolean;
  /** Some toponym sits in another country than the coded one at confidence ≥ 0.8. */
  wrongCountry: boolean;
  /** Distance from the coded point to the nearest toponym point, km (Infinity when none). */
  nearestKm: number;
  toponyms: Toponym[];
}
interface Tally { n: number; located: number; wrong: number }
export interface CodedSummary {
  notes: number;
  overall: Tally;
  byPrecision: Record<string, Tally>;
  bySource: Record<string, Tally>;
  byCountry: Record<string, Tally>;
  results: NoteResult[];
}

export const TOLERANCE_KM: Record<1 | 2 | 3, number> = { 1: 25, 2: 50, 3: 150 };
const km = (a: { lat: number; lon: number }, b: { lat: number; lon: number }) => distance([a.lon, a.lat], [b.lon, b.lat]);

/** The point a toponym carries: its place, else the container the text names for it. */
export function toponymPoint(t: Toponym): { lat: number; lon: number; country: string; kind: string } | null {
  const p = t.place ?? t.container?.place ?? null;
  return p ? { lat: p.lat, lon: p.lon, country: p.country, kind: p.kind } : null;
}

function countryCode(gazetteer: Gazetteer, name: string, cache: Map<string, string>): string {
  let cc = cache.get(name);
  if (cc === undefined) {
    cc = gazetteer.lookup(name).find((c) => c.place.kind === 'country')?.place.country ?? '';
    cache.set(name, cc);
  }
  return cc;
}

export function readCodedEvents(path = codedEventsPath): CodedRecord[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
}

export function evaluateCoded(opts: { source?: string; weights?: ResolveWeights; records?: CodedRecord[] } = {}): CodedSummary {
  const gazetteer = loadGazetteer();
  const ccCache = new Map<string, string>();
  const records = (opts.records ?? readCodedEvents()).filter((r) => !opts.source || r.id.split(':')[1] === opts.source);
  const results: NoteResult[] = records.map((r) => {
    const toponyms = geoparse(r.text, { gazetteer, weights: opts.weights });
    const cc = countryCode(gazetteer, r.country, ccCache);
    let nearest = Infinity;
    let wrong = false;
    for (const t of toponyms) {
      const p = toponymPoint(t);
      if (!p) continue;
      nearest = Math.min(nearest, km(p, r));
      if (t.place && t.confidence >= 0.8 && cc && p.kind !== 'country' && p.kind !== 'region' && p.country && p.country !== cc) wrong = true;
    }
    return {
      id: r.id,
      source: r.id.split(':')[1],
      country: r.country,
      precision: r.geo_precision,
      located: nearest <= TOLERANCE_KM[r.geo_precision],
      wrongCountry: wrong,
      nearestKm: nearest,
      toponyms
    };
  });
  const tally = (key: (r: NoteResult) => string) => {
    const out: Record<string, Tally> = {};
    for (const r of results) {
      const t = (out[key(r)] ??= { n: 0, located: 0, wrong: 0 });
      t.n++;
      if (r.located) t.located++;
      if (r.wrongCountry) t.wrong++;
    }
    return out;
  };
  return {
    notes: results.length,
    overall: tally(() => 'all').all ?? { n: 0, located: 0, wrong: 0 },
    byPrecision: tally((r) => `precision ${r.precision} (${TOLERANCE_KM[r.precision]} km)`),
    bySource: tally((r) => r.source),
    byCountry: tally((r) => r.country),
    results
  };
}

const SOURCE_LABEL: Record<string, string> = { bwgis: 'bwgis (Ukraine 2022)', katehara: 'katehara (Asia 2015)', bridgetrkane: 'bridgetrkane (Nigeria 2014–16)' };

/** The figures as a markdown table (rows: overall, per precision, per source file, per country by size). */
export function codedToponymsTable(s: CodedSummary): string[] {
  const f = (x: number) => x.toFixed(3);
  const row = (label: string, t: Tally) => `| ${label} | ${t.n} | ${f(t.located / Math.max(1, t.n))} | ${f(t.wrong / Math.max(1, t.n))} |`;
  const byN = (o: Record<string, Tally>) => Object.entries(o).sort((a, b) => b[1].n - a[1].n);
  return [
    '| notes | n | some toponym within 25/50/150 km | wrong country at confidence ≥ 0.8 |',
    '|---|---|---|---|',
    row('all', s.overall),
    ...Object.entries(s.byPrecision).sort().map(([k, t]) => row(k, t)),
    ...byN(s.bySource).map(([k, t]) => row(`source ${SOURCE_LABEL[k] ?? k}`, t)),
    ...byN(s.byCountry).map(([k, t]) => row(k, t))
  ];
}

/** For `npm run bench`: the table, or null when the coded notes are not beside the checkout. */
export function codedToponymsMarkdown(): string[] | null {
  if (!existsSync(codedEventsPath)) return null;
  return codedToponymsTable(evaluateCoded());
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolvePath(process.argv[1])) {
  const args = process.argv.slice(2);
  const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  if (!existsSync(codedEventsPath)) {
    console.log(`coded events not found at ${codedEventsPath} (set ATLAS_EVAL_DIR): nothing measured`);
    process.exit(0);
  }
  const s = evaluateCoded({ source: opt('--source') });
  if (args.includes('--json')) {
    console.log(JSON.stringify({ ...s, results: undefined }, null, 2));
  } else {
    console.log(codedToponymsTable(s).join('\n'));
  }
  // Local inspection only (prints evaluation text to the terminal; never paste it into the repository).
  const show = (r: NoteResult) => {
    console.log(`\n${r.id} ${r.country} p${r.precision} nearest ${Math.round(r.nearestKm)} km`);
    for (const t of r.toponyms) {
      const p = t.place ?? t.container?.place;
      console.log(`  ${t.text} → ${p ? `${p.name} (${p.kind}, ${p.country}) ${t.place ? '' : '[container]'}` : `null ${t.unresolved ?? ''}`} ${t.confidence}`);
    }
  };
  const misses = Number(opt('--misses') ?? 0);
  if (misses) s.results.filter((r) => !r.located).slice(0, misses).forEach(show);
  const wrong = Number(opt('--wrong') ?? 0);
  if (wrong) s.results.filter((r) => r.wrongCountry).slice(0, wrong).forEach(show);
}
