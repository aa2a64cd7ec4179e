/**
 * The one store the API routes use. Opened once per process: the articles as given are the truth; the
 * read articles and features are derived from them by the events pipeline at start and after each import.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, basename, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import type { ArticleInput, ExtractResult, ReadArticle } from '../events/types';
import { extract as runPipeline } from '../events';
import { readStructure } from '../events/read';
import { loadGazetteer } from '../gazetteer';
import { openDb, isEmpty, saveInputs, loadInputs, replaceExtraction, setMeta, getMeta, hasInput, commitInputs, getArticle, sameInput, type Db, type StoredInput } from './db';
import { syntheticArticles, syntheticFeatures } from './synthetic';

type Extract = (inputs: ArticleInput[]) => ExtractResult | Promise<ExtractResult>;

/**
 * The events pipeline over the bundled gazetteer. The gazetteer directory is given explicitly: once the
 * server is bundled into build/, paths relative to the gazetteer module no longer point at its data.
 */
export function loadExtract(): Extract {
  let gazetteer: ReturnType<typeof loadGazetteer> | null = null;
  return (inputs) => {
    gazetteer ??= loadGazetteer(config.gazetteerDir());
    return runPipeline(inputs, { gazetteer });
  };
}

export const config = {
  dbPath: () => resolve(process.env.ATLAS_DB ?? 'data/atlas.sqlite'),
  seedsDir: () => resolve(process.env.ATLAS_SEEDS ?? 'seeds'),
  gazetteerDir: () => resolve(process.env.ATLAS_GAZETTEER ?? 'src/lib/gazetteer/data'),
  synthetic: () => Number(process.env.ATLAS_SYNTHETIC_INCIDENTS ?? 0) || 0,
  /** How long reading one new article may take, in milliseconds (ATLAS_ARTICLE_BUDGET_MS, 10 s by default). */
  articleBudgetMs: () => Number(process.env.ATLAS_ARTICLE_BUDGET_MS ?? 10_000) || 10_000
};

/** Why an article was not stored, with the HTTP status that says whose fault it is. Nothing of it is stored. */
export class ArticleRejected extends Error {
  constructor(
    readonly status: 400 | 409 | 422 | 503,
    message: string
  ) {
    super(message);
    this.name = 'ArticleRejected';
  }
}

/** Thrown when a piece of synchronous work is stopped at its time budget. */
export class OverBudget extends Error {
  constructor(readonly ms: number) {
    super(`stopped after ${ms / 1000} s`);
    this.name = 'OverBudget';
  }
}

/**
 * Runs `f` and stops it once it has run `ms` milliseconds, throwing OverBudget. Extraction is synchronous, so
 * the stop comes from V8 itself (node:vm's timeout interrupts any JavaScript running, regular expressions
 * included); the thread is free again right after.
 */
