/**
 * The dashboard's store: one SQLite file holding the articles as given (so they can be re-read when the
 * pipeline improves), the articles as read (text, spans, toponyms), the features derived from them, and an index
 * of incidents by date and place through which a new article's incidents are merged with the stored ones.
 *
 * Everything the server and the CLI do with the database goes through `AtlasStore` (articles, mentions,
 * incidents, corrections): a server database can take SQLite's place behind it. The functions at the end of this
 * file are the read side the API routes use, over the same tables.
 */
import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ArticleInput, ReadArticle } from '../events/types';
import type { Toponym } from '../geoparse/types';
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

/** An article as given, with the page it came from when known. */
export type StoredInput = ArticleInput & { url?: string | null };

/** A stored incident or route as merging needs it: its feature, the record it was rendered from, its merge order. */
export interface StoredFeature<R = unknown> {
  id: string;
  seq: number;
  record: R;
}

/** Where and when an incident is, for finding the stored incidents a new one may be the same event as. */
export interface IncidentKey {
  country: string;
  /** The days its date stands for; null when its date is unknown (such incidents never merge across articles). */
  from: string | null;
  to: string | null;
  lat: number;
  lon: number;
}

/** The countries (ISO codes) a route runs between, for finding the stored routes a new one may be. */
export interface RouteKey {
  origin: string;
  destination: string;
}

/** A correction made by hand, keyed by the article's content hash and the span it applies to. */
export interface Correction {
  id?: number;
  article: string;
  contentHash: string;
  start: number | null;
  end: number | null;
  /** What is corrected: 'toponym', 'incident' … */
  target: string;
  /** What was done: 'place', 'not-a-place', 'move', 'edit', 'delete' … */
  action: string;
  value: unknown;
  reason: string | null;
  createdAt?: string;
  undoneAt?: string | null;
}

/**
 * The one interface to the store. Reads are plain calls; writes happen inside `transaction`, all of it or none.
 */
export interface AtlasStore {
  transaction<T>(f: () => T): T;
  // Articles: as given and as read.
  hasArticle(id: string): boolean;
  sameArticle(input: StoredInput): boolean;
  inputs(): StoredInput[];
  putInput(input: StoredInput): void;
  putArticle(article: ReadArticle): void;
  article(id: string): ReadArticle | null;
  articleUrl(id: string): string | null;
  listArticles(): ArticleSummary[];
  // Mentions: the toponyms of an article.
  mentions(id: string): Toponym[];
  // Incidents and routes.
  incidentCandidates(key: IncidentKey, nearKm: number): Array<StoredFeature>;
  routeCandidates(originCountry: string, destinationCountry: string): Array<StoredFeature>;
  putFeature(feature: AtlasFeature, record: unknown, key: IncidentKey | RouteKey | null, seq: number): void;
  deleteFeature(id: string): void;
  nextSeq(): number;
  clearDerived(): void;
  featureCollectionJson(): string;
  featureCount(): { incidents: number; routes: number };
  // Corrections.
  addCorrection(c: Correction): number;
  corrections(article: string): Correction[];
  // Bookkeeping.
  getMeta(key: string): string | null;
  setMeta(key: string, value: string): void;
  /** Changes whenever any connection commits to the store. */
  dataVersion(): number;
  backup(file: string): Promise<void>;
  close(): void;
}

/** The layout of the derived tables; a database made with another is re-derived from its inputs. */
const DERIVED_VERSION = '3';

const INPUTS = `
CREATE TABLE IF NOT EXISTS inputs (
  id TEXT PRIMARY KEY,
  content TEXT NOT NULL,
  format TEXT,
  date TEXT,
  title TEXT,
  url TEXT,
  added_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS corrections (
  id INTEGER PRIMARY KEY,
  article_id TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  span_start INTEGER,
  span_end INTEGER,
  target TEXT NOT NULL,
  action TEXT NOT NULL,
  value TEXT,
  reason TEXT,
  created_at TEXT NOT NULL,
  undone_at TEXT
);
CREATE INDEX IF NOT EXISTS corrections_article ON corrections (article_id);
CREATE INDEX IF NOT EXISTS corrections_content ON corrections (content_hash);
`;

