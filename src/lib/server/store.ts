/**
 * The one store the API routes use. Opened once per process: the articles as given are the truth; the
 * read articles and features are derived from them by the events pipeline at start and after each import.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, basename, resolve } from 'node:path';
import type { ArticleInput, ExtractResult } from '../events/types';
import { openDb, isEmpty, saveInputs, loadInputs, replaceExtraction, setMeta, getMeta, type Db } from './db';
import { syntheticArticles, syntheticFeatures } from './synthetic';

type Extract = (inputs: ArticleInput[]) => ExtractResult | Promise<ExtractResult>;

// The pipeline is looked up rather than imported so the dashboard still builds and serves its stored data
// on a checkout where the events module is absent.
const pipelines = import.meta.glob<{ extract: Extract }>('../events/index.ts');

export async function loadExtract(): Promise<Extract | null> {
  const load = pipelines['../events/index.ts'];
  return load ? (await load()).extract : null;
}

export const config = {
  dbPath: () => resolve(process.env.ATLAS_DB ?? 'data/atlas.sqlite'),
  seedsDir: () => resolve(process.env.ATLAS_SEEDS ?? 'seeds'),
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

  get canExtract(): boolean {
    return this.extract !== null;
  }

  /** Re-reads every stored input and replaces the derived tables. */
  async reextract(): Promise<void> {
    if (!this.extract) return;
    const result = await this.extract(loadInputs(this.db));
    replaceExtraction(this.db, result.articles, result.features);
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
  const store = new Store(db, await loadExtract());
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