export function withinBudget<T>(ms: number, f: () => T): T {
  try {
    return runInNewContext('f()', { f }, { timeout: Math.max(1, Math.round(ms)) }) as T;
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new OverBudget(ms);
    throw e;
  }
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * A reading error as a rejection: a field of the article that is wrong (an impossible date in its front matter
 * or meta tags; the error names the field) is the sender's mistake, 400; content that cannot be read is 422.
 */
function readRejection(e: unknown): ArticleRejected {
  const err = e as Error & { field?: unknown };
  if (err && typeof err.field === 'string') return new ArticleRejected(400, `"${err.field}": ${err.message}`);
  if (err && /date/i.test(err.name ?? '') && err.name !== 'ArticleReadError') return new ArticleRejected(400, err.message);
  return new ArticleRejected(422, `The article could not be read: ${messageOf(e)}`);
}

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

export class Store {
  constructor(
    readonly db: Db,
    readonly extract: Extract | null
  ) {}

  /** Bumped whenever the features change, for caches and ETags. */
  version = Date.now();

  /**
   * Changes whenever the stored features may have: this process's writes, and any other process's commit to the
   * same database (`atlas import` while the server runs), which SQLite's data_version reports.
   */
  get changeVersion(): string {
    return `${this.version}.${this.db.pragma('data_version', { simple: true })}`;
  }

  /** Articles the last extraction could not read, with why. */
  lastErrors: Array<{ article: string; message: string }> = [];

  /** Stored articles that made the whole extraction fail, or whose reading ran over the budget: left out of it (and reported). */
  private setAside = new Map<string, string>();

  /** Writes run one after another: each reads the corpus and replaces what is derived from it. */
  private writes: Promise<unknown> = Promise.resolve();

  get canExtract(): boolean {
    return this.extract !== null;
  }

  private serial<T>(f: () => Promise<T>): Promise<T> {
    const run = this.writes.then(f, f);
    this.writes = run.catch(() => {});
    return run;
  }

  /**
   * The extraction of `inputs`, which one failing article cannot stop. When the whole run throws, the articles
   * are added back in halves, quarters… to a set known to extract together; an article that cannot join it (on
   * its own or with the others) is set aside and reported in `errors`. A few bad articles cost a few dozen
   * extractions, and only when the whole run fails.
   */
  private async extractIsolating(inputs: ArticleInput[]): Promise<ExtractResult> {
    const extract = this.extract!;
    try {
      return await extract(inputs);
    } catch {
      let accepted: ArticleInput[] = [];
      let last: ExtractResult = { articles: [], features: [], errors: [] };
      const failed: ExtractResult['errors'] = [];
      const join = async (chunk: ArticleInput[]): Promise<void> => {
        if (chunk.length === 0) return;
        try {
          last = await extract([...accepted, ...chunk]);
          accepted = [...accepted, ...chunk];
        } catch (e) {
          if (chunk.length > 1) {
            await join(chunk.slice(0, chunk.length >> 1));
            await join(chunk.slice(chunk.length >> 1));
            return;
          }
          failed.push({ article: chunk[0].id, message: messageOf(e) });
          this.setAside.set(chunk[0].id, messageOf(e));
        }
      };
      await join(inputs.slice(0, inputs.length >> 1));
      await join(inputs.slice(inputs.length >> 1));
      return { ...last, errors: [...failed, ...(last.errors ?? [])] };
    }
  }

  /**
   * The stored inputs whose reading fits the time budget for one article; the others are set aside. Articles
   * stored before there was a budget must not freeze every start: reading (Markdown and HTML parsing) is where
   * hostile structure costs time, and it is a small part of an extraction.
   */
  private readableInputs(inputs: ArticleInput[]): ArticleInput[] {
    const budget = config.articleBudgetMs();
    return inputs.filter((input) => {
      try {
        withinBudget(budget, () => readStructure(input));
      } catch (e) {
        if (!(e instanceof OverBudget)) return true; // read errors are the extraction's to report
        this.setAside.set(input.id, `reading the article took longer than the ${budget / 1000} s allowed for one article`);
        return false;
      }
      return true;
    });
  }

  private warm = false;

  /**
   * One small extraction outside any budget, so that loading the gazetteer and the pipeline's first-use caches
   * is never what a budget stops halfway.
   */
  private async warmUp(): Promise<void> {
    if (this.warm || !this.extract) return;
    this.warm = true;
    try {
      await this.extract([{ id: 'warm-up', content: 'A roadside bomb killed three soldiers in Kirkuk, Iraq, on 3 March 2008.', format: 'text' }]);
    } catch {
      // the articles themselves will say what is wrong
    }
  }

  private inputsToExtract(): ArticleInput[] {
    return loadInputs(this.db).filter((i) => !this.setAside.has(i.id));
  }

  private setAsideErrors(): ExtractResult['errors'] {
    return [...this.setAside].map(([article, message]) => ({ article, message }));
  }

  private extracted(errors: ExtractResult['errors']): void {
    this.lastErrors = errors;
    this.version++;
    setMeta(this.db, 'extracted_at', new Date().toISOString());
    setMeta(this.db, 'source', 'pipeline');
  }

  /** Re-reads every stored input and replaces the derived tables. */
  reextract(): Promise<void> {
    return this.serial(async () => {
      if (!this.extract) return;
      this.setAside.clear();
      const result = await this.extractIsolating(this.readableInputs(loadInputs(this.db)));
      const errors = [...this.setAsideErrors().filter((e) => !result.errors?.some((r) => r.article === e.article)), ...(result.errors ?? [])];
      for (const e of errors) console.error(`article ${e.article} could not be read: ${e.message}`);
      replaceExtraction(this.db, result.articles, result.features);
      this.extracted(errors);
    });
  }

  /**
   * Reads one article on its own, within the time budget for one article; throws ArticleRejected (400 for a
   * wrong field, 422 for content that cannot be read or takes too long) and stores nothing.
   */
  async checkArticle(input: ArticleInput): Promise<void> {
    const extract = this.extract;
    if (!extract) throw new ArticleRejected(503, 'The events pipeline is not available in this build; articles cannot be added');
    await this.warmUp();
    const budget = config.articleBudgetMs();
    const overBudget = () =>
      new ArticleRejected(422, `Reading the article took longer than the ${budget / 1000} s allowed for one article (ATLAS_ARTICLE_BUDGET_MS); it was not stored`);
    const started = performance.now();
    try {
      withinBudget(budget, () => readStructure(input));
    } catch (e) {
      throw e instanceof OverBudget ? overBudget() : readRejection(e);
    }
    let alone: ExtractResult;
    try {
      const left = budget - (performance.now() - started);
      if (left <= 0) throw new OverBudget(budget);
      alone = await withinBudget(left, () => extract([input]));
    } catch (e) {
      throw e instanceof OverBudget ? overBudget() : new ArticleRejected(422, `The article could not be read: ${messageOf(e)}`);
    }
    const own = alone.errors?.find((e) => e.article === input.id);
    if (own) throw new ArticleRejected(422, `The article could not be read: ${own.message}`);
    // An extraction that is not synchronous cannot be stopped midway: it is refused once it is over the budget.
    if (performance.now() - started > budget) throw overBudget();
  }

  /**
   * Stores articles already checked (checkArticle) without deriving anything yet: a bulk import stores as it
   * goes and re-extracts once at the end. Until then the database says its extraction is stale, so a server
   * started meanwhile re-extracts.
   */
  storeChecked(inputs: StoredInput[]): Promise<void> {
    return this.serial(async () => {
      this.db.transaction(() => {
        saveInputs(this.db, inputs);
        setMeta(this.db, 'source', 'stale');
      })();
    });
  }

  /**
   * Adds one article, or rejects it with nothing stored: it is read on its own first (within the time budget
   * for one article), then with the stored corpus so incidents reported by several articles merge; the input
   * and everything derived are committed in one transaction.
   */
  addArticle(input: StoredInput): Promise<{ article: ReadArticle; created: boolean }> {
    return this.serial(async () => {
      const extract = this.extract;
      if (!extract) throw new ArticleRejected(503, 'The events pipeline is not available in this build; articles cannot be added');
      if (hasInput(this.db, input.id)) {
        // A retry of the same article is answered with what is stored; another article under its id is a conflict.
        const same = sameInput(this.db, input);
        const article = same ? getArticle(this.db, input.id) : null;
        if (article) return { article, created: false };
        throw new ArticleRejected(409, `An article with id "${input.id}" already exists`);
      }
      await this.checkArticle(input);
      let result: ExtractResult;
      try {
        result = await extract([...this.inputsToExtract(), input]);
      } catch (e) {
        throw new ArticleRejected(422, `The article could not be merged with the stored articles: ${messageOf(e)}`);
      }
      const merged = result.errors?.find((e) => e.article === input.id);
      if (merged) throw new ArticleRejected(422, `The article could not be read: ${merged.message}`);
      commitInputs(this.db, [input], result.articles, result.features);
      this.extracted([...this.setAsideErrors(), ...(result.errors ?? [])]);
      return { article: getArticle(this.db, input.id)!, created: true };
    });
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
  const db = openDb(config.dbPath());
  const store = new Store(db, loadExtract());
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
  if (process.env.ATLAS_REEXTRACT !== '0' || getMeta(db, 'source') !== 'pipeline') {
    // A failure here must not stop the server from starting: it serves what the last extraction left.
    try {
      await store.reextract();
    } catch (e) {
      console.error(`the stored articles could not be extracted; serving the previous extraction: ${messageOf(e)}`);
      store.lastErrors = [{ article: '*', message: messageOf(e) }];
    }
  }
  return store;
}
