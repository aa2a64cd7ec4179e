import { describe, expect, it } from 'vitest';
import { findDates, parseDateField, type ArticleDate } from '../../src/lib/events/dates';

const on = (date: string, approximate = false): ArticleDate => ({ date, approximate });
const first = (text: string, article: ArticleDate | null) => {
  const d = findDates(text, article)[0];
  return d ? { date: d.date, precision: d.precision, text: d.text } : null;
};

describe('absolute dates', () => {
  it('reads a full date with or without an article date, at day precision', () => {
    for (const ref of [null, on('2031-05-02')]) {
      expect(first('Gunmen attacked the market on 4 March 2030, police said.', ref)).toMatchObject({ date: '2030-03-04', precision: 1 });
      expect(first('The convoy was hit on March 4, 2030.', ref)).toMatchObject({ date: '2030-03-04', precision: 1 });
      expect(first('A raid on 2030-03-04 left the depot burned.', ref)).toMatchObject({ date: '2030-03-04', precision: 1 });
    }
  });

  it('gives a month alone at precision 3 and an approximate day at precision 2', () => {
    expect(first('The camp was shelled in March 2030.', null)).toMatchObject({ date: '2030-03-01', precision: 3 });
    expect(first('Fighting broke out around 14 March 2030 near the dam.', null)).toMatchObject({ date: '2030-03-14', precision: 2 });
  });

  it('takes the first day of a range of days, at week precision', () => {
    expect(first('Villages were raided between 11 and 15 June 2029.', null)).toMatchObject({ date: '2029-06-11', precision: 2 });
    expect(first('Villages were raided 11-15 June 2029.', null)).toMatchObject({ date: '2029-06-11', precision: 2 });
  });

  it('reads the date after "the night of"', () => {
    expect(first('Rebels crossed the river on the night of 9 October 2028.', null)).toMatchObject({ date: '2028-10-09', precision: 1 });
  });
});

describe('relative dates', () => {
  const ref = on('2030-01-16'); // a Wednesday

  it('resolves them against the article date', () => {
    expect(first('Two guards were shot yesterday.', ref)).toMatchObject({ date: '2030-01-15', precision: 1 });
    expect(first('Police said the bomb went off on Monday.', ref)).toMatchObject({ date: '2030-01-14', precision: 1 });
    expect(first('A bus was ambushed three days ago.', ref)).toMatchObject({ date: '2030-01-13', precision: 1 });
    expect(first('Shelling resumed last week.', ref)).toMatchObject({ precision: 2 });
    expect(first('The bridge was blown up on 29 December.', ref)).toMatchObject({ date: '2029-12-29', precision: 1 });
  });

  it('reads parts of a day as that day', () => {
    expect(first('Rebels shelled the town late Sunday.', ref)).toMatchObject({ date: '2030-01-13', precision: 1 });
    expect(first('A convoy was ambushed this morning.', ref)).toMatchObject({ date: '2030-01-16', precision: 1 });
    expect(first('A convoy was ambushed this morning.', null)).toMatchObject({ date: null, precision: 3 });
  });

  it('lowers day precision when the article date itself is approximate', () => {
    expect(first('Two guards were shot yesterday.', on('2030-01-16', true))).toMatchObject({ date: '2030-01-15', precision: 2 });
  });

  it('stays unresolved with no article date: no library default year or day', () => {
    for (const s of ['Two guards were shot yesterday.', 'Police said the bomb went off on Monday.', 'The bridge was blown up on 29 December.', 'It happened at 6 am today.', 'Shelling resumed last week.']) {
      const d = first(s, null);
      expect(d, s).not.toBeNull();
      expect(d!.date, s).toBeNull();
      expect(d!.precision, s).toBe(3);
    }
  });

  it('is no date for durations, the present or the future', () => {
    expect(findDates('The siege has lasted for several weeks.', ref).filter((d) => d.date)).toEqual([]);
    expect(findDates('Talks will resume tomorrow.', ref).filter((d) => d.date)).toEqual([]);
  });
});

describe('numeric dates', () => {
  it('reads day/month when a number is above 12, and keeps the weekday beside it', () => {
    const [d] = findDates('Youths blocked the road on Friday 17/04 after the killing.', on('2026-04-20'));
    expect([d.text, d.date, d.precision]).toEqual(['on Friday 17/04', '2026-04-17', 1]);
  });

  it('orders an ambiguous date by another date in the same text', () => {
    const ds = findDates('The curfew ran from 03/05/2027 to 21/05/2027.', null);
    expect(ds.map((d) => d.date)).toEqual(['2027-05-03', '2027-05-21']);
  });

  it('takes the reading nearer the article date, and none without one', () => {
    expect(first('Houses were burned on 10/04.', on('2026-04-12'))).toMatchObject({ date: '2026-04-10' });
    expect(first('Houses were burned on 10/04.', on('2026-10-06'))).toMatchObject({ date: '2026-10-04' });
    expect(first('Houses were burned on 10/04.', null)).toMatchObject({ date: null, precision: 3 });
    expect(first('Houses were burned on 10/04/2026.', null)).toMatchObject({ date: null });
  });

  it('reads dotted dates day-first and leaves fractions, 24/7 and decimals alone', () => {
    expect(first('Elections were held on 07.11.2027.', null)).toMatchObject({ date: '2027-11-07', precision: 1 });
    expect(findDates('Guards are posted 24/7 and 3/4 of the town is dark; turnout was 10.5 per cent.', on('2027-01-01')).filter((d) => d.date)).toEqual([]);
  });
});

describe('date fields', () => {
  it('accepts real dates in the usual forms', () => {
    expect(parseDateField('2024-02-29')).toBe('2024-02-29');
    expect(parseDateField('2024-03-05T10:00:00+01:00')).toBe('2024-03-05');
    expect(parseDateField('Tue, 05 Mar 2024 10:00:00 GMT')).toBe('2024-03-05');
    expect(parseDateField('5 March 2024')).toBe('2024-03-05');
  });

  it('refuses impossible or incomplete dates', () => {
    for (const bad of ['2024-13-01', '2007-02-30', '0000-00-00', '2023-02-29', '30 February 2007', 'soon', '2019', 'March 2019', '']) expect(parseDateField(bad), bad).toBeNull();
  });
});
