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
}

/** An article after reading: the plain text every span refers to, split into body and reader comments. */
export interface ReadArticle {
  id: string;
  title: string;
  /** YYYY-MM-DD or null when unknown (never invented). */
  date: string | null;
  dateSource: 'metadata' | 'text' | 'unknown';
  /** Plain text of the whole article (HTML/Markdown converted); all character spans index into this. */
  text: string;
  /** Spans of `text` that are the article body (incidents and routes come only from these). */
  body: Array<{ start: number; end: number }>;
  /** Spans of `text` that are page cruft (tag lists, bios) or reader comments: kept for reading, never mapped. */
  excluded: Array<{ start: number; end: number; reason: 'comments' | 'navigation' | 'byline' }>;
  /** Every resolved toponym in `text` (body and excluded parts alike), for highlighting in the reader. */
  toponyms: Toponym[];
}

export interface ExtractResult {
  articles: ReadArticle[];
  /** Incidents (Point) and routes (LineString), merged across articles, in a stable order. */
  features: AtlasFeature[];
}
