/**
 * The dashboard's store: one SQLite file holding the articles as given (so they can be re-read when the
 * pipeline improves), the articles as read (text, spans, toponyms) and the extracted features.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ArticleInput, ReadArticle } from '../events/types';
import type { AtlasFeature } from '../geojson/types';

export type Db = Database.Database;

export interface ArticleSummary {
  id: string;
  title: string;
  date: string | null;
  /** The address the article was imported from, when given. */
  url: string | null;
  features: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS inputs (
  id TEXT PRIMARY KEY,
  content TEXT NOT NULL,
  format TEXT,
  date TEXT,
  title TEXT,
  url TEXT,
  added_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS articles (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  date TEXT,
  date_source TEXT NOT NULL,
  text TEXT NOT NULL,
  body TEXT NOT NULL,
  excluded TEXT NOT NULL,
  toponyms TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS features (
  id TEXT PRIMARY KEY,
  ord INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('incident', 'route')),
  date TEXT,
  geojson TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS features_ord ON features (ord);
CREATE TABLE IF NOT EXISTS feature_articles (
  feature_id TEXT NOT NULL REFERENCES features (id) ON DELETE CASCADE,
  article_id TEXT NOT NULL,
  PRIMARY KEY (feature_id, article_id)
);
CREATE INDEX IF NOT EXISTS feature_articles_article ON feature_articles (article_id);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

export function openDb(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);
  // Databases created before articles had a source URL.
  const columns = db.prepare('PRAGMA table_info(inputs)').all() as Array<{ name: string }>;
  if (!columns.some((c) => c.name === 'url')) db.exec('ALTER TABLE inputs ADD COLUMN url TEXT');
  return db;
}

export function isEmpty(db: Db): boolean {
  return (db.prepare('SELECT count(*) AS n FROM inputs').get() as { n: number }).n === 0;
}

export function getMeta(db: Db, key: string): string | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

/** An article as given, with the page it came from when known. */
export type StoredInput = ArticleInput & { url?: string | null };

export function saveInputs(db: Db, inputs: StoredInput[]): void {
  const put = db.prepare(
    `INSERT INTO inputs (id, content, format, date, title, url, added_at) VALUES (@id, @content, @format, @date, @title, @url, @added_at)
     ON CONFLICT (id) DO UPDATE SET content = excluded.content, format = excluded.format, date = excluded.date, title = excluded.title, url = excluded.url`
  );
  const now = new Date().toISOString();
  db.transaction(() => {
    for (const i of inputs)
      put.run({ id: i.id, content: i.content, format: i.format ?? null, date: i.date ?? null, title: i.title ?? null, url: i.url ?? null, added_at: now });
  })();
}

/** Stores new inputs and the extraction that includes them in one transaction: all of it or none. */
export function commitInputs(db: Db, inputs: StoredInput[], articles: ReadArticle[], features: AtlasFeature[]): void {
  db.transaction(() => {
    saveInputs(db, inputs);
    replaceExtraction(db, articles, features);
  })();
}

/** Whether the stored input under this id is this very article (content, format, date, title and URL). */
export function sameInput(db: Db, i: StoredInput): boolean {
  const row = db.prepare('SELECT content, format, date, title, url FROM inputs WHERE id = ?').get(i.id) as
    | { content: string; format: string | null; date: string | null; title: string | null; url: string | null }
    | undefined;
  return (
    row !== undefined &&
    row.content === i.content &&
    row.format === (i.format ?? null) &&
    row.date === (i.date ?? null) &&
    row.title === (i.title ?? null) &&
    row.url === (i.url ?? null)
  );
}

export function inputUrl(db: Db, id: string): string | null {
  return (db.prepare('SELECT url FROM inputs WHERE id = ?').pluck().get(id) as string | null | undefined) ?? null;
}

export function inputCount(db: Db): number {
  return db.prepare('SELECT count(*) FROM inputs').pluck().get() as number;
}

export function loadInputs(db: Db): ArticleInput[] {
  const rows = db.prepare('SELECT id, content, format, date, title FROM inputs ORDER BY id').all() as Array<{
    id: string;
    content: string;
    format: ArticleInput['format'] | null;
    date: string | null;
    title: string | null;
  }>;
  return rows.map((r) => ({ id: r.id, content: r.content, format: r.format ?? undefined, date: r.date, title: r.title }));
}

export function hasInput(db: Db, id: string): boolean {
  return db.prepare('SELECT 1 FROM inputs WHERE id = ?').get(id) !== undefined;
}

/** Replaces every read article and feature with a fresh extraction, atomically. */
export function replaceExtraction(db: Db, articles: ReadArticle[], features: AtlasFeature[]): void {
  const putArticle = db.prepare(
    `INSERT INTO articles (id, title, date, date_source, text, body, excluded, toponyms)
     VALUES (@id, @title, @date, @dateSource, @text, @body, @excluded, @toponyms)`
  );
  const putFeature = db.prepare('INSERT INTO features (id, ord, kind, date, geojson) VALUES (?, ?, ?, ?, ?)');
  const link = db.prepare('INSERT OR IGNORE INTO feature_articles (feature_id, article_id) VALUES (?, ?)');
  db.transaction(() => {
    db.exec('DELETE FROM feature_articles; DELETE FROM features; DELETE FROM articles;');
    for (const a of articles) {
      putArticle.run({
        id: a.id,
        title: a.title,
        date: a.date,
        dateSource: a.dateSource,
        text: a.text,
        body: JSON.stringify(a.body),
        excluded: JSON.stringify(a.excluded),
        toponyms: JSON.stringify(a.toponyms)
      });
    }
    features.forEach((f, ord) => {
      putFeature.run(f.properties.id, ord, f.properties.kind, f.properties.date, JSON.stringify(f));
      for (const s of f.properties.sources) link.run(f.properties.id, s.article);
    });
  })();
}

/** All features as one GeoJSON FeatureCollection text, in extraction order, without parsing each row. */
export function featureCollectionJson(db: Db): string {
  const rows = db.prepare('SELECT geojson FROM features ORDER BY ord').pluck().all() as string[];
  return `{"type":"FeatureCollection","features":[${rows.join(',')}]}`;
}

export function featureCount(db: Db): { incidents: number; routes: number } {
  const rows = db.prepare('SELECT kind, count(*) AS n FROM features GROUP BY kind').all() as Array<{ kind: string; n: number }>;
  return {
    incidents: rows.find((r) => r.kind === 'incident')?.n ?? 0,
    routes: rows.find((r) => r.kind === 'route')?.n ?? 0
  };
}

export function getArticle(db: Db, id: string): ReadArticle | null {
  const row = db.prepare('SELECT * FROM articles WHERE id = ?').get(id) as
    | { id: string; title: string; date: string | null; date_source: ReadArticle['dateSource']; text: string; body: string; excluded: string; toponyms: string }
    | undefined;
  if (!row) return null;
  return {
    id: row.id,
    title: row.title,
    date: row.date,
    dateSource: row.date_source,
    text: row.text,
    body: JSON.parse(row.body),
    excluded: JSON.parse(row.excluded),
    toponyms: JSON.parse(row.toponyms)
  };
}

export function listArticles(db: Db): ArticleSummary[] {
  return db
    .prepare(
      `SELECT a.id, a.title, a.date, (SELECT url FROM inputs i WHERE i.id = a.id) AS url,
         (SELECT count(*) FROM feature_articles fa WHERE fa.article_id = a.id) AS features
       FROM articles a ORDER BY a.date DESC, a.id`
    )
    .all() as ArticleSummary[];
}
