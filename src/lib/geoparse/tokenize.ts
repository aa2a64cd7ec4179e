/** Word-level tokenizer that keeps exact character offsets into the original text. */

export interface Token {
  start: number;
  end: number;
  text: string;
  /** 'word' letters (with inner hyphens/apostrophes); 'abbr' dotted initials (U.S.); 'num'; 'punct'; 'clitic' a possessive 's. */
  kind: 'word' | 'abbr' | 'num' | 'punct' | 'clitic';
  /** Starts with an upper-case letter, or is a lower-case Arabic article fused to a capitalised name (al-Amarah). */
  cap: boolean;
  /** First token of a sentence or of a line: capitalisation there is no evidence of a name. */
  sentStart: boolean;
}

// Dotted initials (U.S., N.Y.) | words with inner hyphens/apostrophes | numbers | any other visible char.
const TOKEN_RE = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}](?:[\p{L}\p{M}\p{Nd}]|['’‘ʼ`\-‐](?=[\p{L}\p{M}]))*|\p{Nd}+(?:[.,:]\p{Nd}+)*|\S/gu;
const POSSESSIVE_RE = /['’]s$/;
const FUSED_ARTICLE_RE = /^(?:al|el|ad|an|ar|as|at|az|ash|ath|ad|ul|ud|ur)[-‐‑]\p{Lu}/u;
const UPPER_START_RE = /^\p{Lu}/u;
const SENTENCE_END = new Set(['.', '!', '?', '…']);
const QUOTE_OR_BRACKET = new Set(['"', '“', '”', "'", '‘', '’', '(', '[', '«', '»', '—', '–', '-']);

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let prevSignificant: Token | null = null;
  let lastEnd = 0;
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    const raw = m[0];
    const start = m.index;
    const gap = text.slice(lastEnd, start);
    lastEnd = start + raw.length;
    const newline = gap.includes('\n');
    const first = raw.charCodeAt(0);
    let kind: Token['kind'];
    if (raw.length > 2 && raw.endsWith('.') && /^(?:\p{Lu}\.){2,}$/u.test(raw)) kind = 'abbr';
    else if (first >= 48 && first <= 57) kind = 'num';
    else if (/^[\p{L}\p{M}]/u.test(raw)) kind = 'word';
    else if (/^\p{Nd}/u.test(raw)) kind = 'num';
    else kind = 'punct';

    const sentStart =
      prevSignificant === null || newline || (prevSignificant.kind === 'punct' && SENTENCE_END.has(prevSignificant.text));
    let text1 = raw;
    let clitic: Token | null = null;
    if (kind === 'word' && raw.length > 3 && POSSESSIVE_RE.test(raw)) {
      text1 = raw.slice(0, -2);
      clitic = { start: start + text1.length, end: start + raw.length, text: raw.slice(-2), kind: 'clitic', cap: false, sentStart: false };
    }
    const token: Token = {
      start,
      end: start + text1.length,
      text: text1,
      kind,
      cap: (kind === 'word' || kind === 'abbr') && (UPPER_START_RE.test(text1) || FUSED_ARTICLE_RE.test(text1)),
      sentStart
    };
    tokens.push(token);
    if (clitic) tokens.push(clitic);
    // Opening quotes and brackets do not end the sentence-start state.
    if (!(kind === 'punct' && QUOTE_OR_BRACKET.has(raw) && sentStart)) prevSignificant = clitic ?? token;
    else prevSignificant = prevSignificant ?? null;
  }
  return tokens;
}
