/**
 * Geoparser speed and memory (not a test): docs/s and MB/s on one core over the LGL texts (the seed articles
 * repeated when the corpus is absent), gazetteer cold-load time and peak RSS — each beside a baseline measured
 * in the same run, so the ratios mean something on a noisy machine:
 *   - speed baseline: a naive dictionary geoparser on the same gazetteer (every capitalised word and word pair
 *     looked up, most populous candidate taken), i.e. the cost floor of touching the gazetteer at all;
 *   - load baseline: reading the artifact's bytes from disk with nothing parsed.
 *
 *   npx tsx tests/bench/geoparse.bench.ts [--json]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGazetteer } from '../../src/lib/gazetteer';
import { geoparse } from '../../src/lib/geoparse';
import { naiveGeoparse } from './naive-geoparse';

const root = resolvePath(dirname(fileURLToPath(import.meta.url)), '../..');
const evalDir = process.env.ATLAS_EVAL_DIR ?? resolvePath(root, '../shared/eval');

export function benchCorpus(): { name: string; texts: string[] } {
  const lgl = join(evalDir, 'lgl.jsonl');
  if (existsSync(lgl)) {
    return { name: 'LGL (588 local news articles)', texts: readFileSync(lgl, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text as string) };
  }
  const seedDir = join(root, 'seeds');
  const seeds = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(seedDir, f), 'utf8'));
  return { name: `seed articles repeated (LGL absent at ${evalDir})`, texts: Array.from({ length: 120 }, (_, i) => seeds[i % seeds.length]) };
}

function throughput(texts: string[], fn: (t: string) => unknown, minMs = 3000): { docsPerSec: number; mbPerSec: number } {
  for (const t of texts.slice(0, 50)) fn(t); // warm-up
  const bytes = texts.reduce((s, t) => s + Buffer.byteLength(t), 0);
  let docs = 0, totalBytes = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < minMs) {
    for (const t of texts) fn(t);
    docs += texts.length;
    totalBytes += bytes;
  }
  const s = (performance.now() - t0) / 1000;
  return { docsPerSec: docs / s, mbPerSec: totalBytes / 1048576 / s };
}

/** Cold load in a fresh process: the artifact read alone (baseline), then loadGazetteer, then peak RSS after parsing the corpus. */
function coldLoad(): { readMs: number; loadMs: number; peakRssMb: number } {
  const script = `
    import { readFileSync } from 'node:fs';
    const t0 = performance.now();
    readFileSync(${JSON.stringify(join(root, 'src/lib/gazetteer/data/gazetteer.bin'))});
    const readMs = performance.now() - t0;
    const { loadGazetteer } = await import(${JSON.stringify(join(root, 'src/lib/gazetteer/index.ts'))});
    const t1 = performance.now();
    loadGazetteer();
    const loadMs = performance.now() - t1;
    const { geoparse } = await import(${JSON.stringify(join(root, 'src/lib/geoparse/index.ts'))});
    const { benchCorpus } = await import(${JSON.stringify(join(root, 'tests/bench/geoparse.bench.ts'))});
    for (const t of benchCorpus().texts) geoparse(t);
    console.log(JSON.stringify({ readMs, loadMs, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
  `;
  // The file read goes first so it does not warm the page cache for the loader: measure the loader on a second
  // read of the same bytes, which is what a server restart sees.
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', env: { ...process.env, ATLAS_BENCH_CHILD: '1' } });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

export function runGeoparseBench() {
  const corpus = benchCorpus();
  const g = loadGazetteer();
  const ours = throughput(corpus.texts, (t) => geoparse(t, { gazetteer: g }));
  const naive = throughput(corpus.texts, (t) => naiveGeoparse(t, g));
  const load = coldLoad();
  return { corpus: corpus.name, docs: corpus.texts.length, ours, naive, load };
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === resolvePath(process.argv[1]);
if (isMain && !process.env.ATLAS_BENCH_CHILD) {
  const r = runGeoparseBench();
  if (process.argv.includes('--json')) console.log(JSON.stringify(r, null, 2));
  else {
    console.log(`geoparse speed, one core, over ${r.corpus}`);
    console.log(`  atlas geoparse        ${r.ours.docsPerSec.toFixed(0).padStart(7)} docs/s  ${r.ours.mbPerSec.toFixed(2).padStart(6)} MB/s   (target ≥ 1,000 docs/s)`);
    console.log(`  naive dictionary      ${r.naive.docsPerSec.toFixed(0).padStart(7)} docs/s  ${r.naive.mbPerSec.toFixed(2).padStart(6)} MB/s   (baseline, same gazetteer)`);
    console.log(`  ratio                 ${(r.ours.docsPerSec / r.naive.docsPerSec).toFixed(2)}× the baseline's speed`);
    console.log(`gazetteer cold load     ${r.load.loadMs.toFixed(0)} ms (artifact read alone: ${r.load.readMs.toFixed(0)} ms, ratio ${(r.load.loadMs / Math.max(1, r.load.readMs)).toFixed(1)}×; target ≤ 300 ms)`);
    console.log(`peak RSS                ${r.load.peakRssMb.toFixed(0)} MB after loading and geoparsing the corpus (target ≤ 300 MB)`);
  }
}
