import * as chrono from 'chrono-node';

/** ACLED's time precision: 1 the day is known, 2 only the week (or the date is approximate), 3 only the month. */
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
  /**
   * YYYY-MM-DD (start of the period when imprecise) or null when the text alone cannot say: a relative or
   * year-less date with no article date to resolve it against. An unresolved mention has precision 3.
   */
  date: string | null;
  precision: TimePrecision;
  /** "since June 3": the event lasted from this date on. */
  since: boolean;
}

const DURATION = /\b(past|last|next|over|several|few|couple|\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(\w+\s+)?(days|weeks|months|years)\b(?!\s+(?:ago|earlier|before|back)\b)/i;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
export function addDays(date: string, days: number): string {
  const t = new Date(`${date}T12:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}
const dayNumber = (date: string) => Date.parse(`${date}T12:00:00Z`) / 86_400_000;

/** A real calendar day (no 30 February, no month 13, no year 0). */
export function isValidDay(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || y < 1 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * Two reference instants used only to tell whether a parse depends on its reference ("today", "last week",
 * "5 January"): a date that moves when the reference moves is relative. Neither is ever given out as a date.
 */
const PROBE_A = new Date(Date.UTC(2003, 2, 19, 12));
const PROBE_B = new Date(Date.UTC(1987, 10, 8, 12));

function refInstant(article: ArticleDate | null): Date {
  return article ? new Date(`${article.date}T12:00:00Z`) : PROBE_A;
}

type Resolved = Omit<DateMention, 'start' | 'end' | 'text' | 'since'>;
const UNRESOLVED: Resolved = { date: null, precision: 3 };

function ymd(c: chrono.ParsedComponents): string {
  return iso(c.get('year')!, c.get('month')!, c.get('day')!);
}

function parseOne(text: string, instant: Date): chrono.ParsedResult | undefined {
  return chrono.casual.parse(text, { instant, timezone: 0 }, { forwardDate: false })[0];
}

/** Does the parse of this expression move with the reference date (a relative or year-less date)? */
function dependsOnReference(text: string): boolean {
  const a = parseOne(text, PROBE_A);
  const b = parseOne(text, PROBE_B);
  if (!a || !b) return true;
  return ymd(a.start) !== ymd(b.start);
}

/** Days from the article's date, a date after it counting double: reports look back far more often than ahead. */
const distance = (delta: number) => (delta > 0 ? delta * 2 : -delta);

/** The year that puts month/day nearest to the article's date (news reports past events, sometimes the next days). */
function nearestYear(m: number, d: number, article: ArticleDate): number | null {
  const ref = dayNumber(article.date);
  const y = Number(article.date.slice(0, 4));
  let best: { y: number; gap: number } | null = null;
  for (const cand of [y - 1, y, y + 1]) {
    if (!isValidDay(cand, m, d)) continue;
    const delta = dayNumber(iso(cand, m, d)) - ref;
    const gap = distance(delta);
    if (!best || gap < best.gap) best = { y: cand, gap };
  }
  return best?.y ?? null;
}

/** Resolve one chrono result against the article date; null when it is no event date (a duration, "now"). */
function fromChrono(r: chrono.ParsedResult, article: ArticleDate | null): Resolved | null {
  const c = r.start;
  const text = r.text.trim();
  if (/^(?:right\s+)?now$|^currently$|^at present$|^tomorrow$|^next\b/i.test(text)) return null; // the present or the future
  if (DURATION.test(text) && !/^(last|this)\s+(week|month|year)$/i.test(text)) return null;
  if (!c.isCertain('day') && !c.isCertain('month') && !c.isCertain('year') && !c.isCertain('weekday')) {
    // "this morning", "tonight": the article's own day; any other time of day alone dates nothing.
    if (!/^(?:(?:early|late)\s+)?(?:this\s+(?:morning|afternoon|evening)|tonight|overnight)$/i.test(text)) return null;
    return article ? { date: article.date, precision: article.approximate ? 2 : 1 } : UNRESOLVED;
  }
  const relative = dependsOnReference(r.text);
  const dayPrecision = (): TimePrecision => (article?.approximate ? 2 : 1);
  if (!relative) {
    // Absolute: a date the text gives in full.
    if (c.isCertain('day')) return { date: ymd(c), precision: 1 };
    if (c.isCertain('month')) return { date: iso(c.get('year')!, c.get('month')!, 1), precision: 3 };
    return null;
  }
  // Relative or year-less: meaningless without the article's date (never a library's default reference).
  if (!article) return UNRESOLVED;
  if (c.isCertain('weekday') && !c.isCertain('day')) {
    // News usage: "on Wednesday" is the latest such day on or before the article's date.
    const want = c.get('weekday')!;
    const back = (refInstant(article).getUTCDay() - want + 7) % 7;
    return { date: addDays(article.date, -back), precision: dayPrecision() };
  }
  if (/\bweeks?\b/i.test(text)) return { date: ymd(c), precision: 2 };
  if (/\b(?:months?|years?)\s+ago\b|^(?:last|this)\s+(?:month|year)$/i.test(text)) {
    return /year/i.test(text) && /^(last|this)/i.test(text) ? { date: iso(c.get('year')!, 1, 1), precision: 3 } : { date: iso(c.get('year')!, c.get('month')!, 1), precision: 3 };
  }
  if (!c.isCertain('year') && c.isCertain('month')) {
    // "5 January", "in March": the year nearest the article's date.
    const day = c.isCertain('day') ? c.get('day')! : 1;
    const y = nearestYear(c.get('month')!, day, article);
    if (y === null) return UNRESOLVED;
    return c.isCertain('day') ? { date: iso(y, c.get('month')!, day), precision: 1 } : { date: iso(y, c.get('month')!, 1), precision: 3 };
  }
  if (c.isCertain('day')) return { date: ymd(c), precision: dayPrecision() };
  return null;
}

/**
 * Numeric dates written day and month ("on 22/02", "10/04/2015", "10.04.2015"). Day-first or month-first is
 * decided by a number above 12, else by another date of the same text; otherwise, given an article date, by
 * which reading lies nearer to it; otherwise left unresolved. Dotted dates are day-first; they need a year.
 */
const NUMERIC = /(?<![\d/.:,-])(?!24\/7\b|9\/11\b)(\d{1,2})([/.])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?![\d/]|[.,]\d|\s*(?:%|per\s*cent|mm|km|kg|m\b|of\b))/g;

function numericDates(text: string, article: ArticleDate | null): Array<{ index: number; length: number; resolved: Resolved }> {
  const found = [...text.matchAll(NUMERIC)].filter((m) => m[2] === '/' || m[4]);
  const orderHint = found.some((m) => Number(m[1]) > 12 && Number(m[3]) <= 12) ? 'dm' : found.some((m) => Number(m[3]) > 12 && Number(m[1]) <= 12) ? 'md' : null;
  const out: Array<{ index: number; length: number; resolved: Resolved }> = [];
  for (const m of found) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const year = m[4] ? (m[4].length === 2 ? (Number(m[4]) < 50 ? 2000 : 1900) + Number(m[4]) : Number(m[4])) : null;
    const readings: Array<[number, number]> = []; // [month, day]
    if (m[2] === '.' || a > 12 || (orderHint === 'dm' && b <= 12)) readings.push([b, a]);
    else if (b > 12 || orderHint === 'md') readings.push([a, b]);
    else readings.push([b, a], [a, b]);
    const valid = readings.filter(([mo, d]) => isValidDay(year ?? 2000, mo, d));
    if (!valid.length) continue; // "25/13": not a date
    let resolved: Resolved = UNRESOLVED;
    if (article) {
      let best: { date: string; gap: number } | null = null;
      for (const [mo, d] of valid) {
        const y = year ?? nearestYear(mo, d, article);
        if (y === null || !isValidDay(y, mo, d)) continue;
        const date = iso(y, mo, d);
        const gap = distance(dayNumber(date) - dayNumber(article.date));
        if (!best || gap < best.gap) best = { date, gap };
      }
      if (best) resolved = { date: best.date, precision: year !== null || valid.length === 1 || best.gap < 60 ? (article.approximate && year === null ? 2 : 1) : 2 };
    } else if (year !== null && (valid.length === 1 || valid[0][0] === valid[0][1])) {
      resolved = { date: iso(year, valid[0][0], valid[0][1]), precision: 1 };
    }
    out.push({ index: m.index!, length: m[0].length, resolved });
  }
  return out;
}

/** Every reading of the numeric dates with a year in a text ("06/11/2009" → 2009-06-11 and 2009-11-06). */
export function numericDateReadings(text: string): Array<{ start: number; end: number; dates: string[] }> {
  const out: Array<{ start: number; end: number; dates: string[] }> = [];
  for (const m of text.matchAll(NUMERIC)) {
    if (!m[4]) continue;
    const a = Number(m[1]);
    const b = Number(m[3]);
    const y = m[4].length === 2 ? (Number(m[4]) < 50 ? 2000 : 1900) + Number(m[4]) : Number(m[4]);
    const readings = m[2] === '.' ? [[b, a]] : [[b, a], [a, b]];
    const dates = [...new Set(readings.filter(([mo, d]) => isValidDay(y, mo, d)).map(([mo, d]) => iso(y, mo, d)))].sort();
    if (dates.length) out.push({ start: m.index!, end: m.index! + m[0].length, dates });
  }
  return out;
}

/** "between 16 and 20 March", "16-20 March", "from 16 to 20 March": the start of a range of days just before a date. */
const DAY_RANGE_BEFORE = /(?:\b(?:between|from)\s+)?\b(\d{1,2})(?:st|nd|rd|th)?\s*(?:and|to|-|–|—)\s*$/i;
/** Words that make a date approximate: ACLED codes such dates at precision 2 ("late Sunday" is still that day). */
const APPROX_BEFORE = /\b(?:around|about|approximately|circa|c\.|roughly|sometime|some time|on or about|on or around|in the days? (?:before|after)|the week of|end of|beginning of|start of)\s*(?:the\s+)?(?:on\s+)?$/i;
/** "the night of 12 March": a time of day before the date chrono cannot take together. */
const TIME_OF = /^(?:the\s+)?(?:night|morning|evening|afternoon|early hours|small hours)\s+of\s+(?:the\s+)?/i;

const YEAR_ONLY = /\b(?:(?:in|during|since|by|throughout|until|of|from)\s+(?:(?:the\s+)?(?:early|late|mid|middle of|spring|summer|autumn|fall|winter)(?:\s+of)?[\s-]+)?|(?:early|late|mid-?)\s*|the\s+)((?:19|20)\d{2})\b(?!\s*(?:[-–]\d|\d|s\b))/gi;

/**
 * Find the date expressions of a piece of text. `offset` is added to every span (pass the sentence's start
 * to get spans into the article). Relative and year-less dates are resolved against the article's date and
 * left unresolved (date null) without one: no year or day is ever invented.
 */
export function findDates(text: string, article: ArticleDate | null, offset = 0): DateMention[] {
  const found: DateMention[] = [];
  const numeric = numericDates(text, article);
  // Chrono reads the text with the numeric dates blanked out: they are ours to order.
  let masked = text;
  for (const n of numeric) masked = masked.slice(0, n.index) + ' '.repeat(n.length) + masked.slice(n.index + n.length);
  for (const n of numeric) {
    const since = /\bsince\s*$/i.test(text.slice(Math.max(0, n.index - 7), n.index));
    found.push({ start: offset + n.index, end: offset + n.index + n.length, text: text.slice(n.index, n.index + n.length), ...n.resolved, precision: since && n.resolved.date ? 3 : n.resolved.precision, since });
  }
  const results = chrono.casual.parse(masked, { instant: refInstant(article), timezone: 0 }, { forwardDate: false });
  for (const first of results) {
    if (/^\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?$/.test(first.text.trim())) continue; // numeric forms are read above ("24/7" is none)
    let r = first;
    const index = first.index;
    let length = first.text.length;
    // "On August 4, 18 operatives …": a two-digit number after a comma is a count, not a year.
    const twoDigitYear = /^(.*\d)\s*,\s*\d{1,2}$/.exec(r.text);
    if (twoDigitYear) {
      const again = parseOne(twoDigitYear[1], refInstant(article));
      if (!again) continue;
      r = again;
      length = again.index + again.text.length;
    }
    // "the night of 12 March": chrono reads only the time of day; the date follows "of".
    const timeOf = TIME_OF.exec(r.text);
    if (timeOf && !r.start.isCertain('day') && !r.start.isCertain('weekday')) {
      const again = parseOne(r.text.slice(timeOf[0].length), refInstant(article));
      if (again) r = again;
    }
    // A weekday beside a numeric date ("on Thursday 22/02", "today (06/02)") belongs to it.
    const end = index + length;
    const beside = numeric.find((n) => (n.index >= end && /^[\s,(]*$/.test(text.slice(end, n.index))) || (n.index + n.length <= index && /^[\s,)]*$/.test(text.slice(n.index + n.length, index))));
    if (beside && r.start.isCertain('weekday') && !r.start.isCertain('day')) {
      const mention = found.find((f) => f.start === offset + beside.index)!;
      mention.start = Math.min(mention.start, offset + index);
      mention.end = Math.max(mention.end, offset + end);
      mention.text = text.slice(mention.start - offset, mention.end - offset);
      continue;
    }
    if (beside && /^(?:today|yesterday|tonight|last night)$/i.test(first.text.trim())) continue;
    let resolved = fromChrono(r, article);
    if (!resolved) continue;
    let start = index;
    // A range of days ("between 16 and 20 March"): its first day, at week precision (month when longer).
    const range = DAY_RANGE_BEFORE.exec(text.slice(0, index));
    if (resolved.date && resolved.precision === 1 && (range || first.end)) {
      const lastDay = Number(resolved.date.slice(8, 10));
      const firstDay = range ? Number(range[1]) : first.end ? first.start.get('day')! : lastDay;
      const endDay = first.end && !range ? first.end.get('day')! : lastDay;
      if (firstDay >= 1 && firstDay < endDay && (!first.end || first.end.get('month') === first.start.get('month'))) {
        resolved = { date: resolved.date.slice(0, 8) + String(firstDay).padStart(2, '0'), precision: endDay - firstDay <= 7 ? 2 : 3 };
        if (range) start = range.index;
      }
    }
    if (resolved.date && resolved.precision === 1 && APPROX_BEFORE.test(text.slice(Math.max(0, start - 30), start))) resolved = { ...resolved, precision: 2 };
    const since = /\bsince\s*$/i.test(text.slice(Math.max(0, start - 7), start));
    found.push({ start: offset + start, end: offset + end, text: text.slice(start, end), ...resolved, precision: since && resolved.date ? 3 : resolved.precision, since });
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

/**
 * Parse a date given as a field (an API value, `--date`, front matter, an HTML meta tag): `YYYY-MM-DD`, an ISO
 * timestamp, or a written date with day, month and year ("5 March 2024", "Tue, 05 Mar 2024 10:00:00 GMT").
 * Returns YYYY-MM-DD, or null when the value is no possible date (2024-13-01, 2007-02-30, 0000-00-00, "soon").
 */
export function parseDateField(raw: string): string | null {
  const s = raw.trim();
  const numeric = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT)?$)/i.exec(s);
  if (numeric) {
    const [y, m, d] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
    return y >= 1000 && isValidDay(y, m, d) ? iso(y, m, d) : null;
  }
  if (/^\d{4}\/\d{1,2}\/\d{1,2}$/.test(s)) return parseDateField(s.replace(/\//g, '-'));
  // A written date: chrono reads it; day, month and year must all be in the text.
  if (!/[a-z]/i.test(s) || !MONTHS.some((m) => s.toLowerCase().includes(m))) return null;
  const r = parseOne(s, PROBE_A);
  if (!r || !r.start.isCertain('year') || !r.start.isCertain('month') || !r.start.isCertain('day')) return null;
  const y = r.start.get('year')!;
  const date = ymd(r.start);
  // chrono rolls "30 February" over into March: the day read must be the day written.
  if (!new RegExp(`\\b0?${r.start.get('day')}(?:st|nd|rd|th)?\\b`).test(s) || y < 1000) return null;
  return date;
}

export { WEEKDAYS };
