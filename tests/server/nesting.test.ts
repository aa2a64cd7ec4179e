/** Hostile nesting: 40,000 levels of Markdown lists, block quotes and HTML elements are read quickly and keep their text. */
import { describe, expect, it } from 'vitest';
import { markdownToText, MAX_MARKDOWN_DEPTH, limitNesting } from '../../src/lib/events/read/markdown';
import { htmlToText, MAX_HTML_DEPTH } from '../../src/lib/events/read/html';

const DEPTH = 40_000;

// No timed assertions (machines are noisy): a quadratic reader never finishes these within the test time limit.

describe('nesting limits', () => {
  it('reads a Markdown list nested 40,000 levels on one line', () => {
    const value = markdownToText('- '.repeat(DEPTH) + 'Shelling in Kharkiv\n');
    expect(value.text).toBe('Shelling in Kharkiv');
  });

  it('reads block quotes nested 40,000 levels, with and without spaces', () => {
    for (const src of ['> '.repeat(DEPTH) + 'Shelling in Kharkiv', '>'.repeat(DEPTH) + ' Shelling in Kharkiv']) {
      const value = markdownToText(src);
      expect(value.text).toBe('Shelling in Kharkiv');
    }
  });

  it('reads a list nested by indentation, line after line', () => {
    const src = Array.from({ length: 1000 }, (_, i) => ' '.repeat(2 * i) + `- item ${i}`).join('\n');
    const value = markdownToText(src);
    expect(value.text).toContain('item 0');
    expect(value.text).toContain('item 999');
  });

  it('limits markers after deep indentation too', () => {
    const src = ' '.repeat(500) + '- '.repeat(DEPTH) + 'Shelling in Kharkiv';
    const limited = limitNesting(src);
    expect(limited.length).toBeLessThan(200);
    const value = markdownToText(src);
    expect(value.text).toContain('Shelling in Kharkiv');
  });

  it('leaves ordinary nesting alone', () => {
    const src = '- Kyiv\n  - Bucha\n    > a quote\n\n1. one\n2. two\n\n---\n\n* * *\n\n-1 is not a list\n';
    expect(limitNesting(src)).toBe(src);
    const deep = '- '.repeat(MAX_MARKDOWN_DEPTH) + 'x';
    expect(limitNesting(deep)).toBe(deep);
    expect(limitNesting('- '.repeat(MAX_MARKDOWN_DEPTH + 5) + 'x')).toBe('- '.repeat(MAX_MARKDOWN_DEPTH) + 'x');
  });

  it('reads HTML nested 40,000 levels, closed and left open', () => {
    for (const src of ['<div>'.repeat(DEPTH) + 'Shelling in Kharkiv' + '</div>'.repeat(DEPTH), '<b>'.repeat(DEPTH) + 'Shelling in Kharkiv']) {
      const value = htmlToText(src);
      expect(value.text).toBe('Shelling in Kharkiv');
    }
  });

  it('keeps structure below the HTML depth limit and text past it', () => {
    const wrap = (n: number, inner: string) => '<div>'.repeat(n) + inner + '</div>'.repeat(n);
    const shallow = htmlToText(wrap(10, '<h2>Kharkiv</h2><p>Shelling.</p>'));
    expect(shallow.headings).toEqual([{ start: 0, end: 7, level: 2 }]);
    const deep = htmlToText(wrap(MAX_HTML_DEPTH + 10, '<h2>Kharkiv</h2><p>Shelling.</p>') + '<p>After.</p>');
    expect(deep.text).toContain('Shelling.');
    expect(deep.text).toContain('After.');
  });

  it('reads 40,000 sibling paragraphs in linear time', () => {
    const big = { value: htmlToText('<p>Kharkiv.</p>'.repeat(DEPTH)) };
    expect(big.value.text.split('\n\n')).toHaveLength(DEPTH);
  });
});
