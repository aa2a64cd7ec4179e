import { findDates, numericDateReadings } from '../dates';
import type { Region } from './segment';

export interface InferredDate {
  date: string;
  kind: 'dateline' | 'trackback';
  start: number;
  end: number;
}

const TRACKBACK = /\b(trackback(ed)?|pingback|linked to this (post|article|page)|web reconnaissance)\b/i;

/** Dates written out in full (day, month and year): never "yesterday" read against some default day. */
function fullDates(line: string, offset: number): Array<{ date: string; start: number; end: number }> {
  return findDates(line, null, offset)
    .filter((d) => d.date && d.precision === 1 && Number(d.date.slice(0, 4)) >= 1900 && Number(d.date.slice(0, 4)) <= 2100)
    .map((d) => ({ date: d.date!, start: d.start, end: d.end }));
}

/**
 * The publication date as the text gives it: a full date in the dateline or byline near the top, else the
 * earliest trackback/pingback to the article (an article is not younger than a post that links to it).
 * Null when neither exists: never guessed from the dates of the events reported.
 */
export function inferArticleDate(text: string, excluded: Region[], body: Array<{ start: number; end: number }>): InferredDate | null {
  // The dateline: bylines, or the first lines of the body.
  const top: Array<{ start: number; end: number }> = [
    ...excluded.filter((r) => r.reason === 'byline' && r.start < 2000),
    ...body.slice(0, 1).map((b) => ({ start: b.start, end: Math.min(b.end, text.indexOf('\n', b.start) < 0 ? b.end : text.indexOf('\n', b.start)) }))
  ];
  for (const span of top.sort((a, b) => a.start - b.start)) {
    const line = text.slice(span.start, span.end);
    // A dateline, not a date in a sentence: "By Jane Doe on 5 August 2017", "August 5, 2017 —", "Posted 2017-08-05".
    const dates = fullDates(line, span.start);
    if (dates.length && (line.length < 200 || dates[0].start - span.start < 40)) return { ...dates[0], kind: 'dateline' };
  }
  let best: InferredDate | null = null;
  for (const region of excluded.filter((r) => r.reason === 'comments')) {
    let at = region.start;
    while (at < region.end) {
      let eol = text.indexOf('\n', at);
      if (eol < 0 || eol > region.end) eol = region.end;
      const line = text.slice(at, eol);
      if (TRACKBACK.test(line)) {
        // An upper bound on the article's age: a numeric date read either way ("06/11/2009") gives its earlier reading.
        const ambiguous = numericDateReadings(line).map((n) => ({ date: n.dates[0], start: at + n.start, end: at + n.end }));
        for (const d of [...fullDates(line, at), ...ambiguous]) if (!best || d.date < best.date) best = { ...d, kind: 'trackback' };
      }
      at = eol + 1;
    }
  }
  return best;
}
