import type { ExcludedReason } from '../types';

type Span = { start: number; end: number };
export type Region = Span & { reason: ExcludedReason };

export interface Line extends Span {
  text: string;
}

export interface Structure {
  /** The title's span in the text, when the title is a line of it. */
  titleSpan: Span | null;
  title: string | null;
  excluded: Region[];
  body: Span[];
}

const COMMENTS_START = [
  /^\s*\d+\s+(comments?|responses?|replies|thoughts? on)\b/i,
  /^\s*(leave a (reply|comment)|comments?|reader comments|discussion|join the discussion)\s*:?\s*$/i,
  /^\s*(?:[•*·\-–]|\d+\.)?\s*[^\s].{0,60}?\s+(says|said|wrote):\s*$/i,
  /^\s*(?:[•*·\-–]|\d+\.)?\s*(pingback|trackback):/i
];
const TAGS = /^\s*(tags|tagged|filed under|categories|category|topics|related topics|share this|share)\s*:/i;
const CAPTION = new RegExp(
  [
    String.raw`click to (view|enlarge)|\(image source\)|\[(ap|afp|reuters|getty)[^\]]*\]|^\s*(photo|image|picture|caption|image caption|pictured|file photo|photograph)\s*:|\bphoto credit\b`,
    // Agency credits that end or open a caption: "(AP Photo/Jane Doe)", "REUTERS/John Doe", "Photo by X/Getty Images".
    String.raw`pic\.twitter\.com\/|\((?:[A-Z]+\s+)?photo\b[^)]*\)\s*$|\b(?:REUTERS|AFP|AP|EPA|ANADOLU|XINHUA)\s*(?:Photo)?\s*/\s*[A-Z][\w.-]+|\bphoto(?:graph)?\s+by\b[^.]{0,60}$|\b(?:Getty Images|Shutterstock|AFP via Getty Images)\s*\)?\s*$|^\s*(?:file photo|pictured|in this (?:file )?photo)\b`
  ].join('|'),
  'i'
);
const BYLINE = /^\s*(?:[Bb]y|[Pp]osted by|[Ww]ritten by|[Ww]ords by|[Rr]eporting by|BY)\s+[A-Z]/;
/** Wire trailers and source lines, wherever they stand: "Reporting by …; Editing by …", "Source: …", "(Reuters)". */
const TRAILER = /^\s*(?:\(?\s*(?:additional )?(?:reporting|writing|editing|compiled|translated|edited) by\b|(?:editor'?s note|correction|clarification)\s*:|this (?:article|story) (?:was|has been) (?:first |originally )?(?:published|updated|corrected)\b|—\s*[^—]{1,60}\(@\w+\)\s+\w+\s+\d{1,2},\s+\d{4}\s*$|(?:sources?|via|credit|credits|courtesy|originally published (?:at|in|by))\s*:|\((?:reuters|ap|afp|dpa|ians|pti|upi|xinhua)\)\s*$|(?:©|\(c\)|copyright)\s*\S)/i;
/** A line that only dates the page: "March 4, 2021", "Published: 4 March 2021 10:32 GMT", "Updated 2021-03-04". */
const DATE_ONLY = /^\s*(?:(?:published|posted|updated|last updated|date|dated|first published)\s*(?:on|at)?\s*:?\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*)?(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{4})(?:[\s,|·—–-]+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?(?:\s*(?:by|\|)\s+[^.]{1,40})?\s*$/i;
/** Lines of share, comment, newsletter and advertising furniture. */
const FURNITURE = /^\s*(?:advertisement|advertising|sponsored(?: content)?|skip to (?:main )?content|share(?: this(?: article| story)?| on \w+| via \w+)?|tweet|e-?mail|print|whatsapp|facebook|twitter|linkedin|telegram|copy link|save|listen(?: to this article)?|\d+\s*min(?:ute)?s? read|comments?(?:\s*\(\d+\))?|\d+\s+comments?|view comments|show comments|leave a comment|post a comment|add a comment|sign up\b.{0,80}|subscribe\b.{0,80}|follow us\b.{0,80}|all rights reserved.{0,80}|click here\b.{0,80}|read (?:more|next|also)\s*:?.{0,120}|see also\s*:?.{0,120}|back to top|top stories)\s*$/i;
/** Headings of lists of other stories: the lines under them are links, not this article. */
const RELATED = /^\s*(?:related(?: (?:articles?|stories|news|coverage|content|posts|reading|topics))?|more (?:on|from|stories|news)\b.{0,40}|read more|see also|you may also like|you might also like|recommended(?: for you| stories)?|most (?:read|popular|viewed|shared)|trending(?: now)?|latest(?: news| stories)?|top stories|also read|further reading|editor'?s picks)\s*:?\s*$/i;
/**
 * A wire dateline opening the lead: "KABUL —", "KABUL, Afghanistan (AP) —", "BAGHDAD (Reuters) -",
 * "NEW YORK, March 3 (Reuters) -". The place in capitals is where the report was filed, not an event place.
 */
export const DATELINE = /^\s*(?:[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){0,3})(?:,\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,2})?(?:,?\s*(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*(?:\s+\d{4})?))?\s*(?:\((?:[A-Z][\w.&' -]{0,30})\))?\s*(?:[—–]|--?|:)\s+(?=\S)/;
/** "Jane Doe on 5 August 2017", "Jane Doe | Aug 5": a name (capitalised words) and a date, on a short line. */
const DATELINE_BYLINE = /^\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s*(?:\(@\w+\))?\s+(?:on|—|–|-|\|)\s+(?:\d|[Jj]an|[Ff]eb|[Mm]ar|[Aa]pr|[Mm]ay|[Jj]un|[Jj]ul|[Aa]ug|[Ss]ep|[Oo]ct|[Nn]ov|[Dd]ec)/;
const PUBLISHED_AT = /^\s*(originally published|first published|this article (first )?appeared|republished)\b/i;
/** "Jane Doe is a Senior Fellow at …, and the Editor of …": an author bio. */
const AUTHOR_BIO = /^\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s+(is|was|has been|serves as)\s+(a|an|the)\b[^.]{0,200}\b(fellow|editor|author|writer|journalist|correspondent|analyst|reporter|contributor|professor|researcher|columnist|director)\b/i;

const wordCount = (s: string) => (s.trim().match(/\S+/g) ?? []).length;
const terminal = (s: string) => /[.!?:;,"”’)]\s*$/.test(s);

/** The text's lines with their spans (the line breaks excluded). */
export function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let a = 0;
  while (a <= text.length) {
    let b = text.indexOf('\n', a);
    if (b < 0) b = text.length;
    lines.push({ start: a, end: b, text: text.slice(a, b) });
    a = b + 1;
  }
  return lines;
}

/** A short label-like line: navigation entries and tag lists are made of these. */
function isShortLabel(line: Line): boolean {
  const t = line.text.trim();
  return t.length > 0 && t.length <= 40 && wordCount(t) <= 4 && !terminal(t) && !/\bsays:\s*$/.test(t);
}

/**
 * Find the article's structure in its plain text: title, byline, headings, captions, tag and navigation
 * lists, author bio, and the reader-comment thread. Regions found in the markup (HTML) are kept as given.
 */
export function segment(
  text: string,
  hints: { regions?: Region[]; headings?: Array<Span & { level: number }>; title?: string | null } = {}
): Structure {
  const lines = linesOf(text);
  const reasonOf = new Map<number, ExcludedReason>(); // line index → reason
  const content = lines.map((l, i) => ({ l, i })).filter(({ l }) => l.text.trim().length > 0);
  const firstContent = content[0]?.i ?? -1;

  // Title: a heading of level 1 from markup, else the first line when it reads like a title.
  let titleSpan: Span | null = null;
  let title = hints.title ?? null;
  const h1 = hints.headings?.find((h) => h.level === 1);
  if (h1) {
    titleSpan = { start: h1.start, end: h1.end };
    title ??= text.slice(h1.start, h1.end).trim();
  } else if (
    firstContent >= 0 &&
    content.length > 1 &&
    wordCount(lines[firstContent].text) <= 30 &&
    !/[.!?]\s*$/.test(lines[firstContent].text.trim().replace(/[”"]$/, '')) &&
    !/[a-z0-9)][.!?]["”’]?\s+[A-Z]/.test(lines[firstContent].text)
  ) {
    // A title is a first line with more text after it, and not sentences of prose without their last stop.
    const l = lines[firstContent];
    const lead = l.text.length - l.text.trimStart().length;
    titleSpan = { start: l.start + lead, end: l.start + l.text.trimEnd().length };
    title ??= l.text.trim();
    reasonOf.set(firstContent, 'title');
  } else if (firstContent >= 0 && !title) {
    // No title line: the first sentence stands for it (the line stays in the body).
    title = lines[firstContent].text.trim().split(/(?<=[.!?])\s/)[0].slice(0, 140);
  }

  // Reader comments: from the first line that opens a comment thread to the end (trailing navigation aside).
  let commentsFrom = -1;
  for (const { l, i } of content) {
    if (i === firstContent) continue;
    if (COMMENTS_START.some((re) => re.test(l.text))) {
      commentsFrom = i;
      break;
    }
  }

  // Navigation: runs of three or more short label lines (blank lines between them allowed).
  const navRuns: Array<[number, number]> = [];
  for (let k = 0; k < content.length; ) {
    let m = k;
    while (m < content.length && isShortLabel(content[m].l)) m++;
    if (m - k >= 3) navRuns.push([content[k].i, content[m - 1].i]);
    k = m > k ? m : k + 1;
  }
  for (const [a, b] of navRuns) {
    const trailing = b === content[content.length - 1].i;
    if (commentsFrom >= 0 && a > commentsFrom && !trailing) continue;
    for (let i = a; i <= b; i++) reasonOf.set(i, 'navigation');
  }

  // "Related", "Read more", "Most read": the heading and the story titles listed under it (lines that do not
  // read as sentences of prose) are links to other stories.
  for (const [k, { l, i }] of content.entries()) {
    if (!RELATED.test(l.text)) continue;
    reasonOf.set(i, 'navigation');
    for (const next of content.slice(k + 1, k + 13)) {
      const nt = next.l.text.trim();
      if (/[.!?]["”’)]?$/.test(nt) && wordCount(nt) > 12) break;
      reasonOf.set(next.i, 'navigation');
    }
  }

  // Lines the markup already classified (HTML regions and headings) keep the markup's word.
  const marked = [...(hints.regions ?? []), ...(hints.headings ?? [])];
  for (const { l, i } of content) {
    if (reasonOf.has(i)) continue;
    if (marked.some((r) => r.start < l.end && l.start < r.end)) continue;
    const t = l.text.trim();
    if (commentsFrom >= 0 && i >= commentsFrom) {
      reasonOf.set(i, 'comments');
      continue;
    }
    if (TAGS.test(t) || FURNITURE.test(t)) reasonOf.set(i, 'navigation');
    else if (TRAILER.test(t)) reasonOf.set(i, 'byline');
    else if (CAPTION.test(t)) reasonOf.set(i, 'caption');
    else if (i - firstContent <= 6 && (BYLINE.test(t) || (DATELINE_BYLINE.test(t) && wordCount(t) <= 12) || DATE_ONLY.test(t))) reasonOf.set(i, 'byline');
    else if (PUBLISHED_AT.test(t) || AUTHOR_BIO.test(t)) reasonOf.set(i, 'byline');
    else if (
      !terminal(t) &&
      /^[“"‘'(]?[A-Z0-9]/.test(t) &&
      i !== content[content.length - 1].i &&
      !/[a-z0-9)][.!?]["”’]?\s+[A-Z]/.test(t) &&
      (wordCount(t) <= 14 || (content.findIndex((c) => c.i === i) <= 4 && wordCount(t) <= 30))
    )
      // Short unpunctuated lines are headings (of the text after them); near the top, a longer one is the
      // standfirst under the title. The last line heads nothing, and sentences of prose are no heading.
      reasonOf.set(i, 'heading');
  }

  // A paragraph repeated word for word (a pull quote, a lead printed twice, a second copy of the page): only
  // its first copy is read.
  const seen = new Set<string>();
  for (const { l, i } of content) {
    const key = l.text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    if (key.length < 40) continue;
    if (seen.has(key) && !reasonOf.has(i)) reasonOf.set(i, 'navigation');
    seen.add(key);
  }

  // Merge line reasons into spans, then add regions the markup gave.
  const excluded: Region[] = [];
  for (const { l, i } of content) {
    const reason = reasonOf.get(i);
    if (!reason) continue;
    const lead = l.text.length - l.text.trimStart().length;
    const span = { start: l.start + lead, end: l.start + l.text.trimEnd().length, reason };
    const last = excluded[excluded.length - 1];
    if (last && last.reason === reason && /^\s*$/.test(text.slice(last.end, span.start))) last.end = span.end;
    else excluded.push(span);
  }
  if (hints.headings) {
    for (const h of hints.headings) if (!titleSpan || h.start !== titleSpan.start) excluded.push({ start: h.start, end: h.end, reason: 'heading' });
    if (titleSpan && h1) excluded.push({ ...titleSpan, reason: 'title' });
  }
  for (const r of hints.regions ?? []) excluded.push(r);
  // The dateline that opens the lead: kept out of the body, so neither its place nor its date is an event's.
  let leads = 0;
  for (const { l, i } of content) {
    if (leads >= 3) break;
    if (reasonOf.has(i) || marked.some((r) => r.start <= l.start && l.end <= r.end)) continue;
    leads++;
    const m = DATELINE.exec(l.text);
    if (m && !/^\s*(?:A|I|AN|THE|IN|ON|AT|BY|IF|AS)\s*[—–-]/.test(m[0])) {
      const lead = l.text.length - l.text.trimStart().length;
      excluded.push({ start: l.start + lead, end: l.start + m[0].trimEnd().length, reason: 'byline' });
      break;
    }
  }
  const merged = normalizeRegions(excluded);
  return { titleSpan, title, excluded: merged, body: complement(text, merged) };
}

/** Sort, and let an enclosing region win over what it encloses (a heading inside the comments is comments). */
function normalizeRegions(regions: Region[]): Region[] {
  const rank: Record<ExcludedReason, number> = { comments: 0, navigation: 1, byline: 2, caption: 3, title: 4, heading: 5 };
  const sorted = [...regions].sort((a, b) => a.start - b.start || b.end - a.end || rank[a.reason] - rank[b.reason]);
  const out: Region[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start < last.end) {
      if (r.end > last.end) out.push({ ...r, start: last.end });
      continue;
    }
    out.push({ ...r });
  }
  return out.filter((r) => r.end > r.start);
}

function complement(text: string, excluded: Span[]): Span[] {
  const body: Span[] = [];
  let at = 0;
  const push = (a: number, b: number) => {
    while (a < b && /\s/.test(text[a])) a++;
    while (b > a && /\s/.test(text[b - 1])) b--;
    if (b > a) body.push({ start: a, end: b });
  };
  for (const r of excluded) {
    push(at, r.start);
    at = Math.max(at, r.end);
  }
  push(at, text.length);
  return body;
}
