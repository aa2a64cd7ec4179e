/**
 * Toponym recognition: capitalised token runs → longest gazetteer matches → filters that refuse people,
 * organisations, common words and demonyms. Each mention keeps the cues the resolver needs.
 */
import type { Candidate } from '../gazetteer/types';
import type { Gazetteer } from '../gazetteer';
import { normalizeName } from '../gazetteer';
import {
  DISEASE_HEADS, ETHNONYMS, FEATURE_NAME_PREFIXES, NOT_PLACE_WORDS, SEATS_OF_GOVERNMENT, FEATURE_NAME_SUFFIXES, MEDIA_HEADS, AP_STATE_ABBREVIATIONS, ARABIC_ARTICLES, ARMED_ACTOR_NOUNS, CAPITALISED_ARTICLES, COMMON_WORDS, COMPASS_WORDS, DEMONYMS, FEATURE_WORDS, GIVEN_NAMES, LOCATIVE_PREPOSITIONS, MONTHS_AND_DAYS,
  NAME_ABBREVIATIONS, NAME_CONNECTORS, NEWS_OUTLETS, ORGANISATION_HEADS, SHIP_PREFIXES, PERSON_TITLES, SPEECH_VERBS, CAPITALISED_TITLES, TITLE_ABBREVIATIONS
} from './lexicon';
import { lowerText, tokenize, type Token } from './tokenize';

const HYPHEN_TOKENS = new Set(['-', '‐', '‑']);
/** What a demonym naming an armed actor counts for, against 1 for any other demonym. */
export const ARMED_DEMONYM_WEIGHT = 0.25;

export interface RecognizedMention {
  start: number;
  end: number;
  text: string;
  candidates: Candidate[];
  /** Token index range [first, last) in the document's token list. */
  firstToken: number;
  lastToken: number;
  cues: MentionCues;
}

export interface MentionCues {
  /** Kind named by a feature word right after the name ("Wasit province" → admin1). */
  featureAfter: 'admin1' | 'admin2' | 'city' | 'country' | null;
  /** Kind named before the name ("the province of Baluchistan", "the city of Kut"). */
  featureBefore: 'admin1' | 'admin2' | 'city' | 'country' | null;
  /** A locative preposition or direction word precedes the name. */
  locative: boolean;
  /** The name is part of an organisation's name ("Karbala Provincial Joint Coordination Center"). */
  inOrganisation: boolean;
  /** A demonym qualifies it ("the Pakistani province of Baluchistan" → PK). */
  demonymCountry: string | null;
  /** Index of a following mention that contains this one ("Musiyyib in northern Babil province", "Kut, Iraq"). */
  containerMention: number | null;
  /** The text puts the mention in a part of its container ("in northern Babil", "on the outskirts of Kano"). */
  containerPart: boolean;
  /** The mention opens the text or a line as a dateline ("KANO, Nigeria —", "Baghdad -"). */
  dateline: boolean;
  /** The container link is a comma inside a longer list of names, so weak evidence ("Zaire, Bundibugyo, Sudan"). */
  containerInList: boolean;
  /** Index of the other mention of a hyphenated pair ("the Georgia-Russia war", "the Iran–Iraq border"). */
  pairedMention: number | null;
  /** Matched only through a transliteration-tolerant key. */
  fuzzy: boolean;
}

export interface Recognition {
  tokens: Token[];
  mentions: RecognizedMention[];
  /** Countries named by demonyms anywhere in the text, with counts: document context. */
  demonymCountries: Map<string, number>;
}

