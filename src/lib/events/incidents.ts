import type { Place } from '../gazetteer/types';
import type { Toponym } from '../geoparse/types';
import type { EventType } from '../geojson/types';
import { findActors } from './actors';
import { findCounts, type Count, type CountField } from './counts';
import { anaphoricDay, findDates, type ArticleDate, type DateMention, type TimePrecision } from './dates';
import {
  AGGREGATE, AIR_PLATFORM, CIVILIAN, IRREALIS, MOVEMENT_BEFORE, NEAR_AFTER, NEAR_BEFORE, PART_BEFORE, TRIGGERS, type TriggerKind
} from './lexicon';
import { contains, KIND_RANK } from './places';
import type { Sentence } from './text/sentences';

type Span = { start: number; end: number };

export interface TriggerHit extends Span {
  kind: TriggerKind;
  noun: boolean;
  text: string;
}

export interface PlaceChoice {
  toponym: Toponym;
  place: Place;
  geoPrecision: 1 | 2 | 3;
}

export interface DateChoice {
  date: string | null;
  precision: TimePrecision;
  text: string | null;
  /** How the date was found: in the frame, carried over from nearby sentences, or the article's own date. */
  how: 'explicit' | 'inherited' | 'article' | 'none';
}

/** One reported incident in one sentence of one article, before merging. */
export interface IncidentDraft {
  article: string;
  sentence: Sentence;
  triggers: TriggerHit[];
  /** A past event mentioned in passing ("the 2007 Karbala attack"). */
  background: boolean;
  place: PlaceChoice | null;
  /** The sentence that named the place, when it is not the event's sentence. */
  placeSentence: Sentence | null;
  date: DateChoice;
  counts: Partial<Record<CountField, Count>>;
  actor1: string | null;
  actor2: string | null;
  actors: string[];
  eventType: EventType;
  subEventType: string;
  confidence: number;
}

export interface SentenceAnalysis {
  sentence: Sentence;
  /** Incidents with or without a place (those without may get one from the next sentence, or add detail). */
  drafts: IncidentDraft[];
  /** True when the sentence reports no event of its own (it may still name where the previous one happened). */
  eventless: boolean;
  dates: DateMention[];
}

const within = (s: Span, r: Span) => s.start >= r.start && s.end <= r.end;
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** Spans of a clause that are out of fact: from a negation or modal cue to the end of its clause. */
export function irrealisSpans(text: string, base: number): Span[] {
  const spans: Span[] = [];
  IRREALIS.lastIndex = 0;
  for (const m of text.matchAll(IRREALIS)) {
    if (m[0] === 'May' || m[0] === 'Will' && /^\s+[A-Z]/.test(text.slice(m.index! + 4))) continue; // the month; a name
    const rest = text.slice(m.index!);
    const stop = rest.search(/[,;:—–]|$/);
    spans.push({ start: base + m.index!, end: base + m.index! + (stop > 0 ? stop : rest.length) });
  }
  return spans;
}

