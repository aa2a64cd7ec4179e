/**
 * Events pipeline: articles → reading (body, comments, date) → incidents and supply routes → merged, sourced
 * GeoJSON features. Pure TypeScript: runs in the CLI, the server and tests alike.
 */
import type { Place } from '../gazetteer/types';
import { geoparse } from '../geoparse';
import type { Toponym } from '../geoparse/types';
import type { AtlasFeature } from '../geojson/types';
import { analyseArticle, foldRecords, type ArticleAnalysis } from './article';
import { countryName, incidentFeature, routeFeature } from './features';
import { mergeAll } from './merge';
import { ArticleReadError, readStructure } from './read';
import { extractRoutes, mergeRoutes, type RouteRecord } from './routes';
import type { ArticleInput, ExtractOptions, ExtractResult, GeoparseFn, ReadArticle } from './types';

export type { ArticleInput, ReadArticle, ExtractResult, ExtractOptions } from './types';
export { ArticleReadError, detectFormat, checkContent } from './read';

const defaultGeoparse: GeoparseFn = (text, opts) => geoparse(text, opts as Parameters<typeof geoparse>[1]);

/** Read an article: plain text, body and excluded parts, title, date, and every toponym resolved. */
export function readArticle(input: ArticleInput, opts: ExtractOptions = {}): ReadArticle {
  const read = readStructure(input);
  const parse = opts.geoparse ?? defaultGeoparse;
  const toponyms = input.toponyms ?? parse(read.text, { gazetteer: opts.gazetteer });
  return { ...read, toponyms };
}

/** Toponyms that are demonyms ("Iranian", "Russian"): their countries say where things come from. */
function demonymMentions(article: ReadArticle, parse: GeoparseFn, gazetteer: unknown): Toponym[] {
  const withDemonyms = parse(article.text, { gazetteer, demonyms: true });
  const named = new Set(article.toponyms.map((t) => `${t.start}:${t.end}`));
  return withDemonyms.filter((t) => t.place && !named.has(`${t.start}:${t.end}`) && /^[A-Z][a-z]+(?:i|an|ese|ish|ic)$/.test(t.text));
}

/**
 * The one entry point for the server and the CLI: read every article, extract its incidents and routes, merge
 * the same event or supply line across articles, and return features in a stable order. Articles that cannot
 * be read are reported in `errors`; the others are processed.
 */
export function extract(inputs: ArticleInput[], opts: ExtractOptions = {}): ExtractResult {
  const parse = opts.geoparse ?? defaultGeoparse;
  const articles: ReadArticle[] = [];
  const errors: ExtractResult['errors'] = [];
  for (const input of inputs) {
    try {
      articles.push(readArticle(input, opts));
    } catch (err) {
      if (err instanceof ArticleReadError) errors.push({ article: err.article, message: err.message });
      else errors.push({ article: input.id, message: err instanceof Error ? err.message : String(err) });
    }
  }

  // Countries as places, for routes whose endpoint is a country named only by context.
  const countries = new Map<string, Place | null>();
  for (const a of articles) for (const t of a.toponyms) if (t.place?.kind === 'country' && !countries.has(t.place.country)) countries.set(t.place.country, t.place);
  const countryPlace = (iso2: string): Place | null => {
    if (!countries.has(iso2)) {
      const name = countryName(iso2);
      const hit = name ? parse(name, { gazetteer: opts.gazetteer }).find((t) => t.place?.kind === 'country' && t.place.country === iso2) : undefined;
      countries.set(iso2, hit?.place ?? null);
    }
    return countries.get(iso2) ?? null;
  };

  const analyses: ArticleAnalysis[] = [];
  const routes: RouteRecord[] = [];
  for (const article of articles) {
    const bodyToponyms = article.toponyms.filter((t) => article.body.some((b) => t.start >= b.start && t.end <= b.end));
    const an = analyseArticle(article, bodyToponyms);
    analyses.push(an);
    const demonyms = demonymMentions(article, parse, opts.gazetteer).filter((t) => article.body.some((b) => t.start >= b.start && t.end <= b.end));
    routes.push(...extractRoutes(an, bodyToponyms, demonyms, countryPlace));
  }
  const incidents = mergeAll(analyses.flatMap((a) => a.incidents), foldRecords);
  const features: AtlasFeature[] = [...incidents.map(incidentFeature), ...mergeRoutes(routes).map(routeFeature)];
  // Stable order: incidents by date (unknown last), then place; routes after them by title.
  features.sort((a, b) => {
    if (a.properties.kind !== b.properties.kind) return a.properties.kind === 'incident' ? -1 : 1;
    const da = a.properties.date ?? '9999';
    const db = b.properties.date ?? '9999';
    return da.localeCompare(db) || a.properties.title.localeCompare(b.properties.title) || a.properties.id.localeCompare(b.properties.id);
  });
  return { articles, features, errors };
}
