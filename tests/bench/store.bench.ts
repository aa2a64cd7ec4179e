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
  const smallSize = Math.min(100, Math.floor(total / 2));
  const probes = 15;
  const dir = mkdtempSync(join(tmpdir(), 'atlas-store-bench-'));
  const path = join(dir, 'atlas.sqlite');
  try {
    const corpus = syntheticArticleInputs(total + probes + 51);
    const imported = corpus.slice(0, total);
    const probeArticles = corpus.slice(total, total + probes);
    const burst = corpus.slice(total + probes, total + probes + 50);

    const gazetteer = loadGazetteer(config.gazetteerDir());
    const open = (file: string) => {
      const store = SqliteStore.open(file);
      const ingest = new Ingest(store, { gazetteer, budgetMs: () => 10_000 });
      ingest.warmUp();
      return { store, ingest };
    };

    // Import, as `atlas import` does it: one article at a time, each committed with its merged incidents.
    const large = open(path);
    const t0 = performance.now();
    for (const [i, a] of imported.entries()) {
      large.ingest.add(a);
      if ((i + 1) % 1000 === 0) process.stderr.write(`store bench: ${i + 1}/${total} imported\n`);
    }
    const importSeconds = (performance.now() - t0) / 1000;
    const small = open(join(dir, 'small.sqlite'));
    for (const a of imported.slice(0, smallSize)) small.ingest.add(a);

    /** One add, timed: the reading and extraction of the article, and the merge and commit. */
    const addTimed = (to: ReturnType<typeof open>, a: (typeof corpus)[number]) => {
      const t = performance.now();
      const result = to.ingest.read(a);
      const read = performance.now() - t;
      to.ingest.commit(a, result);
      return { read, merge: performance.now() - t - read };
    };
    // The same new articles added to both stores in turn, so that both see the same load on the machine.
    const atSmall: Array<{ read: number; merge: number }> = [];
    const atLarge: Array<{ read: number; merge: number }> = [];
    for (const [i, p] of probeArticles.entries()) {
      // In turn which goes first, so that neither gains from caches the other warmed.
      if (i % 2) atLarge.push(addTimed(large, p));
      atSmall.push(addTimed(small, p));
      if (!(i % 2)) atLarge.push(addTimed(large, p));
    }
    const incidents = large.store.featureCount().incidents;
    small.store.close();
    large.store.close();

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
      `| one add at ${smallSize} articles (median of ${probes}) | ${ms(addSmall)}: read ${ms(median(atSmall, 'read'))}, merge and commit ${ms(median(atSmall, 'merge'))} |`,
      `| one add at ${total.toLocaleString('en')} articles (median of ${probes}) | ${ms(addLarge)}: read ${ms(median(atLarge, 'read'))}, merge and commit ${ms(median(atLarge, 'merge'))} |`,
      `| add at ${total.toLocaleString('en')} ÷ add at ${smallSize} | ${(addLarge / addSmall).toFixed(2)}× (merge and commit: ${(median(atLarge, 'merge') / median(atSmall, 'merge')).toFixed(2)}×) |`,
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
