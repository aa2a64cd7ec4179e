import type { ArticleInput, ReadArticle } from '../types';
import { htmlToText } from './html';
import { markdownToText } from './markdown';
import { segment, type Region } from './segment';
import { inferArticleDate } from './article-date';

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
  if (replacement > 0 && replacement > sample.length / 1000) throw new ArticleReadError(id, 'invalid UTF-8: the text could not be decoded');
}

function normaliseDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(raw.trim());
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  const t = Date.parse(raw);
  return Number.isFinite(t) ? new Date(t).toISOString().slice(0, 10) : null;
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
  if (format === 'html') {
    const h = htmlToText(content);
    ({ text, metaTitle, metaDate } = h);
    regions = h.regions;
    headings = h.headings;
  } else if (format === 'markdown') {
    const m = markdownToText(content);
    ({ text, metaTitle, metaDate } = m);
    headings = m.headings;
  } else {
    text = content;
  }
  if (text.trim().length === 0) throw new ArticleReadError(input.id, `no readable text in the ${format} content`);

  const structure = segment(text, { regions, headings, title: input.title ?? metaTitle });
  let date = normaliseDate(input.date) ?? normaliseDate(metaDate);
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