const DERIVED = `
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
  sort TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('incident', 'route')),
  date TEXT,
  geojson TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS features_sort ON features (sort);
CREATE TABLE IF NOT EXISTS feature_articles (
  feature_id TEXT NOT NULL REFERENCES features (id) ON DELETE CASCADE,
  article_id TEXT NOT NULL,
  PRIMARY KEY (feature_id, article_id)
);
CREATE INDEX IF NOT EXISTS feature_articles_article ON feature_articles (article_id);
CREATE TABLE IF NOT EXISTS incidents (
  feature_id TEXT PRIMARY KEY REFERENCES features (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  country TEXT NOT NULL,
  date_from TEXT,
  date_to TEXT,
  -- 1 when the period is longer than a month (a date known to the year): few, looked up apart.
  long INTEGER NOT NULL DEFAULT 0,
  lat REAL NOT NULL,
  lon REAL NOT NULL,
  record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS incidents_country_date ON incidents (country, long, date_from);
CREATE INDEX IF NOT EXISTS incidents_date_lat ON incidents (long, date_from, lat);
CREATE INDEX IF NOT EXISTS incidents_seq ON incidents (seq);
CREATE TABLE IF NOT EXISTS routes (
  feature_id TEXT PRIMARY KEY REFERENCES features (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  origin_country TEXT NOT NULL,
  destination_country TEXT NOT NULL,
  record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS routes_countries ON routes (origin_country, destination_country);
CREATE INDEX IF NOT EXISTS routes_seq ON routes (seq);
`;

/** Periods are at most a year long (a date known to the year), and most at most a month (day, week, month). */
const LONGEST_PERIOD_DAYS = 366;
const SHORT_PERIOD_DAYS = 31;
const daysBefore = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
const isLong = (from: string | null, to: string | null) => (from && to ? Date.parse(to) - Date.parse(from) > SHORT_PERIOD_DAYS * 86_400_000 : false);

/**
 * Opens (creating it, readable and writable by its owner only) the database. WAL: readers never wait for the
 * writer, nor the writer for them. synchronous=FULL: a commit is on disk before it is acknowledged, so an
 * acknowledged article survives a crash of the process and of the machine.
 */
export function openDb(path: string): Db {
  if (path !== ':memory:') {
    mkdirSync(dirname(path), { recursive: true });
    if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
  }
  const db = new Database(path);
  db.pragma('busy_timeout = 10000');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.exec(INPUTS);
  // Databases created before articles had a source URL.
  const columns = db.prepare('PRAGMA table_info(inputs)').all() as Array<{ name: string }>;
  if (!columns.some((c) => c.name === 'url')) db.exec('ALTER TABLE inputs ADD COLUMN url TEXT');
  if (getMeta(db, 'derived_version') !== DERIVED_VERSION) {
    // Derived tables of another layout: dropped and re-derived from the inputs (the next start re-reads them).
    db.transaction(() => {
      db.exec('DROP TABLE IF EXISTS incidents; DROP TABLE IF EXISTS routes; DROP TABLE IF EXISTS feature_articles; DROP TABLE IF EXISTS features; DROP TABLE IF EXISTS articles;');
      db.exec(DERIVED);
      setMeta(db, 'derived_version', DERIVED_VERSION);
      if (getMeta(db, 'source') === 'pipeline') setMeta(db, 'source', 'stale');
    })();
  } else db.exec(DERIVED);
  if (path !== ':memory:') {
    // The WAL and its index hold the same data as the database: owner only too.
    for (const f of [path, `${path}-wal`, `${path}-shm`]) {
      try {
        chmodSync(f, 0o600);
      } catch {
        // not there (yet), or not ours to change
      }
    }
  }
  return db;
}

const sortKey = (f: AtlasFeature) => `${f.properties.kind === 'incident' ? 0 : 1}|${f.properties.date ?? '9999'}|${f.properties.title}|${f.properties.id}`;

/** The AtlasStore over one SQLite connection. */
export class SqliteStore implements AtlasStore {
  constructor(readonly db: Db) {}

  static open(path: string): SqliteStore {
    return new SqliteStore(openDb(path));
  }

  transaction<T>(f: () => T): T {
    return this.db.transaction(f).immediate();
  }