const MAX_RUN_TOKENS = 8;
const HYPHENS = new Set(['-', '‐', '‑']);
/** Below this population a single-word name needs a locative cue to count as a place. */
const WEAK_POPULATION = 2000;
/** Street words after a name: "Memphis Street", "Dublin Road" are streets, not the towns. */
const STREET_HEADS = new Set(['street', 'st', 'avenue', 'ave', 'road', 'rd', 'boulevard', 'blvd', 'drive', 'dr', 'lane', 'ln', 'highway', 'hwy', 'parkway', 'pkwy', 'pike', 'turnpike', 'circle', 'trail', 'route', 'expressway', 'freeway']);
/** Plural feature words after a list of names apply to every item: "Ghazni, Paktika and Khost provinces". */
const PLURAL_FEATURES: ReadonlyMap<string, 'admin1' | 'admin2' | 'city'> = new Map([
  ['provinces', 'admin1'], ['governorates', 'admin1'], ['states', 'admin1'], ['regions', 'admin1'], ['oblasts', 'admin1'],
  ['prefectures', 'admin1'], ['districts', 'admin2'], ['counties', 'admin2'], ['parishes', 'admin2'],
  ['municipalities', 'admin2'], ['cities', 'city'], ['towns', 'city'], ['villages', 'city']
]);
/** Lower-case words after a surname that make it a politician's ("the Obama administration", "the Clinton campaign"). */
const PERSONAL_HEADS = new Set(['administration', 'campaign', 'presidency', 'era', 'family', 'cabinet', 'aides', 'aide', 'doctrine', 'years']);
/** Lower-case nouns that a place name before them qualifies: "a Concord resident", "the Rochester area". */
const PLACE_QUALIFIED_NOUNS = new Set(['resident', 'residents', 'native', 'natives', 'area', 'areas', 'neighborhood', 'neighbourhood', 'suburb', 'suburbs', 'outskirts', 'metro', 'region']);
/** Capitalised role abbreviations that stand before a person's name like a title ("Erie GM Sherry Bassin"). */
const ROLE_ABBREVIATIONS = new Set(['GM', 'CEO', 'CFO', 'COO', 'CTO', 'MP', 'MEP', 'MLA', 'DA']);
/** Plural titles that introduce a list of people ("Senators Durbin and Casey"). */
const PLURAL_PERSON_TITLES = new Set(['senators', 'sens', 'generals', 'gens', 'reps', 'representatives', 'congressmen', 'presidents', 'ministers', 'governors', 'mayors', 'messrs', 'drs']);
const REPORTING_BEFORE = new Set(['said', 'says', 'told', 'asked', 'added', 'to']);
const CONTRACTION_RE = /['’](?:ve|ll|re|d|m|t)$/i;
/** Lower-case nouns that, after a name, make it a group's name ("the Qazali network", "the Sheibani faction"). */
const GROUP_NOUNS = new Set(['administration', 'campaign', 'presidency', 'force', 'forces', 'army', 'corps', 'unit', 'units', 'network', 'group', 'faction', 'militia', 'cell', 'cells', 'tribe', 'clan', 'family', 'movement', 'brigade', 'organization', 'organisation', 'party', 'gang', 'cartel']);
const STRONG_KINDS = new Set(['country', 'admin1']);
/** First words of the news outlets' names, a cheap test before the whole name is normalised. */
const NEWS_OUTLET_STARTS = new Set([...NEWS_OUTLETS].map((n) => n.split(' ')[0]));
/** Kinship nouns: "son of X" names a person. */
const KIN_WORDS = new Set(['son', 'sons', 'daughter', 'daughters', 'wife', 'husband', 'father', 'mother', 'brother', 'sister', 'widow', 'widower', 'nephew', 'niece', 'uncle', 'aunt', 'cousin', 'grandson', 'granddaughter', 'relative', 'relatives']);
/** Heads of military units, which are named after places ("Azov Battalion"); not "division", also a province word. */
const MILITARY_UNITS = new Set(['battalion', 'battalions', 'regiment', 'regiments', 'brigade', 'brigades', 'legion', 'squadron', 'militia', 'militias']);

const lower = lowerText;

function normToken(t: Token, cache: Map<number, string>, index: number): string {
  let n = cache.get(index);
  if (n === undefined) {
    n = /^[A-Za-z]+$/.test(t.text) ? lowerText(t) : normalizeName(t.text);
    cache.set(index, n);
  }
  return n;
}

/** Is token i part of a capitalised run (a name word, a connector inside a name, or "St" + "."). */
const IZAFE = ['e', 'i', 'ye', 'yi', 'ul', 'el'];
const IZAFE_RE = / (?:e|i|ye|yi|ul|el)$/;
/** Other spellings of a key extended by the normalised token `n`, to try when the written one leads nowhere. */
function spellingVariants(prevKey: string, n: string): string[] {
  const join = (a: string, b: string) => (a ? `${a} ${b}` : b);
  const out: string[] = [];
  // The izafe as the token just added, or the one before it.
  if (prevKey && IZAFE.includes(n)) for (const x of IZAFE) if (x !== n) out.push(join(prevKey, x));
  const m = IZAFE_RE.exec(prevKey);
  if (m) for (const x of IZAFE) if (` ${x}` !== m[0]) out.push(join(`${prevKey.slice(0, m.index)} ${x}`, n));
  if (n.includes('qh')) out.push(join(prevKey, n.replace(/qh/g, 'q')));
  return out;
}

/** Is `short` an abbreviation of `name`: its first letter, then its letters in order ("Conn" of Connecticut, "Ga" of Georgia; not "Balka" of Balqa)? */
function abbreviates(short: string, name: string): boolean {
  const a = normalizeName(short).replace(/ /g, '');
  const b = normalizeName(name).replace(/ /g, '');
  if (!a || a.length >= b.length || a[0] !== b[0]) return false;
  let j = 1;
  for (let i = 1; i < a.length; i++) {
    while (j < b.length && b[j] !== a[i]) j++;
    if (j >= b.length) return false;
    j++;
  }
  return true;
}

/** Is the name some candidate's own name as a major place ("Rome", not the abbreviation "Ga.")? */
function fullName(candidates: Candidate[]): boolean {
  return candidates.some((c) => c.primary && c.match === 'exact' && (c.place.population >= 100_000 || c.place.kind === 'country' || c.place.featureCode === 'PPLC'));
}

function isNameWord(t: Token): boolean {
  return t.cap && (t.kind === 'word' || t.kind === 'abbr');
}

export interface RecognizeOptions {
  /** Resolve exactly these spans instead of finding names (gold-span evaluation, corrections). */
  spans?: Array<{ start: number; end: number }>;
  /** Also report demonyms and adjectival country names ("American", "Iraqi") as mentions of their country. */
  demonyms?: boolean;
}

export function recognize(text: string, gazetteer: Gazetteer, opts: RecognizeOptions = {}): Recognition {
  const tokens = tokenize(text);
  const normCache = new Map<number, string>();
  const mentions: RecognizedMention[] = [];
  const demonymCountries = new Map<string, number>();
  const personWords = new Set<string>();
  /** Single words seen naming an organisation ("Qods Force") that are no place's own name: bare later ("Mahdi Army,
   * Qods, IRGC") they are the organisation again. */
  const organisationWords = new Set<string>();

  const listed = listedUnderFeature(tokens);
  tokens.forEach((t, i) => {
    if (t.kind !== 'word' || !t.cap) return;
    const cc = DEMONYMS.get(lower(t));
    if (!cc) return;
    // "Russian artillery", "Iranian-backed militias": who fights, not where (a quarter of a demonym's weight).
    let next = tokens[i + 1];
    if (next && HYPHEN_TOKENS.has(next.text) && next.start === t.end) next = tokens[i + 2];
    const armed = !!next && next.kind === 'word' && ARMED_ACTOR_NOUNS.has(next.text.toLowerCase());
    demonymCountries.set(cc, (demonymCountries.get(cc) ?? 0) + (armed ? ARMED_DEMONYM_WEIGHT : 1));
  });

  if (opts.spans) {
    for (const span of opts.spans) mentions.push(mentionForSpan(span.start, span.end));
    linkContainers(tokens, mentions);
    return { tokens, mentions, demonymCountries };
  }

  // Two passes: the first only learns which words are people's names ("Mullah Mansour" before a bare "Mansour").
  let collecting = true;
  scanDocument();
  collecting = false;
  mentions.length = 0;
  scanDocument();

  addUnknownNames();
  linkContainers(tokens, mentions);
  return { tokens, mentions, demonymCountries };

  /**
   * A name the gazetteer lacks is still a place when the text both puts it in a locative slot and names its
   * container right after it: "near Gomboussougou (Zoundweogo)", "between Baye and Pissa in the central region
   * of Mopti", "in Tebaria village of Natore". It is reported without candidates; the resolver gives it the container.
   */
  function addUnknownNames(): void {
    const covered = new Uint8Array(tokens.length);
    const startsAt = new Map<number, RecognizedMention>();
    for (const m of mentions) {
      for (let k = m.firstToken; k < m.lastToken; k++) covered[k] = 1;
      startsAt.set(m.firstToken, m);
    }
    const isContainer = (m: RecognizedMention | undefined) => !!m && m.candidates.some((c) => c.place.kind === 'admin1' || c.place.kind === 'admin2' || c.place.kind === 'country' || c.place.kind === 'region');
    const added: RecognizedMention[] = [];
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k];
      if (covered[k] || t.kind !== 'word' || !t.cap || t.sentStart || t.text.length < 3 || /^[A-Z]+$/.test(t.text)) continue;
      let e = k + 1;
      while (e < tokens.length && e - k < 3 && tokens[e].kind === 'word' && tokens[e].cap && !covered[e]) e++;
      const prev = tokens[k - 1];
      if (prev && (prev.kind === 'word' || prev.kind === 'abbr') && prev.cap) { k = e - 1; continue; }
      if (e < tokens.length && (tokens[e].kind === 'word' || tokens[e].kind === 'abbr') && tokens[e].cap) { k = e - 1; continue; }
      const words = tokens.slice(k, e).map(lower);
      const ordinary = (w: string) => COMMON_WORDS.has(w) || GIVEN_NAMES.has(w) || personWords.has(w) || MONTHS_AND_DAYS.has(w) || DEMONYMS.has(w) ||
        UNIT_WORDS.has(w) || ORGANISATION_HEADS.has(w) || PERSON_TITLES.has(w) || ETHNONYMS.has(w) || COMPASS_WORDS.has(w);
      if (words.some(ordinary) || !hasLocativeBefore(k)) { k = e - 1; continue; }
      // Forward to the container: over list items, "and", commas, brackets and an "in the … region of" phrase.
      let j = e;
      let linked = false;
      while (j < tokens.length && j - e < 12) {
        if (startsAt.has(j)) break;
        const w = lower(tokens[j]);
        if (w === 'in' || w === '(' || w === ',' || w === 'of') linked = true;
        if (w === ',' || w === '(' || w === 'and' || w === 'or' || w === 'in' || CONTAINER_PHRASE_WORDS.has(w) || UNIT_WORDS.has(w) || (tokens[j].kind === 'word' && tokens[j].cap && !covered[j])) { j++; continue; }
        break;
      }
      if (linked && isContainer(startsAt.get(j))) {
        added.push({ start: t.start, end: tokens[e - 1].end, text: text.slice(t.start, tokens[e - 1].end), candidates: [], firstToken: k, lastToken: e, cues: cuesFor(k, e, k, e, false) });
      }
      k = e - 1;
    }
    if (!added.length) return;
    mentions.push(...added);
    mentions.sort((a, b) => a.start - b.start);
  }

  function scanDocument(): void {
  let i = 0;
  while (i < tokens.length) {
    if (!isNameWord(tokens[i])) { i++; continue; }
    if (opts.demonyms && tokens[i].kind === 'word' && DEMONYMS.has(lower(tokens[i]))) {
      const candidates = demonymCandidates(tokens[i].text);
      if (candidates.length) {
        mentions.push({ start: tokens[i].start, end: tokens[i].end, text: tokens[i].text, candidates, firstToken: i, lastToken: i + 1, cues: cuesFor(i, i + 1, i, i + 1, false) });
        i++;
        continue;
      }
    }
    // Collect one capitalised run [i, j): name words joined by connectors and abbreviation dots.
    let j = i + 1;
    while (j < tokens.length && j - i < MAX_RUN_TOKENS * 2) {
      const t = tokens[j];
      if (isNameWord(t) && !t.sentStart) { j++; continue; }
      // "Mazar-i-Sharif", "Fargo-Moorhead": hyphen-joined words continue the run whatever their case.
      if (t.kind === 'punct' && HYPHENS.has(t.text) && j + 1 < tokens.length && tokens[j + 1].joined) { j += 2; continue; }
      // "St. Louis", and a middle initial in a person's name ("Sheila D. Williams").
      const prev = tokens[j - 1];
      if (t.kind === 'punct' && t.text === '.' && (NAME_ABBREVIATIONS.has(lower(prev)) || (prev.text.length === 1 && prev.cap)) && j + 1 < tokens.length && isNameWord(tokens[j + 1])) { j++; continue; }
      if (t.kind === 'word' && !t.cap && NAME_CONNECTORS.has(lower(t)) && j + 1 < tokens.length && isNameWord(tokens[j + 1]) && !tokens[j + 1].sentStart) { j++; continue; }
      // "Democratic Republic of the Congo".
      if (lower(t) === 'of' && !t.cap && tokens[j + 1]?.text === 'the' && j + 2 < tokens.length && isNameWord(tokens[j + 2]) && !tokens[j + 2].sentStart) { j += 2; continue; }
      // "People's Republic of China", "Martha's Vineyard", "Prince George's County": a possessive inside a name the
      // gazetteer knows; not "Obama's Chicago".
      if (t.kind === 'clitic' && lower(t) !== "'d" && j + 1 < tokens.length && isNameWord(tokens[j + 1]) && (gazetteer.probe(`${normToken(prev, normCache, j - 1)}s`) & 1)) { j++; continue; }
      break;
    }
    scanRun(i, j);
    i = j;
  }
  }

  function demonymCandidates(surface: string): Candidate[] {
    const cc = DEMONYMS.get(surface.toLowerCase());
    const country = cc ? gazetteer.country(cc) : undefined;
    return country ? [{ place: country, match: 'exact', primary: false }] : [];
  }

  function mentionForSpan(start: number, end: number): RecognizedMention {
    const surface = text.slice(start, end);
    let k = tokens.findIndex((t) => t.end > start);
    if (k < 0) k = tokens.length;
    let m = k;
    while (m < tokens.length && tokens[m].start < end) m++;
    // A span written as an AP state abbreviation ("Kan.", "Pa.") is the state, not a town called Kan or Pa;
    // a demonym span ("Canadian") is its country, beside any place of that name (Canadian, Texas).
    const state = AP_STATE_ABBREVIATIONS.has(surface) ? stateByCode(AP_STATE_ABBREVIATIONS.get(surface)!) : undefined;
    let candidates = state ? [state] : gazetteer.lookup(surface);
    for (const d of state ? [] : demonymCandidates(surface)) if (!candidates.some((c) => c.place.id === d.place.id)) candidates = [d, ...candidates];
    const fuzzy = !candidates.length;
    if (fuzzy) candidates = gazetteer.lookup(surface, { fuzzy: true });
    return { start, end, text: surface, candidates, firstToken: k, lastToken: m, cues: cuesFor(k, m, k, m, fuzzy) };
  }

  function runIsPerson(runStartIn: number, runEndIn: number, matchStart: number, matchEnd: number): boolean {
    // "Monroe Mayor Robert Routson", "Erie GM Sherry Bassin": a place before a title qualifies the title.
    const after = tokens[matchEnd];
    if (matchEnd < runEndIn && after && (isTitle(after) || ROLE_ABBREVIATIONS.has(after.text))) return false;
    // Narrow the run to the capitalised words around the match: connectors separate people ("Pelosi and Harry Reid").
    let runStart = matchStart;
    // Walk back over name words and middle initials ("Sheila D. Williams").
    while (runStart > runStartIn && (isNameWord(tokens[runStart - 1]) || (tokens[runStart - 1].text === '.' && runStart - 2 >= runStartIn && tokens[runStart - 2].text.length === 1))) runStart--;
    let runEnd = matchEnd;
    while (runEnd < runEndIn && isNameWord(tokens[runEnd])) runEnd++;
    if (runStart > runStartIn) {
      // "Osama bin Laden", "Muqtada al Sadr": a lower-case patronymic or article joining two names.
      const joiner = tokens[runStart - 1];
      const w = lower(joiner);
      if ((w === 'bin' || w === 'ibn' || w === 'bint' || ((w === 'al' || w === 'el') && !joiner.cap)) && runStart - 1 > runStartIn) return matchEnd === runEnd && matchStart === runStart ? !wholeRunIsPlace(runStartIn, runEndIn) : true;
    }
    // "Senators Durbin and Casey", "Gens. Petraeus, Odierno and Casey": a plural title covers every name it lists.
    for (let q = runStart - 1, listed = false; q >= Math.max(0, runStart - 12); q--) {
      const t = tokens[q];
      if (t.text === ',' || lower(t) === 'and') { listed = true; continue; }
      if (listed && PLURAL_PERSON_TITLES.has(lower(t))) return true;
      if (isNameWord(t) || t.text === '.') continue;
      break;
    }
    const before = runStart > 0 ? tokens[runStart - 1] : null;
    // "Gen. David Petraeus": past the dot of an abbreviated title, not past a sentence's end ("... Judge. Columbus").
    const beforeWord = before && before.kind === 'punct' && before.text === '.' && runStart > 1 ? (TITLE_ABBREVIATIONS.has(lower(tokens[runStart - 2])) ? tokens[runStart - 2] : null) : before;
    if (beforeWord && beforeWord.kind === 'word' && isTitle(beforeWord) && matchStart === runStart) return true;
    // A title inside the run before the match ("Gen. David Petraeus" is split by the dot; "Mullah Mustafa" is not).
    for (let k = runStart; k < matchStart; k++) if (PERSON_TITLES.has(lower(tokens[k]))) return true;
    const runWords = [];
    for (let k = runStart; k < runEnd; k++) if (tokens[k].kind === 'word') runWords.push(k);
    const wholeRunMatched = matchStart === runStart && matchEnd === runEnd;
    if (!wholeRunMatched && runWords.length >= 2) {
      const first = tokens[runWords[0]];
      // "Bill Roggio": a given name opening a run of two or three capitalised words that is not itself a place.
      // Not when the run names an institution ("Frederick Memorial Hospital").
      const institution = runWords.some((q) => ORGANISATION_HEADS.has(lower(tokens[q])));
      if (GIVEN_NAMES.has(lower(first)) && runWords.length <= 4 && !institution) {
        const next = tokens[runWords[1]];
        if (!FEATURE_WORDS.has(lower(next)) && !STREET_HEADS.has(lower(next))) return true;
      }
      // "Muqtada al Sadr", "Osama bin Laden": an Arabic patronymic or article between two names.
      for (let k = runStart + 1; k < runEnd - 1; k++) {
        const w = lower(tokens[k]);
        if ((w === 'bin' || w === 'ibn' || w === 'bint' || ((w === 'al' || w === 'el') && !tokens[k].cap)) && matchStart >= k - 1) return true;
      }
    }
    return false;
  }

  /** A person's title before a name; "miss", "major", "judge" and the like only when capitalised. */
  function isTitle(t: Token): boolean {
    const w = lower(t);
    return PERSON_TITLES.has(w) && (t.cap || !CAPITALISED_TITLES.has(w));
  }

  /** Does the whole capitalised run (with connectors) name one place ("Ras al Khaimah")? */
  function wholeRunIsPlace(runStart: number, runEnd: number): boolean {
    let key = '';
    for (let m = runStart; m < runEnd; m++) {
      if (tokens[m].kind === 'punct') continue;
      key = key ? `${key} ${normToken(tokens[m], normCache, m)}` : normToken(tokens[m], normCache, m);
    }
    return (gazetteer.probe(key) & 2) !== 0;
  }

  function scanRun(runStart: number, runEnd: number): void {
    let k = runStart;
    while (k < runEnd) {
      const t = tokens[k];
      if (t.kind === 'punct' || t.kind === 'clitic' || (!t.cap && (NAME_CONNECTORS.has(lower(t)) || t.text === 'the'))) { k++; continue; }
      const match = longestMatch(k, runEnd);
      if (!match) { k++; continue; }
      const { end: m, candidates, fuzzy } = match;
      if ((match.abbreviatedState || accept(runStart, runEnd, k, m, candidates)) && !collecting) {
        // "Ga.", "Conn.": an abbreviated state name keeps its dot in the span ("NSW." ends a sentence).
        let end = match.spanEnd ?? tokens[m - 1].end;
        const dot = tokens[m];
        if (m - k === 1 && dot && dot.text === '.' && dot.start === end && tokens[k].text.length <= 5 && tokens[k].text !== tokens[k].text.toUpperCase() && candidates.some((c) => !c.primary && c.place.kind === 'admin1' && abbreviates(tokens[k].text, c.place.name)) && !fullName(candidates)) end = dot.end;
        mentions.push({
          start: tokens[k].start,
          end,
          text: text.slice(tokens[k].start, end),
          candidates,
          firstToken: k,
          lastToken: m,
          cues: cuesFor(runStart, runEnd, k, m, fuzzy)
        });
      } else if (collecting) {
        // Only names that no place bears as its own name and no major place bears at all ("Qods" is an alternate
        // name of Shahr-e Qods; "D.C." of Washington, which the "D.C. Charter School Board" does not make a board).
        if (m - k === 1 && inOrganisation(runEnd, m) === 'name' && candidates.every((c) => !c.primary && c.place.population < 100_000)) organisationWords.add(lower(tokens[k]));
        // Remember rejected person words so a later bare "Mustafa" is not taken for a place.
        // Only the name itself (from the match on), not a place or title before it ("Fargo Mayor Dennis Walaker").
        if (runIsPerson(runStart, runEnd, k, m)) {
          for (let q = k; q < runEnd && isNameWord(tokens[q]); q++) if (!PERSON_TITLES.has(lower(tokens[q]))) personWords.add(lower(tokens[q]));
        }
      }
      k = m;
    }
  }

  /** Longest gazetteer name starting at token k within the run; tries without a leading Arabic article too. */
  function longestMatch(k: number, runEnd: number): { end: number; candidates: Candidate[]; fuzzy: boolean; spanEnd?: number; abbreviatedState?: boolean } | null {
    let best: { end: number; candidates: Candidate[]; fuzzy: boolean } | null = null;
    // "Paris, Tenn.": an AP state abbreviation right after a comma; "Jim Clyburn, D-S.C.": after a party
    // letter; "the S.C. Highway Patrol": a two-letter dotted one anywhere but in a newspaper's name ("N.Y. Times").
    const prev = tokens[k - 1];
    const afterParty = k > 1 && prev.text === '-' && prev.end === tokens[k].start && tokens[k - 2].end === prev.start && /^[DRI]$/.test(tokens[k - 2].text);
    const dottedPair = tokens[k].kind === 'abbr' && /^(?:[A-Z]\.){2}$/.test(tokens[k].text) && !(tokens[k + 1]?.kind === 'word' && MEDIA_HEADS.has(lower(tokens[k + 1])));
    if ((k > 0 && prev.text === ',') || afterParty || dottedPair) {
      const start = tokens[k].start;
      const written = tokens[k].kind === 'abbr' ? tokens[k].text : /^[A-Z][a-z]{0,4}\.(?: ?[A-Z][a-z]{0,3}\.)?/.exec(text.slice(start, start + 8))?.[0];
      const code = written ? AP_STATE_ABBREVIATIONS.get(written) : undefined;
      const state = code ? stateByCode(code) : undefined;
      if (state && written) {
        let end = k + 1;
        while (end < tokens.length && tokens[end].end <= start + written.length) end++;
        return { end, candidates: [state], fuzzy: false, spanEnd: start + written.length, abbreviatedState: true };
      }
    }
    // All-caps abbreviations ("US", "UAE") are looked up as written: lower-cased they may be ordinary words.
    const raw = tokens[k].text;
    if (raw.length >= 2 && raw.length <= 5 && /^[A-Z]+$/.test(raw)) {
      const candidates = gazetteer.lookup(raw);
      if (candidates.length) return { end: k + 1, candidates, fuzzy: false };
    }
    const starts = [k];
    const first = lower(tokens[k]);
    // A bare article is never a place; "Al Kut", "al-Amarah", "as-Samawah" may be written with or without it.
    const article = ARABIC_ARTICLES.has(first) && (tokens[k].text === first || CAPITALISED_ARTICLES.has(first) || (k + 1 < runEnd && tokens[k + 1].kind === 'punct'));
    if (ARABIC_ARTICLES.has(first)) {
      if (!article || k + 1 >= runEnd) return null;
      // Skip the hyphen of "al-Amarah" when matching without the article.
      starts.push(tokens[k + 1].kind === 'punct' ? k + 2 : k + 1);
    }
    for (const s of starts) {
      let key = '';
      for (let m = s; m < runEnd && m - s < Math.max(1, gazetteer.maxNameTokens) + 2; m++) {
        const t = tokens[m];
        if (t.kind === 'punct') continue; // "St." dot
        if (t.kind === 'clitic' && !key) break;
        // The possessive joins its word, as in the gazetteer's keys ("People's" → "peoples").
        const n = t.kind === 'clitic' ? '' : normToken(t, normCache, m);
        const prevKey = key;
        key = t.kind === 'clitic' ? `${key}s` : key ? `${key} ${n}` : n;
        let p = gazetteer.probe(key);
        // Spelling families the gazetteer may hold in another form: the Persian izafe ("Dasht-i-Archi",
        // "Dasht-e Archi"), "qh" for "q" ("Dhi Qhar").
        if (p === 0 && t.kind === 'word') {
          for (const k2 of spellingVariants(prevKey, n)) {
            const p2 = gazetteer.probe(k2);
            if (p2) { key = k2; p = p2; break; }
          }
        }
        // "people" is no name, but "peoples" may begin one: look past a possessive before giving up.
        const possessiveNext = m + 1 < runEnd && tokens[m + 1].kind === 'clitic';
        if (p === 0 && !possessiveNext) break;
        if (p & 2 && !(m === s && ARABIC_ARTICLES.has(key))) {
          if (!best || m + 1 > best.end) best = { end: m + 1, candidates: gazetteer.lookupNormalized(key), fuzzy: false };
        }
        if (!(p & 1) && !possessiveNext) break;
      }
      if (best) return best;
    }
    // Transliteration variants ("Musiyyib" for Musayyib) only for a single capitalised word in a locative slot.
    const t = tokens[k];
    if (t.kind === 'word' && t.text.length >= 6 && !COMMON_WORDS.has(first) && !GIVEN_NAMES.has(first) && !personWords.has(first) && !afterThe(k) && (hasLocativeBefore(k, true) || featureAt(k + 1))) {
      const candidates = gazetteer.lookupNormalized(normToken(t, normCache, k), { fuzzy: true });
      if (candidates.length) return { end: k + 1, candidates, fuzzy: true };
    }
    return null;
  }

  function stateByCode(code: string): Candidate | undefined {
    const place = gazetteer.admin1('US', code);
    return place ? { place, match: 'exact', primary: false } : undefined;
  }

  function prevWordIndex(k: number): number {
    let p = k - 1;
    while (p >= 0 && tokens[p].kind === 'punct' && (tokens[p].text === '"' || tokens[p].text === '“')) p--;
    return p;
  }

  /** A locative word before the name; `strict` leaves out "of", "to" and "the", which also precede organisations. */
  function hasLocativeBefore(k: number, strict = false): boolean {
    let p = prevWordIndex(k);
    if (p < 0 || tokens[p].kind !== 'word') return false;
    if (lower(tokens[p]) === 'the' && p > 0) {
      if (strict) return false;
      p--;
    }
    const w = lower(tokens[p]);
    if (strict && (w === 'of' || w === 'to')) return false;
    if (LOCATIVE_PREPOSITIONS.has(w)) return true;
    // "at Marib and Hodeidah", "in Basra, Najaf and Karbala": the preposition before a list governs every item.
    if (strict || !(w === 'and' || w === 'or' || tokens[k - 1]?.text === ',')) return false;
    let q = k - 1;
    let items = 0;
    while (q >= 0 && k - q < 16) {
      const t = tokens[q];
      if (t.text === ',' || t.text === '.' || (t.kind === 'word' && (lower(t) === 'and' || lower(t) === 'or'))) { q--; continue; }
      if (isNameWord(t) || (t.kind === 'word' && NAME_CONNECTORS.has(lower(t)))) { items++; q--; continue; }
      break;
    }
    return items > 0 && q >= 0 && tokens[q].kind === 'word' && LOCATIVE_PREPOSITIONS.has(lower(tokens[q])) && lower(tokens[q]) !== 'of';
  }

  /** Is token m a lower-case noun that a place name qualifies ("Concord resident", "Rochester area")? */
  function residentAfter(m: number): boolean {
    const t = tokens[m];
    return !!t && t.kind === 'word' && !t.cap && PLACE_QUALIFIED_NOUNS.has(t.text);
  }

  /** "the Taliban", "the Western column": place names seldom take the article; weak matches after it are refused. */
  /** Does [k, m) stand where a dateline does: first on its line, followed by a comma or a dash? */
  function dateline(k: number, m: number): boolean {
    const next = tokens[m]?.text;
    const lineStart = k === 0 || text.slice(tokens[k - 1].end, tokens[k].start).includes('\n');
    return lineStart && (next === ',' || next === '—' || next === '–' || next === '-');
  }

  /** Do [k, m) and a single capitalised word right beside it in the run both name only hamlets? */
  function minorNameBeside(runStart: number, runEnd: number, k: number, m: number, candidates: Candidate[]): boolean {
    const tiny = (x: Candidate) => (x.place.kind === 'city' || x.place.kind === 'neighbourhood') && x.place.population < WEAK_POPULATION;
    if (!candidates.every(tiny)) return false;
    return [k - 1, m].some((q) => {
      if (q < runStart || q >= runEnd) return false;
      const t = tokens[q];
      if (t.kind !== 'word' || !t.cap || t.sentStart && q === k - 1) return false;
      const w = lower(t);
      if (UNIT_WORDS.has(w) || ORGANISATION_HEADS.has(w) || STREET_HEADS.has(w) || COMPASS_WORDS.has(w) || NAME_ABBREVIATIONS.has(w) || FEATURE_NAME_PREFIXES.has(w) || FEATURE_NAME_SUFFIXES.has(w)) return false;
      // A longer name through this word ("Kansas City") is the match itself, not a neighbour.
      if (q === k - 1 && gazetteer.probe(`${normToken(t, normCache, q)} ${normToken(tokens[k], normCache, k)}`)) return false;
      const c = gazetteer.lookupNormalized(normToken(t, normCache, q));
      return c.length > 0 && c.every(tiny);
    });
  }

  /** Is [k, m) inside a run of plain capitalised words that the gazetteer knows nothing else of, right beside it? */
  function partOfUnknownName(runStart: number, runEnd: number, k: number, m: number): boolean {
    const beside = [k - 1, m].filter((q) => q >= runStart && q < runEnd);
    if (!beside.length) return false;
    return beside.every(unknownWord);
  }

  /** A plain capitalised word that is no ordinary word and begins no name the gazetteer knows. */
  function unknownWord(q: number): boolean {
    const t = tokens[q];
    if (!t || t.kind !== 'word' || !t.cap) return false;
    const w = lower(t);
    if (COMMON_WORDS.has(w) || GIVEN_NAMES.has(w) || PERSON_TITLES.has(w) || CAPITALISED_TITLES.has(w) || UNIT_WORDS.has(w) || ORGANISATION_HEADS.has(w) || COMPASS_WORDS.has(w) || DEMONYMS.has(w)) return false;
    return gazetteer.probe(normToken(t, normCache, q)) === 0;
  }

  function afterThe(k: number): boolean {
    const p = prevWordIndex(k);
    return p >= 0 && lower(tokens[p]) === 'the';
  }

  function featureAt(k: number): 'admin1' | 'admin2' | 'city' | 'country' | null {
    const t = tokens[k];
    if (!t || t.kind !== 'word') return null;
    return FEATURE_WORDS.get(lower(t)) ?? null;
  }

  /** The feature word after a name [k, m), directly or after the list it stands in. */
  function featureAfterName(k: number, m: number): 'admin1' | 'admin2' | 'city' | 'country' | null {
    return featureAt(m) ?? listed.get(k) ?? null;
  }

  function accept(runStart: number, runEnd: number, k: number, m: number, candidates: Candidate[]): boolean {
    if (!candidates.length) return false;
    const single = m - k === 1;
    const w = lower(tokens[k]);
    // What the tests below ask of the candidates, in one pass over them.
    let strong = false, strongPrimary = false, country = false, admin1 = false, usState = false, primary = false, ownSpelling = false, large = false;
    let weak = true; // every candidate a minor place, or named only by an alternate name
    const written = tokens[k].text;
    for (const c of candidates) {
      const p = c.place;
      if (STRONG_KINDS.has(p.kind) && c.match === 'exact') {
        strong = true;
        // A country counts under any of its names ("U.S. Department of Education"); other kinds by their own name.
        if (c.primary || p.kind === 'country') strongPrimary = true;
      }
      if (p.kind === 'country') country = true;
      else if (p.kind === 'admin1') {
        admin1 = true;
        if (p.country === 'US') usState = true;
      }
      if (c.primary) {
        primary = true;
        if (p.name === written) ownSpelling = true;
        if (!((p.kind === 'city' || p.kind === 'neighbourhood') && p.population < WEAK_POPULATION)) weak = false;
      }
      if (p.population >= 100_000) large = true;
    }
    if (single && (MONTHS_AND_DAYS.has(w) || ETHNONYMS.has(w) || NOT_PLACE_WORDS.has(w))) return false;
    // "Boko Haram": two hamlets' names side by side, with nothing between, are one name of something else.
    if (!strong && minorNameBeside(runStart, runEnd, k, m, candidates)) return false;
    // "Zalizna Balka", "Nam Taung": a place's alternate name, or a hamlet's, as part of a longer capitalised name the
    // gazetteer lacks.
    if (weak && partOfUnknownName(runStart, runEnd, k, m)) return false;
    // "Karnataka Rajya Raitha Sangha": the last word of a long name whose words before it are unknown is that name's.
    if (m === runEnd && k - runStart >= 2 && !country && unknownWord(k - 1) && unknownWord(k - 2)) return false;
    // "USS Kansas City", "HMS Sheffield": a ship's name.
    if (k > 0 && SHIP_PREFIXES.has(tokens[k - 1].text)) return false;
    // "Xinhua reported", "Al-Ahram said": a news agency or newspaper, unless a locative slot makes it the place.
    if (NEWS_OUTLET_STARTS.has(w) && NEWS_OUTLETS.has(single ? w : normalizeName(text.slice(tokens[k].start, tokens[m - 1].end))) && !hasLocativeBefore(k, true)) return false;
    // A demonym is no place ("Saudi authorities"), unless it is also its country's name and stands as a noun
    // ("the Vatican said", "workers in Saudi").
    if (single && DEMONYMS.has(w)) {
      const countryName = candidates.some((c) => c.place.kind === 'country' && c.place.country === DEMONYMS.get(w));
      if (!countryName || !(afterThe(k) || hasLocativeBefore(k, true))) return false;
    }
    // "Lake Vermont", "Camp David", "Red River": a physical feature's name, not the place it borrows from.
    if (k > runStart && FEATURE_NAME_PREFIXES.has(lower(tokens[k - 1])) && tokens[k - 1].cap && lower(tokens[k - 1]) !== 'port') return false;
    if (m < tokens.length && tokens[m].kind === 'word' && tokens[m].cap && FEATURE_NAME_SUFFIXES.has(lower(tokens[m]))) return false;
    // "West Nile virus", "Lyme disease", "Reston ebolavirus": a disease named after a place is not a mention of it.
    if (m < tokens.length && tokens[m].kind === 'word' && (DISEASE_HEADS.has(lower(tokens[m])) || lower(tokens[m]).endsWith('virus'))) return false;
    // "US$460 million", "HK$": a currency.
    if (tokens[m]?.text === '$' && tokens[m].start === tokens[m - 1].end) return false;
    // "W.Va. 61", "Texas 71": a US state before a route number names the road.
    const abbreviatedName = tokens[m]?.text === '.' && AP_STATE_ABBREVIATIONS.has(text.slice(tokens[k].start, tokens[m].end));
    const afterName = abbreviatedName ? tokens[m + 1] : tokens[m];
    if (afterName?.kind === 'num' && /^\d{1,3}$/.test(afterName.text) && usState) return false;
    // "St. Patrick's Day": a feast named after a saint.
    if (tokens[m]?.kind === 'clitic' && tokens[m + 1] && lower(tokens[m + 1]) === 'day') return false;
    // "the White House", "the Kremlin": a government by its seat, not White House, Tennessee (or Casablanca, whose
    // name translates as "White House").
    if (afterThe(k) && SEATS_OF_GOVERNMENT.has(text.slice(tokens[k].start, tokens[m - 1].end).toLowerCase())) return false;
    // "Lansing State Journal": a newspaper's name.
    for (let q = m; q < Math.min(runEnd + 1, m + 3, tokens.length); q++) {
      if (tokens[q].kind === 'word' && tokens[q].cap && MEDIA_HEADS.has(lower(tokens[q])) && !country) return false;
    }
    // Contractions ("I've", "We'll") and a title standing before a name ("Gen. David Petraeus") are no places.
    if (single && CONTRACTION_RE.test(tokens[k].text)) return false;
    if (single && PERSON_TITLES.has(w) && m < tokens.length && (tokens[m].text === '.' || isNameWord(tokens[m]))) return false;

    // Mixed-case words ("GoI", "iPhone") are acronyms or brands unless they are a place's own spelling ("DeKalb").
    if (single && /\p{Ll}\p{Lu}/u.test(tokens[k].text) && !ownSpelling) return false;
    // All-caps short tokens (UN, AP, CIA) are acronyms unless they name a country (US, UK, UAE) or are a curated
    // abbreviation of a place (EU, NSW).
    // A dateline ("KANO, Nigeria —", "GAZA —") names a major place in capitals at the start of a line.
    if (single && tokens[k].kind === 'word' && tokens[k].text.length <= 4 && tokens[k].text === tokens[k].text.toUpperCase() && !country && !gazetteer.isAbbreviation(tokens[k].text) && !(dateline(k, m) && fullName(candidates))) return false;
    if (runIsPerson(runStart, runEnd, k, m)) return false;
    // A word already seen in a person's name is that person again ("Trapani", "Flores' stepfather"), even if a
    // province bears it; only a country name is kept.
    if (single && personWords.has(w) && !country) return false;
    if (single && organisationWords.has(w) && !strongPrimary) return false;
    const next = m < tokens.length ? tokens[m] : null;
    // "Tyler said" is a person speaking; "a resident of Tyler said", "a nurse in Austin told" are not.
    if (single && !strong && next && next.kind === 'word' && SPEECH_VERBS.has(lower(next)) && !hasLocativeBefore(k)) return false;
    // "Springfield, Ill.": an abbreviated state after a comma, whatever else the word means.
    const abbreviatedState = single && next?.text === '.' && next.start === tokens[k].end && k > 0 && tokens[k - 1].text === ',' && admin1;
    if (single && COMMON_WORDS.has(w) && !abbreviatedState && !country) {
      // "Chamber of Commerce", "Department of Justice": the "of" belongs to an organisation's name.
      const of = prevWordIndex(k);
      const head = of > 0 && lower(tokens[of]) === 'of' ? tokens[of - 1] : null;
      if (head && head.cap && ORGANISATION_HEADS.has(lower(head))) return false;
      // "Mobile", "Reading", "Western" only with evidence: a locative slot ("in Mobile") or a noun that only a place
      // qualifies ("a Concord resident", "the Rochester area"), and not at the start of a sentence.
      if (!listed.has(k) && (tokens[k].sentStart || (afterThe(k) && !residentAfter(m)) || !(hasLocativeBefore(k) || residentAfter(m)) || !primary)) return false;
      // "Western Afghanistan", "Southern Sudan": a common word before another name modifies it.
      if (m < runEnd && isNameWord(tokens[m])) return false;
    }
    // "Main Street", "Florida Highway 19" are roads; "Florida Highway Patrol" is an agency of Florida.
    const afterNext = tokens[m + 1];
    const agency = afterNext?.kind === 'word' && afterNext.cap && ORGANISATION_HEADS.has(lower(afterNext));
    if (next && next.kind === 'word' && next.cap && STREET_HEADS.has(lower(next)) && !agency) return false;
    // Weak evidence ("Taliban" is an alternate name of a Turkish village): a single word that names only minor
    // places, or names them only through an alternate name, must stand in a locative slot or before a feature word.
    // A dotted initialism of a major place ("D.C.", "L.A.") is deliberate, not weak evidence.
    const initialism = tokens[k].kind === 'abbr' && large;
    if (single && !strong && !initialism && !gazetteer.isAbbreviation(tokens[k].text)) {
      // Evidence: a locative slot, a feature word, or a container after it ("Baiji, Salahuddin", "Baiji in Salahuddin").
      const containerAfter = (next?.text === ',' || (next && lower(next) === 'in')) && !!tokens[m + 1] && isNameWord(tokens[m + 1]) && !tokens[m + 1].sentStart;
      if (weak && (afterThe(k) || (!hasLocativeBefore(k) && !featureAfterName(k, m) && !containerAfter && !residentAfter(m)))) return false;
    }
    // "according to Vickers", "said Anderson": a bare name reported as a speaker.
    const before = prevWordIndex(k);
    if (single && !strong && before >= 0 && REPORTING_BEFORE.has(lower(tokens[before])) && (lower(tokens[before]) !== 'to' || (before > 0 && lower(tokens[before - 1]) === 'according'))) return false;
    // "the University", "Hospital", "College": an organisation's head word alone is the organisation.
    if (single && !strongPrimary && ORGANISATION_HEADS.has(w)) return false;
    // "son of Rashid", "the wife of Hatem": a kinship noun before "of" makes the name a person's.
    const ofIndex = prevWordIndex(k);
    if (!strongPrimary && ofIndex > 0 && lower(tokens[ofIndex]) === 'of' && tokens[ofIndex - 1].kind === 'word' && KIN_WORDS.has(lower(tokens[ofIndex - 1]))) return false;
    // "Azov Battalion", "the Aidar battalion": a military unit named after a place is the unit.
    const unitHead = tokens[m]?.kind === 'word' ? lower(tokens[m]) : '';
    if (MILITARY_UNITS.has(unitHead) && !strong) return false;
    const organisation = inOrganisation(runEnd, m);
    if (organisation && !(organisation === 'group' ? strong : strongPrimary)) {
      // "Qods Force": a minor place matched only by an alternate name, or a hamlet, inside an organisation's name is
      // no place; a town under its own name is ("the Mount Pleasant City Council"), and a city under any in a
      // capitalised name ("the D.C. Charter School Board"), not before a group noun ("Kouds force").
      const major = candidates.some((c) => (c.primary && (c.place.kind === 'admin2' || c.place.population >= 5_000)) || (organisation === 'name' && c.place.population >= 100_000));
      // "the Obama administration": a surname, not Obama in Japan.
      if (next && next.kind === 'word' && !next.cap && PERSONAL_HEADS.has(lower(next)) && !strong) return false;
      if (!major) return false;
    }
    return true;
  }

  /** 'name': part of an organisation's name ("Qods Force"); 'group': before a lower-case group noun ("Qazali network"). */
  function inOrganisation(runEnd: number, m: number): 'name' | 'group' | null {
    for (let q = m; q < runEnd; q++) if (tokens[q].kind === 'word' && ORGANISATION_HEADS.has(lower(tokens[q]))) return 'name';
    const next = tokens[runEnd];
    if (!next || next.kind !== 'word') return null;
    if (next.cap) return ORGANISATION_HEADS.has(lower(next)) ? 'name' : null;
    return runEnd === m && GROUP_NOUNS.has(lower(next)) ? 'group' : null;
  }

  function cuesFor(runStart: number, runEnd: number, k: number, m: number, fuzzy: boolean): MentionCues {
    let featureAfter = featureAfterName(k, m);
    // "Dhi Qar Province" inside the run, or "Wasit province" after it.
    if (!featureAfter && m < runEnd) featureAfter = featureAt(m);
    let featureBefore: MentionCues['featureBefore'] = null;
    let demonymCountry: string | null = null;
    // "the province of Baluchistan", "the Pakistani province of Baluchistan", "the city of Kut".
    const p = prevWordIndex(k);
    if (p >= 1 && lower(tokens[p]) === 'of') {
      featureBefore = featureAt(p - 1);
      if (featureBefore && p >= 2) demonymCountry = DEMONYMS.get(lower(tokens[p - 2])) ?? null;
    }
    // "Pakistani Baluchistan", "Iraqi Kurdistan".
    if (!demonymCountry && p >= 0 && tokens[p].cap) demonymCountry = DEMONYMS.get(lower(tokens[p])) ?? null;
    return {
      featureAfter,
      featureBefore,
      locative: hasLocativeBefore(k),
      inOrganisation: inOrganisation(runEnd, m) !== null,
      demonymCountry,
      containerMention: null,
      containerPart: false,
      containerInList: false,
      dateline: m - k <= 4 && dateline(k, m),
      pairedMention: null,
      fuzzy
    };
  }

}

