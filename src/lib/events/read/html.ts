import { Parser } from 'htmlparser2';
import type { ExcludedReason } from '../types';

/** Plain text of an HTML page plus what its markup says about structure (regions, title, date). */
export interface HtmlText {
  text: string;
  /** Regions the markup marks as comments, navigation or bylines (spans of `text`). */
  regions: Array<{ start: number; end: number; reason: ExcludedReason }>;
  /** Spans of `text` that were headings (h1–h6). */
  headings: Array<{ start: number; end: number; level: number }>;
  metaTitle: string | null;
  metaDate: string | null;
  /** Where `metaDate` came from ("meta article:published_time", "time datetime"), for error messages. */
  metaDateField: string | null;
}

/** Elements whose content is never text of the article (and must never leak into it). */
const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'head', 'select', 'button', 'form']);
const BLOCK = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'td', 'th', 'table',
  'section', 'article', 'header', 'footer', 'nav', 'aside', 'main', 'blockquote', 'pre', 'figure', 'figcaption', 'hr',
  'address', 'details', 'summary', 'caption'
]);
const VOID = new Set(['br', 'hr', 'img', 'meta', 'link', 'input', 'source', 'track', 'wbr', 'area', 'base', 'col', 'param']);

/**
 * Nesting deeper than this is not structure any page needs. htmlparser2 keeps its open elements in an array it
 * shifts and unshifts, so 40,000 nested elements cost seconds: past this depth the parser is not told about
 * further elements (their closing tags find nothing open and are ignored), and their text is read as plain text.
 */
export const MAX_HTML_DEPTH = 256;

/** htmlparser2's parser with its stack of open elements bounded by MAX_HTML_DEPTH. */
class DepthLimitedParser extends Parser {
  override onopentagname(start: number, endIndex: number): void {
    if ((this as unknown as { stack: string[] }).stack.length >= MAX_HTML_DEPTH) return;
    super.onopentagname(start, endIndex);
  }
}

const isSpaceOrTab = (c: number) => c === 32 || c === 9;
/** The characters of `\s`. */
const isSpace = (c: number) =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/**
 * The text being written, kept as pieces. Every step looks only at its end, so none re-reads (or makes V8
 * flatten) what is already written: reading stays linear in the size of the page.
 */
class TextOut {
  private parts: string[] = [];
  length = 0;
  /** Length of the trailing run of whitespace. */
  private ws = 0;

  append(piece: string): void {
    if (!piece) return;
    this.parts.push(piece);
    this.length += piece.length;
    let i = piece.length;
    while (i > 0 && isSpace(piece.charCodeAt(i - 1))) i--;
    this.ws = i === 0 ? this.ws + piece.length : piece.length - i;
  }

  /** The last character's code, or -1 when nothing is written. */
  last(): number {
    const p = this.parts[this.parts.length - 1];
    return p === undefined ? -1 : p.charCodeAt(p.length - 1);
  }

  /** Drops trailing spaces and tabs. */
  trimSpacesAndTabs(): void {
    while (this.parts.length) {
      const p = this.parts[this.parts.length - 1];
      let i = p.length;
      while (i > 0 && isSpaceOrTab(p.charCodeAt(i - 1))) i--;
      this.length -= p.length - i;
      this.ws -= p.length - i;
      if (i > 0) {
        if (i < p.length) this.parts[this.parts.length - 1] = p.slice(0, i);
        return;
      }
      this.parts.pop();
    }
  }

  /** How many newlines end the text, counting up to `max`. */
  trailingNewlines(max: number): number {
    let n = 0;
    for (let k = this.parts.length - 1; k >= 0; k--) {
      const p = this.parts[k];
      for (let i = p.length - 1; i >= 0; i--) {
        if (p.charCodeAt(i) !== 10 || n === max) return n;
        n++;
      }
    }
    return n;
  }

  /** The length without trailing whitespace. */
  get trimmedLength(): number {
    return this.length - this.ws;
  }

  /** The text without trailing whitespace. */
  trimmed(): string {
    return this.parts.join('').slice(0, this.trimmedLength);
  }
}

const DATE_META = new Set(['article:published_time', 'date', 'pubdate', 'publishdate', 'publish-date', 'dc.date', 'dc.date.issued', 'dcterms.date', 'sailthru.date', 'og:published_time', 'datepublished']);

/** Which excluded region an element opens, judged by its tag and its class/id/role. */
function regionOf(tag: string, attrs: Record<string, string>): ExcludedReason | null {
  const marks = `${attrs.class ?? ''} ${attrs.id ?? ''} ${attrs.role ?? ''}`.toLowerCase();
  if (/\b(comments?|comment-list|commentlist|responses?|respond|pingbacks?|trackbacks?|disqus)\b/.test(marks)) return 'comments';
  if (tag === 'figcaption' || /\b(caption|wp-caption-text|photo-credit|image-credit|credit)\b/.test(marks)) return 'caption';
  if (tag === 'nav' || tag === 'footer' || tag === 'aside') return 'navigation';
  if (/\b(nav|navigation|menu|breadcrumbs?|tags?|tag-links|share|sharing|social|related|sidebar|footer|widget|newsletter|advert|advertisement|ad-slot|promo|recommended|most-read|trending)\b/.test(marks)) return 'navigation';
  if (/\b(byline|author|author-bio|bio|meta)\b/.test(marks)) return 'byline';
  return null;
}

