import type { ArticleInput, ReadArticle } from '../types';
import { htmlToText } from './html';
import { markdownToText, splitFrontMatter } from './markdown';
import { parseDateField } from '../dates';
import { segment, type Region } from './segment';
import { inferArticleDate } from './article-date';
import { unwrap } from './unwrap';

/** An input that cannot be read as an article (empty, binary, undecodable). */
export class ArticleReadError extends Error {
  constructor(
    readonly article: string,
    message: string
  ) {
    super(message);
    this.name = 'ArticleReadError';
  }
}

/**
 * A date field that is no possible date ("2024-13-01", "2007-02-30", "0000-00-00"): the API field, an HTML meta
 * tag or a front-matter line. `field` names where it was, so a server can answer 400 naming it; nothing of the
 * article is read further.
 */
export class ArticleDateError extends ArticleReadError {
  constructor(
    article: string,
    readonly field: string,
    readonly value: string
  ) {
    super(article, `invalid date in ${field}: ${JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value)} is not a calendar date (expected YYYY-MM-DD)`);
    this.name = 'ArticleDateError';
  }
}

/** A date field as YYYY-MM-DD, null when absent or empty; an impossible date throws `ArticleDateError`. */
export function checkDateField(article: string, field: string, raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw !== 'string') throw new ArticleDateError(article, field, String(raw));
  if (!raw.trim()) return null;
  const date = parseDateField(raw);
  if (!date) throw new ArticleDateError(article, field, raw);
  return date;
}

export function detectFormat(content: string): 'text' | 'markdown' | 'html' {
  const head = content.slice(0, 4000);
  if (/^\s*(<!doctype html|<html\b|<\?xml)/i.test(head)) return 'html';
  const tags = head.match(/<\/?(p|div|span|a|br|h[1-6]|article|section|body|head|script|style|ul|li|table|em|strong|b|i)\b[^>]*>/gi) ?? [];
  if (tags.length >= 3) return 'html';
  if (/^(#{1,6}\s+\S|---\r?\n[\s\S]*?\r?\n---)/m.test(head) || /\[[^\]\n]+\]\([^)\s]+\)/.test(head) || /^\s*[-*]\s+\S[\s\S]*\n\s*[-*]\s+\S/m.test(head) && /\*\*[^*]+\*\*/.test(head))
    return 'markdown';
  return 'text';
}

/** Refuse what is not text: a reader must say why a file gave nothing, not map garbage. */
export function checkContent(id: string, content: string): void {
  if (typeof content !== 'string') throw new ArticleReadError(id, 'content is not text');
  if (content.trim().length === 0) throw new ArticleReadError(id, 'empty article: no text to read');
  const sample = content.slice(0, 65536);
  if (sample.includes('\u0000')) throw new ArticleReadError(id, 'binary content (NUL bytes): not a text, Markdown or HTML article');
  const controls = sample.match(/[\u0001-\u0008\u000E-\u001F]/g)?.length ?? 0;
  if (controls > Math.max(8, sample.length / 100)) throw new ArticleReadError(id, 'binary content (control characters): not a text, Markdown or HTML article');
  const replacement = sample.match(/\uFFFD/g)?.length ?? 0;
  // One lost character ("party\uFFFDs") leaves a text readable; many mean the text was not decoded.
  if (replacement >= 2 && (replacement > 8 || replacement > sample.length / 50)) throw new ArticleReadError(id, 'invalid UTF-8: the text could not be decoded');
}

/**
 * Check an article before it is stored: readable text and possible dates (the date field, meta tags, front
 * matter). Throws `ArticleDateError` (with the field) or `ArticleReadError`; returns the article's date as read.
 */
export function validateArticle(input: ArticleInput): { date: string | null } {
  return { date: readStructure(input).date };
}

/** Read an article's content into plain text with its structure and date; toponyms are left empty here. */
export function readStructure(input: ArticleInput): Omit<ReadArticle, 'toponyms'> {
  checkContent(input.id, input.content);
  const content = input.content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const format = input.format ?? detectFormat(content);
  let text: string;
  let regions: Region[] = [];
  let headings: Array<{ start: number; end: number; level: number }> | undefined;
  let metaTitle: string | null = null;
  let metaDate: string | null = null;
  let metaDateField: string | null = null;
  // The date given with the article (API field, `--date`) is checked first: a bad one stops reading at once.
  const given = checkDateField(input.id, 'date', input.date);
  if (format === 'html') {
    const h = htmlToText(content);
    ({ text, metaTitle, metaDate, metaDateField } = h);
    regions = h.regions;
    headings = h.headings;
  } else if (format === 'markdown') {
    const m = markdownToText(content);
    ({ text, metaTitle, metaDate, metaDateField } = m);
    headings = m.headings;
  } else {
    // Plain text may open with a front-matter block too ("---\ndate: 2024-03-05\n---").
    const fm = splitFrontMatter(content);
    // Hard-wrapped text: line breaks inside sentences become spaces (offsets unchanged).
    text = unwrap(fm.body);
    metaTitle = fm.title;
    metaDate = fm.date;
    metaDateField = fm.dateField;
  }
  if (text.trim().length === 0) throw new ArticleReadError(input.id, `no readable text in the ${format} content`);

  const structure = segment(text, { regions, headings, title: input.title ?? metaTitle });
  const fromMeta = checkDateField(input.id, metaDateField ?? 'metadata date', metaDate);
  let date = given ?? fromMeta;
  let dateSource: ReadArticle['dateSource'] = date ? 'metadata' : 'unknown';
  let dateEvidence: ReadArticle['dateEvidence'] = null;
  if (!date) {
    const inferred = inferArticleDate(text, structure.excluded, structure.body);
    if (inferred) {
      date = inferred.date;
      dateSource = 'text';
      dateEvidence = { kind: inferred.kind, start: inferred.start, end: inferred.end };
    }
  }
  return {
    id: input.id,
    title: (structure.title ?? input.id).trim(),
    date,
    dateSource,
    dateEvidence,
    text,
    body: structure.body,
    excluded: structure.excluded
  };
}
