import type { Toponym } from '../geoparse/types';
import type { AtlasFeature } from '../geojson/types';

/** An article as given to the pipeline (a file, an upload, a JSONL line). */
export interface ArticleInput {
  /** Stable article id: the file name without extension for files. */
  id: string;
  /** Raw content as read (plain text, Markdown or HTML). */
  content: string;
  format?: 'text' | 'markdown' | 'html';
  /** Publication date from metadata (YYYY-MM-DD), when the caller has one. */
  date?: string | null;
  title?: string | null;
  /** Toponyms already resolved for this content's plain text (e.g. corrected in the reader); else the geoparser runs. */
  toponyms?: Toponym[];
}

/** Why a span of the text is kept out of extraction. */
export type ExcludedReason = 'comments' | 'navigation' | 'byline' | 'title' | 'heading' | 'caption';

/** An article after reading: the plain text every span refers to, split into body and reader comments. */
export interface ReadArticle {
  id: string;
  title: string;
  /** YYYY-MM-DD or null when unknown (never invented). */
  date: string | null;
  dateSource: 'metadata' | 'text' | 'unknown';
  /**
   * Where a date read from the text came from: a dateline in the article ("on 5 August 2017"), or the earliest
   * trackback/pingback that links to it (an upper bound: the article is at most that old, so it is approximate).
   */
  dateEvidence?: { kind: 'dateline' | 'trackback'; start: number; end: number } | null;
  /** Plain text of the whole article (HTML/Markdown converted); all character spans index into this. */
  text: string;
  /** Spans of `text` that are the article body (incidents and routes come only from these). */
  body: Array<{ start: number; end: number }>;
  /** Spans of `text` kept for reading but never mapped: page cruft, the title, headings, captions, reader comments. */
  excluded: Array<{ start: number; end: number; reason: ExcludedReason }>;
  /** Every resolved toponym in `text` (body and excluded parts alike), for highlighting in the reader. */
  toponyms: Toponym[];
}

export interface ExtractResult {
  articles: ReadArticle[];
  /** Incidents (Point) and routes (LineString), merged across articles, in a stable order. */
  features: AtlasFeature[];
  /** Inputs that could not be read (empty, binary …): reported, never silently dropped. */
  errors: Array<{ article: string; message: string }>;
}

/** A geoparser: the project's (`geoparse` in src/lib/geoparse) or a stand-in with the same contract. */
export type GeoparseFn = (text: string, opts?: { gazetteer?: unknown; demonyms?: boolean }) => Toponym[];

export interface ExtractOptions {
  /** The gazetteer to resolve against (default: the bundled one). */
  gazetteer?: unknown;
  /** Replaces the geoparser (tests, or a reader whose user corrected the places). */
  geoparse?: GeoparseFn;
}