export function htmlToText(html: string): HtmlText {
  const out = new TextOut();
  const regions: HtmlText['regions'] = [];
  const headings: HtmlText['headings'] = [];
  let metaTitle: string | null = null;
  let metaDate: string | null = null;
  let metaDateField: string | null = null;
  let titleBuf: string | null = null;
  // Stack of open elements with what they started, so closing tags can finish regions and headings.
  const stack: Array<{ tag: string; region: ExcludedReason | null; start: number; dropped: boolean; heading: number }> = [];
  let dropDepth = 0;
  let preDepth = 0;

  const breakBlock = (blank: boolean) => {
    out.trimSpacesAndTabs();
    if (out.length === 0) return;
    const want = blank ? '\n\n' : '\n';
    const trailing = out.trailingNewlines(want.length);
    if (trailing < want.length) out.append(want.slice(trailing));
  };

  const parser = new DepthLimitedParser(
    {
      onopentag(name, attrs) {
        const tag = name.toLowerCase();
        if (tag === 'meta') {
          const key = (attrs.property ?? attrs.name ?? attrs.itemprop ?? '').toLowerCase();
          if (!metaDate && DATE_META.has(key) && attrs.content?.trim()) {
            metaDate = attrs.content;
            metaDateField = `meta ${key}`;
          }
          if (!metaTitle && (key === 'og:title' || key === 'title') && attrs.content) metaTitle = attrs.content;
        }
        if (tag === 'time' && !metaDate && attrs.datetime?.trim() && (attrs.itemprop === 'datePublished' || /publish/.test(attrs.class ?? ''))) {
          metaDate = attrs.datetime;
          metaDateField = 'time datetime';
        }
        if (tag === 'title' && dropDepth <= 1) titleBuf = '';
        if (VOID.has(tag)) {
          if (tag === 'br' && dropDepth === 0) out.append('\n');
          if (tag === 'hr' && dropDepth === 0) breakBlock(true);
          return;
        }
        const dropped = DROPPED.has(tag);
        if (dropped) dropDepth++;
        if (BLOCK.has(tag) && dropDepth === 0) breakBlock(/^(p|h\d|blockquote|pre|table|ul|ol|section|article|figure)$/.test(tag));
        if (tag === 'pre') preDepth++;
        const heading = /^h([1-6])$/.exec(tag);
        stack.push({ tag, region: dropDepth === 0 ? regionOf(tag, attrs) : null, start: out.length, dropped, heading: heading ? Number(heading[1]) : 0 });
      },
      ontext(data) {
        if (titleBuf !== null) titleBuf += data;
        if (dropDepth > 0) return;
        let piece = preDepth > 0 ? data : data.replace(/\s+/g, ' ');
        // Avoid a space at the start of a line or doubled spaces across text nodes.
        const last = out.last();
        if (last === -1 || last === 10 || last === 32) piece = piece.replace(/^ +/, '');
        out.append(piece);
      },
      onclosetag(name) {
        const tag = name.toLowerCase();
        if (tag === 'title' && titleBuf !== null) {
          if (!metaTitle && titleBuf.trim()) metaTitle = titleBuf.replace(/\s+/g, ' ').trim();
          titleBuf = null;
        }
        if (VOID.has(tag)) return;
        // Close up to the matching element (HTML in the wild leaves elements open).
        let at = stack.length - 1;
        while (at >= 0 && stack[at].tag !== tag) at--;
        if (at < 0) return;
        while (stack.length > at) {
          const open = stack.pop()!;
          if (open.dropped) dropDepth--;
          if (open.tag === 'pre') preDepth--;
          if (dropDepth > 0) continue;
          const end = out.trimmedLength;
          if (open.region && end > open.start) regions.push({ start: open.start, end, reason: open.region });
          if (open.heading && end > open.start) headings.push({ start: open.start, end, level: open.heading });
          if (BLOCK.has(open.tag)) breakBlock(/^(p|h\d|blockquote|pre|table|ul|ol|section|article|figure)$/.test(open.tag));
        }
      }
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true }
  );
  parser.write(html);
  parser.end();
  const text = out.trimmed();
  const clip = <T extends { start: number; end: number }>(r: T): T => ({ ...r, start: Math.min(r.start, text.length), end: Math.min(r.end, text.length) });
  return {
    text,
    regions: regions.map(clip).filter((r) => r.end > r.start),
    headings: headings.map(clip).filter((r) => r.end > r.start),
    metaTitle,
    metaDate,
    metaDateField
  };
}
