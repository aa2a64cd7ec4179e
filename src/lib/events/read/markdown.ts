import { fromMarkdown } from 'mdast-util-from-markdown';
import { htmlToText } from './html';

export interface MarkdownText {
  text: string;
  headings: Array<{ start: number; end: number; level: number }>;
  metaTitle: string | null;
  metaDate: string | null;
  /** The front-matter key the date came from ("front matter date"), for error messages. */
  metaDateField: string | null;
}

interface MdNode {
  type: string;
  value?: string;
  depth?: number;
  alt?: string;
  children?: MdNode[];
}

/** Front matter is not CommonMark: read the two keys we use and drop the block before parsing. */
export function splitFrontMatter(source: string): { body: string; title: string | null; date: string | null; dateField: string | null } {
  const m = /^(?:\uFEFF)?---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!m) return { body: source, title: null, date: null, dateField: null };
  const field = (key: string) => {
    const f = new RegExp(`^${key}\\s*:[ \\t]*["']?(.*?)["']?[ \\t]*$`, 'mi').exec(m[1]);
    return f && f[1].trim() ? f[1] : null;
  };
  const key = ['date', 'published', 'pubdate', 'published_at', 'publishdate'].find((k) => field(k) !== null) ?? null;
  return { body: source.slice(m[0].length), title: field('title'), date: key ? field(key) : null, dateField: key ? `front matter ${key}` : null };
}

/** List and quote markers kept at the start of a line; deeper nesting is flattened. */
const MAX_NESTING = 16;

/**
 * The Markdown parser takes time quadratic in the nesting of lists ("- - - - … x", 12 KB of it takes seconds):
 * lines nested deeper than any article needs keep only their innermost markers, and very deep indentation is
 * cut, before parsing. Linear in the text's size.
 */
export function limitNesting(body: string): string {
  return body.replace(/^([ \t]*)((?:(?:[-*+]|\d{1,9}[.)]|>)[ \t]+)+)/gm, (whole, indent: string, markers: string) => {
    const each = markers.match(/(?:[-*+]|\d{1,9}[.)]|>)[ \t]+/g)!;
    const lead = indent.length > 64 ? indent.slice(0, 64) : indent;
    if (each.length <= MAX_NESTING && lead === indent) return whole;
    return lead + each.slice(-MAX_NESTING).join('');
  }).replace(/^[ \t]{65,}/gm, (ws) => ws.slice(0, 64));
}

/** Markdown → plain text (no markup kept): block elements become paragraphs, inline markup its text. */
export function markdownToText(source: string): MarkdownText {
  const { body, title, date, dateField } = splitFrontMatter(source);
  const tree = fromMarkdown(limitNesting(body)) as unknown as MdNode;
  let out = '';
  const headings: MarkdownText['headings'] = [];

  const inline = (node: MdNode): string => {
    switch (node.type) {
      case 'text':
        // A line break inside a paragraph is a soft break: a space (hard-wrapped Markdown keeps its sentences).
        return (node.value ?? '').replace(/[ \t]*\n[ \t]*/g, ' ');
      case 'inlineCode':
        return node.value ?? '';
      case 'break':
        return '\n';
      case 'html':
        return htmlToText(node.value ?? '').text;
      case 'image':
      case 'imageReference':
        return '';
      default:
        return (node.children ?? []).map(inline).join('');
    }
  };
  const paragraph = (s: string) => {
    const clean = s.replace(/[ \t]+/g, ' ').trim();
    if (!clean) return;
    if (out) out += '\n\n';
    out += clean;
  };
  const block = (node: MdNode) => {
    switch (node.type) {
      case 'heading': {
        const before = out.length + (out ? 2 : 0);
        paragraph(inline(node));
        if (out.length > before) headings.push({ start: before, end: out.length, level: node.depth ?? 1 });
        return;
      }
      case 'paragraph':
      case 'tableCell':
        return paragraph(inline(node));
      case 'code':
        return paragraph(node.value ?? '');
      case 'html':
        return paragraph(htmlToText(node.value ?? '').text);
      case 'thematicBreak':
      case 'definition':
        return;
      default:
        (node.children ?? []).forEach(block);
    }
  };
  block(tree);
  return { text: out, headings, metaTitle: title, metaDate: date, metaDateField: dateField };
}
