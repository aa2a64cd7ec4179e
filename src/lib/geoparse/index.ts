/**
 * Geoparsing: text → toponym mentions → resolved places. Pure TypeScript over the bundled gazetteer;
 * no network and no search server, usable from the CLI, the server and tests alike.
 */
import { loadGazetteer, type Gazetteer } from '../gazetteer';
import { recognize } from './recognize';
import { calibratedConfidence } from './calibrate';
import { resolve, DEFAULT_WEIGHTS, type ResolveWeights } from './resolve';
import type { Toponym } from './types';

export type { Toponym, Mention } from './types';

export interface GeoparseOptions {
  gazetteer?: Gazetteer;
  /** Resolve exactly these spans, in this order, instead of recognising names (gold-span evaluation). */
  spans?: Array<{ start: number; end: number }>;
  /** Report demonyms ("Iraqi", "American") as mentions of their country, as some annotation schemes do. */
  demonyms?: boolean;
  weights?: ResolveWeights;
  /** Keep the resolver's softmax share as `confidence` instead of the calibrated probability (for fitting the calibration). */
  rawConfidence?: boolean;
}

/** Finds and resolves the place names in `text`. Never throws on odd input; spans always index into `text`. */
export function geoparse(text: string, opts: GeoparseOptions = {}): Toponym[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const gazetteer = opts.gazetteer ?? loadGazetteer();
  const { mentions, demonymCountries } = recognize(text, gazetteer, { spans: opts.spans, demonyms: opts.demonyms });
  const resolutions = resolve(mentions, demonymCountries, opts.weights ?? DEFAULT_WEIGHTS);
  return mentions.map((m, i) => {
    const r = resolutions[i];
    const confidence = opts.rawConfidence ? r.confidence : calibratedConfidence(r);
    return { start: m.start, end: m.end, text: m.text, ...r, confidence };
  });
}
