/**
 * Geoparser accuracy on the public annotated corpora (LGL, GeoVirus), measured the way the literature does:
 * recognition exact-span P/R/F1; resolution Accuracy@161km, mean/median km and AUC — with gold spans given and
 * end to end — beside a "most populous candidate" baseline on the same gazetteer, plus candidate recall
 * (the ceiling: share of gold toponyms whose true place is among the gazetteer's candidates, within 161 km).
 *
 * The corpora are not part of this repository. They are read from ATLAS_EVAL_DIR or ../shared/eval beside the
 * checkout when present; scores come from ../shared/tools/score-geoparse.mjs when present, else from the same
 * formulas implemented here.
 *
 *   npx tsx tests/bench/geoparse-eval.ts [--json] [--corpus lgl] [--folds]
 */
import distance from '@turf/distance';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGazetteer } from '../../src/lib/gazetteer';
import { geoparse } from '../../src/lib/geoparse';
import { AP_STATE_ABBREVIATIONS, DEMONYMS } from '../../src/lib/geoparse/lexicon';
import type { Place } from '../../src/lib/gazetteer/types';

const root = resolvePath(dirname(fileURLToPath(import.meta.url)), '../..');
const evalDir = process.env.ATLAS_EVAL_DIR ?? resolvePath(root, '../shared/eval');
const scorer = process.env.ATLAS_SCORER ?? resolvePath(root, '../shared/tools/score-geoparse.mjs');

interface GoldToponym { start: number; end: number; name: string; lat?: number | null; lon?: number | null }
interface GoldDoc { id: string; text: string; toponyms: GoldToponym[] }
interface PredDoc { id: string; toponyms: Array<{ start: number; end: number; name: string; lat: number | null; lon: number | null }> }

const MAX_KM = 20039;
const km = (a: { lat: number; lon: number }, b: { lat: number; lon: number }) => distance([a.lon, a.lat], [b.lon, b.lat]);
const hasCoords = (t: { lat?: number | null; lon?: number | null }) => Number.isFinite(t.lat) && Number.isFinite(t.lon);

export interface Scores {
  recognition: { precision: number; recall: number; f1: number; tp: number; fp: number; fn: number };
  resolution: { scored: number; acc161: number; meanKm: number; medianKm: number; auc: number };
}

/** Same formulas as the shared scorer, used when it is absent. */
function scoreInline(gold: GoldDoc[], pred: PredDoc[]): Scores {
  const byId = new Map(pred.map((d) => [String(d.id), d]));
  let tp = 0, fp = 0, fn = 0;
  const errors: number[] = [];
  for (const g of gold) {
    const spans = new Map((byId.get(String(g.id))?.toponyms ?? []).map((t) => [`${t.start}:${t.end}`, t]));
    const goldKeys = new Set(g.toponyms.map((t) => `${t.start}:${t.end}`));
    for (const t of g.toponyms) {
      const hit = spans.get(`${t.start}:${t.end}`);
      if (hit) tp++; else fn++;
      if (hasCoords(t)) errors.push(hit && hasCoords(hit) ? km(t as { lat: number; lon: number }, hit as { lat: number; lon: number }) : MAX_KM);
    }
    for (const k of spans.keys()) if (!goldKeys.has(k)) fp++;
  }
  const precision = tp / Math.max(1, tp + fp), recall = tp / Math.max(1, tp + fn);
  errors.sort((a, b) => a - b);
  const n = errors.length;
  return {
    recognition: { tp, fp, fn, precision, recall, f1: (2 * precision * recall) / Math.max(1e-9, precision + recall) },
    resolution: {
      scored: n,
      acc161: errors.filter((e) => e <= 161).length / Math.max(1, n),
      meanKm: errors.reduce((s, e) => s + e, 0) / Math.max(1, n),
      medianKm: n ? (n % 2 ? errors[(n - 1) / 2] : (errors[n / 2 - 1] + errors[n / 2]) / 2) : NaN,
      auc: errors.reduce((s, e) => s + Math.log(1 + e) / Math.log(1 + MAX_KM), 0) / Math.max(1, n)
    }
  };
}

function scoreShared(goldPath: string, gold: GoldDoc[], pred: PredDoc[]): Scores {
  if (!existsSync(scorer)) return scoreInline(gold, pred);
  const dir = mkdtempSync(join(tmpdir(), 'atlas-eval-'));
  const predPath = join(dir, 'pred.jsonl');
  writeFileSync(predPath, pred.map((d) => JSON.stringify(d)).join('\n') + '\n');
  const out = JSON.parse(execFileSync(process.execPath, [scorer, goldPath, predPath, '--json'], { encoding: 'utf8' }));
  return { recognition: out.recognition, resolution: out.resolution };
}

const gazetteer = loadGazetteer();

