/**
 * Adding articles to the store, one at a time, at a cost that does not grow with the corpus: the new article is
 * read and its incidents extracted on their own, then merged with the stored incidents found through the index on
 * date and place, by the pipeline's own rule for "the same event" (events/merge.ts) and its own way of folding
 * two reports into one (events/article.ts, events/routes.ts). Re-deriving the whole store is the same thing done
 * for every stored article in the order they were added, so both give the same map.
 *
 * Synchronous and free of HTTP: it runs in the server's worker thread and in `atlas import` alike.
 */
import { runInNewContext } from 'node:vm';
import { extract } from '../events';
import { foldRecords, type IncidentRecord } from '../events/article';
import { incidentFeature, routeFeature } from '../events/features';
import { period, sameEvent } from '../events/merge';
import { KIND_RANK } from '../events/places';
import { readStructure } from '../events/read';
import { mergeRoutes, type Endpoint, type RouteRecord } from '../events/routes';
import type { ArticleInput, ExtractResult, ReadArticle } from '../events/types';
import type { Place } from '../gazetteer/types';
import type { Gazetteer } from '../gazetteer';
import type { AtlasFeature, IncidentFeature, RouteFeature } from '../geojson/types';
import type { AtlasStore, IncidentKey, StoredInput } from './db';

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

export const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

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

/** An incident as stored in the index: what merging and rendering need (the per-sentence drafts are left out). */
type StoredIncident = Omit<IncidentRecord, 'drafts'>;
type StoredRoute = RouteRecord;

/** Within this distance, a town "near X" may be X across a border (events/merge.ts, placesCompatible). */
const NEAR_KM = 60;

const routeKey = (r: StoredRoute) => ({ origin: r.origin.place.country, destination: r.destination.place.country });

const FIELDS = ['killed', 'wounded', 'captured'] as const;

export interface IngestOptions {
  gazetteer: Gazetteer;
  /** How long reading one article may take, in milliseconds. */
  budgetMs: () => number;
}

export class Ingest {
  constructor(
    readonly store: AtlasStore,
    private readonly opts: IngestOptions
  ) {}

  private warm = false;

  /**
   * One small extraction outside any budget, so that loading the gazetteer and the pipeline's first-use caches
   * is never what a budget stops halfway.
   */
  warmUp(): void {
    if (this.warm) return;
    this.warm = true;
    try {
      extract([{ id: 'warm-up', content: 'A roadside bomb killed three soldiers in Kirkuk, Iraq, on 3 March 2008.', format: 'text' }], { gazetteer: this.opts.gazetteer });
    } catch {
      // the articles themselves will say what is wrong
    }
  }

  /**
   * Reads one article on its own, within the time budget for one article, and extracts its incidents and routes;
   * throws ArticleRejected (400 for a wrong field, 422 for content that cannot be read or takes too long).
   */
  read(input: ArticleInput): ExtractResult {
    this.warmUp();
    const budget = this.opts.budgetMs();
    const overBudget = () =>
      new ArticleRejected(422, `Reading the article took longer than the ${budget / 1000} s allowed for one article (ATLAS_ARTICLE_BUDGET_MS); it was not stored`);
    const started = performance.now();
    try {
      withinBudget(budget, () => readStructure(input));
    } catch (e) {
      throw e instanceof OverBudget ? overBudget() : readRejection(e);
    }
    let result: ExtractResult;
    try {
      const left = budget - (performance.now() - started);
      if (left <= 0) throw new OverBudget(budget);
      result = withinBudget(left, () => extract([input], { gazetteer: this.opts.gazetteer }));
    } catch (e) {
      throw e instanceof OverBudget ? overBudget() : new ArticleRejected(422, `The article could not be read: ${messageOf(e)}`);
    }
    const own = result.errors?.find((e) => e.article === input.id);
    if (own || !result.articles.length) throw new ArticleRejected(422, `The article could not be read: ${own?.message ?? 'nothing in it could be read'}`);
    return result;
  }

  /**
   * Adds one article, or rejects it with nothing stored. A retry of the same article (same id and content) is
   * answered with what is stored; another article under a taken id is a conflict.
   */
  add(input: StoredInput): { article: ReadArticle; created: boolean } {
    const stored = this.existing(input);
    if (stored) return { article: stored, created: false };
    return this.commit(input, this.read(input));
  }

  /** Stores an article read by `read` with its incidents and routes merged, in one transaction. */
  commit(input: StoredInput, result: ExtractResult): { article: ReadArticle; created: boolean } {
    return this.store.transaction(() => {
      // Another process (atlas import) may have stored it meanwhile.
      const now = this.existing(input);
      if (now) return { article: now, created: false };
      this.store.putInput(input);
      try {
        this.merge(result);
      } catch (e) {
        throw new ArticleRejected(422, `The article could not be merged with the stored articles: ${messageOf(e)}`);
      }
      this.store.setMeta('extracted_at', new Date().toISOString());
      return { article: result.articles[0], created: true };
    });
  }

  private existing(input: StoredInput): ReadArticle | null {
    if (!this.store.hasArticle(input.id)) return null;
    const article = this.store.sameArticle(input) ? this.store.article(input.id) : null;
    if (article) return article;
    throw new ArticleRejected(409, `An article with id "${input.id}" already exists`);
  }

