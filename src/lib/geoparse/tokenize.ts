/** Word-level tokenizer that keeps exact character offsets into the original text. */
import { NAME_ABBREVIATIONS, TITLE_ABBREVIATIONS } from './lexicon';

export interface Token {
  start: number;
  end: number;
  text: string;
  /** 'word' letters (with inner hyphens/apostrophes); 'abbr' dotted initials (U.S.); 'num'; 'punct'; 'clitic' a possessive 's. */
  kind: 'word' | 'abbr' | 'num' | 'punct' | 'clitic';
  /** Starts with an upper-case letter (or d'/l' and one), or is a lower-case Arabic article fused to a capitalised name (al-Amarah). */
  cap: boolean;
  /** First token of a sentence or of a line: capitalisation there is no evidence of a name. */
  sentStart: boolean;
  /** Joined to the previous word by a hyphen with no space ("Mazar-i-Sharif", "al-Amarah", "Fargo-Moorhead"). */
  joined: boolean;
  /** The text lower-cased, filled in on first use (see lowerText). */
  lc?: string;
}

/** The token's text lower-cased, computed once per token. */
export function lowerText(t: Token): string {
  return t.lc ?? (t.lc = t.text.toLowerCase());
}

// Dotted initials (U.S., N.Y.) | words with inner hyphens/apostrophes | numbers | any other visible char.
// Zero-width characters and soft hyphens inside a word stay in it ("Ro\u200bme"); normalisation drops them.
const TOKEN_RE = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}](?:[\p{L}\p{M}\p{Nd}\u00AD\u200B-\u200D\u2060](?=[\p{L}\p{M}\p{Nd}])|[\p{L}\p{M}\p{Nd}]|['’‘ʼ`](?=[\p{L}\p{M}]))*|\p{Nd}+(?:[.,:]\p{Nd}+)*|\S/gu;
const HYPHENS = new Set(['-', '‐', '‑']);
const ARTICLES = new Set(['al', 'el', 'ad', 'an', 'ar', 'as', 'at', 'az', 'ash', 'ath', 'ul', 'ud', 'ur', 'ez', 'es', 'ed', 'et', 'en', 'er', 'esh']);
const POSSESSIVE_RE = /['’]s$/;
// "d'Ivoire", "d’Alene", "l'Aquila": a French elided article before a capitalised name is part of the name.
const UPPER_START_RE = /^(?:[dl]['’])?\p{Lu}/u;
/**
 * Words in scripts without capitals (Arabic, Hebrew, Persian …) count as capitalised: in English text such a word
 * is a name written in its own script ("residents of بغداد"), and the gazetteer holds names in those scripts.
 */
const CASELESS_RE = /^[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u;
const SENTENCE_END = new Set(['.', '!', '?', '…']);
const QUOTE_OR_BRACKET = new Set(['"', '“', '”', "'", '‘', '’', '(', '[', '«', '»', '—', '–', '-']);

/** A dot that ends an abbreviation or an initial ("St. Petersburg", "Gen. Petraeus", "Sheila D. Williams"), not a sentence. */
function abbreviationDot(tokens: Token[], dot: Token): boolean {
  if (dot.text !== '.') return false;
  const before = tokens[tokens.length - 1] === dot ? tokens[tokens.length - 2] : undefined;
  if (!before || before.end !== dot.start || before.kind !== 'word') return false;
  const w = before.text.toLowerCase();
  return (before.text.length === 1 && before.cap) || NAME_ABBREVIATIONS.has(w) || TITLE_ABBREVIATIONS.has(w);
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let prevSignificant: Token | null = null;
  let lastEnd = 0;
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    const raw = m[0];
    const start = m.index;
    let newline = false;
    for (let i = lastEnd; i < start; i++) if (text.charCodeAt(i) === 10) { newline = true; break; }
    lastEnd = start + raw.length;
    const first = raw.charCodeAt(0);
    // ASCII letters: a word (unless dotted initials); the Unicode tests only for the rest.
    const asciiLetter = (first >= 65 && first <= 90) || (first >= 97 && first <= 122);
    let kind: Token['kind'];
    if (raw.length > 2 && raw.endsWith('.') && /^(?:\p{Lu}\.){2,}$/u.test(raw)) kind = 'abbr';
    else if (first >= 48 && first <= 57) kind = 'num';
    else if (asciiLetter) kind = 'word';
    else if (first < 128) kind = 'punct';
    else if (/^[\p{L}\p{M}]/u.test(raw)) kind = 'word';
    else if (/^\p{Nd}/u.test(raw)) kind = 'num';
    else kind = 'punct';

    const sentStart =
      prevSignificant === null || newline || (prevSignificant.kind === 'punct' && SENTENCE_END.has(prevSignificant.text) && !abbreviationDot(tokens, prevSignificant));
    let text1 = raw;
    let clitic: Token | null = null;
    if (kind === 'word' && raw.length > 3 && raw.charCodeAt(raw.length - 1) === 115 && POSSESSIVE_RE.test(raw)) {
      text1 = raw.slice(0, -2);
      clitic = { start: start + text1.length, end: start + raw.length, text: raw.slice(-2), kind: 'clitic', cap: false, sentStart: false, joined: false, lc: undefined };
    }
    const token: Token = {
      start,
      end: start + text1.length,
      text: text1,
      kind,
      cap:
        kind === 'word' && first >= 65 && first <= 90
          ? true
          : kind === 'word' && first >= 97 && first <= 122 && first !== 100 && first !== 108
            ? false
            : (kind === 'word' || kind === 'abbr') && (UPPER_START_RE.test(text1) || (kind === 'word' && CASELESS_RE.test(text1))),
      sentStart,
      joined: false,
      lc: undefined
    };
    // word-hyphen-word with no spaces: the second word continues the first.
    const n = tokens.length;
    if (kind === 'word' && n >= 2 && tokens[n - 1].kind === 'punct' && HYPHENS.has(tokens[n - 1].text) && tokens[n - 1].start === start - 1 && tokens[n - 2].end === start - 1 && tokens[n - 2].kind === 'word') {
      token.joined = true;
      token.sentStart = false;
      // "al-Amarah": the lower-case article fused to a capitalised name belongs to the name.
      if (token.cap && ARTICLES.has(tokens[n - 2].text)) tokens[n - 2].cap = true;
    }
    tokens.push(token);
    if (clitic) tokens.push(clitic);
    // Opening quotes and brackets do not end the sentence-start state.
    if (!(kind === 'punct' && QUOTE_OR_BRACKET.has(raw) && sentStart)) prevSignificant = clitic ?? token;
    else prevSignificant = prevSignificant ?? null;
  }
  return tokens;
}
