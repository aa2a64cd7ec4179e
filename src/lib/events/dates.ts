import * as chrono from 'chrono-node';

export type TimePrecision = 1 | 2 | 3;

/** The article's own date, the reference for relative expressions. */
export interface ArticleDate {
  /** YYYY-MM-DD */
  date: string;
  /** True when the date is only approximately the publication date (e.g. from a trackback). */
  approximate: boolean;
}

/** A date expression found in a sentence, resolved as far as the text allows. */
export interface DateMention {
  /** Offsets into the text given to `findDates` (absolute when an offset was given). */
  start: number;
  end: number;
  text: string;
  /** YYYY-MM-DD (start of the period when imprecise) or null when the year (or reference) is unknown. */
  date: string | null;
  precision: TimePrecision;
  /** "since June 3": the event lasted from this date on. */
  since: boolean;
}

const RELATIVE = /\b(yesterday|today|tonight|last|this|next|ago|monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|evening|night|week|month|year)\b/i;
const DURATION = /\b(past|last|next|over|several|few|couple|\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(\w+\s+)?(days|weeks|months|years)\b/i;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
export function addDays(date: string, days: number): string {
  const t = new Date(`${date}T12:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

function refInstant(article: ArticleDate | null): Date {
  return article ? new Date(`${article.date}T12:00:00Z`) : new Date(Date.UTC(2000, 0, 1, 12));
}

/** Resolve one chrono result against the article date; null when it is no event date (a duration). */
function fromChrono(r: chrono.ParsedResult, article: ArticleDate | null): Omit<DateMention, 'start' | 'end' | 'text' | 'since'> | null {
  const c = r.start;
  const text = r.text;
  if (/^(?:right\s+)?now$|^currently$|^at present$/i.test(text.trim())) return null; // the present state, not an event's date
  if (DURATION.test(text) && !/^(last|this)\s+(week|month|year)$/i.test(text)) return null;
  const relative = RELATIVE.test(text) && !c.isCertain('year');
  const relPrecision = (p: TimePrecision): TimePrecision => (article?.approximate && p === 1 ? 2 : p);
  if (c.isCertain('weekday') && !c.isCertain('day')) {
    if (!article) return { date: null, precision: 2 };
    // News usage: "on Wednesday" is the latest such day on or before the article's date.
    const want = c.get('weekday')!;
    const ref = refInstant(article);
    const back = (ref.getUTCDay() - want + 7) % 7;
    return { date: addDays(article.date, -back), precision: relPrecision(1) };
  }
  const year = c.get('year')!;
  const month = c.get('month')!;
  const day = c.get('day')!;
  if (/\b(yesterday|today|tonight|night|morning|evening)\b/i.test(text) && !c.isCertain('month')) {
    return article ? { date: iso(year, month, day), precision: relPrecision(1) } : { date: null, precision: 2 };
  }
  if (/^(last|this)\s+week$/i.test(text)) return article ? { date: iso(year, month, day), precision: 2 } : { date: null, precision: 2 };
  if (/^(last|this)\s+(month|year)$/i.test(text)) {
    if (!article) return { date: null, precision: 3 };
    return /month/i.test(text) ? { date: iso(year, month, 1), precision: 3 } : { date: iso(year, 1, 1), precision: 3 };
  }
  const yearKnown = c.isCertain('year') || relative;
  if (!yearKnown && !article) return { date: null, precision: c.isCertain('day') ? 1 : 3 };
  if (c.isCertain('day')) return { date: iso(year, month, day), precision: relative ? relPrecision(1) : 1 };
  if (c.isCertain('month')) return { date: iso(year, month, 1), precision: 3 };
  return null;
}

const YEAR_ONLY = /\b(?:(?:in|during|since|by|throughout|until|of|from)\s+(?:(?:the\s+)?(?:early|late|mid|middle of|spring|summer|autumn|fall|winter)(?:\s+of)?[\s-]+)?|(?:early|late|mid-?)\s*|the\s+)((?:19|20)\d{2})\b(?!\s*(?:[-–]\d|\d|s\b))/gi;

/**
 * Find the date expressions of a piece of text. `offset` is added to every span (pass the sentence's start
 * to get spans into the article). Dates need a year from the text or from the article: never invented.
 */
export function findDates(text: string, article: ArticleDate | null, offset = 0): DateMention[] {
  const found: DateMention[] = [];
  const results = chrono.casual.parse(text, { instant: refInstant(article), timezone: 0 }, { forwardDate: false });
  for (const first of results) {
    let r = first;
    // "On August 4, 18 operatives …": a two-digit number after a comma is a count, not a year.
    const twoDigitYear = /^(.*\d)\s*,\s*\d{1,2}$/.exec(r.text);
    if (twoDigitYear) {
      const again = chrono.casual.parse(twoDigitYear[1], { instant: refInstant(article), timezone: 0 }, { forwardDate: false })[0];
      if (!again) continue;
      r = again;
    }
    const index = first.index;
    const resolved = fromChrono(r, article);
    if (!resolved) continue;
    const since = /\bsince\s*$/i.test(text.slice(Math.max(0, index - 7), index));
    found.push({ start: offset + index, end: offset + index + r.text.length, text: r.text, ...resolved, precision: since ? 3 : resolved.precision, since });
  }
  for (const m of text.matchAll(YEAR_ONLY)) {
    const yearAt = m.index! + m[0].lastIndexOf(m[1]);
    if (found.some((f) => f.start - offset <= yearAt && yearAt < f.end - offset)) continue;
    found.push({
      start: offset + yearAt,
      end: offset + yearAt + 4,
      text: m[1],
      date: `${m[1]}-01-01`,
      precision: 3,
      since: /^since\b/i.test(m[0])
    });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** "On the same day", "the next day": a date given by the previous one. Returns the day shift, or null. */
export function anaphoricDay(text: string): { at: number; length: number; shift: number } | null {
  const m = ANAPHORIC_DAY.exec(text);
  if (!m) return null;
  const phrase = m[1].toLowerCase();
  let shift = 1;
  if (/same|that day/.test(phrase)) shift = 0;
  else if (/before|earlier|previous/.test(phrase)) shift = -1;
  else {
    const n = /^(\w+) days later/.exec(phrase)?.[1];
    if (n) shift = /^\d+$/.test(n) ? Number(n) : SMALL_NUMBERS[n] ?? 1;
  }
  return { at: m.index, length: m[0].length, shift };
}

/** Days counted from the event told just before ("a day later", "the day before", "two days later"). */
const ANAPHORIC_DAY = /\b(?:on\s+)?(?:the\s+)?(same day|that day|that same day|the following day|following day|next day|day after|a day later|one day later|(?:\d+|two|three|four|five|six|seven) days later|the day before|day before|a day earlier|the previous day|previous day)\b/i;
const SMALL_NUMBERS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 };

export { WEEKDAYS };
