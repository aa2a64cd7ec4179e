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

/**
 * Nesting limits. micromark's cost grows with the square of the containers open on a line (6,000 nested list
 * items on one line take seconds, 40,000 never finish), so a line opening more than MAX_MARKDOWN_DEPTH list
 * items or block quotes keeps the first ones and its further markers are dropped, and indentation is read up to
 * MAX_MARKDOWN_INDENT columns. Below the limits nothing changes.
 */
export const MAX_MARKDOWN_DEPTH = 32;
export const MAX_MARKDOWN_INDENT = 2 * MAX_MARKDOWN_DEPTH;

function limitLine(line: string): string {
  let i = 0;
  let markers = 0;
  let cut = -1; // where the markers past the limit start
  for (;;) {
    const ws = i;
    while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
    let j = i;
    const c = line[j];
    if (c === '>' || c === '-' || c === '*' || c === '+') j++;
    else {
      while (j < line.length && j - i < 9 && line[j] >= '0' && line[j] <= '9') j++;
      j = j > i && (line[j] === '.' || line[j] === ')') ? j + 1 : i;
    }
    if (j === i || (c !== '>' && j < line.length && line[j] !== ' ' && line[j] !== '\t')) {
      i = ws;
      break;
    }
    markers++;
    if (markers === MAX_MARKDOWN_DEPTH + 1) cut = ws;
    i = j;
  }
  const out = cut < 0 ? line : `${line.slice(0, cut)} ${line.slice(i).replace(/^[ \t]+/, '')}`;
  // Leading indentation, in columns (a tab reaches the next multiple of 4).
  let column = 0;
  let k = 0;
  for (; k < out.length && (out[k] === ' ' || out[k] === '\t'); k++) column = out[k] === '\t' ? column + 4 - (column % 4) : column + 1;
  return column > MAX_MARKDOWN_INDENT ? ' '.repeat(MAX_MARKDOWN_INDENT) + out.slice(k) : out;
}

/** The source with every line's container nesting and indentation within the limits (linear in its length). */
export function limitNesting(source: string): string {
  return source.replace(/[^\n]+/g, limitLine);
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
