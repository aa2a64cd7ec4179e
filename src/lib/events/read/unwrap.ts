/**
 * Hard-wrapped plain text (wire copy, e-mail, text dumps broken at ~70 columns) has line breaks inside its
 * sentences. Such a break is recognised by how greedy wrapping works: the line is long, and the next line's
 * first word would not have fitted on it. Each such break becomes a space, one character for one, so every
 * offset into the text stays valid.
 */

import { linesOf } from './segment';

/** A line that is a list item, a heading marker or indented code: never joined to the line before. */
const BLOCK_START = /^\s*(?:[-*•·–]\s|\d+[.)]\s|#|>|\|)/;

/**
 * The breaks to remove: in each block of lines (between blank lines) wrapped at 50 columns or more, the breaks
 * after a line nearly as long as the block's longest, where the next word would not have fitted. Lists of short
 * lines (menus, headlines) and one-paragraph-a-line web text are left alone.
 */
export function wrapBreaks(text: string): number[] {
  const lines = linesOf(text);
  const breaks: number[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!text.slice(lines[i].start, lines[i].end).trim()) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < lines.length && text.slice(lines[j + 1].start, lines[j + 1].end).trim()) j++;
    const block = lines.slice(i, j + 1).map((l) => text.slice(l.start, l.end));
    if (block.length >= 2) {
      const width = Math.max(...block.map((b) => b.trimEnd().length));
      const wraps = block.slice(0, -1).map((a, k) => isWrap(a, block[k + 1], width));
      // Breaks before an indented line end paragraphs: they are no evidence either way.
      const open = block.slice(1).map((b) => /^[ \t]+\S/.test(b));
      const counted = wraps.filter((_, k) => !open[k]).length;
      const share = counted ? wraps.filter(Boolean).length / counted : 0;
      // Two lines: the first must wrap into the second. More: most breaks are wraps; the others end paragraphs
      // written without a blank line between them.
      if (width >= 50 && width <= 120 && (block.length === 2 ? wraps[0] : share >= 0.6)) {
        for (let k = 0; k < wraps.length; k++) if (wraps[k]) breaks.push(lines[i + k].end);
      }
    }
    i = j + 1;
  }
  return breaks;
}

function isWrap(a: string, b: string, width: number): boolean {
  if (BLOCK_START.test(b) || BLOCK_START.test(a)) return false;
  // An indented line opens a paragraph (wire copy marks paragraphs so).
  if (/^[ \t]+\S/.test(b)) return false;
  const next = /^\s*(\S+)/.exec(b)?.[1] ?? '';
  const len = a.trimEnd().length;
  return len >= width - 20 && len + 1 + next.length > width - 2;
}

/** The text with its wrap breaks turned into spaces (same length), or the text itself when it is not wrapped. */
export function unwrap(text: string): string {
  const breaks = wrapBreaks(text);
  if (!breaks.length) return text;
  const chars = text.split('');
  for (const at of breaks) chars[at] = ' ';
  return chars.join('');
}
