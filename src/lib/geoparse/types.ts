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
}