/** Words allowed between "in" and a container's name: "in the central region of Mopti", "in northern Babil". */
const CONTAINER_PHRASE_WORDS = new Set(['the', ',', 'of', 'part', 'parts', 'outskirts', 'area', ...COMPASS_WORDS, ...FEATURE_WORDS.keys()]);
/** Words for administrative units that may follow a name before its container ("Ifo Local Government Area of Ogun"). */
const UNIT_WORDS = new Set([...FEATURE_WORDS.keys(), 'upazila', 'tehsil', 'taluk', 'taluka', 'lga', 'local', 'government', 'area', 'council', 'block', 'mandal', 'raion', 'rayon', 'hromada', 'commune', 'department', 'township']);

/**
 * "Musiyyib in northern Babil province", "Kut, Iraq", "Alexandria, La.", "Boma (Lac)", "between Baye and Pissa in
 * the central region of Mopti": a mention followed closely by another that names its container. The resolver
 * prefers candidates inside it, and falls back to it when none is. The container of the last item of a list
 * ("Baye and Pissa", "Onihale, Ilepa and Aiyede") holds the earlier items too.
 */
function linkContainers(tokens: Token[], mentions: RecognizedMention[]): void {
  for (let a = 0; a + 1 < mentions.length; a++) {
    const first = mentions[a];
    const second = mentions[a + 1];
    const between = tokens.slice(first.lastToken, second.firstToken);
    if (between.length > 7) continue;
    const words = between.map((t) => t.text.toLowerCase());
    const comma = words.length === 1 && words[0] === ',';
    // The first name's own feature word may come first: "Parbatipur upazila in Dinajpur", "Ifo LGA of Ogun State".
    let lead = 0;
    while (lead < words.length && UNIT_WORDS.has(words[lead])) lead++;
    const rest = words.slice(lead);
    const inPhrase = rest.length >= 1 && (rest[0] === 'in' || (rest[0] === ',' && rest[1] === 'in') || (lead > 0 && (rest[0] === 'of' || rest[0] === ','))) &&
      rest.slice(1).every((w) => w === 'in' || LOCATIVE_PREPOSITIONS.has(w) || CONTAINER_PHRASE_WORDS.has(w));
    // "Boma (Lac)", "Boma (Lac province)": a bracketed name right after another.
    const closing = tokens[second.lastToken]?.text === ')' || (tokens[second.lastToken + 1]?.text === ')' && FEATURE_WORDS.has(tokens[second.lastToken]?.text.toLowerCase() ?? ''));
    const bracket = words.length === 1 && words[0] === '(' && closing;
    if (comma || inPhrase || bracket) {
      first.cues.containerMention = a + 1;
      // "Zaire, Bundibugyo, Côte d'Ivoire and Sudan": a comma inside a longer list joins peers, not a place and its container.
      // A run closed by "and"/"or" is an enumeration; "Toronto, Ontario, Canada" is a chain of containers.
      first.cues.containerInList = comma && enumeration(tokens, mentions, a);
      // "in northern Babil", "in the north of Babil", "on the outskirts of Kano" name a part of the container;
      // "in the central region of Mopti" describes the region.
      first.cues.containerPart = inPhrase && rest.some((w, k) => w === 'part' || w === 'parts' || w === 'outskirts' || (COMPASS_WORDS.has(w) && (k === rest.length - 1 || rest[k + 1] === 'of')));
    }
    // "Georgia-Russia", "Iran–Iraq": two places joined by a hyphen or dash name peers.
    if (between.length === 1 && (HYPHENS.has(between[0].text) || between[0].text === '–' || between[0].text === '—') && between[0].start === first.end && between[0].end === second.start) {
      first.cues.pairedMention = a + 1;
      second.cues.pairedMention = a;
    }
  }
  // "in Niger's western Tillaberi region": a possessive container names the container of the name after it, which
  // is the smaller, surer container of the place ("Tassia" in Tillaberi, Tillaberi in Niger).
  for (const m of mentions) {
    const c = m.cues.containerMention;
    if (c === null || c + 1 >= mentions.length || m === mentions[c + 1]) continue;
    const between = tokens.slice(mentions[c].lastToken, mentions[c + 1].firstToken);
    if (between.length >= 1 && between.length <= 3 && between[0].kind === 'clitic' && between.slice(1).every((t) => t.kind === 'word' && !t.cap)) {
      m.cues.containerMention = c + 1;
      if (mentions[c + 1].cues.containerMention === null) mentions[c + 1].cues.containerMention = c;
    }
  }
  // Back over a list: "Baye and Pissa in Mopti", "Onihale, Ilepa and Aiyede in Ifo".
  for (let b = mentions.length - 1; b > 0; b--) {
    const item = mentions[b];
    if (item.cues.containerMention === null || item.cues.containerMention === b + 1 && !isPhraseLink(tokens, item, mentions[b + 1])) continue;
    for (let a = b - 1; a >= 0; a--) {
      const prev = mentions[a];
      if (!listSeparated(tokens, prev, mentions[a + 1])) break;
      if (prev.cues.containerMention !== null && prev.cues.containerMention !== a + 1) break;
      prev.cues.containerMention = item.cues.containerMention;
      prev.cues.containerPart = item.cues.containerPart;
      prev.cues.containerInList = false;
    }
  }
}