export function findTriggers(text: string, base: number): TriggerHit[] {
  const hits: TriggerHit[] = [];
  for (const t of TRIGGERS) {
    t.re.lastIndex = 0;
    for (const m of text.matchAll(t.re)) hits.push({ kind: t.kind, noun: t.noun, start: base + m.index!, end: base + m.index! + m[0].length, text: m[0] });
  }
  // Where patterns overlap ("drone strike" and "strike") the earlier-listed, more specific one wins.
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: TriggerHit[] = [];
  for (const h of hits) {
    const clash = out.find((o) => overlaps(o, h));
    if (!clash) out.push(h);
    else if (TRIGGERS.findIndex((t) => t.kind === h.kind) < TRIGGERS.findIndex((t) => t.kind === clash.kind) && h.end - h.start >= clash.end - clash.start)
      out.splice(out.indexOf(clash), 1, h);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Replace the given spans of `text` (offset `base`) by spaces, keeping every offset. */
function blank(text: string, base: number, spans: Span[]): string {
  const chars = [...text];
  let out = '';
  let i = 0;
  for (const ch of chars) {
    const at = base + i;
    out += spans.some((s) => at >= s.start && at < s.end) ? ' '.repeat(ch.length) : ch;
    i += ch.length;
  }
  return out;
}

/** Choose the place of an event among the place names in its frame. */
export function choosePlace(text: string, toponyms: Toponym[], frame: Span[], triggers: TriggerHit[]): PlaceChoice | null {
  type Cand = { t: Toponym; place: Place; near: boolean; part: boolean; context: boolean };
  const cands: Cand[] = [];
  for (const t of toponyms) {
    if (!t.place || !frame.some((f) => within(t, f))) continue;
    const before = text.slice(Math.max(0, t.start - 60), t.start);
    const after = text.slice(t.end, t.end + 30);
    if (MOVEMENT_BEFORE.test(before)) continue; // where things move from or to: routes, not incidents
    if (/^['’]s?\b/.test(after) && !/^['’]s\s+(?:outskirts|suburbs|centre|center|province)/.test(after)) continue; // "Iran's Qods Force"
    if (/\b(?:Forces?|Army|Division|Command|Corps)\s+$/.test(before)) continue; // "Multinational Forces Iraq"
    cands.push({ t, place: t.place, near: NEAR_BEFORE.test(before) || NEAR_AFTER.test(after), part: PART_BEFORE.test(before), context: false });
  }
  if (!cands.length) return null;
  // A place that only situates another ("Musayyib, just south of Baghdad", "Numaniyah near Al Kut in Wasit province").
  for (const [i, c] of cands.entries()) {
    const prev = cands[i - 1];
    if (!prev) continue;
    const gap = text.slice(prev.t.end, c.t.start);
    if (gap.length > 40) continue;
    if ((c.near && !prev.near) || contains(c.place, prev.place)) c.context = true;
  }
  const firstTrigger = triggers[0]?.start ?? 0;
  const pool = cands.filter((c) => !c.context);
  const choices = (pool.length ? pool : cands).sort(
    (a, b) =>
      Number(a.near) - Number(b.near) ||
      KIND_RANK[b.place.kind] - KIND_RANK[a.place.kind] ||
      Math.abs(a.t.start - firstTrigger) - Math.abs(b.t.start - firstTrigger)
  );
  const c = choices[0];
  const kind = c.place.kind;
  const geoPrecision: 1 | 2 | 3 = kind === 'country' || kind === 'admin1' ? 3 : kind === 'admin2' ? 2 : c.near || c.part ? 2 : 1;
  return { toponym: c.t, place: c.place, geoPrecision };
}

/** ACLED event type and sub-event type of a frame. */
export function classify(kinds: Set<TriggerKind>, frameText: string): { eventType: EventType; subEventType: string } {
  const violent = ['kill', 'attack', 'raid', 'siege', 'strike', 'airstrike', 'shelling', 'explosive', 'suicide', 'kidnap'].some((k) => kinds.has(k as TriggerKind));
  if (kinds.has('seizure') && !kinds.has('kill') && !kinds.has('attack')) return { eventType: 'Strategic developments', subEventType: 'Disrupted weapons use' };
  if (kinds.has('airstrike') || ((kinds.has('strike') || kinds.has('kill') || kinds.has('attack')) && AIR_PLATFORM.test(frameText)))
    return { eventType: 'Explosions/Remote violence', subEventType: 'Air/drone strike' };
  if (kinds.has('suicide')) return { eventType: 'Explosions/Remote violence', subEventType: 'Suicide bomb' };
  if (kinds.has('shelling')) return { eventType: 'Explosions/Remote violence', subEventType: 'Shelling/artillery/missile attack' };
  if (kinds.has('explosive')) return { eventType: 'Explosions/Remote violence', subEventType: 'Remote explosive/landmine/IED' };
  const civilians = CIVILIAN.test(frameText);
  if (kinds.has('kidnap') && civilians) return { eventType: 'Violence against civilians', subEventType: 'Abduction/forced disappearance' };
  if ((kinds.has('kill') || kinds.has('attack')) && civilians && !kinds.has('raid')) return { eventType: 'Violence against civilians', subEventType: 'Attack' };
  if (kinds.has('capture') && !violent) return { eventType: 'Strategic developments', subEventType: 'Arrests' };
  if (kinds.has('siege') && !kinds.has('kill')) return { eventType: 'Battles', subEventType: 'Armed clash' };
  return { eventType: 'Battles', subEventType: 'Armed clash' };
}

const BACKGROUND_LEAD = /\b(?:behind|of|for|after|since|before|than|like|with|avenge|revenge for)\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,3}$/i;
const HABITUAL_NOUN = /^(?:attacks|raids|kidnappings|assassinations|strikes|killings|bombings|ambushes|operations|airstrikes|clashes)$/i;

interface Frame {
  ranges: Span[];
  triggers: TriggerHit[];
  background: boolean;
}

/** Split a clause into its main frame and background mentions of other events. */
function frames(text: string, clause: Span, triggers: TriggerHit[], toponyms: Toponym[], masked: Span[]): Frame[] {
  const rel = (n: number) => n - clause.start;
  const bg: Frame[] = [];
  const main: TriggerHit[] = [];
  for (const t of triggers) {
    const lead = text.slice(clause.start, t.start);
    const isNounUse = t.noun || /ing$/.test(t.text);
    if (isNounUse && (main.length || bg.length || /\S/.test(lead)) && BACKGROUND_LEAD.test(lead)) {
      const inNp = bg.find((b) => b.ranges.some((r) => within(t, r)));
      if (inNp) {
        inNp.triggers.push(t);
        continue;
      }
      const leadMatch = BACKGROUND_LEAD.exec(lead)!;
      const npStart = clause.start + leadMatch.index + leadMatch[0].search(/\S+\s*$/) - (leadMatch[0].length - leadMatch[0].trimEnd().length);
      const npFrom = clause.start + leadMatch.index + (/^\S+/.exec(leadMatch[0])?.[0].length ?? 0);
      const compound = toponyms.some((p) => p.place && p.start >= npFrom && p.end <= t.start);
      let end: number;
      if (compound) {
        const coord = /^(?:\s+and\s+\w+)?/.exec(text.slice(t.end, clause.end))![0];
        end = t.end + coord.length;
      } else {
        const rest = text.slice(t.end, clause.end);
        const stop = rest.search(/[,;]/);
        end = stop >= 0 ? t.end + stop : clause.end;
      }
      void npStart;
      bg.push({ ranges: [{ start: npFrom, end }], triggers: [t], background: true });
    } else main.push(t);
  }
  // Triggers that fall inside a background phrase belong to it.
  const mainTriggers = main.filter((t) => {
    const holder = bg.find((b) => b.ranges.some((r) => within(t, r)));
    if (holder) holder.triggers.push(t);
    return !holder;
  });
  const mainRanges: Span[] = [];
  let at = clause.start;
  for (const b of bg.sort((x, y) => x.ranges[0].start - y.ranges[0].start)) {
    if (b.ranges[0].start > at) mainRanges.push({ start: at, end: b.ranges[0].start });
    at = Math.max(at, b.ranges[0].end);
  }
  if (at < clause.end) mainRanges.push({ start: at, end: clause.end });
  void rel;
  void masked;
  const out: Frame[] = [];
  if (mainTriggers.length) out.push({ ranges: mainRanges, triggers: mainTriggers, background: false });
  return [...out, ...bg];
}

/** Analyse one sentence: its incidents (with or without a place) and whether it reports any event at all. */
export function analyseSentence(
  text: string,
  sentence: Sentence,
  toponyms: Toponym[],
  article: ArticleDate | null,
  articleId: string
): SentenceAnalysis {
  const dates = findDates(sentence.text, article, sentence.start);
  const result: SentenceAnalysis = { sentence, drafts: [], eventless: true, dates };
  if (/\?["”’)]*$/.test(sentence.text.trim())) return result; // questions report nothing
  const clauses: Span[] = [];
  let at = sentence.start;
  for (const m of sentence.text.matchAll(/;\s*|\s+as well as\s+/g)) {
    clauses.push({ start: at, end: sentence.start + m.index! });
    at = sentence.start + m.index! + m[0].length;
  }
  clauses.push({ start: at, end: sentence.end });
  const dateSpans = dates.map((d) => ({ start: d.start, end: d.end }));

  for (const clause of clauses) {
    const clauseText = text.slice(clause.start, clause.end);
    const masked = irrealisSpans(clauseText, clause.start);
    const triggers = findTriggers(clauseText, clause.start).filter((t) => !masked.some((m) => overlaps(m, t)));
    if (!triggers.length) continue;
    result.eventless = false;
    if (AGGREGATE.test(blank(clauseText, clause.start, masked))) continue;
    for (const frame of frames(text, clause, triggers, toponyms, masked)) {
      const frameText = blank(text.slice(clause.start, clause.end), clause.start, [
        ...masked,
        ...complementOf(clause, frame.ranges)
      ]);
      const kinds = new Set(frame.triggers.map((t) => t.kind));
      const counts = findCounts(frameText, clause.start, dateSpans);
      // Habitual or generic mentions ("conducted attacks against … forces") report no single event.
      const bare = frame.triggers.every((t) => t.noun && HABITUAL_NOUN.test(t.text) && !/\b(?:the|a|an|two|three|four|five|several|separate|these|those|\d+)\s+(?:[\w-]+\s+){0,2}$/i.test(text.slice(Math.max(clause.start, t.start - 40), t.start)));
      const frameDates = dates.filter((d) => frame.ranges.some((r) => within(d, r)) && !masked.some((m) => overlaps(m, d)));
      if (bare && !Object.keys(counts).length && !frameDates.length) continue;
      const place = choosePlace(text, toponyms, frame.ranges.map((r) => subtract(r, masked)).flat(), frame.triggers);
      const { eventType, subEventType } = classify(kinds, frameText);
      const actorsFound = findActors(frameText, clause.start);
      const pivot = frame.triggers[0];
      const passive = /\b(?:was|were|been|being|be|is|are)\s+(?:\w+\s+){0,2}$/i.test(text.slice(clause.start, pivot.start));
      const byAgent = /\bby\s+(?:the\s+)?$/i;
      const initiators: string[] = [];
      const targets: string[] = [];
      for (const a of actorsFound) {
        const agent = byAgent.test(text.slice(Math.max(clause.start, a.start - 12), a.start));
        if (agent || (!passive && a.end <= pivot.start)) initiators.push(a.name);
        else targets.push(a.name);
      }
      const actors = [...new Set([...initiators, ...targets])];
      let date: DateChoice = { date: null, precision: 3, text: null, how: 'none' };
      const explicit = frameDates.find((d) => !d.since) ?? frameDates[0];
      if (explicit) date = { date: explicit.date, precision: explicit.precision, text: explicit.text, how: 'explicit' };
      else if (frame.background) {
        // A background mention may carry the clause's date when the main clause has no event of its own.
        const free = dates.find((d) => within(d, clause) && !masked.some((m) => overlaps(m, d)));
        if (free && !frames(text, clause, triggers, toponyms, masked).some((f) => !f.background)) date = { date: free.date, precision: free.precision, text: free.text, how: 'explicit' };
      }
      result.drafts.push({
        article: articleId,
        sentence,
        triggers: frame.triggers,
        background: frame.background,
        place,
        placeSentence: null,
        date,
        counts,
        actor1: initiators[0] ?? null,
        actor2: targets[0] ?? null,
        actors,
        eventType,
        subEventType,
        confidence: 0
      });
      void anaphoricDay;
    }
  }
  return result;
}

function complementOf(outer: Span, inner: Span[]): Span[] {
  const out: Span[] = [];
  let at = outer.start;
  for (const r of [...inner].sort((a, b) => a.start - b.start)) {
    if (r.start > at) out.push({ start: at, end: r.start });
    at = Math.max(at, r.end);
  }
  if (at < outer.end) out.push({ start: at, end: outer.end });
  return out;
}

function subtract(r: Span, holes: Span[]): Span[] {
  return complementOf(r, holes.filter((h) => overlaps(h, r)).map((h) => ({ start: Math.max(h.start, r.start), end: Math.min(h.end, r.end) })));
}

export { anaphoricDay };