  hasArticle(id: string): boolean {
    return hasInput(this.db, id);
  }
  sameArticle(input: StoredInput): boolean {
    return sameInput(this.db, input);
  }
  inputs(): StoredInput[] {
    return loadInputs(this.db);
  }
  putInput(input: StoredInput): void {
    saveInputs(this.db, [input]);
  }
  putArticle(a: ReadArticle): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO articles (id, title, date, date_source, text, body, excluded, toponyms)
         VALUES (@id, @title, @date, @dateSource, @text, @body, @excluded, @toponyms)`
      )
      .run({
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
  article(id: string): ReadArticle | null {
    return getArticle(this.db, id);
  }
  articleUrl(id: string): string | null {
    return inputUrl(this.db, id);
  }
  listArticles(): ArticleSummary[] {
    return listArticles(this.db);
  }
  mentions(id: string): Toponym[] {
    const row = this.db.prepare('SELECT toponyms FROM articles WHERE id = ?').pluck().get(id) as string | undefined;
    return row ? JSON.parse(row) : [];
  }

  incidentCandidates(key: IncidentKey, nearKm: number): Array<StoredFeature> {
    if (!key.from || !key.to) return [];
    type Row = { id: string; seq: number; record: string };
    // Each lookup is a range of an index: the incidents of the country whose period starts at most a month
    // (or, for the few long ones, a year) before this one's, and ends after its start.
    const inCountry = this.db.prepare(
      `SELECT feature_id AS id, seq, record FROM incidents
       WHERE country = @country AND long = @long AND date_from BETWEEN @earliest AND @to AND date_to >= @from`
    );
    const rows: Row[] = [];
    for (const [long, days] of [[0, SHORT_PERIOD_DAYS], [1, LONGEST_PERIOD_DAYS]] as const)
      rows.push(...(inCountry.all({ country: key.country, long, earliest: daysBefore(key.from, days), to: key.to, from: key.from }) as Row[]));
    if (nearKm > 0) {
      // Across a border: places near each other ("near X") in the same days.
      const dLat = nearKm / 111;
      const across = this.db.prepare(
        `SELECT feature_id AS id, seq, record FROM incidents
         WHERE long = @long AND date_from BETWEEN @earliest AND @to AND lat BETWEEN @lat0 AND @lat1 AND country <> @country AND date_to >= @from`
      );
      for (const [long, days] of [[0, SHORT_PERIOD_DAYS], [1, LONGEST_PERIOD_DAYS]] as const)
        rows.push(
          ...(across.all({ long, country: key.country, earliest: daysBefore(key.from, days), to: key.to, from: key.from, lat0: key.lat - dLat, lat1: key.lat + dLat }) as Row[])
        );
    }
    return rows.sort((a, b) => a.seq - b.seq).map((r) => ({ id: r.id, seq: r.seq, record: JSON.parse(r.record) }));
  }

  routeCandidates(originCountry: string, destinationCountry: string): Array<StoredFeature> {
    const rows = this.db
      .prepare('SELECT feature_id AS id, seq, record FROM routes WHERE origin_country = ? AND destination_country = ? ORDER BY seq')
      .all(originCountry, destinationCountry) as Array<{ id: string; seq: number; record: string }>;
    return rows.map((r) => ({ id: r.id, seq: r.seq, record: JSON.parse(r.record) }));
  }

  putFeature(f: AtlasFeature, record: unknown, key: IncidentKey | RouteKey | null, seq: number): void {
    const p = f.properties;
    const at = key && 'country' in key ? key : null;
    const ends = key && 'origin' in key ? key : null;
    this.db.prepare('INSERT OR REPLACE INTO features (id, sort, kind, date, geojson) VALUES (?, ?, ?, ?, ?)').run(p.id, sortKey(f), p.kind, p.date, JSON.stringify(f));
    const link = this.db.prepare('INSERT OR IGNORE INTO feature_articles (feature_id, article_id) VALUES (?, ?)');
    for (const s of p.sources) link.run(p.id, s.article);
    if (p.kind === 'incident') {
      this.db
        .prepare('INSERT OR REPLACE INTO incidents (feature_id, seq, country, date_from, date_to, long, lat, lon, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(p.id, seq, at?.country ?? p.country_code, at?.from ?? null, at?.to ?? null, isLong(at?.from ?? null, at?.to ?? null) ? 1 : 0, at?.lat ?? 0, at?.lon ?? 0, JSON.stringify(record));
    } else {
      this.db
        .prepare('INSERT OR REPLACE INTO routes (feature_id, seq, origin_country, destination_country, record) VALUES (?, ?, ?, ?, ?)')
        .run(p.id, seq, ends?.origin ?? p.origin_country, ends?.destination ?? p.destination_country, JSON.stringify(record));
    }
  }

  deleteFeature(id: string): void {
    this.db.prepare('DELETE FROM features WHERE id = ?').run(id);
  }

  nextSeq(): number {
    const row = this.db.prepare('SELECT max(s) FROM (SELECT max(seq) AS s FROM incidents UNION ALL SELECT max(seq) FROM routes)').pluck().get() as number | null;
    return (row ?? 0) + 1;
  }

  clearDerived(): void {
    this.db.exec('DELETE FROM incidents; DELETE FROM routes; DELETE FROM feature_articles; DELETE FROM features; DELETE FROM articles;');
  }

  featureCollectionJson(): string {
    return featureCollectionJson(this.db);
  }
  featureCount(): { incidents: number; routes: number } {
    return featureCount(this.db);
  }

  addCorrection(c: Correction): number {
    const r = this.db
      .prepare(
        `INSERT INTO corrections (article_id, content_hash, span_start, span_end, target, action, value, reason, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(c.article, c.contentHash, c.start, c.end, c.target, c.action, JSON.stringify(c.value ?? null), c.reason, new Date().toISOString());
    return Number(r.lastInsertRowid);
  }
  corrections(article: string): Correction[] {
    const rows = this.db.prepare('SELECT * FROM corrections WHERE article_id = ? ORDER BY id').all(article) as Array<Record<string, unknown>>;
    return rows.map((r) => ({
      id: r.id as number,
      article: r.article_id as string,
      contentHash: r.content_hash as string,
      start: r.span_start as number | null,
      end: r.span_end as number | null,
      target: r.target as string,
      action: r.action as string,
      value: JSON.parse((r.value as string) ?? 'null'),
      reason: r.reason as string | null,
      createdAt: r.created_at as string,
      undoneAt: r.undone_at as string | null
    }));
  }

