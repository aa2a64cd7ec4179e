import { Parser } from 'htmlparser2';
import type { ExcludedReason } from '../types';
import { flattenDeepHtml } from './flatten';

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

/** Open elements kept as structure; deeper nesting (40,000 <div>s) is read as flat text, in linear time. */
export const MAX_HTML_DEPTH = 256;

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
  let out = '';
  const regions: HtmlText['regions'] = [];
  const headings: HtmlText['headings'] = [];
  let metaTitle: string | null = null;
  let metaDate: string | null = null;
  let metaDateField: string | null = null;
  let titleBuf: string | null = null;
  let ldBuf: string | null = null;
  // Stack of open elements with what they started, so closing tags can finish regions and headings.
  const stack: Array<{ tag: string; region: ExcludedReason | null; start: number; dropped: boolean; heading: number }> = [];
  let dropDepth = 0;
  let preDepth = 0;

  // Everything below works from the end of `out` backwards: a page's cost stays linear in its size.
  const trimmedLength = () => {
    let i = out.length;
    while (i > 0 && /\s/.test(out[i - 1])) i--;
    return i;
  };
  const breakBlock = (blank: boolean) => {
    let i = out.length;
    while (i > 0 && (out[i - 1] === ' ' || out[i - 1] === '\t')) i--;
    if (i < out.length) out = out.slice(0, i);
    if (out.length === 0) return;
    const want = blank ? 2 : 1;
    let trailing = 0;
    while (trailing < want && out[out.length - 1 - trailing] === '\n') trailing++;
    if (trailing < want) out += '\n'.repeat(want - trailing);
  };
  /** How many elements of each tag are open: a closing tag with none open is ignored at once. */
  const openCount = new Map<string, number>();

  const parser = new Parser(
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
        if (tag === 'script' && /ld\+json/i.test(attrs.type ?? '')) ldBuf = '';
        if (VOID.has(tag)) {
          if (tag === 'br' && dropDepth === 0) out += '\n';
          if (tag === 'hr' && dropDepth === 0) breakBlock(true);
          return;
        }
        const dropped = DROPPED.has(tag);
        if (dropped) dropDepth++;
        if (BLOCK.has(tag) && dropDepth === 0) breakBlock(/^(p|h\d|blockquote|pre|table|ul|ol|section|article|figure)$/.test(tag));
        if (tag === 'pre') preDepth++;
        const heading = /^h([1-6])$/.exec(tag);
        // Past a depth no article needs, elements add no structure (their text is still read).
        if (stack.length >= MAX_HTML_DEPTH && !dropped && tag !== 'pre') return;
        openCount.set(tag, (openCount.get(tag) ?? 0) + 1);
        stack.push({ tag, region: dropDepth === 0 ? regionOf(tag, attrs) : null, start: out.length, dropped, heading: heading ? Number(heading[1]) : 0 });
      },
      ontext(data) {
        if (titleBuf !== null) titleBuf += data;
        if (ldBuf !== null && ldBuf.length < 200_000) ldBuf += data;
        if (dropDepth > 0) return;
        let piece = preDepth > 0 ? data : data.replace(/\s+/g, ' ');
        // Avoid a space at the start of a line or doubled spaces across text nodes.
        if (out.length === 0 || out.endsWith('\n') || out.endsWith(' ')) piece = piece.replace(/^ +/, '');
        out += piece;
      },
      onclosetag(name) {
        const tag = name.toLowerCase();
        if (tag === 'script' && ldBuf !== null) {
          // Structured data: {"@type": "NewsArticle", "datePublished": "2021-03-04T08:00:00Z", …}.
          const published = /"datePublished"\s*:\s*"([^"]{1,80})"/.exec(ldBuf);
          if (!metaDate && published && published[1].trim()) {
            metaDate = published[1];
            metaDateField = 'json-ld datePublished';
          }
          ldBuf = null;
        }
        if (tag === 'title' && titleBuf !== null) {
          // "Blast in Quetta | Example News": the page title less the site's name.
          if (!metaTitle && titleBuf.trim()) metaTitle = titleBuf.replace(/\s+/g, ' ').trim().replace(/\s+[|–—-]\s+[^|–—-]{2,40}$/, '');
          titleBuf = null;
        }
        if (VOID.has(tag)) return;
        // Close up to the matching element (HTML in the wild leaves elements open).
        if (!openCount.get(tag)) return;
        for (;;) {
          const open = stack.pop()!;
          openCount.set(open.tag, openCount.get(open.tag)! - 1);
          const last = open.tag === tag;
          if (open.dropped) dropDepth--;
          if (open.tag === 'pre') preDepth--;
          if (dropDepth === 0) {
            const end = trimmedLength();
            if (open.region && end > open.start) regions.push({ start: open.start, end, reason: open.region });
            if (open.heading && end > open.start) headings.push({ start: open.start, end, level: open.heading });
            if (BLOCK.has(open.tag)) breakBlock(/^(p|h\d|blockquote|pre|table|ul|ol|section|article|figure)$/.test(open.tag));
          }
          if (last) break;
        }
      }
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true }
  );
  parser.write(flattenDeepHtml(html));
  parser.end();
  out = out.replace(/\s+$/, '');
  const clip = <T extends { start: number; end: number }>(r: T): T => ({ ...r, start: Math.min(r.start, out.length), end: Math.min(r.end, out.length) });
  return {
    text: out,
    regions: regions.map(clip).filter((r) => r.end > r.start),
    headings: headings.map(clip).filter((r) => r.end > r.start),
    metaTitle,
    metaDate,
    metaDateField
  };
}
