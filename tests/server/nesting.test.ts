/** Hostile nesting: 40,000 levels of Markdown lists, block quotes and HTML elements are read quickly and keep their text. */
import { describe, expect, it } from 'vitest';
import { markdownToText, MAX_MARKDOWN_DEPTH, limitNesting } from '../../src/lib/events/read/markdown';
import { htmlToText, MAX_HTML_DEPTH } from '../../src/lib/events/read/html';

const DEPTH = 40_000;

function timed<T>(f: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = f();
  return { value, ms: performance.now() - t };
}

describe('nesting limits', () => {
  it('reads a Markdown list nested 40,000 levels on one line', () => {
    const { value, ms } = timed(() => markdownToText('- '.repeat(DEPTH) + 'Shelling in Kharkiv\n'));
    expect(value.text).toBe('Shelling in Kharkiv');
    expect(ms).toBeLessThan(3000);
  });

  it('reads block quotes nested 40,000 levels, with and without spaces', () => {
    for (const src of ['> '.repeat(DEPTH) + 'Shelling in Kharkiv', '>'.repeat(DEPTH) + ' Shelling in Kharkiv']) {
      const { value, ms } = timed(() => markdownToText(src));
      expect(value.text).toBe('Shelling in Kharkiv');
      expect(ms).toBeLessThan(3000);
    }
  });

  it('reads a list nested by indentation, line after line', () => {
    const src = Array.from({ length: 1000 }, (_, i) => ' '.repeat(2 * i) + `- item ${i}`).join('\n');
    const { value, ms } = timed(() => markdownToText(src));
    expect(value.text).toContain('item 0');
    expect(value.text).toContain('item 999');
    expect(ms).toBeLessThan(5000);
  });

  it('limits markers after deep indentation too', () => {
    const src = ' '.repeat(500) + '- '.repeat(DEPTH) + 'Shelling in Kharkiv';
    const limited = limitNesting(src);
    expect(limited.length).toBeLessThan(200);
    const { value, ms } = timed(() => markdownToText(src));
    expect(value.text).toContain('Shelling in Kharkiv');
    expect(ms).toBeLessThan(3000);
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
      const { value, ms } = timed(() => htmlToText(src));
      expect(value.text).toBe('Shelling in Kharkiv');
      expect(ms).toBeLessThan(3000);
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
    const small = timed(() => htmlToText('<p>Kharkiv.</p>'.repeat(DEPTH / 4)));
    const big = timed(() => htmlToText('<p>Kharkiv.</p>'.repeat(DEPTH)));
    expect(big.value.text.split('\n\n')).toHaveLength(DEPTH);
    expect(big.ms).toBeLessThan(3000);
    // Four times the input: well under the sixteen times a quadratic reader takes.
    expect(big.ms).toBeLessThan(10 * Math.max(small.ms, 20));
  });
});