  getMeta(key: string): string | null {
    return getMeta(this.db, key);
  }
  setMeta(key: string, value: string): void {
    setMeta(this.db, key, value);
  }
  dataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }
  /** A consistent copy of the database while it is in use (SQLite's online backup), created owner-only. */
  async backup(file: string): Promise<void> {
    if (existsSync(file)) throw new Error(`${file} exists; the backup never overwrites a file`);
    closeSync(openSync(file, 'wx', 0o600));
    await this.db.backup(file);
    chmodSync(file, 0o600);
  }
  close(): void {
    this.db.close();
  }
}

// The read side, as the API routes use it.

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

/** The stored inputs in the order they were added (then by id), which is the order incidents merge in. */
export function loadInputs(db: Db): StoredInput[] {
  const rows = db.prepare('SELECT id, content, format, date, title, url FROM inputs ORDER BY added_at, id').all() as Array<{
    id: string;
    content: string;
    format: ArticleInput['format'] | null;
    date: string | null;
    title: string | null;
    url: string | null;
  }>;
  return rows.map((r) => ({ id: r.id, content: r.content, format: r.format ?? undefined, date: r.date, title: r.title, url: r.url }));
}

export function hasInput(db: Db, id: string): boolean {
  return db.prepare('SELECT 1 FROM inputs WHERE id = ?').get(id) !== undefined;
}

/** All features as one GeoJSON FeatureCollection text, incidents by date then routes, without parsing each row. */
export function featureCollectionJson(db: Db): string {
  const rows = db.prepare('SELECT geojson FROM features ORDER BY sort').pluck().all() as string[];
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

/** Replaces every read article and feature (synthetic load-testing data; tests), atomically. */
export function replaceExtraction(db: Db, articles: ReadArticle[], features: AtlasFeature[]): void {
  const store = new SqliteStore(db);
  db.transaction(() => {
    store.clearDerived();
    for (const a of articles) store.putArticle(a);
    features.forEach((f, seq) => {
      const p = f.properties;
      const key =
        p.kind === 'incident'
          ? { country: p.country_code, from: p.date, to: p.date, lat: (f.geometry.coordinates as number[])[1], lon: (f.geometry.coordinates as number[])[0] }
          : null;
      store.putFeature(f, null, key, seq + 1);
    });
  })();
}