/** Is mention `a` in a run of names separated by commas that an "and" or "or" closes ("Ohio, Iowa and Utah")? */
function enumeration(tokens: Token[], mentions: RecognizedMention[], a: number): boolean {
  let lo = a, hi = a;
  while (lo > 0 && listSeparated(tokens, mentions[lo - 1], mentions[lo])) lo--;
  while (hi + 1 < mentions.length && listSeparated(tokens, mentions[hi], mentions[hi + 1])) hi++;
  for (let k = lo; k < hi; k++) {
    if (tokens.slice(mentions[k].lastToken, mentions[k + 1].firstToken).some((t) => /^(?:and|or)$/i.test(t.text))) return hi - lo >= 2;
  }
  return false;
}

/** Are two mentions separated only by a list separator (",", "and", "or", ", and")? */
function listSeparated(tokens: Token[], a: RecognizedMention, b: RecognizedMention): boolean {
  const sep = tokens.slice(a.lastToken, b.firstToken).map((t) => t.text.toLowerCase());
  return sep.length >= 1 && sep.length <= 2 && sep.every((w) => w === ',' || w === 'and' || w === 'or') && (sep.length === 1 || sep[0] === ',');
}

/** Is the link from `item` to `container` an "in …" phrase or a bracket, not a bare comma (which may be a list)? */
function isPhraseLink(tokens: Token[], item: RecognizedMention, container: RecognizedMention): boolean {
  const words = tokens.slice(item.lastToken, container.firstToken).map((t) => t.text.toLowerCase());
  return !(words.length === 1 && words[0] === ',');
}

