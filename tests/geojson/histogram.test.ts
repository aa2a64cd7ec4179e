/** The timeline's pieces that are plain functions: stacked bins, ISO axis ticks, ISO date fields. */
import { describe, expect, it } from 'vitest';
import { dayNumber, histogram, stack, ticks } from '../../src/lib/state/histogram';
import { formatDate, parseIsoDate } from '../../src/lib/map/ui/format';

describe('histogram stacked by event type', () => {
  it('counts each bin by key, and stacks in the given order', () => {
    const h = histogram(
      [['2024-01-01', 'Battles'], ['2024-01-01', 'Protests'], ['2024-01-01', 'Battles'], ['2024-01-03', ''], ['', 'Battles'], '2024-01-03'],
      '2024-01-01',
      '2024-01-05'
    );
    expect(h.unit).toBe('day');
    expect(h.undated).toBe(1);
    expect(h.bins[0]).toMatchObject({ count: 3, byKey: { Battles: 2, Protests: 1 } });
    expect(h.bins[2]).toMatchObject({ count: 2, byKey: { '': 1 } }); // a bare date counts, under no key
    expect(stack(h.bins[0], ['Protests', 'Battles'])).toEqual([
      { key: 'Protests', count: 1, below: 0 },
      { key: 'Battles', count: 2, below: 1 }
    ]);
    // Keys outside the order still stack, last.
    expect(stack(h.bins[2], ['Battles']).map((g) => g.key)).toEqual(['']);
  });
});

describe('axis ticks', () => {
  const d = dayNumber;
  it('days over a short span, labelled YYYY-MM-DD', () => {
    const t = ticks(d('2024-01-01'), d('2024-01-06'), 10);
    expect(t.map((x) => x.label)).toEqual(['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05']);
  });
  it('Mondays when days do not fit', () => {
    const t = ticks(d('2024-01-03'), d('2024-02-20'), 8);
    expect(t.length).toBeLessThanOrEqual(8);
    for (const x of t) expect(new Date(`${x.label}T00:00:00Z`).getUTCDay()).toBe(1);
  });
  it('month starts as YYYY-MM, then years as YYYY, never more than asked for', () => {
    const months = ticks(d('2007-05-15'), d('2008-05-01'), 6);
    expect(months.map((x) => x.label)).toEqual(['2007-07', '2007-09', '2007-11', '2008-01', '2008-03']); // every other month from January
    const years = ticks(d('2001-03-01'), d('2019-01-01'), 5);
    expect(years.length).toBeLessThanOrEqual(5);
    expect(years.every((x) => /^\d{4}$/.test(x.label))).toBe(true);
    expect(years[0].label).toBe('2005');
    for (const n of [1, 3, 7]) expect(ticks(d('1990-01-01'), d('2025-01-01'), n).length).toBeLessThanOrEqual(n);
    // Every tick lies within the span.
    for (const x of ticks(d('2007-05-15'), d('2008-05-01'), 12)) expect(x.day).toBeGreaterThanOrEqual(d('2007-05-15'));
  });
});

describe('ISO dates', () => {
  it('shown as YYYY-MM-DD, the month alone when only the month is known', () => {
    expect(formatDate('2008-07-02')).toBe('2008-07-02');
    expect(formatDate('2008-07-02', 2)).toBe('c. 2008-07-02');
    expect(formatDate('2008-07-01', 3)).toBe('2008-07');
    expect(formatDate(null, 1, true)).toBe('—');
  });
  it('typed as YYYY-MM-DD: real days only, padded, empty clears', () => {
    expect(parseIsoDate(' 2007-6-3 ')).toBe('2007-06-03');
    expect(parseIsoDate('2024-02-29')).toBe('2024-02-29');
    expect(parseIsoDate('2023-02-29')).toBeNull();
    expect(parseIsoDate('06/30/2007')).toBeNull(); // month-first is ambiguous: refused
    expect(parseIsoDate('30.06.2007')).toBeNull();
    expect(parseIsoDate('')).toBe('');
  });
});
