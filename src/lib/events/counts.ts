import { NUMBER_SOURCE, parseNumber } from './text/numbers';

export type CountField = 'killed' | 'wounded' | 'captured';
export interface Count {
  n: number;
  /** "as many as 16", "over 20", "20 to 60": the number is a bound or an estimate. */
  approx: boolean;
  /** Counted from a singular or a name ("a commander", "Mustafa"), not a number: at least this many. */
  atLeast?: boolean;
}

const VERBS: Record<CountField, RegExp> = {
  killed: /\b(?:kill(?:ed|ing|s)?|murder(?:ed|ing|s)?|execut(?:ed|ing)|execution|shot dead|gunned down|assassinat(?:ed|ing|ion)|slain|died|dead)\b/gi,
  wounded: /\b(?:wound(?:ed|ing|s)?|injur(?:ed|ing|ies|y))\b/gi,
  captured: /\b(?:captur(?:ed|ing|e)|arrest(?:ed|ing|s)?|detain(?:ed|ing|s)?|apprehend(?:ed|ing)|taken into custody|taken prisoner)\b/gi
};
const ALL_VERBS = new RegExp(Object.values(VERBS).map((r) => r.source).join('|'), 'gi');

const QUALIFIER = '(?:as many as|up to|at least|more than|over|about|around|nearly|almost|some|approximately|an estimated|roughly|between|estimated)';
const QTY = new RegExp(`(?:\\b(${QUALIFIER})\\s+)?\\b(${NUMBER_SOURCE})\\b(?:\\s*(?:to|-|–|and)\\s*(${NUMBER_SOURCE})\\b)?`, 'gi');
const PERSON = /\b(?:commanders?|leaders?|operatives?|fighters?|members?|soldiers?|troops?|civilians?|trainers?|recruiters?|organi[sz]ers?|experts?|officials?|officers?|militants?|insurgents?|suspects?|men|man|women|woman|child(?:ren)?|brothers?|sons?|agents?|spokesm[ae]n|financiers?|facilitators?|emirs?|mullahs?|diplomats?|journalists?|policem[ae]n|guards?|bodyguards?|followers?|associates?|deputies|deputy|chiefs?|operatives?|people|persons?|individuals?|others?|cell leaders?|bomb[- ]?makers?|commandos?|hostages?|recruits?|students?|workers?)\b/i;
/** Words that end the phrase a count verb governs. */
const STOP = /[,;:()]|\s(?:during|in|at|near|on|after|while|when|who|which|that|inside|outside|north|south|east|west|since|from|before|by|for|with)\s|\sand\s+(?:\w+\s+)?(?=(?:kill|captur|wound|detain|arrest|injur)\w*)/i;

export interface CountSpan {
  start: number;
  end: number;
}

function qtyIn(s: string, from: 'first' | 'last', skip: CountSpan[], base: number): { n: number; approx: boolean; index: number; length: number } | null {
  const hits = [...s.matchAll(QTY)].filter((m) => !skip.some((d) => base + m.index! < d.end && base + m.index! + m[0].length > d.start));
  const m = from === 'first' ? hits[0] : hits[hits.length - 1];
  if (!m) return null;
  const n = parseNumber(m[2]);
  if (n === null) return null;
  const approx = Boolean(m[1] || m[3]);
  return { n, approx, index: m.index!, length: m[0].length };
}

/** How many people a noun phrase names: "a commander and five of his operatives" → 6; null when it cannot say. */
function sizeOf(np: string, skip: CountSpan[], base: number): Count | null {
  const parts = np.split(/\s+and\s+/);
  let total = 0;
  let approx = false;
  let any = false;
  let numeral = false;
  for (const [i, raw] of parts.entries()) {
    const part = raw.trim().replace(/^(?:the|his|her|their|its)\s+(?=\S)/i, (m) => (/^(his|her|their|its)/i.test(m) ? m : ''));
    const offset = base + np.indexOf(raw);
    const q = qtyIn(part, 'first', skip, offset);
    if (q && q.index < 25) {
      total += q.n;
      approx ||= q.approx;
      any = true;
      numeral = true;
    } else if (/^(?:a|an|another|one|the|his|her|their)\b/i.test(part) && PERSON.test(part.split(/\s+/).slice(0, 6).join(' '))) {
      total += 1;
      any = true;
    } else if (/^(?:he|she|him|her)\b/i.test(part) || /^(?:[A-Z][\w'’-]+)(?:\s+(?:al|bin|ibn|el|[A-Z][\w'’-]+)){0,4}$/.test(part.trim())) {
      // A person named: "Mustafa", "Azhar al Dulaimi".
      total += 1;
      any = true;
    } else if (i === 0) {
      return null;
    }
    // A later part without its own number or determiner continues the first ("a recruiter and organizer").
  }
  return any ? { n: total, approx, ...(numeral ? {} : { atLeast: true }) } : null;
}

