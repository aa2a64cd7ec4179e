/**
 * The store under load (issue 10 §3): importing synthetic articles (articles/s), the cost of adding one article
 * to a store of 100 and of 10,000 articles, and reads while 50 writes arrive at once (the server's writer thread,
 * the server's reads on this thread). Figures and ratios, measured in this run; nothing here is asserted.
 *
 *   npx tsx tests/bench/store.bench.ts            10,000 articles (ATLAS_BENCH_ARTICLES for another number)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadGazetteer } from '../../src/lib/gazetteer';
import { featureCollectionJson, getArticle, openDb, SqliteStore } from '../../src/lib/server/db';
import { Ingest } from '../../src/lib/server/ingest';
import { config, Store, WorkerWriter } from '../../src/lib/server/store';
import { syntheticArticleInputs } from '../../src/lib/server/synthetic';

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

export async function runStoreBench(opts: { articles?: number } = {}): Promise<string[]> {
  const total = opts.articles ?? (Number(process.env.ATLAS_BENCH_ARTICLES) || 10_000);
  const small = Math.min(100, Math.floor(total / 2));
  const probes = 7;
  const dir = mkdtempSync(join(tmpdir(), 'atlas-store-bench-'));
  const path = join(dir, 'atlas.sqlite');
  try {
    const corpus = syntheticArticleInputs(total + 2 * probes + 51);
    const imported = corpus.slice(0, total);
    const probesSmall = corpus.slice(total, total + probes);
    const probesLarge = corpus.slice(total + probes, total + 2 * probes);
    const burst = corpus.slice(total + 2 * probes, total + 2 * probes + 50);

    const store = SqliteStore.open(path);
    const ingest = new Ingest(store, { gazetteer: loadGazetteer(config.gazetteerDir()), budgetMs: () => 10_000 });
    ingest.warmUp();

    /** One add, timed: the reading and extraction of the article, and the merge and commit. */
    const addTimed = (a: (typeof corpus)[number]) => {
      const t0 = performance.now();
      const result = ingest.read(a);
      const t1 = performance.now();
      ingest.commit(a, result);
      return { read: t1 - t0, merge: performance.now() - t1 };
    };

    // Import, as `atlas import` does it: one article at a time, each committed with its merged incidents.
    const atSmall: Array<{ read: number; merge: number }> = [];
    let pausedFor = 0;
    const t0 = performance.now();
    for (const [i, a] of imported.entries()) {
      ingest.add(a);
      if (i + 1 === small) {
        const paused = performance.now();
        for (const p of probesSmall) atSmall.push(addTimed(p));
        // The probes are not part of the import's rate.
        pausedFor += performance.now() - paused;
      }
      if ((i + 1) % 1000 === 0) process.stderr.write(`store bench: ${i + 1}/${total} imported\n`);
    }
    const importSeconds = (performance.now() - t0 - pausedFor) / 1000;
    const atLarge = probesLarge.map(addTimed);
    const incidents = store.featureCount().incidents;
    store.close();

    // Reads on this thread while 50 writes go to the writer thread at once, as in the server.
    const db = openDb(path);
    const server = new Store(db, new WorkerWriter({ dbPath: path, gazetteerDir: config.gazetteerDir(), budgetMs: () => 10_000 }));
    await server.addArticle(corpus[corpus.length - 1]).catch(() => {}); // the writer thread up and warm
    const read = () => {
      const t = performance.now();
      featureCollectionJson(db);
      getArticle(db, imported[Math.floor(Math.random() * imported.length)].id);
      return performance.now() - t;
    };
    const idle: number[] = [];
    for (let i = 0; i < 30; i++) idle.push(read());
    const during: number[] = [];
    let pending = 0;
    const writeTimes: number[] = [];
    const w0 = performance.now();
    const writes = burst.map((a) =>
      server.addArticle(a).then(() => {
        writeTimes.push(performance.now() - w0);
        pending--;
      })
    );
    pending = writes.length;
    while (pending > 0) {
      during.push(read());
      await new Promise((r) => setImmediate(r));
    }
    await Promise.all(writes);
    const burstSeconds = (performance.now() - w0) / 1000;
    await server.close();

    const median = (xs: Array<{ read: number; merge: number }>, k: 'read' | 'merge') => quantile(xs.map((x) => x[k]), 0.5);
    const addSmall = quantile(atSmall.map((x) => x.read + x.merge), 0.5);
    const addLarge = quantile(atLarge.map((x) => x.read + x.merge), 0.5);
    return [
      `| store (SQLite, WAL, synchronous=FULL) | ${total.toLocaleString('en')} synthetic articles → ${incidents.toLocaleString('en')} incidents |`,
      '|---|---|',
      `| import, one article per transaction | ${(total / importSeconds).toFixed(1)} articles/s (${importSeconds.toFixed(0)} s) |`,
      `| one add at ${small} articles (median of ${probes}) | ${ms(addSmall)}: read ${ms(median(atSmall, 'read'))}, merge and commit ${ms(median(atSmall, 'merge'))} |`,
      `| one add at ${total.toLocaleString('en')} articles (median of ${probes}) | ${ms(addLarge)}: read ${ms(median(atLarge, 'read'))}, merge and commit ${ms(median(atLarge, 'merge'))} |`,
      `| add at ${total.toLocaleString('en')} ÷ add at ${small} | ${(addLarge / addSmall).toFixed(2)}× (merge and commit: ${(median(atLarge, 'merge') / median(atSmall, 'merge')).toFixed(2)}×) |`,
      `| reads (all features + one article), no writes: p50 / p95 | ${ms(quantile(idle, 0.5))} / ${ms(quantile(idle, 0.95))} (${idle.length} reads) |`,
      `| the same reads during a burst of ${writes.length} concurrent writes: p50 / p95 | ${ms(quantile(during, 0.5))} / ${ms(quantile(during, 0.95))} (${during.length} reads; p95 ${(quantile(during, 0.95) / quantile(idle, 0.95)).toFixed(2)}× idle) |`,
      `| the burst's writes: all stored in | ${burstSeconds.toFixed(1)} s (p95 of write latency ${ms(quantile(writeTimes, 0.95))}) |`
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log((await runStoreBench()).join('\n'));
}
