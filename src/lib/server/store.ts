/**
 * The one store the API routes use, opened once per process. The articles as given are the truth; the read
 * articles, incidents and routes are derived from them. Reads go straight to SQLite on the request thread; every
 * write (adding an article, re-deriving the store) goes to the writer, a worker thread with its own connection,
 * so that reads never wait for a write (WAL) nor for an extraction (another thread).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ArticleInput, ReadArticle } from '../events/types';
import { loadGazetteer, type Gazetteer } from '../gazetteer';
import { featureCount, getMeta, isEmpty, openDb, replaceExtraction, saveInputs, setMeta, SqliteStore, type Db, type StoredInput } from './db';
import { ArticleRejected, Ingest, messageOf } from './ingest';
import { appRoot, fromEnv } from './paths';
import { syntheticArticles, syntheticFeatures } from './synthetic';
import type { WriterOp, WriterReply } from './worker';

export { ArticleRejected, OverBudget, withinBudget } from './ingest';

export const config = {
  dbPath: () => fromEnv(process.env.ATLAS_DB, 'data/atlas.sqlite'),
  seedsDir: () => fromEnv(process.env.ATLAS_SEEDS, 'seeds'),
  gazetteerDir: () => fromEnv(process.env.ATLAS_GAZETTEER, 'src/lib/gazetteer/data'),
  synthetic: () => Number(process.env.ATLAS_SYNTHETIC_INCIDENTS ?? 0) || 0,
  /** How long reading one new article may take, in milliseconds (ATLAS_ARTICLE_BUDGET_MS, 10 s by default). */
  articleBudgetMs: () => Number(process.env.ATLAS_ARTICLE_BUDGET_MS ?? 10_000) || 10_000
};

const FORMATS: Record<string, ArticleInput['format']> = { '.txt': 'text', '.md': 'markdown', '.html': 'html', '.htm': 'html' };

export function readSeeds(dir: string): ArticleInput[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const inputs: ArticleInput[] = [];
  for (const n of names.filter((n) => extname(n) in FORMATS).sort()) {
    try {
      inputs.push({ id: basename(n, extname(n)), content: readFileSync(join(dir, n), 'utf8'), format: FORMATS[extname(n)] });
    } catch (e) {
      console.error(`seed ${n} could not be read: ${messageOf(e)}`);
    }
  }
  return inputs;
}

/**
 * What the derived tables depend on besides the articles: the pipeline's code and the gazetteer. When it changes
 * (an update), the store is re-derived at the next start.
 */
export function pipelineFingerprint(): string {
  const root = appRoot();
  const hash = createHash('sha256');
  const walk = (path: string) => {
    if (!existsSync(path)) return;
    const st = statSync(path);
    if (st.isDirectory()) {
      for (const n of readdirSync(path).sort()) if (!n.startsWith('.') && n !== 'build' && !n.endsWith('.test.ts')) walk(join(path, n));
    } else hash.update(`${relative(root, path)}\0${st.size}\0${st.mtimeMs}\n`);
  };
  for (const p of ['src/lib/events', 'src/lib/geoparse', 'src/lib/gazetteer', 'src/lib/server/ingest.ts']) walk(join(root, p));
  hash.update(config.gazetteerDir());
  return hash.digest('hex').slice(0, 16);
}

export type Added = { article: ReadArticle; created: boolean };
export type ArticleErrors = Array<{ article: string; message: string }>;

/** Where writes happen: on this thread (the CLI, tests) or in a worker thread (the server). */
export interface Writer {
  add(input: StoredInput): Promise<Added>;
  rebuild(): Promise<ArticleErrors>;
  close(): Promise<void>;
}

/** The writer on the calling thread, over the given connection. */
export class InlineWriter implements Writer {
  readonly ingest: Ingest;
  constructor(db: Db, gazetteer: Gazetteer = loadGazetteer(config.gazetteerDir()), budgetMs = config.articleBudgetMs) {
    this.ingest = new Ingest(new SqliteStore(db), { gazetteer, budgetMs });
  }
  async add(input: StoredInput): Promise<Added> {
    return this.ingest.add(input);
  }
  async rebuild(): Promise<ArticleErrors> {
    return this.ingest.rebuild();
  }
  async close(): Promise<void> {}
}