function candidatesFor(surface: string): Place[] {
  let c = gazetteer.lookup(surface).map((x) => x.place);
  const state = AP_STATE_ABBREVIATIONS.get(surface);
  if (!c.length && state) c = [gazetteer.admin1('US', state)].filter((p): p is Place => !!p);
  if (!c.length) {
    const cc = DEMONYMS.get(surface.toLowerCase());
    const country = cc ? gazetteer.country(cc) : undefined;
    if (country) c = [country];
  }
  if (!c.length) c = gazetteer.lookup(surface, { fuzzy: true }).map((x) => x.place);
  return c;
}

/**
 * `fold`: only the odd (1st, 3rd, …) or even documents, scored with the inline formulas: a rule decided on one
 * fold is reported on the other.
 */
export function evaluateCorpus(name: string, opts: { demonyms?: boolean; fold?: 'odd' | 'even' } = {}) {
  const goldPath = join(evalDir, `${name}.jsonl`);
  let gold: GoldDoc[] = readFileSync(goldPath, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  if (opts.fold) gold = gold.filter((_, i) => (i % 2 === 0) === (opts.fold === 'odd'));
  const score = (path: string, g: GoldDoc[], pred: PredDoc[]) => (opts.fold ? scoreInline(g, pred) : scoreShared(path, g, pred));
  const toPred = (id: string, tops: ReturnType<typeof geoparse>): PredDoc => ({
    id,
    toponyms: tops.map((t) => ({ start: t.start, end: t.end, name: t.text, lat: t.place?.lat ?? null, lon: t.place?.lon ?? null }))
  });
  const t0 = performance.now();
  const endToEnd = gold.map((d) => toPred(d.id, geoparse(d.text, { gazetteer, demonyms: opts.demonyms })));
  const e2eMs = performance.now() - t0;
  const goldSpans = gold.map((d) => toPred(d.id, geoparse(d.text, { gazetteer, spans: d.toponyms })));
  const baseline: PredDoc[] = gold.map((d) => ({
    id: d.id,
    toponyms: d.toponyms.map((t) => {
      const best = candidatesFor(t.name).reduce<Place | null>((b, p) => (!b || p.population > b.population ? p : b), null);
      return { start: t.start, end: t.end, name: t.name, lat: best?.lat ?? null, lon: best?.lon ?? null };
    })
  }));
  let withCoords = 0, covered = 0;
  for (const d of gold) for (const t of d.toponyms) {
    if (!hasCoords(t)) continue;
    withCoords++;
    if (candidatesFor(t.name).some((p) => km(p, t as { lat: number; lon: number }) <= 161)) covered++;
  }
  return {
    corpus: name,
    docs: gold.length,
    toponyms: gold.reduce((s, d) => s + d.toponyms.length, 0),
    endToEnd: score(goldPath, gold, endToEnd),
    goldSpans: score(goldPath, gold, goldSpans).resolution,
    baseline: score(goldPath, gold, baseline).resolution,
    candidateRecall: covered / Math.max(1, withCoords),
    docsPerSecond: gold.length / (e2eMs / 1000)
  };
}

const fmt = (x: number, d = 3) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');

if (process.argv[1] && fileURLToPath(import.meta.url) === resolvePath(process.argv[1])) {
  const args = process.argv.slice(2);
  const only = args.includes('--corpus') ? [args[args.indexOf('--corpus') + 1]] : ['lgl', 'geovirus'];
  const demonyms = args.includes('--demonyms');
  if (!existsSync(evalDir)) {
    console.log(`evaluation corpora not found at ${evalDir} (set ATLAS_EVAL_DIR); skipping accuracy figures`);
    process.exit(0);
  }
  const folds = args.includes('--folds');
  const results = only.filter((c) => existsSync(join(evalDir, `${c}.jsonl`))).flatMap((c) =>
    folds ? (['odd', 'even'] as const).map((fold) => ({ ...evaluateCorpus(c, { demonyms, fold }), corpus: `${c}:${fold}` })) : [evaluateCorpus(c, { demonyms })]);
  if (args.includes('--json')) console.log(JSON.stringify(results, null, 2));
  else {
    console.log(`scorer: ${existsSync(scorer) ? 'shared score-geoparse.mjs' : 'inline (same formulas)'}${demonyms ? '; demonyms reported as country mentions' : ''}`);
    console.log('corpus    | rec P | rec R | rec F1 | A@161 gold | A@161 e2e | baseline A@161 | mean km gold | median km gold | AUC gold | cand. recall | docs/s');
    for (const r of results) {
      console.log([r.corpus.padEnd(9), fmt(r.endToEnd.recognition.precision), fmt(r.endToEnd.recognition.recall), fmt(r.endToEnd.recognition.f1),
        fmt(r.goldSpans.acc161), fmt(r.endToEnd.resolution.acc161), fmt(r.baseline.acc161), fmt(r.goldSpans.meanKm, 0), fmt(r.goldSpans.medianKm, 0),
        fmt(r.goldSpans.auc), fmt(r.candidateRecall), fmt(r.docsPerSecond, 0)].join(' | '));
    }
  }
}
