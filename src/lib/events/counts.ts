import { NUMBER_SOURCE, parseNumber } from './text/numbers';

export type CountField = 'killed' | 'wounded' | 'captured' | 'abducted';
export interface Count {
  n: number;
  /** "as many as 16", "over 20", "20 to 60", "dozens": the number is a bound or an estimate (a range gives its lower bound). */
  approx: boolean;
  /** Counted from a singular or a name ("a commander", "Mustafa"), not a number: at least this many. */
  atLeast?: boolean;
}

/** "hacked to death", "beaten to death", "burnt alive": a killing told by its manner. */
const TO_DEATH = String.raw`(?!sentenced|condemned|frightened|scared|bored)(?:[a-z]+(?:ed|en|t)|beat|shot|slit)\s+to\s+death|(?:burnt|burned|buried)\s+alive`;
const VERBS: Record<CountField, RegExp> = {
  killed: new RegExp(
    String.raw`\b(?:${TO_DEATH}|kill(?:ed|ing|s)?|murder(?:ed|ing|s)?|execut(?:ed|ing)|execution|shot dead|gunned down|mowed down|assassinat(?:ed|ing|ion)|slain|slaughtered|massacred|beheaded|lynched|martyred|died|dies|perished|succumbed|lost (?:their|his|her) li(?:ves|fe)|dead)\b`,
    'gi'
  ),
  wounded: /\b(?:wound(?:ed|ing|s)?|injur(?:ed|ing|ies|y)|hurt)\b/gi,
  captured: /\b(?:captur(?:ed|ing|e)|arrest(?:ed|ing|s)?|detain(?:ed|ing|s)?|apprehend(?:ed|ing)|taken into custody|taken prisoner|rounded up)\b/gi,
  abducted: /\b(?:abduct(?:ed|ing|s)?|kidnap(?:ped|ping|s)?|taken hostage|held hostage)\b/gi
};
const FIELDS = Object.keys(VERBS) as CountField[];
const ALL_VERBS = new RegExp(Object.values(VERBS).map((r) => r.source).join('|'), 'gi');
/** Verbs that take no object: their count is their subject ("four died", "one victim succumbed"). */
const INTRANSITIVE = /^(?:died|dies|perished|succumbed|dead|lost (?:their|his|her) li(?:ves|fe))$/i;

const QUALIFIER = '(?:as many as|up to|at least|no fewer than|no less than|not less than|more than|over|about|around|nearly|almost|some|approximately|an estimated|roughly|between|estimated|reportedly)';
const QTY = new RegExp(`(?:\\b(${QUALIFIER})\\s+)?\\b(${NUMBER_SOURCE}|dozens|scores|hundreds|thousands)\\b(?:\\s*(?:to|-|–|and|or)\\s*(${NUMBER_SOURCE})\\b)?`, 'gi');
const VAGUE: Record<string, number> = { dozens: 12, scores: 20, hundreds: 100, thousands: 1000 };
const PERSON = /\b(?:commanders?|leaders?|operatives?|fighters?|members?|soldiers?|troops?|civilians?|trainers?|recruiters?|organi[sz]ers?|experts?|officials?|officers?|militants?|insurgents?|suspects?|men|man|women|woman|child(?:ren)?|brothers?|sons?|agents?|spokesm[ae]n|financiers?|facilitators?|emirs?|mullahs?|diplomats?|journalists?|policem[ae]n|guards?|bodyguards?|followers?|associates?|deputies|deputy|chiefs?|operatives?|people|persons?|individuals?|others?|cell leaders?|bomb[- ]?makers?|commandos?|hostages?|recruits?|students?|workers?|activists?|supporters?|villagers?|residents?|rebels?|cadres?|personnel|youths?|boys?|girls?|farmers?|traders?|passengers?|drivers?|teachers?|doctors?|nurses?|worshippers?|protesters?|demonstrators?|herders?|herdsmen|gunmen|gunman|victims?|relatives?|wi(?:fe|ves)|husbands?|daughters?|mothers?|fathers?|pilgrims?|refugees?|migrants?|tourists?|foreigners?|nationals?|employees?|staff|crew|engineers?|contractors?|aid workers?)\b/i;
/** Words that end the phrase a count verb governs. */
// A comma between digits is a thousands separator ("1,200 people"), not the end of a noun phrase.
const STOP = /(?<!\d),|,(?!\d{3}\b)|[;:()]|\s(?:during|in|at|near|on|after|while|when|who|which|that|inside|outside|north|south|east|west|since|from|before|by|for|with|following)\s|\sand\s+(?:\w+\s+)?(?=(?:kill|captur|wound|detain|arrest|injur|abduct|kidnap)\w*)/i;

