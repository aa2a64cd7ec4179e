/**
 * Coordinate search over the resolver's weights, maximising mean Accuracy@161km (gold spans) over the
 * evaluation corpora, to check that DEFAULT_WEIGHTS sit near a maximum rather than to fit documents:
 * the weights are a dozen general priors and document-evidence scales.
 *
 *   npx tsx tests/bench/tune-resolver.ts [rounds] [--fine]
 *   npx tsx tests/bench/tune-resolver.ts [rounds] --cv
 * Needs the corpora (ATLAS_EVAL_DIR or ../shared/eval); prints the best weights found.
 *
 * `--cv` measures how much the search flatters its own documents: two folds (odd and even documents of each
 * corpus); on each, the search starts from uninformed weights (every scale 1, every kind bonus 1 but cities
 * and neighbourhoods 0), tunes on one fold and is scored on the other, beside DEFAULT_WEIGHTS on that fold.
 */
import distance from '@turf/distance';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGazetteer } from '../../src/lib/gazetteer';
import { geoparse } from '../../src/lib/geoparse';
import { DEFAULT_WEIGHTS, type ResolveWeights } from '../../src/lib/geoparse/resolve';

const root = resolvePath(dirname(fileURLToPath(import.meta.url)), '../..');
const evalDir = process.env.ATLAS_EVAL_DIR ?? resolvePath(root, '../shared/eval');
if (!existsSync(evalDir)) {
  console.log(`evaluation corpora not found at ${evalDir}; nothing to tune`);
  process.exit(0);
}
const gazetteer = loadGazetteer();
const km = (a: { lat: number; lon: number }, b: { lat: number; lon: number }) => distance([a.lon, a.lat], [b.lon, b.lat]);
type Doc = { text: string; toponyms: Array<{ start: number; end: number; lat?: number; lon?: number }> };
const allCorpora: Doc[][] = ['lgl', 'geovirus'].map((c) => readFileSync(join(evalDir, `${c}.jsonl`), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)));

function accuracy(w: ResolveWeights, corpora: Doc[][] = allCorpora): number[] {
  return corpora.map((docs) => {
    let ok = 0, n = 0;
    for (const d of docs) {
      const res = geoparse(d.text, { gazetteer, spans: d.toponyms, weights: w });
      d.toponyms.forEach((t: { lat?: number; lon?: number }, i: number) => {
        if (!Number.isFinite(t.lat)) return;
        n++;
        const p = res[i].place;
        if (p && km(p, t as { lat: number; lon: number }) <= 161) ok++;
      });
    }
    return ok / n;
  });
}

const objective = (acc: number[]) => acc.reduce((a, b) => a + b, 0) / acc.length;
const fmt = (acc: number[]) => `${acc.map((a) => a.toFixed(4)).join(' ')} mean ${objective(acc).toFixed(4)}`;
const rounds = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 2);
// Coarse steps by default; `--fine` for small ones around a found optimum.
const FACTORS = process.argv.includes('--fine') ? [0.85, 0.93, 1.07, 1.15] : [0, 0.5, 0.75, 1.33, 2];

function search(start: ResolveWeights, corpora: Doc[][], log: boolean): ResolveWeights {
  let best = structuredClone(start);
  let bestAcc = accuracy(best, corpora);
  if (log) console.log('start', fmt(bestAcc));
  const scalarKeys = (Object.keys(best) as Array<keyof ResolveWeights>).filter((k) => typeof best[k] === 'number');
  type Param = [string, (w: ResolveWeights) => number, (w: ResolveWeights, v: number) => void];
  const params: Param[] = [
    ...scalarKeys.map((k): Param => [k, (w) => w[k] as number, (w, v) => { (w[k] as number) = v; }]),
    ...(Object.keys(best.kind) as Array<keyof ResolveWeights['kind']>).map((k): Param => [`kind.${k}`, (w) => w.kind[k], (w, v) => { w.kind[k] = v; }])
  ];
  for (let r = 0; r < rounds; r++) {
    for (const [name, get, set] of params) {
      const base = get(best);
      for (const factor of FACTORS) {
        const trial = structuredClone(best);
        set(trial, base === 0 ? factor - 1 : +(base * factor).toFixed(3));
        const acc = accuracy(trial, corpora);
        if (objective(acc) > objective(bestAcc) + 1e-4) {
          best = trial;
          bestAcc = acc;
          if (log) console.log(`${name} ${base} → ${get(trial)}:`, fmt(acc));
        }
      }
    }
  }
  return best;
}

if (process.argv.includes('--cv')) {
  const uninformed = structuredClone(DEFAULT_WEIGHTS);
  for (const k of Object.keys(uninformed) as Array<keyof ResolveWeights>) if (typeof uninformed[k] === 'number') (uninformed[k] as number) = 1;
  uninformed.kind = { country: 1, region: 1, admin1: 1, admin2: 1, city: 0, neighbourhood: 0 };
  const heldOut: number[][] = [];
  const defaults: number[][] = [];
  for (const fold of [0, 1]) {
    const train = allCorpora.map((docs) => docs.filter((_, i) => i % 2 !== fold));
    const test = allCorpora.map((docs) => docs.filter((_, i) => i % 2 === fold));
    const tuned = search(uninformed, train, false);
    heldOut.push(accuracy(tuned, test));
    defaults.push(accuracy(DEFAULT_WEIGHTS, test));
    console.log(`fold ${fold}: uninformed ${fmt(accuracy(uninformed, test))}; tuned on the other fold: train ${fmt(accuracy(tuned, train))}, held out ${fmt(heldOut[fold])}; DEFAULT_WEIGHTS ${fmt(defaults[fold])}`);
  }
  const mean = (rows: number[][]) => rows[0].map((_, c) => (rows[0][c] + rows[1][c]) / 2);
  console.log(`LGL, GeoVirus A@161 (gold spans), mean of the two folds: held out ${fmt(mean(heldOut))}; DEFAULT_WEIGHTS ${fmt(mean(defaults))}`);
} else {
  console.log(JSON.stringify(search(DEFAULT_WEIGHTS, allCorpora, true), null, 2));
}