/** The worker's module, found from the application root (the server bundle has no copy of it). */
function workerFiles(): { entry: string; tsx: string } {
  const root = appRoot();
  return {
    entry: pathToFileURL(join(root, 'src/lib/server/worker.ts')).href,
    tsx: pathToFileURL(join(root, 'node_modules/tsx/dist/esm/api/index.mjs')).href
  };
}

/** Loads TypeScript (as the CLI does) and starts the writer's module. */
const BOOT = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx).then((tsx) => { tsx.register(); return import(workerData.entry); }).catch((e) => { setImmediate(() => { throw e; }); });
`;

/**
 * The writer in a worker thread. Requests go one at a time; an add that does not come back within its budget and
 * a margin (the worker is stuck beyond what the budget can stop) terminates the worker, and the next request
 * starts a new one.
 */
export class WorkerWriter implements Writer {
  private worker: Worker | null = null;
  private pending = new Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void }>();
  private nextId = 1;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly opts: { dbPath: string; gazetteerDir: string; budgetMs: () => number }) {}

  private start(): Worker {
    const files = workerFiles();
    const w = new Worker(BOOT, { eval: true, workerData: { dbPath: this.opts.dbPath, gazetteerDir: this.opts.gazetteerDir, ...files } });
    w.on('message', (m: WriterReply) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if ('ok' in m) p.ok(m.ok);
      else {
        const e = m.error.status ? new ArticleRejected(m.error.status as 400, m.error.message) : Object.assign(new Error(m.error.message), { name: m.error.name });
        p.fail(e);
      }
    });
    const down = (why: string) => {
      if (this.worker !== w) return;
      this.worker = null;
      for (const p of this.pending.values()) p.fail(new ArticleRejected(503, `The writer stopped (${why}); nothing of the article was stored`));
      this.pending.clear();
    };
    w.on('error', (e) => {
      console.error(`the writer thread failed: ${e.stack ?? e.message}`);
      down(e.message);
    });
    w.on('exit', (code) => down(`exit ${code}`));
    // An idle writer does not keep the process alive (after the listeners: adding one refs the worker again).
    w.unref();
    return w;
  }

  private call<T>(request: WriterOp, timeoutMs: number | null): Promise<T> {
    const run = this.chain.then(
      () =>
        new Promise<T>((ok, fail) => {
          const w = (this.worker ??= this.start());
          const id = this.nextId++;
          let timer: NodeJS.Timeout | null = null;
          const done = () => {
            if (timer) clearTimeout(timer);
            if (this.pending.size === 0) w.unref();
          };
          this.pending.set(id, { ok: (v) => (done(), ok(v as T)), fail: (e) => (done(), fail(e)) });
          if (timeoutMs !== null)
            timer = setTimeout(() => {
              const p = this.pending.get(id);
              if (!p) return;
              this.pending.delete(id);
              void w.terminate();
              p.fail(new ArticleRejected(422, `Reading the article did not end within ${Math.round(timeoutMs / 1000)} s; it was not stored`));
            }, timeoutMs);
          w.ref(); // a request under way keeps the process alive until it is answered
          w.postMessage({ ...request, id });
        })
    );
    this.chain = run.catch(() => {});
    return run;
  }

  add(input: StoredInput): Promise<Added> {
    // The first request also waits for the gazetteer to load.
    const budgetMs = this.opts.budgetMs();
    return this.call<Added>({ op: 'add', input, budgetMs }, budgetMs + 60_000);
  }
  rebuild(): Promise<ArticleErrors> {
    return this.call<ArticleErrors>({ op: 'rebuild', budgetMs: this.opts.budgetMs() }, null);
  }
  async close(): Promise<void> {
    if (!this.worker) return;
    await this.call({ op: 'close' }, 10_000).catch(() => {});
    await this.worker?.terminate();
    this.worker = null;
  }
}

export class Store {
  constructor(
    readonly db: Db,
    private readonly writer: Writer | null
  ) {}

  /** Bumped whenever this process changes the features, for caches and ETags. */
  version = Date.now();

  /**
   * Changes whenever the stored features may have: this process's writes, and any other connection's commit to
   * the same database (the writer thread, `atlas import` while the server runs), which SQLite's data_version reports.
   */
  get changeVersion(): string {
    return `${this.version}.${this.db.pragma('data_version', { simple: true })}`;
  }

  private failure: ArticleErrors | null = null;

  /** Articles the last derivation left out, with why. */
  get lastErrors(): ArticleErrors {
    if (this.failure) return this.failure;
    try {
      return JSON.parse(getMeta(this.db, 'errors') ?? '[]');
    } catch {
      return [];
    }
  }
  set lastErrors(errors: ArticleErrors) {
    this.failure = errors;
  }

  get canExtract(): boolean {
    return this.writer !== null;
  }

  /**
   * Adds one article, or rejects it with nothing stored (ArticleRejected: 400 a field is wrong, 409 the id is
   * taken by another article, 422 it cannot be read or merged, 503 no pipeline). The input, the article as read
   * and its merged incidents are committed in one transaction.
   */
  async addArticle(input: StoredInput): Promise<Added> {
    if (!this.writer) throw new ArticleRejected(503, 'The events pipeline is not available in this build; articles cannot be added');
    const added = await this.writer.add(input);
    this.version++;
    return added;
  }

  /** Re-derives everything from the stored articles (the previous map is served until it is done). */
  async reextract(): Promise<void> {
    if (!this.writer) return;
    const errors = await this.writer.rebuild();
    this.failure = null;
    for (const e of errors) console.error(`article ${e.article} could not be read: ${e.message}`);
    this.version++;
  }

  async close(): Promise<void> {
    await this.writer?.close();
    this.db.close();
  }
}

let opened: Promise<Store> | null = null;

export function getStore(): Promise<Store> {
  opened ??= open().catch((e) => {
    opened = null;
    throw e;
  });
  return opened;
}

async function open(): Promise<Store> {
  const dbPath = config.dbPath();
  const db = openDb(dbPath);
  const store = new Store(db, new WorkerWriter({ dbPath, gazetteerDir: config.gazetteerDir(), budgetMs: config.articleBudgetMs }));
  const synthetic = config.synthetic();
  if (synthetic > 0) {
    // Load testing: synthetic features replace the pipeline's output; the stored inputs are left alone.
    if (getMeta(db, 'source') !== `synthetic:${synthetic}`) {
      replaceExtraction(db, syntheticArticles(), syntheticFeatures(synthetic));
      setMeta(db, 'source', `synthetic:${synthetic}`);
    }
    return store;
  }
  if (isEmpty(db)) saveInputs(db, readSeeds(config.seedsDir()));
  const fingerprint = pipelineFingerprint();
  const flag = process.env.ATLAS_REEXTRACT;
  const stale = getMeta(db, 'source') !== 'pipeline' || getMeta(db, 'pipeline') !== fingerprint;
  if (flag === '1' || (flag !== '0' && stale)) {
    // A failure here must not stop the server from starting: it serves what the last derivation left.
    const rebuilt = store
      .reextract()
      .then(() => setMeta(db, 'pipeline', fingerprint))
      .catch((e) => {
        console.error(`the stored articles could not be extracted; serving the previous extraction: ${messageOf(e)}`);
        store.lastErrors = [{ article: '*', message: messageOf(e) }];
      });
    // With nothing derived yet there is nothing to serve: the first answer waits for it. Otherwise the previous
    // map is served while the new one is made.
    const counts = featureCount(db);
    const articles = db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
    if (counts.incidents + counts.routes === 0 && articles === 0) await rebuilt;
  }
  return store;
}
