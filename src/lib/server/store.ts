/**
 * The one store the API routes use. Opened once per process: the articles as given are the truth; the
 * read articles and features are derived from them by the events pipeline at start and after each import.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, basename, resolve } from 'node:path';
import type { ArticleInput, ExtractResult } from '../events/types';
import { extract as runPipeline } from '../events';
import { loadGazetteer } from '../gazetteer';
import { openDb, isEmpty, saveInputs, loadInputs, replaceExtraction, setMeta, getMeta, type Db } from './db';
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
  synthetic: () => Number(process.env.ATLAS_SYNTHETIC_INCIDENTS ?? 0) || 0
};

const FORMATS: Record<string, ArticleInput['format']> = { '.txt': 'text', '.md': 'markdown', '.html': 'html', '.htm': 'html' };

export function readSeeds(dir: string): ArticleInput[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => extname(n) in FORMATS)
    .sort()
    .map((n) => ({ id: basename(n, extname(n)), content: readFileSync(join(dir, n), 'utf8'), format: FORMATS[extname(n)] }));
}

export class Store {
  constructor(
    readonly db: Db,
    readonly extract: Extract | null
  ) {}

  /** Bumped whenever the features change, for caches and ETags. */
  version = Date.now();

  /** Articles the last extraction could not read, with why. */
  lastErrors: Array<{ article: string; message: string }> = [];

  get canExtract(): boolean {
    return this.extract !== null;
  }

  /** Re-reads every stored input and replaces the derived tables. */
  async reextract(): Promise<void> {
    if (!this.extract) return;
    const result = await this.extract(loadInputs(this.db));
    for (const e of result.errors ?? []) console.error(`article ${e.article} could not be read: ${e.message}`);
    this.lastErrors = result.errors ?? [];
    replaceExtraction(this.db, result.articles, result.features);
    this.version++;
    setMeta(this.db, 'extracted_at', new Date().toISOString());
    setMeta(this.db, 'source', 'pipeline');
  }

  async addArticle(input: ArticleInput): Promise<void> {
    saveInputs(this.db, [input]);
    await this.reextract();
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
  if (process.env.ATLAS_REEXTRACT !== '0' || getMeta(db, 'source') !== 'pipeline') await store.reextract();
  return store;
}