/**
 * Counts over a period, not of one event: "killed since 2003", "since January", "so far this year", "bringing the
 * toll to 45". A count since a given day ("detained four since June 3") is a short run of arrests and is kept.
 * A clause that gives such a total reports no count of its own.
 */
const TOTAL = /\b(?:since\s+(?:the\s+)?(?:start|beginning|outbreak|(?:19|20)\d{2}|(?:(?:early|late|mid-?)\s*)?(?:january|february|march|april|may|june|july|august|september|october|november|december)\b(?!\s+\d)|last\s+(?:year|month|week)|records began)\b|so far this|this year alone|to date\b|so far in\b|thus far\b|in recent (?:weeks|months|years)|(?:over|in|during) the (?:past|last) (?:\w+\s+)?(?:days|weeks|months|years)|bringing (?:the|to)\b|brings (?:the|to)\b|(?:death )?toll (?:for|in|of) the (?:year|month|conflict|war)|\d+(?:st|nd|rd|th) (?:\w+\s+){0,2}(?:to be |to have been )?(?:killed|wounded|arrested)\b)/i;

const MONTH = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';

/**
 * Numbers that are never counts of people: ages ("21-year-old", "Ali, 35,", "aged 40"), calibres and distances
 * ("82mm", "5 km"), unit and road numbers ("1 RR", "Battalion 205", "Route 7"), times, money and percentages,
 * ordinals, and number words that are part of a name ("the Heavenly Hundred").
 */