/**
 * Counts of people killed, wounded and captured that a clause reports. `clause` is the clause text, `base` its
 * offset in the article (to skip numbers that belong to dates) and `masked` the spans out of fact.
 */
export function findCounts(clause: string, base: number, skip: CountSpan[]): Partial<Record<CountField, Count>> {
  const out: Partial<Record<CountField, Count>> = {};
  const verbs = [...clause.matchAll(ALL_VERBS)].map((m) => ({ at: m.index!, end: m.index! + m[0].length, word: m[0] }));
  const among = /\bamong the (dead|wounded|injured|captured|detained)\s+(?:were|was|are|is)\s+/i.exec(clause);
  if (among) {
    const field: CountField = /dead/i.test(among[1]) ? 'killed' : /wound|injur/i.test(among[1]) ? 'wounded' : 'captured';
    const rest = clause.slice(among.index + among[0].length);
    const cut = rest.search(STOP);
    const size = sizeOf(cut >= 0 ? rest.slice(0, cut) : rest, skip, base + among.index + among[0].length);
    if (size) out[field] = size;
  }
  for (const [k, v] of verbs.entries()) {
    const field = (Object.keys(VERBS) as CountField[]).find((f) => new RegExp(`^(?:${VERBS[f].source})$`, 'i').test(v.word))!;
    if (out[field] || /^dead$/i.test(v.word)) continue;
    if (skip.some((d) => base + v.at >= d.start && base + v.at < d.end)) continue;
    const after = clause.slice(v.end);
    const passive = /\b(?:was|were|been|being|be|is|are)\s+(?:\w+\s+){0,2}$/i.test(clause.slice(0, v.at)) || /^\s*(?:[,;.]|$|during|in|at|on|near|and|by|after|when|while|inside|outside)/i.test(after);
    if (!passive) {
      const obj = after.replace(/^\s+(?:of\s+)?/, '');
      const lead = after.length - obj.length;
      const cut = obj.search(STOP);
      const np = cut >= 0 ? obj.slice(0, cut) : obj;
      const size = sizeOf(np, skip, base + v.end + lead);
      if (size) out[field] = size;
      continue;
    }
    // Passive or list ("20 killed, six wounded"): the number closest before the verb, after the previous count verb.
    const from = k > 0 ? verbs[k - 1].end : 0;
    const before = clause.slice(from, v.at);
    const q = qtyIn(before, 'last', skip, base + from);
    if (q) {
      // "Mustafa and sixteen of his followers were killed": the named person plus the number.
      const head = before.slice(0, q.index);
      const named = /(?:^|[,.;]\s*|\b(?:and|with)\s+)?\b([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})\s+and\s+(?:\w+\s+){0,2}$/.exec(head);
      out[field] = { n: q.n + (named && !/^(The|On|In|At|Also|US|Iraqi|Afghan)$/.test(named[1].split(/\s+/)[0]) && !/\b(forces|troops|Army|Groups?)\b/.test(named[1]) ? 1 : 0), approx: q.approx };
    } else {
      const subject = (before.split(/[,;]/).pop() ?? '').trim();
      const size = /^(?:another|one|a|an|he|she)\b/i.test(subject) || /^[A-Z][\w'’-]+(?:\s+(?:al|bin|[A-Z][\w'’-]+)){0,3}\s+(?:was|had been|has been)\b/.test(subject) ? { n: 1, approx: false, atLeast: true } : null;
      if (size && k === 0) out[field] = size;
    }
  }
  return out;
}
