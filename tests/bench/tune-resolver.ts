/**
 * Coordinate search over the resolver's weights, maximising mean Accuracy@161km (gold spans) over the
 * evaluation corpora, to check that DEFAULT_WEIGHTS sit near a maximum rather than to fit documents:
 * the weights are a dozen general priors and document-evidence scales.
 *
 *   npx tsx tests/bench/tune-resolver.ts [rounds] [--fine]
 * Needs the corpora (ATLAS_EVAL_DIR or ../shared/eval); prints the best weights found.
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
const corpora = ['lgl', 'geovirus'].map((c) => readFileSync(join(evalDir, `${c}.jsonl`), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)));

function accuracy(w: ResolveWeights): number[] {
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
let best: ResolveWeights = structuredClone(DEFAULT_WEIGHTS);
let bestAcc = accuracy(best);
console.log('start', bestAcc.map((a) => a.toFixed(4)).join(' '), objective(bestAcc).toFixed(4));
const scalarKeys = (Object.keys(best) as Array<keyof ResolveWeights>).filter((k) => typeof best[k] === 'number');
const rounds = Number(process.argv[2] ?? 2);
// Coarse steps by default; `--fine` for small ones around a found optimum.
const FACTORS = process.argv.includes('--fine') ? [0.85, 0.93, 1.07, 1.15] : [0, 0.5, 0.75, 1.33, 2];
for (let r = 0; r < rounds; r++) {
  const params: Array<[string, (w: ResolveWeights) => number, (w: ResolveWeights, v: number) => void]> = [
    ...scalarKeys.map((k) => [k, (w: ResolveWeights) => w[k] as number, (w: ResolveWeights, v: number) => { (w[k] as number) = v; }] as [string, (w: ResolveWeights) => number, (w: ResolveWeights, v: number) => void]),
    ...(Object.keys(best.kind) as Array<keyof ResolveWeights['kind']>).map((k) => [`kind.${k}`, (w: ResolveWeights) => w.kind[k], (w: ResolveWeights, v: number) => { w.kind[k] = v; }] as [string, (w: ResolveWeights) => number, (w: ResolveWeights, v: number) => void])
  ];
  for (const [name, get, set] of params) {
    const base = get(best);
    for (const factor of FACTORS) {
      const trial = structuredClone(best);
      set(trial, base === 0 ? factor - 1 : +(base * factor).toFixed(3));
      const acc = accuracy(trial);
      if (objective(acc) > objective(bestAcc) + 1e-4) {
        best = trial;
        bestAcc = acc;
        console.log(`${name} ${base} → ${get(trial)}:`, acc.map((a) => a.toFixed(4)).join(' '), objective(acc).toFixed(4));
      }
    }
  }
}
console.log(JSON.stringify(best, null, 2));