const NON_COUNTS = [
  /\b\d{1,3}\s*(?:-|\s)\s*(?:years?|yrs?|months?)(?:\s*-\s*|\s+)old\b/gi,
  /\b(?:aged|age)\s+\d{1,3}\b/gi,
  /(?<=[A-Z][\w'’.-]*\s*[,(]\s*)\d{1,3}(?=\s*(?:[,)]|\s+(?:of|from)\s+[A-Z]))/g,
  /\b\d+(?:\.\d+)?\s*(?:mm|cm|km|kms|kg|m|metres?|meters?|kilometres?|kilometers?|miles?|feet|ft|hours?|hrs|minutes?|mins|days?|weeks?|months?|years?|percent|per\s*cent|%|rounds?|shells?|missiles?|rockets?|vehicles?|houses?|homes?|villages?|locations?|tanks?|caliber|calibre)\b/gi,
  /\b(?:no\.|number|battalion|brigade|regiment|division|corps|unit|company|squadron|platoon|route|highway|road|sector|block|ward|camp|post|checkpoint|gate|article|section|resolution|flight|bus|tehsil|phase|zone|level|grade|class|room|km)\s+\d+\b/gi,
  /\b\d+\s*(?:rr|ar|bn|bde|bsf|crpf|assam rifles|rashtriya rifles|battalion|brigade|regiment|division|corps|squadron|wing|mechanized|infantry|armoured|armored|rifles)\b/gi,
  /(?<=\bof\s+)\d+\s+[A-Z]{2,4}\b/g,
  // A part of a number given before ("20 militants, including 3 commanders"): never the count itself.
  new RegExp(String.raw`(?<=\b(?:including|among them|among whom|of whom|of them)\s+(?:at least\s+|some\s+)?)(?:${NUMBER_SOURCE})\b`, 'gi'),
  /\b\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?|o'clock|hrs)\b/gi,
  /(?:[$€£₹]|rs\.?|tk\.?|naira|usd)\s*\d[\d,.]*|\b\d[\d,.]*\s*(?:dollars|rupees|naira|taka|euros|million|billion|lakh|crore)\b/gi,
  /\b\d+(?:st|nd|rd|th)\b/gi,
  new RegExp(String.raw`\b(?:${MONTH})\.?\s+\d{1,2}\b(?!\s*(?:people|persons|civilians|soldiers|militants|policemen))|\b\d{1,2}\s+(?:${MONTH})\b`, 'gi'),
  // "20-party alliance", "a two-day strike", "12-member team" (but "twenty-six", "1-2 policemen" are numbers).
  /\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred)-(?!(?:one|two|three|four|five|six|seven|eight|nine|\d))[a-z]+\b/gi,
  /(?<=\w[ \t]+)\b(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Twelve|Twenty|Thirty|Forty|Fifty|Hundred|Thousand|Dozen)\b/g
];

export interface CountSpan {
  start: number;
  end: number;
}

/** The spans of a clause whose numbers are no counts of people. */
export function nonCountSpans(clause: string, base: number): CountSpan[] {
  const out: CountSpan[] = [];
  for (const re of NON_COUNTS) {
    re.lastIndex = 0;
    for (const m of clause.matchAll(re)) out.push({ start: base + m.index!, end: base + m.index! + m[0].length });
  }
  return out;
}

function qtyIn(s: string, from: 'first' | 'last', skip: CountSpan[], base: number): { n: number; approx: boolean; index: number; length: number } | null {
  const hits = [...s.matchAll(QTY)].filter((m) => {
    const at = base + m.index! + m[0].length - m[0].trimStart().length + (m[1] ? m[0].indexOf(m[2]) : 0);
    return !skip.some((d) => at < d.end && at + m[2].length > d.start);
  });
  const m = from === 'first' ? hits[0] : hits[hits.length - 1];
  if (!m) return null;
  const vague = VAGUE[m[2].toLowerCase()];
  const n = vague ?? parseNumber(m[2]);
  if (n === null) return null;
  // A range ("1-2 policemen", "between 10 and 15") counts its lower bound, as ACLED does.
  const second = m[3] ? parseNumber(m[3]) : null;
  const low = second !== null && second < n ? second : n;
  const approx = Boolean(m[1] || m[3] || vague);
  return { n: low, approx, index: m.index!, length: m[0].length };
}

/** How many people a noun phrase names: "a commander and five of his operatives" → 6; null when it cannot say. */
function sizeOf(np: string, skip: CountSpan[], base: number, anyNoun = false): Count | null {
  const parts = np.split(/\s+(?:and|along with|together with)\s+/);
  let total = 0;
  let approx = false;
  let any = false;
  let numeral = false;
  for (const [i, raw] of parts.entries()) {
    const part = raw.trim().replace(/^(?:the|his|her|their|its)\s+(?=\S)/i, (m) => (/^(his|her|their|its)/i.test(m) ? m : ''));
    const offset = base + np.indexOf(raw);
    const q = qtyIn(part, 'first', skip, offset);
    const head = part.split(/\s+/).slice(0, 6).join(' ');
    if (q && q.index < 25) {
      total += q.n;
      approx ||= q.approx;
      any = true;
      numeral = true;
    } else if (anyNoun && /^the\s+(?:[\w-]+\s+){0,2}?([\w'’-]+)(?:\s+of\b|$)/i.test(raw.trim()) && PERSON.test(/^the\s+(?:[\w-]+\s+){0,2}?([\w'’-]+)(?:\s+of\b|$)/i.exec(raw.trim())![1]) && !/(?:s|men|people|police|forces|personnel)$/i.test(/^the\s+(?:[\w-]+\s+){0,2}?([\w'’-]+)(?:\s+of\b|$)/i.exec(raw.trim())![1])) {
      // "the wife of a former minister", "the local headman": one person.
      total += 1;
      any = true;
    } else if (anyNoun && /^[a-z]+(?:\s+[a-z]+)?\s+[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,3}\s*(?:\([^)]*\))?$/.test(part.trim()) && PERSON.test(part.split(/\s+/)[0] + ' ' + (part.split(/\s+/)[1] ?? ''))) {
      // "soldier Rashid Khan", "policeman (Karim Uddin)": a role and a name.
      total += 1;
      any = true;
    } else if (/^(?:a|an|another|one|the|his|her|their)\s+\S/i.test(part) && (PERSON.test(head) || (anyNoun && /^(?:a|an|another|one|his|her|their)\b/i.test(part) && !/\b(?:number|lot|group|few|couple|series|total)\b/i.test(head)))) {
      total += 1;
      any = true;
    } else if (
      /^(?:he|she|him|her)\b/i.test(part) ||
      /^(?:[A-Z][\w'’-]+)(?:\s+(?:al|bin|ibn|el|[A-Z][\w'’-]+)){0,4}$/.test(part.trim()) ||
      (anyNoun && titledName(part.trim()))
    ) {
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

/** A name with its title or role before it: "Veteran party leader Karim Uddin", "ASWJ leader Dr Ali Khan". */
function titledName(s: string): boolean {
  return (
    /^[A-Z][\w'’-]*(?:\s+[\w'’.-]+){0,3}\s+[A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+$/.test(s) &&
    !/\d/.test(s) &&
    !/^(?:He|She|It|They|We|I|You|The|This|That|These|Those|Police|Officials?|Reports?)\b/.test(s) &&
    !/\b(?:and|or|in|of|at|from|to|by|with|on)\b/.test(s) &&
    !/\b[a-z]+(?:ed|ing)\b/.test(s)
  );
}

/** A determiner (and perhaps an adjective) just before a count word: it is a noun or an adjective there. */
const NOUN_BEFORE = /\b(?:the|a|an|this|that|these|those|his|her|their|its|another)\s+(?:(?:brutal|gruesome|recent|latest|alleged|targeted|mass|custodial|double|triple|cold-blooded|reported|suspected|fresh|new|fatal|deadly|brazen|daylight|broad daylight|extrajudicial|political|sectarian)\s+)?$/i;

const fieldOf = (word: string): CountField => FIELDS.find((f) => new RegExp(`^(?:${VERBS[f].source})$`, 'i').test(word))!;

/**
 * Counts of people killed, wounded, captured and abducted that a clause reports. `clause` is the clause text,
 * `base` its offset in the article, `skip` spans whose numbers are no counts (dates). Counts over a period
 * ("the 28th soldier killed since 2003") and numbers that are ages, units or calibres are never taken.
 */
export function findCounts(clause: string, base: number, skip: CountSpan[]): Partial<Record<CountField, Count>> {
  const out: Partial<Record<CountField, Count>> = {};
  if (TOTAL.test(clause)) return out;
  skip = [...skip, ...nonCountSpans(clause, base)];
  // Count words used as nouns or adjectives ("the killing", "this murder", "the brutal killing of", "the injured
  // leader") report no count of their own; "the killing of 20 workers" still counts its object.
  const verbs = [...clause.matchAll(ALL_VERBS)]
    .map((m) => ({ at: m.index!, end: m.index! + m[0].length, word: m[0] }))
    .filter((v) => {
      const lead = clause.slice(0, v.at);
      const after = clause.slice(v.end);
      if (!NOUN_BEFORE.test(lead)) return true;
      if (/(?:ing|ion|s)$/i.test(v.word)) return /^\s+of\s/i.test(after);
      // "that killed two guards": a relative pronoun, not a determiner, before a verb.
      if (!/\b(?:the|a|an|his|her|their|its)\s+(?:\S+\s+)?$/i.test(lead)) return true;
      return !(/(?:ed|en)$/i.test(v.word) && /^\s+[A-Za-z]/.test(after) && !/^\s+(?:by|in|at|on|during|and|when|after)\b/i.test(after));
    });
  const among = /\bamong the (dead|wounded|injured|captured|detained|abducted|kidnapped)\s+(?:were|was|are|is)\s+/i.exec(clause);
  if (among) {
    const field: CountField = /dead/i.test(among[1]) ? 'killed' : /wound|injur/i.test(among[1]) ? 'wounded' : /abduct|kidnap/i.test(among[1]) ? 'abducted' : 'captured';
    const rest = clause.slice(among.index + among[0].length);
    const cut = rest.search(STOP);
    const size = sizeOf(cut >= 0 ? rest.slice(0, cut) : rest, skip, base + among.index + among[0].length);
    if (size) out[field] = size;
  }
  // "left four dead and two wounded", "leaving his wife dead", "shot a guard dead": an object and its state.
  for (const m of clause.matchAll(/\b(?:left|leaving|leaves|leave|shot|shooting|shoot|gunned)\s+((?:[\w'’-]+,?\s+){1,9}?)(dead|killed|wounded|injured|hurt)\b(?:\s*(?:,|and)\s+((?:[\w'’-]+\s+){1,6}?)(dead|killed|wounded|injured|hurt)\b)?/gi)) {
    const at = m.index! + m[0].indexOf(m[1]);
    const first = sizeOf(m[1].trim().replace(/,\s*[^,]*$/, (x) => (/^,\s*[A-Z]/.test(x) ? '' : x)), skip, base + at, true);
    if (first) out[fieldOf(m[2])] ??= first;
    if (m[3]) {
      const second = sizeOf(m[3].trim(), skip, base + m.index! + m[0].lastIndexOf(m[3]), true);
      if (second) out[fieldOf(m[4])] ??= second;
    }
  }
  // "three civilian deaths", "resulting in the death of a militant": the dead, counted (not "the death
  // anniversary", "protests over the death of …").
  if (!out.killed) {
    // Only a death the clause reports as an outcome: "resulting in the death of", not "protest over the death of".
    const deaths = new RegExp(String.raw`\b(${NUMBER_SOURCE})\s+(?:[\w-]+\s+)?deaths\b|\b(?:result(?:ed|ing|s)?\s+in|led\s+to|leading\s+to|lead\s+to|caus(?:ed|ing|es)|claimed)\s+(?:the\s+)?deaths?\s+of\s+`, 'i').exec(clause);
    if (deaths?.[1]) {
      const at = base + deaths.index + deaths[0].indexOf(deaths[1]);
      const n = skip.some((d) => at >= d.start && at < d.end) ? null : parseNumber(deaths[1]);
      if (n !== null && n > 0) out.killed = { n, approx: false };
    } else if (deaths) {
      const rest = clause.slice(deaths.index + deaths[0].length);
      const cut = rest.search(STOP);
      const size = sizeOf(cut >= 0 ? rest.slice(0, cut) : rest, skip, base + deaths.index + deaths[0].length, true);
      if (size) out.killed = size;
    }
  }
  // "17 bodies were recovered", "the bodies of five fishermen were found": the dead, counted.
  if (!out.killed) {
    const bodies = /\b(NUM)\s+(?:\w+\s+)?(?:dead\s+)?bod(?:y|ies)\b|\bbod(?:y|ies) of\s+(?:(?:the|at least|some)\s+)?(NUM)\b/i;
    const m = new RegExp(bodies.source.replace(/NUM/g, NUMBER_SOURCE), 'i').exec(clause);
    const raw = m?.[1] ?? m?.[2];
    const at = m ? base + m.index + m[0].indexOf(raw!) : 0;
    const n = raw && !skip.some((d) => at >= d.start && at < d.end) ? parseNumber(raw) : null;
    if (n !== null && n > 0) out.killed = { n, approx: false };
  }
  let lastPassive = null as { end: number; count: Count } | null;
  for (const [k, v] of verbs.entries()) {
    const field = fieldOf(v.word);
    if (out[field]) {
      // "3 soldiers were killed instantly and 3 died in hospital": a second number of the same kind, told with
      // its own subject after "and", adds to the first (not "the 3 killed", which refers back).
      const prev = verbs[k - 1];
      const gapText = prev ? clause.slice(prev.end, v.at) : '';
      const more = prev && fieldOf(prev.word) === field && /^[^;]*?\b(?:and|while|whereas)\s+(?:another\s+)?(\S+)\s+(?:[\w-]+\s+){0,3}(?:were|was|have been|had been|also\s+)?\s*$/i.exec(gapText);
      const q = more ? qtyIn(gapText, 'last', skip, base + prev!.end) : null;
      if (q && !/\b(?:the|those|these|of)\s+$/i.test(gapText.slice(0, q.index)) && /\band\s|\bwhile\s|\bwhereas\s/i.test(gapText.slice(0, q.index)) && (INTRANSITIVE.test(v.word) || /\b(?:were|was|been)\s+(?:\w+\s+){0,2}$/i.test(gapText))) {
        out[field] = { n: out[field]!.n + q.n, approx: out[field]!.approx || q.approx };
      }
      lastPassive = null;
      continue;
    }
    if (skip.some((d) => base + v.at >= d.start && base + v.at < d.end)) continue;
    const after = clause.slice(v.end);
    const lead = clause.slice(0, v.at);
    if (/^dead$/i.test(v.word) && !/\b(?:was|were|been|is|are)\s+(?:\w+\s+)?(?:found|declared|confirmed|reported|pronounced|left|shot|feared)\s+$/i.test(lead)) {
      // "at least 60 people dead": only a number just before counts; "the dead" names no number.
      const q = /((?:\S+\s+){0,4})$/.exec(lead)![1];
      const hit = qtyIn(q, 'last', skip, base + v.at - q.length);
      const between = hit ? q.slice(hit.index + hit.length).trim() : '';
      if (hit && (between === '' || /^(?:was|were|are|is|lay)$/i.test(between) || (/^\S+$/.test(between) && PERSON.test(between)) || /^(?:people|persons)\s+(?:were|are|lay|left)$/i.test(between))) out.killed = { n: hit.n, approx: hit.approx };
      continue;
    }
    const passive =
      INTRANSITIVE.test(v.word) ||
      /\b(?:was|were|been|being|be|is|are|get|got)\s+(?:\w+\s+){0,2}$/i.test(lead) ||
      (/^\s*(?:[,;.]|$|(?:during|in|at(?!\s+least)|on|near|and|by|after|when|while|inside|outside|later|instantly|immediately|overnight|yesterday|today)\b)/i.test(after));
    if (!passive) {
      const obj = after.replace(/^\s+(?:of\s+)?/, '');
      const gap = after.length - obj.length;
      const cut = obj.search(STOP);
      let np = cut >= 0 ? obj.slice(0, cut) : obj;
      // "a father, his wife and their son": a list of people, each with a determiner or a number.
      const list = cut >= 0 && obj[cut] === ',' ? /^(?:(?:,\s*(?:and\s+)?|\s+and\s+)(?:a|an|his|her|their|one|two|three|four|five|\d+)\s+[\w'’-]+(?:\s+[\w'’-]+)?(?=\s*(?:,|$|\s(?:in|at|near|on|during|and|when|after|while|with)\b)))+/i.exec(obj.slice(cut)) : null;
      if (list) np = obj.slice(0, cut) + list[0].replace(/,\s*(?:and\s+)?|\s+and\s+/g, (m) => ' and '.padEnd(m.length, ' ')).replace(/^ and /, ' and ');
      const size = sizeOf(np, skip, base + v.end + gap, field === 'killed' || field === 'wounded' || field === 'abducted');
      if (size) out[field] = size;
      continue;
    }
    // Passive or list ("20 killed, six wounded"): the number closest before the verb, after the previous count verb.
    const from = k > 0 ? verbs[k - 1].end : 0;
    const before = clause.slice(from, v.at);
    let q = qtyIn(before, 'last', skip, base + from);
    // "Six traders were abducted by gunmen and later killed": one subject for both verbs.
    if (!q && lastPassive && lastPassive.end === from && /^[^,;]*\band\s+(?:\w+\s+){0,2}$/i.test(before) && !/\b(?:was|were|is|are)\b/i.test(before)) {
      out[field] = { ...lastPassive.count };
      continue;
    }
    // "beaten by two men and later succumbed": a number in a phrase before an intransitive verb is not its subject.
    if (q && INTRANSITIVE.test(v.word) && (/\b(?:by|of|with|from|and|in|at|to|for|on|near|during|after)\b/i.test(before.slice(q.index + q.length)) || /\b(?:by|of|with|from|to|for|on|at|in|against)\s+(?:the\s+)?$/i.test(before.slice(0, q.index))))
      q = null;
    if (q) {
      // "Mustafa and sixteen of his followers were killed": the named person plus the number.
      const head = before.slice(0, q.index);
      const named = /(?:^|[,.;]\s*|\b(?:and|with)\s+)?\b([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})\s+and\s+(?:\w+\s+){0,2}$/.exec(head);
      let n = q.n + (named && !/^(The|On|In|At|Also|US|Iraqi|Afghan)$/.test(named[1].split(/\s+/)[0]) && !/\b(forces|troops|Army|Groups?)\b/.test(named[1]) ? 1 : 0);
      // "Three soldiers and a civilian were killed", "1 officer and 3 soldiers were killed": the whole subject
      // phrase, from its first number.
      const segment = before.slice(before.search(/(?:[^,;]|,\s+and\s)*$/));
      const firstQ = qtyIn(segment, 'first', skip, base + from + (before.length - segment.length));
      const startAt = firstQ ? before.length - segment.length + firstQ.index : q.index;
      const subject = before.slice(Math.min(startAt, q.index)).replace(/(?:\s*\b(?:was|were|had|has|have|been|being|is|are|reportedly|allegedly|also|later|then|both|all)\b)+\s*$/i, '');
      if (/\s(?:and|along with|together with)\s/.test(before.slice(Math.min(startAt, q.index))) && !/[;]|,(?!\s+and\s)/.test(subject) && !(firstQ && firstQ.index === q.index - (before.length - segment.length) && !/\s(?:and|along with|together with)\s/.test(before.slice(q.index + q.length)))) {
        const whole = sizeOf(subject, skip, base + from + Math.min(startAt, q.index), true);
        if (whole && whole.n > n) n = whole.n;
      }
      out[field] = { n, approx: q.approx };
      lastPassive = { end: v.end, count: out[field]! };
    } else if (k === 0 || INTRANSITIVE.test(v.word)) {
      // The clause's subject: "A guard injured in the blast later died".
      let size: Count | null = k === 0 ? subjectSize(before, skip, base + from) : subjectSize(clause.slice(0, verbs[0].at), skip, base);
      // "… was shot dead": a singular subject of a killing, wounding or abduction is one person.
      if (!size && field !== 'captured' && /\b(?:was|has been|had been)\s+(?:\w+\s+){0,2}$/i.test(lead) && !/\b(?:no one|nobody|none|no)\s+(?:\w+\s+){0,3}$/i.test(lead)) size = { n: 1, approx: false, atLeast: true };
      if (size) {
        out[field] = size;
        lastPassive = { end: v.end, count: size };
      }
    }
  }
  return out;
}

/** A noun phrase with its determiner: up to four words, then perhaps "of …", "from …" or a parenthesis. */
const DET_NP = /^(?:a|an|another|one|his|her|their|the)\s+(?:[\w'’-]+\s+){0,3}[\w'’-]+(?:\s+(?:of|from)\s+[\s\S]*|\s*\([\s\S]*)?$/i;
const NAME = /^[A-Z][\w'’-]+(?:\s+(?:al|bin|ibn|el|alias|[A-Z][\w'’-]+)){0,4}$/;

/** The subject of a passive or intransitive verb with no number: "A young man was …", "a teacher and a village head were …", "Karim, a trader, was …". */
function subjectSize(before: string, skip: CountSpan[], base: number): Count | null {
  const stem = before.replace(/(?:\s*\b(?:was|were|had|has|have|been|being|is|are|got|get|reportedly|allegedly|also|later|then|subsequently|reported|believed|said|to|be|both|all)\b)+\s*$/i, '').replace(/[\s,]+$/, '');
  const segments = stem
    .split(/[,;]/)
    .map((x) => x.replace(/\s*\([^)]*\)\s*/g, ' ').replace(/\s+(?:who|whom|whose|which|that|was|were|is|are|had|has|have)\b.*$/i, '').trim())
    .filter(Boolean)
    .reduce<string[]>((acc, seg) => {
      // "The prison's deputy, and his brother": a segment opening with "and" continues the one before.
      if (/^and\s/i.test(seg) && acc.length) acc[acc.length - 1] += ` ${seg}`;
      else acc.push(seg);
      return acc;
    }, []);
  if (!segments.length) return null;
  const last = segments[segments.length - 1];
  if (/^(?:he|she)$/i.test(last)) return { n: 1, approx: false, atLeast: true };
  // The noun phrases just before the verb, each with its determiner ("Police said a teacher and a village head"),
  // or at the start before an appositive ("An activist of the party, a student leader, was killed").
  const fromDet = (seg: string): Count | null | undefined => {
    for (const det of seg.matchAll(/\b(?:a|an|another|one|the)\s/gi)) {
      const np = seg.slice(det.index!);
      if (/\b(?:near|in|at|on|of|to|from|with|by|into|for|against|inside|outside|after|before)\s+$/i.test(seg.slice(0, det.index!))) continue;
      const parts = np.split(/\s+(?:and|along with|together with)\s+/);
      if (!DET_NP.test(parts[0]) || !parts.slice(1).every((p) => DET_NP.test(p) || !/^(?:a|an|another|one|his|her|their|the|\d)/i.test(p))) continue;
      if (/^the\s/i.test(np)) {
        // "the driver of a van": one person; "the attackers": a number the text does not give.
        const head = /^the\s+((?:[\w'’-]+\s+){0,3}?[\w'’-]+)(?=\s+(?:of|from)\b|\s*\(|$)/i.exec(parts[0])?.[1].split(/\s+/).pop() ?? '';
          const one = head && (PERSON.test(head) || /^[A-Z]{2,5}$/.test(head)) && !/(?:s|police|people|staff|personnel|crew|forces|military|army|men)$/i.test(head);
        if (!one) return null;
        if (parts.length === 1) return { n: 1, approx: false, atLeast: true };
        // "The jail's deputy chief and his brother": one, and the others counted.
        const others = sizeOf(parts.slice(1).join(' and '), skip, base, true);
        return others ? { n: 1 + others.n, approx: others.approx, atLeast: true } : null;
      }
      const size = sizeOf(np, skip, base + before.lastIndexOf(np), true);
      return size ? { ...size, atLeast: true } : null;
    }
    return undefined;
  };
  for (const seg of segments.length > 1 ? [last, segments[0]] : [last]) {
    const size = fromDet(seg);
    if (size) return size;
  }
  // "Party leader Dr Karim Uddin along with his driver": a named person and those with him.
  if (/\s(?:and|along with|together with)\s+(?:his|her|their)\s/.test(last)) {
    const size = sizeOf(last, skip, base + before.lastIndexOf(last), true);
    if (size && size.n > 1) return { ...size, atLeast: true };
  }
  // A person named at the start, with an appositive between: "Karim, a trader from the town, was killed",
  // "Veteran party leader Karim Uddin, who …, died".
  for (const seg of segments.length > 1 ? [last, segments[0]] : [last]) {
    if (NAME.test(seg) && !/^(?:The|On|In|At|Also|Police|Officials|Reports?)\b/.test(seg)) return { n: 1, approx: false, atLeast: true };
  }
  if (titledName(segments[0])) return { n: 1, approx: false, atLeast: true };
  return null;
}
