import type { Place } from '../gazetteer/types';

/** A toponym found in a text, before resolution. */
export interface Mention {
  start: number;
  end: number;
  /** text.slice(start, end) */
  text: string;
}

/** A resolved toponym: what the CLI prints and the events layer consumes. */
export interface Toponym extends Mention {
  /** The chosen referent, or null when no candidate could be chosen (the mention is still reported). */
  place: Place | null;
  /** 0..1 */
  confidence: number;
  /** Other plausible referents, best first (at most 5), for the correction UI. */
  alternatives: Array<{ place: Place; score: number }>;
  /**
   * The smallest container the text names for this toponym ("Boma, in Lac province" → Lac), when there is one:
   * precision 2 for a district or part of a region, 3 for a province or larger. The fallback when `place` is null.
   */
  container?: { place: Place; precision: 2 | 3 } | null;
  /** Why `place` is null (no candidate, no candidate in the document's region, …); null or absent when resolved. */
  unresolved?: string | null;
}