/**
 * "Becker, Clay, Douglas and Wilkin counties", "Ghazni, Paktika and Khost provinces": the first token of every
 * capitalised item in a list that ends in a plural feature word, with the kind that word names.
 */
function listedUnderFeature(tokens: Token[]): Map<number, 'admin1' | 'admin2' | 'city'> {
  const out = new Map<number, 'admin1' | 'admin2' | 'city'>();
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    const kind = t.kind === 'word' && !t.cap ? PLURAL_FEATURES.get(lowerText(t)) : undefined;
    if (!kind) continue;
    // Walk back over items (capitalised words) and separators (",", "and", "or").
    let j = i - 1;
    let items = 0;
    while (j >= 0) {
      if (tokens[j].kind === 'word' && tokens[j].cap) {
        let first = j;
        while (first - 1 >= 0 && tokens[first - 1].kind === 'word' && tokens[first - 1].cap && !tokens[first].sentStart) first--;
        out.set(first, kind);
        items++;
        j = first - 1;
        if (j >= 0 && (tokens[j].text === ',' || /^(?:and|or)$/i.test(tokens[j].text))) {
          j--;
          if (j >= 0 && /^(?:and|or)$/i.test(tokens[j].text)) j--;
          continue;
        }
      }
      break;
    }
    if (items === 0) continue;
  }
  return out;
}