  /**
   * Re-derives everything from the stored articles, in the order they were added, in one transaction: readers
   * see the previous map until it commits. An article that cannot be read, takes longer than the budget or breaks
   * the merge is left out (its part rolled back) and reported; it never stops the others.
   */
  rebuild(progress?: (done: number, total: number) => void): Array<{ article: string; message: string }> {
    const errors: Array<{ article: string; message: string }> = [];
    const inputs = this.store.inputs();
    this.warmUp();
    this.store.transaction(() => {
      this.store.clearDerived();
      for (const [n, input] of inputs.entries()) {
        try {
          const result = this.read(input);
          this.store.transaction(() => this.merge(result));
        } catch (e) {
          const message = messageOf(e)
            .replace(/^The article could not be read: /, '')
            .replace(/ \(ATLAS_ARTICLE_BUDGET_MS\); it was not stored$/, '');
          errors.push({ article: input.id, message });
        }
        progress?.(n + 1, inputs.length);
      }
      this.store.setMeta('errors', JSON.stringify(errors));
      this.store.setMeta('extracted_at', new Date().toISOString());
      this.store.setMeta('source', 'pipeline');
    });
    return errors;
  }

  /** Stores an article as read and merges its incidents and routes with the stored ones (in the caller's transaction). */
  private merge(result: ExtractResult): void {
    for (const a of result.articles) this.store.putArticle(a);
    for (const f of result.features) {
      if (f.properties.kind === 'incident') this.mergeIncident(f as IncidentFeature);
      else this.mergeRoute(f as RouteFeature);
    }
  }

  private place(id: string, fallback: () => Place): Place {
    return this.opts.gazetteer.byId(id) ?? fallback();
  }

  /** The record an incident feature was rendered from, as far as the feature tells it. */
  private incidentRecord(f: IncidentFeature): StoredIncident {
    const p = f.properties;
    const [lon, lat] = f.geometry.coordinates;
    const place = this.place(p.gazetteer_id, () => ({
      id: p.gazetteer_id,
      name: p.place_name,
      lat,
      lon,
      kind: p.geo_precision === 3 ? (p.admin1 ? 'admin1' : 'country') : 'city',
      featureCode: '',
      country: p.country_code,
      admin1: p.admin1,
      admin1Code: null,
      admin2: null,
      population: 0
    }));
    const first = p.sources[0];
    const counts: StoredIncident['counts'] = {};
    for (const k of FIELDS) if (p[k] !== null) counts[k] = { n: p[k]!, approx: false };
    return {
      articles: [...new Set(p.sources.map((s) => s.article))],
      place: {
        place,
        geoPrecision: p.geo_precision,
        ...(p.place_name !== place.name ? { unlocatedName: p.place_name } : {}),
        toponym: { text: p.place_name, start: first?.start ?? 0, end: first?.end ?? 0, place, confidence: p.confidence, alternatives: [] } as never
      },
      date: { date: p.date, precision: p.time_precision, text: p.date_text, how: p.date ? 'explicit' : 'none' },
      counts,
      subEventType: p.sub_event_type,
      eventType: p.event_type,
      sources: p.sources,
      actors: p.actors,
      actorAliases: p.actor_aliases ?? {},
      actor1: p.actor1,
      actor2: p.actor2,
      confidence: p.confidence,
      background: false,
      distinct: false
    };
  }

  private incidentKey(r: StoredIncident): IncidentKey {
    const days = period(r.date);
    return { country: r.place.place.country, from: days?.from ?? null, to: days?.to ?? null, lat: r.place.place.lat, lon: r.place.place.lon };
  }

  /** A new incident joins the first stored one (in the order they were added) that is the same event, or is stored as new. */
  private mergeIncident(f: IncidentFeature): void {
    const record = this.incidentRecord(f);
    const near = KIND_RANK[record.place.place.kind] >= 4 ? NEAR_KM : 0;
    for (const c of this.store.incidentCandidates(this.incidentKey(record), near)) {
      const stored = { ...(c.record as StoredIncident), drafts: [] } as IncidentRecord;
      const incoming = { ...record, drafts: [] } as IncidentRecord;
      if (!sameEvent(stored, incoming)) continue;
      const { drafts: _drafts, ...merged } = foldRecords(stored, incoming);
      this.store.deleteFeature(c.id);
      this.store.putFeature(incidentFeature({ ...merged, drafts: [] }), merged, this.incidentKey(merged), c.seq);
      return;
    }
    this.store.putFeature(f, record, this.incidentKey(record), this.store.nextSeq());
  }

  private routeRecord(f: RouteFeature): StoredRoute {
    const p = f.properties;
    const coords = f.geometry.coordinates;
    const endpoint = (id: string, name: string, at: number[]): Endpoint => ({
      place: this.place(id, () => ({ id, name, lat: at[1], lon: at[0], kind: 'city', featureCode: '', country: '', admin1: null, admin1Code: null, admin2: null, population: 0 })),
      mention: null,
      how: 'explicit'
    });
    return {
      articles: [...new Set(p.sources.map((s) => s.article))],
      origin: endpoint(p.origin_id, p.origin_name, coords[0]),
      destination: endpoint(p.destination_id, p.destination_name, coords[coords.length - 1]),
      via: p.via_id ? endpoint(p.via_id, p.via_name ?? p.via_id, coords[Math.floor(coords.length / 2)]) : null,
      cargo: p.cargo.split(', ') as RouteRecord['cargo'],
      actors: p.actors,
      date: p.date,
      precision: p.time_precision,
      confidence: p.confidence,
      sources: p.sources
    };
  }

  private mergeRoute(f: RouteFeature): void {
    const record = this.routeRecord(f);
    for (const c of this.store.routeCandidates(record.origin.place.country, record.destination.place.country)) {
      const merged = mergeRoutes([c.record as StoredRoute, record]);
      if (merged.length !== 1) continue;
      this.store.deleteFeature(c.id);
      this.store.putFeature(routeFeature(merged[0]), merged[0], routeKey(merged[0]), c.seq);
      return;
    }
    this.store.putFeature(f, record, routeKey(record), this.store.nextSeq());
  }
}

/** The features an extraction gives, for callers that only count them. */
export type { AtlasFeature };
