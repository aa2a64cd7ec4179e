import type { Place } from '../gazetteer/types';
import type { Toponym } from '../geoparse/types';
import type { EventType } from '../geojson/types';
import { aliasesOf, findActors } from './actors';
import { findCounts, type Count, type CountField } from './counts';
import { anaphoricDay, findDates, type ArticleDate, type DateMention, type TimePrecision } from './dates';
import {
  AGGREGATE, AIR_PLATFORM, ARMED, CIVILIAN, CROWD, FORCE_ON_CROWD, INTERVENTION, IRREALIS, MOVEMENT_BEFORE, NEAR_AFTER, NEAR_BEFORE, PART_BEFORE, TRIGGERS, type TriggerKind
} from './lexicon';
import { contains, distanceKm, KIND_RANK } from './places';
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
  /** The place as named when the gazetteer does not have it ("Qasirin"): `place` is then only its country. */
  unlocatedName?: string;
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
  /** Only a definite reference to an event by its place ("the Karbala attack"): dated only by its own words. */
  reference: boolean;
  /** Said to be another event than one told before ("another leader", "four other leaders"): never merged in its article. */
  distinct: boolean;
  place: PlaceChoice | null;
  /** The sentence that named the place, when it is not the event's sentence. */
  placeSentence: Sentence | null;
  date: DateChoice;
  counts: Partial<Record<CountField, Count>>;
  actor1: string | null;
  actor2: string | null;
  actors: string[];
  /** Canonical actor name → the other spellings the text used. */
  actorAliases: Record<string, string[]>;
  eventType: EventType;
  subEventType: string;
  confidence: number;
}

export interface SentenceAnalysis {
  sentence: Sentence;
  /** Spans of background mentions ("the 2007 Karbala attack"): their dates are not carried to later sentences. */
  background: Span[];
  /** Incidents with or without a place (those without may get one from the next sentence, or add detail). */
  drafts: IncidentDraft[];
  /** True when the sentence reports no event of its own (it may still name where the previous one happened). */
  eventless: boolean;
  dates: DateMention[];
}

const within = (s: Span, r: Span) => s.start >= r.start && s.end <= r.end;
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

const PREVENTION = /^(?:foil(?:s|ed)?|prevent(?:s|ed|ing)?|avoid(?:s|ed|ing)?)$/i;

/** Spans of a clause that are out of fact: from a negation or modal cue to the end of its clause. */
export function irrealisSpans(text: string, base: number, opts: { places?: boolean } = {}): Span[] {
  const spans: Span[] = [];
  IRREALIS.lastIndex = 0;
  for (const m of text.matchAll(IRREALIS)) {
    if (m[0] === 'May' || m[0] === 'Will' && /^\s+[A-Z]/.test(text.slice(m.index! + 4))) continue; // the month; a name
    // What was foiled or prevented did not happen, but where it was foiled is where the (real) foiling happened.
    if (opts.places && PREVENTION.test(m[0])) continue;
    const rest = text.slice(m.index!);
    // Scope: to the end of the clause, not into an adverbial clause ("would meet when smuggling …"); degree
    // adverbs ("nearly invaded Afghanistan") only over their verb and its object.
    let stop = rest.search(/[,;:—–]|\s(?:when|while|whenever|as|after|before|because|since|in revenge for)\s|$/);
    if (/^(?:nearly|almost)$/i.test(m[0])) {
      const vp = /^\S+\s+\S+(?:\s+\S+)?/.exec(rest);
      if (vp) stop = Math.min(stop < 0 ? rest.length : stop, vp[0].length);
    }
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

/** After a possessive: a named or unnamed part of the place ("'s Kutkai Township", "'s Hayatabad area", "'s outskirts"). */
const POSSESSED_PART =
  /^(?:\s+(?:[Pp]rovince|[Dd]istrict|[Ss]tate|[Rr]egion|[Dd]ivision|[Cc]ounty))?['’`]s\s+(?:(?:[A-Z][\w'’-]+|north|south|east|west|northern|southern|eastern|western|central|remote|border)\s+){0,3}(?:outskirts|suburbs?|centre|center|province|district|township|area|village|town|city|region|county|upazila|tehsil|sub-?division|neighbou?rhood|valley|agency|block|commune|municipality|state|capital|border|countryside)\b/i;

/** "Avadi residents", "Tohana farmers": a crowd named by its town. */
const CROWD_AFTER = /^\s+(?:residents|villagers|farmers|traders|students|workers|locals|people|youths|lawyers|teachers|doctors|activists|shopkeepers|vendors|citizens|inhabitants|dwellers)\b/i;

/** Facilities named after their town: the town is where they are. */
const FACILITY_AFTER =
  /^\s+(?:[A-Z][\w-]*\s+)?(?:[Pp]ress [Cc]lub|[Pp]olice [Ss]tation|[Rr]ailway [Ss]tation|[Bb]us (?:[Ss]tand|[Ss]tation|[Tt]erminal)|[Aa]irport|[Gg]rid [Ss]tation|[Cc]ourt|[Jj]ail|[Pp]rison|[Bb]azaar|[Mm]arket|[Ss]tadium|[Cc]antonment|[Bb]ypass|[Cc]howk|[Ss]quare|[Ss]ecretariat|[Cc]ollectorate|[Tt]own [Hh]all|[Cc]ity [Cc]orporation|[Mm]unicipal (?:[Cc]orporation|[Oo]ffice))\b/;

/** Below this geoparser confidence a resolved place is not trusted to place an event. */
const UNRELIABLE = 0.35;

/** Choose the place of an event among the place names in its frame. */
const OFFICE_BEFORE =
  /\b(?:inspector[- ]general|superintendent|commissioner|collector|magistrate|governor|commander|director[- ]general|(?:deputy\s+)?inspector|IGP|DIGP?|SSP|DGP|SP)(?:\s+of\s+(?:police|the\s+[\w-]+))?(?:\s*\([A-Z]{2,5}\))?\s*(?:\(|,\s*)$/i;

export function choosePlace(
  text: string,
  toponyms: Toponym[],
  frame: Span[],
  triggers: TriggerHit[],
  focusCountry: Place | null = null,
  /** For a crowd's event with no other place: where the crowd is from ("farmers from Tohana", "Avadi residents"). */
  crowdOrigin = false
): PlaceChoice | null {
  type Cand = { t: Toponym; place: Place; near: boolean; part: boolean; context: boolean; precision?: 2 | 3; unlocated?: boolean };
  const cands: Cand[] = [];
  const marching = triggers.length > 0 && triggers.every((t) => t.kind === 'protest');
  const arresting = triggers.some((t) => t.kind === 'capture');
  for (const t of toponyms) {
    if (!t.place || !frame.some((f) => within(t, f))) continue;
    // A continent or a region across borders ("the Middle East") is too vague to place an incident.
    if (t.place.kind === 'region' && !t.place.country) continue;
    const before = text.slice(Math.max(0, t.start - 60), t.start);
    const after = text.slice(t.end, t.end + 30);
    // Where things move from or to: routes, not incidents. A march is the exception: where it goes is where it is;
    // and people arrested "from Udayapur district" were arrested there.
    const fromCrowd = crowdOrigin && /\b(?:[a-z]+s|people|youths?)\s+from\s+(?:the\s+)?$/i.test(before);
    if (MOVEMENT_BEFORE.test(before) && !(marching && /\b(?:to|towards?|through|across|into)\s+(?:the\s+)?$/i.test(before)) && !(arresting && /\bfrom\s+(?:the\s+)?$/i.test(before)) && !fromCrowd) continue;
    // Where a statement was made ("the ministry said in Kabul") or someone's home town ("John Smith, 21, of Pittsburgh")
    // is not where the event was.
    if (/(?<!\b(?:was|were|been|being|is|are|be)\s+)\b(?:said|says|stated|told (?:\w+\s+){0,2}|announced|reported|added|confirmed|claimed|spoke|speaking|briefing|press conference|statement)\s+(?:\w+\s+){0,2}(?:in|from|at)\s+(?:the\s+)?$/i.test(before)) continue;
    if (/\b\d{1,3},\s+(?:of|from)\s+(?:the\s+)?$/i.test(before)) continue;
    // An official's jurisdiction in apposition to the title ("Inspector General of Police (Bastar)", "superintendent of
    // police (SP), Sukma") says who spoke, not where the event was.
    // The office as a building is a place ("demonstrated outside the office of deputy commissioner, Faridabad").
    if (OFFICE_BEFORE.test(before) && !/\b(?:office|residence|house|bungalow|headquarters|compound|gates?)\s+of\s+(?:the\s+)?[^,()]{0,40}[,(]\s*$/i.test(before)) continue;
    // Whose son someone is, or where someone is a native of, says nothing of where the event was.
    if (/\b(?:sons?|daughters?|wife|husband|father|mother|brothers?|sisters?|widow|nephew|niece|native|natives)\s+of\s+(?:the\s+|a\s+|an\s+)?(?:late\s+)?$/i.test(before)) continue;
    // "Iran's Qods Force" names no location; "Shan State's Kutkai Township", "Peshawar's outskirts" place the event in part of it.
    const possessive = /^(?:\s+(?:[Pp]rovince|[Dd]istrict|[Ss]tate|[Rr]egion|[Dd]ivision|[Cc]ounty))?['’`]s?\b/.test(after);
    // "East Delhi's Shakarpur": a town's or province's named part (not a country's, not its forces or officials).
    const namedPart = possessive && t.place.kind !== 'country' && /^(?:\s+(?:[Pp]rovince|[Dd]istrict|[Ss]tate|[Rr]egion|[Dd]ivision|[Cc]ounty|[Tt]ownship))?['’]s\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?![\w-])(?!\s+(?:Force|Forces|Army|Police|Corps|Guards?|Governor|Minister|Ministry|Government|University|Hospital|Party|League|Front|Council|Chief|Mayor|President|Court)\b)/.test(after);
    const partOf = possessive && (POSSESSED_PART.test(after) || namedPart);
    if (possessive && !partOf) continue;
    if (/\b(?:Forces?|Army|Division|Command|Corps)\s+$/.test(before)) continue; // "Multinational Forces Iraq"
    // A name used as a modifier ("US military", "Kabul Police") names no location unless a preposition places it.
    // "in X", "in the town of X", "in Kunduz's X", "of Tehsil X", "at village X".
    const locative = /\b(?:in|inside|at|near|outside|around|across|throughout|within|of|on|under)\s+(?:the\s+)?(?:(?:north|south|east|west|central)\w*\s+|(?:town|city|village|province|district|region|neighbou?rhood|area|outskirts|capital)\s+of\s+(?:the\s+)?|(?:[\w'’-]+\s+){1,2}of\s+|(?:[A-Z][\w-]+\s+){0,2}[A-Z][\w-]+(?:\s+(?:[Pp]rovince|[Dd]istrict|[Ss]tate|[Rr]egion|[Dd]ivision|[Tt]ownship))?['’]s\s+|(?:tehsil|district|village|town|city|upazila|union|block|township|commune|county|sector|mouza|ward)\s+)?$/i.test(before);
    const attributive = /^\s+(?:[a-z][\w-]*|Forces?|Army|Police|Military|Special|Coalition|Security)\b/.test(after) && !/^\s+(?:and|or|in|on|at|to|from|was|were|is|are|has|had|province|city|district|region|governorate|area)\b/.test(after);
    // A town naming a facility ("stormed the Mardan grid station", "the Quetta press club") places it.
    const facility = t.place.kind !== 'country' && FACILITY_AFTER.test(after);
    const crowdOf = crowdOrigin && t.place.kind !== 'country' && t.place.kind !== 'admin1' && CROWD_AFTER.test(after);
    if (!locative && !partOf && !facility && !crowdOf && !fromCrowd && (attributive || t.place.kind === 'country')) continue;
    // The container the text names decides where the place's namesake is not in it ("Para" in "Dakir Para village,
    // Palashbari upazila" resolved to a Brazilian state): the event goes on the container, at its precision.
    const unreliable = Number.isFinite(t.confidence) && t.confidence < UNRELIABLE;
    const container = t.container && (unreliable || !contains(t.container.place, t.place)) ? t.container : null;
    if (container) {
      cands.push({ t, place: container.place, near: false, part: false, context: false, precision: container.precision });
      continue;
    }
    // A resolution the geoparser itself thinks more likely wrong than right places no event (a namesake abroad is the
    // worst thing the map can show); the event stays unplaced unless another name or a container places it.
    if (unreliable) continue;
    cands.push({ t, place: t.place, near: NEAR_BEFORE.test(before) || NEAR_AFTER.test(after), part: PART_BEFORE.test(before) || partOf, context: false });
  }
  // Places the gazetteer lacks, named where the event happened, on the container the text names for them.
  for (const t of toponyms) {
    if (t.place || !t.container || !frame.some((f) => within(t, f))) continue;
    const before = text.slice(Math.max(0, t.start - 60), t.start);
    if (MOVEMENT_BEFORE.test(before)) continue;
    cands.push({ t, place: t.container.place, near: false, part: false, context: false, precision: t.container.precision, unlocated: true });
  }
  if (!cands.length) return focusCountry ? unlocatedPlace(text, toponyms, frame, focusCountry) : null;
  cands.sort((a, b) => a.t.start - b.t.start);
  // A place that only situates another ("Musayyib, just south of Baghdad", "Numaniyah near Al Kut in Wasit province").
  for (const [i, c] of cands.entries()) {
    const prev = cands[i - 1];
    if (!prev) continue;
    const gap = text.slice(prev.t.end, c.t.start);
    if (gap.length > 40) continue;
    if ((c.near && !prev.near) || contains(c.place, prev.place)) c.context = true;
  }
  // A place said to lie near another ("Qasirin, north of Baghdad") but resolved far from it contradicts the text:
  // keep the place the text is sure of, at the precision of "near".
  for (const [i, c] of cands.entries()) {
    const next = cands[i + 1];
    if (!next || !next.near || next.t.start - c.t.end > 40) continue;
    if (!/^[\s,]*(?:just\s+|some\s+)?(?:(?:north|south|east|west)(?:east|west)?(?:ern)?\s+of|near|outside)\s/i.test(text.slice(c.t.end, next.t.start) + ' ')) continue;
    if (distanceKm(c.place, next.place) > 150) {
      c.context = true;
      next.context = false;
    } else next.context = true;
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
  const byKind: 1 | 2 | 3 = kind === 'country' || kind === 'admin1' || kind === 'region' ? 3 : kind === 'admin2' ? 2 : c.near || c.part ? 2 : 1;
  const geoPrecision: 1 | 2 | 3 = c.precision ? (Math.max(c.precision, byKind) as 2 | 3) : byKind;
  return { toponym: c.t, place: c.place, geoPrecision, ...(c.unlocated ? { unlocatedName: c.t.text } : {}) };
}

/**
 * An event at a place the gazetteer lacks ("a raid in Qasirin") is kept rather than lost: it is placed in the
 * country the article is most about, at geo precision 3, under the name as written.
 */
function unlocatedPlace(text: string, toponyms: Toponym[], frame: Span[], focusCountry: Place): PlaceChoice | null {
  const named = toponyms.find(
    (t) => !t.place && frame.some((f) => within(t, f)) && /\b(?:in|at|near|outside|inside)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, t.start - 20), t.start))
  );
  return named ? { toponym: named, place: focusCountry, geoPrecision: 3, unlocatedName: named.text } : null;
}

/**
 * The country an article's place names fall in most often, as a gazetteer place (when the article names it).
 * A country named as a modifier ("US forces") counts for little: it says who, not where.
 */
export function focusCountryOf(text: string, toponyms: Toponym[]): Place | null {
  const byCountry = new Map<string, { n: number; country: Place | null }>();
  for (const t of toponyms) {
    if (!t.place || !t.place.country) continue;
    const e = byCountry.get(t.place.country) ?? { n: 0, country: null };
    const placed = /\b(?:in|into|inside|across|throughout|within|from|to|of)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, t.start - 20), t.start));
    e.n += t.place.kind === 'country' && !placed ? 0.25 : 1;
    if (t.place.kind === 'country') e.country = t.place;
    byCountry.set(t.place.country, e);
  }
  const best = [...byCountry.values()].sort((a, b) => b.n - a.n)[0];
  return best?.country ?? null;
}

/** Armed people named as perpetrators ("armed men", "gunmen"): never the civilians a frame is about. */
const ARMED_MEN = /\b(?:armed|masked|unidentified|unknown|suspected|miscreant|gun-?toting|motorcycle-borne|bike-borne)\s+(?:\w+\s+)?m[ae]n\b/gi;

/**
 * ACLED event type and sub-event type of a frame (codebook 2019+), from its cues and who it names: a crowd with a
 * protest cue protests; with a riot cue, or violence of its own, it riots; remote weapons decide over the target;
 * violence against named civilians (and no armed party on the receiving side) is violence against civilians;
 * arrests, seizures, agreements and movements without violence are strategic developments.
 */
export function classify(kinds: Set<TriggerKind>, frameText: string): { eventType: EventType; subEventType: string } {
  const has = (...k: TriggerKind[]) => k.some((x) => kinds.has(x));
  const violentKinds: TriggerKind[] = ['kill', 'attack', 'clash', 'shooting', 'raid', 'siege', 'strike', 'airstrike', 'shelling', 'explosive', 'suicide', 'grenade', 'incendiary', 'kidnap', 'sexual', 'arson', 'riot'];
  const violent = has(...violentKinds);
  const people = frameText.replace(ARMED_MEN, ' ');
  const civilians = CIVILIAN.test(people);
  const armed = ARMED.test(people);
  if (has('regain') && !has('protest')) return { eventType: 'Battles', subEventType: 'Government regains territory' };
  if (has('overtake') && !has('protest', 'riot')) return { eventType: 'Battles', subEventType: 'Non-state actor overtakes territory' };
  const remote = has('airstrike', 'shelling', 'explosive', 'suicide', 'grenade') || (has('strike') && !has('raid', 'protest'));
  if ((has('protest', 'riot') || (has('arson', 'loot') && CROWD.test(people) && !armed)) && !remote) {
    // A crowd that riots: a riot cue, or a protest that turned to violence of its own (arson, looting, attacks).
    const crowdViolence = has('riot') || (has('arson', 'loot', 'incendiary') && !FORCE_ON_CROWD.test(people)) || (has('clash', 'attack') && has('protest') && !has('kill'));
    if (crowdViolence) return { eventType: 'Riots', subEventType: has('protest') || /\b(?:protest|demonstrat|rall(?:y|ies)|bandh|hartal|strike)/i.test(people) ? 'Violent demonstration' : 'Mob violence' };
    if (has('kill') && FORCE_ON_CROWD.test(people)) return { eventType: 'Protests', subEventType: 'Excessive force against protesters' };
    if (has('capture', 'shooting', 'harm') || INTERVENTION.test(people)) return { eventType: 'Protests', subEventType: 'Protest with intervention' };
    return { eventType: 'Protests', subEventType: 'Peaceful protest' };
  }
  if (has('seizure') && !has('kill', 'attack', 'clash')) {
    const contraband = !new RegExp(WEAPON_WORDS, 'i').test(frameText);
    return { eventType: 'Strategic developments', subEventType: contraband ? 'Other' : 'Disrupted weapons use' };
  }
  if (has('defuse') && !has('kill', 'attack', 'clash') && !(has('explosive') && has('harm'))) return { eventType: 'Strategic developments', subEventType: 'Disrupted weapons use' };
  // Two sides fighting with artillery among their weapons is a battle; remote violence is one side out of reach.
  if (has('clash') && has('shelling', 'grenade') && !has('airstrike', 'suicide', 'explosive') && !/\b(?:after|before|following|amid)\b/i.test(frameText))
    return { eventType: 'Battles', subEventType: 'Armed clash' };
  // "strike" in conflict reporting is a remote (air, drone, missile) strike; a ground operation is a raid or attack.
  if (has('airstrike') || (has('strike') && !has('raid')) || (has('kill', 'attack') && AIR_PLATFORM.test(frameText)))
    return { eventType: 'Explosions/Remote violence', subEventType: 'Air/drone strike' };
  if (has('suicide')) return { eventType: 'Explosions/Remote violence', subEventType: 'Suicide bomb' };
  if (has('shelling')) return { eventType: 'Explosions/Remote violence', subEventType: 'Shelling/artillery/missile attack' };
  if (has('grenade')) return { eventType: 'Explosions/Remote violence', subEventType: 'Grenade' };
  if (has('explosive')) return { eventType: 'Explosions/Remote violence', subEventType: 'Remote explosive/landmine/IED' };
  if (has('sexual')) return { eventType: 'Violence against civilians', subEventType: 'Sexual violence' };
  if (has('kidnap')) return { eventType: 'Violence against civilians', subEventType: 'Abduction/forced disappearance' };
  // Crowds (party supporters, villagers, students) fighting each other or the police riot; organised armed groups
  // fighting each other or the state do battle.
  const organised = ORGANISED_ARMED.test(people);
  const riotKind = () => (FORCE_ON_CROWD.test(people) || /\b(?:protest|demonstrat|rall(?:y|ies)|bandh|hartal|strike|blockade)/i.test(people) ? 'Violent demonstration' : 'Mob violence');
  if (has('clash') && !organised && CROWD_AGENT.test(people) && !has('raid', 'siege')) return { eventType: 'Riots', subEventType: riotKind() };
  if (has('clash')) return { eventType: 'Battles', subEventType: 'Armed clash' };
  if (has('kill', 'attack', 'shooting', 'harm', 'incendiary', 'arson') && !has('raid', 'siege') && !organised && crowdAgent(people))
    return { eventType: 'Riots', subEventType: riotKind() };
  if (has('kill', 'attack', 'shooting', 'harm', 'incendiary', 'arson', 'raid', 'siege', 'clash')) {
    if (civilians && !has('raid', 'siege') && !armedTarget(people)) return { eventType: 'Violence against civilians', subEventType: 'Attack' };
    if (has('harm', 'incendiary', 'arson') && !has('kill', 'attack', 'shooting', 'raid', 'clash') && !armed) return { eventType: 'Violence against civilians', subEventType: 'Attack' };
    if (!has('kill', 'attack', 'shooting', 'raid', 'clash', 'siege', 'incendiary', 'arson') && has('capture')) return { eventType: 'Strategic developments', subEventType: 'Arrests' };
    return { eventType: 'Battles', subEventType: 'Armed clash' };
  }
  if (has('loot', 'arson')) return { eventType: 'Strategic developments', subEventType: 'Looting/property destruction' };
  if (has('capture') && !violent) return { eventType: 'Strategic developments', subEventType: 'Arrests' };
  if (has('agreement')) return { eventType: 'Strategic developments', subEventType: 'Agreement' };
  if (has('base')) return { eventType: 'Strategic developments', subEventType: 'Headquarters or base established' };
  if (has('group')) return { eventType: 'Strategic developments', subEventType: 'Change to group/activity' };
  if (has('overtake')) return { eventType: 'Battles', subEventType: 'Non-state actor overtakes territory' };
  return { eventType: 'Strategic developments', subEventType: 'Other' };
}

const WEAPON_WORDS = '\\b(?:weapons?|arms|munitions|explosives?|ammunition|ammo|rounds|cartridges|bullets|grenades?|pistols?|rifles?|guns?|firearms|revolvers?|bombs?|IEDs?|detonators|mines|rocket launchers?|mortars?|shells|cache)\\b';

/** Organised armed forces and groups: with them a fight is a battle, not a riot. */
const ORGANISED_ARMED = /\b(?:militants?|rebels?|insurgents?|guerrill?as?|fighters|terrorists?|separatists?|Maoists?|Naxal\w*|gunm[ae]n|assailants|attackers|armed (?:men|group|groups|cadres|miscreants)|militia\w*|extremists|jihadists|dacoits|bandits|pirates|troops|soldiers|army)\b/i;
/** People acting as a crowd: the ones who riot when they fight. */
const CROWD_WORDS = /\b(?:supporters|activists|workers|students|villagers|locals|mobs?|crowds?|protest(?:ers|ors)|demonstrators|cadres|youths|agitators|followers|rioters|party men|groups of (?:youths|people|villagers|students|locals))\b/i;
/** "BNP men", "Trinamool men": a party's men. */
const PARTY_MEN = /\b[A-Z][\w-]*\s+men\b/;
const CROWD_AGENT = { test: (s: string) => CROWD_WORDS.test(s) || PARTY_MEN.test(s), exec: (s: string) => CROWD_WORDS.exec(s) ?? PARTY_MEN.exec(s) };
/** A crowd as the one acting: named before the violence, or after "by". */
function crowdAgent(text: string): boolean {
  const m = CROWD_AGENT.exec(text);
  if (!m) return false;
  const firstViolence = /\b(?:attack|assault|beat|clash|kill|injur|wound|shot|fired|hack|stab|torch|set|hurl|threw|pelt|vandal|lynch)/i.exec(text);
  return !firstViolence || m.index < firstViolence.index || /\bby\s+(?:the\s+)?(?:\w+\s+){0,3}$/i.test(text.slice(Math.max(0, m.index - 30), m.index));
}

/** Is an armed party on the receiving end ("attacked a police post", "two soldiers were killed")? */
function armedTarget(text: string): boolean {
  const target = /\b(?:on|against|targeting|targeted|ambushed|attacked|shot|gunned down|killed|killing|wounded|wounding|injured|injuring)\s+(?!by\b)(?:a|an|the|two|three|four|five|several|\d+)?\s*(?:(?!(?:as|when|after|while|by|in|at|during|and|then|before)\b)[\w-]+\s+){0,2}?(?:soldiers?|troops?|army|police(?:m[ae]n)?|policem[ae]n|constables?|security (?:forces|personnel|men)|personnel|rangers|paramilitar\w*|jawans?|commandos?|guards?|militants?|rebels?|insurgents?|fighters|terrorists?|Maoists?|check-?posts?|outposts?|checkpoints?|patrols?|convoys?|camps?|bases?|barracks|police (?:station|post|vehicle|van|team|party))\b/i;
  const passive = /\b(?:soldiers?|troops?|police(?:m[ae]n)?|policem[ae]n|constables?|security (?:forces|personnel|men)|personnel|rangers|jawans?|commandos?|guards?|militants?|rebels?|insurgents?|fighters|terrorists?|Maoists?)\s+(?:\w+\s+){0,3}(?:was|were|have been|had been|got)\s+(?:\w+\s+)?(?:killed|injured|wounded|martyred|shot|attacked|ambushed|hurt)\b/i;
  return target.test(text) || passive.test(text);
}

const QUANTIFIED = /\b(?:series|wave|spate|string|number|couple|one|some|many|several|two|three|four|each|any|all|most|part|hundreds|thousands|dozens|scores|tens|crowds?|groups?|members)\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$/i;
const STATISTIC =
  /\b(?:\d+(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|latest)\s+(?:[\w-]+\s+){0,3}(?:soldiers?|troops?|persons?|people|civilians?|journalists?|members?|victims?|deaths?|killings?|attacks?|casualt(?:y|ies)|fatalit(?:y|ies)|person)\s+(?:to\s+(?:be|have been|die)\s+)?(?:\w+\s+){0,4}?(?:killed|to die|died|slain)?[^.;]*\b(?:since|this year|so far|to date)\b/i;

/**
 * Running totals ("About 2,300 troops have been killed since the invasion in 2001", "Over the same period, more
 * than 230 have been killed"): a count in the perfect over a period that is not a day of this week sums many events.
 */
/** A state told in the perfect ("Fighting has ravaged Myanmar since a coup in 2021"): with a period, ongoing, not an event. */
const ONGOING_VERB = /\b(?:has|have)\s+(?:(?:now|long|also|already)\s+)?(?:been\s+)?(?:[a-z]+ed|ravaged|fought|seen|hit|torn|shaken|driven|taken|swept|waged|overrun)\b/i;
const TOTAL_VERB = /\b(?:have|has)\s+(?:(?:now|so far|already|reportedly)\s+)?been\s+(?:\w+\s+)?(?:killed|wounded|injured|displaced|abducted|kidnapped|arrested|detained|died)\b|\b(?:have|has)\s+(?:(?:now|so far|already|reportedly)\s+)?(?:died|killed)\b/i;
const TOTAL_PERIOD =
  /\b(?:since\s+(?!(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|last night|this morning|dawn|early|late|the (?:morning|evening|night|attack|blast|explosion|incident|raid|strike)\b))|so far\b|to date\b|this year\b|over the (?:same period|(?:past|last|previous) (?:\w+\s+)?(?:years?|months|decades?))\b|in the (?:past|last) (?:\w+\s+)?(?:years?|months|decades?)\b)/i;

/** Strategic developments that are as often a state of affairs as an event. */
const WEAK_KINDS = new Set<TriggerKind>(['base', 'group', 'deploy', 'agreement', 'surrender']);

/** Words that make the event noun after them another event than the one reported: "after the attack", "protesting the killing of". */
/**
 * "Thirteen people were also injured in Donetsk", "another was wounded in Kandahar": more victims at a named place.
 * Without a place of their own such sentences add to the event before them (their counts fill it), as another event.
 */
const VICTIMS_ALSO = /\b(?:was|were|have been|has been|had been)\s+also\s+(?:killed|wounded|injured|hurt)\b|\banother\s+(?:(?:person|man|woman|civilian|soldier|policeman|police officer|officer|child|boy|girl|worker|member|trooper|jawan|militant|fighter|resident)\s+)?(?:was|were|is|has|had|died|later)\b/gi;
/** "and 54 others", "two other people": more victims of the same event, not another event. */
const VICTIMS_OTHERS = /\b(?:killed|killing|wounded|wounding|injured|injuring|hurt|hurting)\s+(?:many\s+|several\s+|dozens of\s+)?others?\b|\b(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|scores|several|many|some|few|at least \w+)\s+others?\b(?!\s+(?:attacks?|incidents?|blasts?|explosions?|bombings?|strikes?|raids?|clashes))/gi;
const BACKGROUND_LEAD = /\b(?:behind|of|for|after|since|before|than|like|with|avenge|revenge for|against|over|condemn(?:ing|ed|s)?|denounc(?:ing|ed|e|es)|protest(?:ing|ed|s)?|demanding|following)\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,3}$/i;
/** Verbs that make a bare plural ("conducted attacks", "who conduct mortar attacks") a habit, not an event. */
const HABITUAL_VERB = /\b(?:conduct(?:s|ed|ing)?|carr(?:y|ies|ied|ying) out|launch(?:es|ing)?|plan(?:s|ning)?|support(?:s|ing)?|direct(?:s|ing)?|stag(?:e|es|ing)|involved in|responsible for|facilitat(?:e|es|ing)|specialis(?:e|es)d? in|known for)\b(?:\s+[\w,'’-]+){0,12}\s*$/i;
const HABITUAL_NOUN = /^(?:attacks|raids|kidnappings|assassinations|strikes|killings|bombings|ambushes|operations|airstrikes|clashes)$/i;
/** A modifier of a plural event noun further on ("improvised explosive device, … and mortar attacks"). */
const HABITUAL_HEAD_AHEAD = /^(?:[\s,-]+(?:and\s+|or\s+)?[\w-]+){0,12}?\s+(?:attacks|raids|bombings|ambushes|operations|strikes)\b/i;

interface Frame {
  ranges: Span[];
  triggers: TriggerHit[];
  background: boolean;
  /** What a protest is against ("protested against the killing of …"): its subject, not an event it reports. */
  grievance?: boolean;
}

/** The last lead word before an event noun ("through the streets of Peshawar against attacks" → "against"). */
function lastLead(lead: string): RegExpExecArray {
  let best = BACKGROUND_LEAD.exec(lead)!;
  const words = /\b(?:behind|of|for|after|since|before|than|like|with|avenge|revenge for|against|over|condemn(?:ing|ed|s)?|denounc(?:ing|ed|e|es)|protest(?:ing|ed|s)?|demanding|following)\s+/gi;
  for (const m of lead.matchAll(words)) {
    if (m.index! <= best.index) continue;
    const tail = new RegExp(BACKGROUND_LEAD.source, 'i').exec(lead.slice(m.index!));
    if (tail && tail.index === 0) {
      const at = m.index!;
      const re = new RegExp(BACKGROUND_LEAD.source, 'iy');
      re.lastIndex = at;
      best = re.exec(lead) ?? best;
    }
  }
  return best;
}

/** Split a clause into its main frame and background mentions of other events. */
function frames(text: string, clause: Span, triggers: TriggerHit[], toponyms: Toponym[], masked: Span[]): Frame[] {
  const rel = (n: number) => n - clause.start;
  const bg: Frame[] = [];
  const main: TriggerHit[] = [];
  for (const t of triggers) {
    const lead = text.slice(clause.start, t.start);
    // Past forms of event nouns ("clashed", "attacked") are verbs: they report, they are not mentioned in passing.
    const isNounUse = (t.noun && !/ed$/i.test(t.text)) || /ing$/.test(t.text);
    if (isNounUse && (main.length || bg.length || /\S/.test(lead)) && BACKGROUND_LEAD.test(lead) && !QUANTIFIED.test(lead)) {
      const inNp = bg.find((b) => b.ranges.some((r) => within(t, r)));
      if (inNp) {
        inNp.triggers.push(t);
        continue;
      }
      const leadMatch = lastLead(lead);
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
      const grievance = /^(?:against|over|condemn|denounc|protest|demanding)/i.test(leadMatch[0]) && main.some((m) => m.kind === 'protest');
      bg.push({ ranges: [{ start: npFrom, end }], triggers: [t], background: true, grievance });
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
  // With no event of its own, the clause reports the one it mentions ("Iran was behind the offensive in October 2016").
  else if (bg.length === 1) {
    bg[0].background = false;
    bg[0].ranges = [{ ...clause }];
  } else for (const b of bg) b.background = false;
  return [...out, ...bg];
}

/** "KABUL, March 3, 2021 —", "BAGHDAD (Reuters) -": a place in capitals, optional date or agency, then a dash. */
const DATELINE = /^\s*[A-Z][A-Z'’. -]{1,40}(?:,\s*[A-Z][A-Za-z.]+)?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*(?:\([^)]{1,40}\))?\s*[—–-]{1,2}\s+/;

/** Analyse one sentence: its incidents (with or without a place) and whether it reports any event at all. */
export function analyseSentence(
  text: string,
  sentence: Sentence,
  toponyms: Toponym[],
  article: ArticleDate | null,
  articleId: string,
  /** The country the article is most about: where an event at a place the gazetteer lacks is put. */
  focusCountry: Place | null = null
): SentenceAnalysis {
  // A dateline ("KABUL, March 3, 2021 —") dates the report, not the event told after it.
  const dateline = DATELINE.exec(sentence.text);
  const datelineEnd = dateline ? sentence.start + dateline[0].length : sentence.start;
  // "A day later" counts from the event told before, not from the article's date: left to the article pass.
  const anaphora = anaphoricDay(sentence.text);
  const anaphoric = anaphora ? { start: sentence.start + anaphora.at, end: sentence.start + anaphora.at + anaphora.length } : null;
  const dates = findDates(sentence.text, article, sentence.start).filter((d) => d.start >= datelineEnd && !(anaphoric && overlaps(anaphoric, d)));
  const result: SentenceAnalysis = { sentence, drafts: [], eventless: true, dates, background: [] };
  if (/\?["”’)]*$/.test(sentence.text.trim())) return result; // questions report nothing
  const clauses: Span[] = [];
  let at = sentence.start;
  // Two events in one sentence: "…; and …", "… as well as …", and a new place taking a new event (", and in western
  // Farah province, where militants ambushed …", ", while in Kunduz …"), when both parts report one.
  const cuts: Array<{ at: number; len: number }> = [];
  for (const m of sentence.text.matchAll(/;\s*|\s+as well as\s+/g)) cuts.push({ at: m.index!, len: m[0].length });
  for (const m of sentence.text.matchAll(/,\s+(?:and|while|whereas|but|and also)\s+(?=(?:(?:also|later|earlier)\s+)?(?:in|at|near|outside)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?[A-Z])/g)) {
    const cutAt = m.index!;
    const next = cuts.filter((c) => c.at > cutAt).map((c) => c.at)[0] ?? sentence.text.length;
    const prev = Math.max(0, ...cuts.filter((c) => c.at < cutAt).map((c) => c.at + c.len));
    const named = toponyms.some((t) => t.start >= sentence.start + cutAt && t.start - (sentence.start + cutAt) <= m[0].length + 40);
    const left = findTriggers(sentence.text.slice(prev, cutAt), 0).length > 0;
    const right = findTriggers(sentence.text.slice(cutAt + m[0].length, next), 0).length > 0;
    if (named && left && right) cuts.push({ at: cutAt, len: m[0].length });
  }
  for (const c of cuts.sort((a, b) => a.at - b.at)) {
    clauses.push({ start: at, end: sentence.start + c.at });
    at = sentence.start + c.at + c.len;
  }
  clauses.push({ start: at, end: sentence.end });
  const dateSpans = dates.map((d) => ({ start: d.start, end: d.end }));

  for (const clause of clauses) {
    const clauseText = text.slice(clause.start, clause.end);
    const masked = irrealisSpans(clauseText, clause.start);
    const placeMasked = irrealisSpans(clauseText, clause.start, { places: true });
    // Infinitives of purpose or intent ("to murder Western soldiers", "to kill officials") report no event.
    // Infinitives of purpose ("to kill officials") report nothing; of aspect ("continued to protest") they do.
    // People who "came together to protest", "burnt textbooks to protest" protested: the act they did for it is the
    // protest (a call or an appeal to protest is not).
    const purpose = (t: TriggerHit) =>
      /\bto\s+$/i.test(text.slice(Math.max(clause.start, t.start - 4), t.start)) &&
      !/\b(?:continued|continue|continues|continuing|began|begun|begin|started|starting|resorted|kept on|went on)\s+to\s+$/i.test(text.slice(Math.max(clause.start, t.start - 24), t.start)) &&
      !(t.kind === 'protest' && /^(?:protest|demonstrate|rally|march)/i.test(t.text) && !/\b(?:call(?:s|ed|ing)?|urg(?:e|es|ed|ing)|appeal(?:s|ed|ing)?|ask(?:s|ed|ing)?|invit(?:e|es|ed|ing)|encourag(?:e|es|ed|ing)|mobili[sz](?:e|es|ed|ing)|plan(?:s|ned|ning)?|decid(?:e|es|ed|ing)|vow(?:s|ed)?|threaten(?:s|ed)?|announc(?:e|es|ed|ing)|permission|allowed|right)\b/i.test(text.slice(Math.max(clause.start, t.start - 80), t.start)));
    // Weapons named as what was taught, supplied or held ("trained in the use of EFPs, mortars, rockets") are no attack.
    const weaponMention = (t: TriggerHit) =>
      (t.kind === 'shelling' || t.kind === 'explosive' || t.kind === 'grenade' || t.kind === 'incendiary') &&
      !/(?:ed|ing)$/i.test(t.text) &&
      /\b(?:train(?:ed|ing)|taught|instructed|use of|equipped with|armed with|suppl(?:y|ied|ies|ying)|provid(?:e|ed|es|ing)|possession of|cache of|caches of|consisting of|stockpiles? of|shipments? of|smuggl\w+)\b[^.;]{0,60}$/i.test(text.slice(Math.max(clause.start, t.start - 80), t.start));
    // A participle between a preposition or an article and its noun is an adjective ("the release of abducted
    // schoolgirls", "relatives of killed soldiers"): it names people by what befell them, it reports nothing.
    const adjectival = (t: TriggerHit) =>
      /ed$/i.test(t.text) &&
      /\b(?:of|for|the|with|about|among)\s+$/i.test(text.slice(Math.max(clause.start, t.start - 12), t.start)) &&
      /^\s+(?!by\b|in\b|at\b|on\b|near\b|and\b|or\b)[a-z]/.test(text.slice(t.end, t.end + 20));
    const triggers = findTriggers(clauseText, clause.start).filter((t) => !masked.some((m) => overlaps(m, t)) && !purpose(t) && !weaponMention(t) && !adjectival(t));
    if (!triggers.length) continue;
    result.eventless = false;
    if (AGGREGATE.test(blank(clauseText, clause.start, masked))) continue;
    for (const frame of frames(text, clause, triggers, toponyms, masked)) {
      if (frame.grievance) {
        result.background.push(...frame.ranges);
        continue;
      }
      if (frame.background) result.background.push(...frame.ranges);
      const frameText = blank(text.slice(clause.start, clause.end), clause.start, [
        ...masked,
        ...complementOf(clause, frame.ranges)
      ]);
      const counts = findCounts(frameText, clause.start, dateSpans);
      // Habitual or generic mentions ("conducted attacks against … forces", "who conduct mortar attacks") report
      // no single event: alone they make nothing, beside a reported event they do not decide its type.
      const isBare = (t: TriggerHit) =>
        t.noun &&
        (HABITUAL_NOUN.test(t.text.split(/\s+/).pop()!) || HABITUAL_HEAD_AHEAD.test(text.slice(t.end, clause.end))) &&
        !/\b(?:the|a|an|two|three|four|five|several|separate|these|those|\d+)\s+(?:[\w-]+\s+){0,2}$/i.test(text.slice(Math.max(clause.start, t.start - 40), t.start)) &&
        HABITUAL_VERB.test(text.slice(Math.max(clause.start, t.start - 160), t.start));
      const frameDates = dates.filter((d) => frame.ranges.some((r) => within(d, r)) && !masked.some((m) => overlaps(m, d)));
      const plural = (t: TriggerHit) => t.noun && HABITUAL_NOUN.test(t.text.split(/\s+/).pop()!) && !/\b(?:the|a|an|two|three|four|five|several|separate|these|those|\d+)\s+(?:[\w-]+\s+){0,2}$/i.test(text.slice(Math.max(clause.start, t.start - 40), t.start));
      if (frame.triggers.every(isBare)) {
        if (!Object.keys(counts).length) continue;
      } else frame.triggers = frame.triggers.filter((t) => !isBare(t));
      // Statistics ("the 28th soldier killed in Helmand since 2003", "the third attack this year") count events; they
      // report none.
      // An event told in the simple past ("protested", "stormed") is an event even beside a state in the perfect; not
      // one told in a relative clause about something else ("since the October 7 attack, in which militants killed").
      const toldPast = (t: TriggerHit) =>
        /(?:ed|shot|fought|hit|struck|blew|set off|stormed)$/i.test(t.text) &&
        !/\b(?:has|have|had)\s+(?:(?:now|long|also|already)\s+)?(?:been\s+)?(?:\w+\s+)?$/i.test(text.slice(Math.max(clause.start, t.start - 40), t.start)) &&
        !/\b(?:which|whom|whose)\b[^.;]*$/i.test(text.slice(Math.max(clause.start, t.start - 80), t.start));
      if (STATISTIC.test(frameText) || ((TOTAL_VERB.test(frameText) || (ONGOING_VERB.test(frameText) && !frame.triggers.some(toldPast))) && TOTAL_PERIOD.test(text.slice(clause.start, clause.end)))) continue;
      // Developments told in the perfect ("Russia has opened training camps", "has deployed advisers") describe a
      // state of affairs, not a dated event.
      if (frame.triggers.every((t) => WEAK_KINDS.has(t.kind) && /\b(?:has|have|had)\s+(?:(?:also|long|now|already|reportedly|allegedly|since|been)\s+)*(?:\S+\s+)?$/i.test(text.slice(Math.max(clause.start, t.start - 40), t.start)))) continue;
      // "other high-profile attacks in Iraq": bare plurals with no number and no date of their own are generic.
      if (frame.triggers.every(plural) && !Object.keys(counts).length && !frameDates.length) continue;
      const kinds = new Set(frame.triggers.map((t) => t.kind));
      let place = choosePlace(text, toponyms, frame.ranges.map((r) => subtract(r, placeMasked)).flat(), frame.triggers, focusCountry);
      // A protest against something named with its place ("protested against attacks on minorities in Mudhol town")
      // is held where the grievance is, when the protest names no place of its own.
      if ((!place || place.unlocatedName) && !frame.background && frame.triggers.every((t) => t.kind === 'protest' || t.kind === 'riot'))
        place =
          choosePlace(text, toponyms, subtract(clause, placeMasked), frame.triggers, focusCountry) ??
          choosePlace(text, toponyms, subtract(clause, placeMasked), frame.triggers, focusCountry, true) ??
          place;
      const { eventType, subEventType } = classify(kinds, frameText);
      const actorsFound = findActors(frameText, clause.start);
      const pivot = frame.triggers[0];
      const passive = /\b(?:was|were|been|being|be|is|are)\s+(?:\w+\s+){0,2}$/i.test(text.slice(clause.start, pivot.start));
      const byAgent = /\bby\s+(?:the\s+)?$/i;
      const initiators: string[] = [];
      const targets: string[] = [];
      for (const a of actorsFound) {
        const lead = text.slice(Math.max(clause.start, a.start - 14), a.start);
        const agent = byAgent.test(lead);
        const target = /\b(?:against|on|at|targeting|of)\s+(?:the\s+)?$/i.test(lead);
        if (agent || (!passive && !target && a.end <= pivot.start)) initiators.push(a.name);
        else targets.push(a.name);
      }
      const actor2s = targets.filter((t) => !initiators.includes(t));
      const actors = [...new Set([...initiators, ...actor2s])];
      // "the Karbala attack", "the 2007 Karbala attack": a reference by place, dated only by its own words.
      const npStarts = frame.triggers.map((t) => {
        const m = /\bthe\s+(?:(?:19|20)\d{2}\s+)?$/i.exec(text.slice(clause.start, toponyms.find((p) => p.place && p.end <= t.start && t.start - p.end <= 1)?.start ?? t.start));
        return m && toponyms.some((p) => p.place && p.end <= t.start && t.start - p.end <= 1) ? clause.start + m.index : -1;
      });
      const reference = frame.triggers.every((t, i) => t.noun && npStarts[i] >= 0) && !Object.keys(counts).length;
      const ownDates = reference ? frameDates.filter((d) => frame.triggers.some((t, i) => d.start >= npStarts[i] && d.end <= t.end)) : frameDates;
      // "54 others injured" counts the same event's victims; "another attack", "a separate blast" tell a new one.
      const distinct = /\b(?:another|other|others|additional|more(?!\s+than)|further|separate|also)\b/i.test(frameText.replace(VICTIMS_OTHERS, ' ').replace(place && !place.unlocatedName ? VICTIMS_ALSO : /$^/, ' ')) && !reference;
      let date: DateChoice = { date: null, precision: 3, text: null, how: 'none' };
      // A "since" date bounds a period; it never dates the event.
      const explicit = ownDates.find((d) => !d.since);
      if (explicit) date = { date: explicit.date, precision: explicit.precision, text: explicit.text, how: 'explicit' };
      else if (frame.background) {
        // A background mention may carry the clause's date when the main clause has no event of its own.
        const free = dates.find((d) => within(d, clause) && !masked.some((m) => overlaps(m, d)));
        if (free && !reference && !frames(text, clause, triggers, toponyms, masked).some((f) => !f.background)) date = { date: free.date, precision: free.precision, text: free.text, how: 'explicit' };
      } else if (clause.start > sentence.start && !reference) {
        // A later clause of the sentence ("…, and in Farah, where …") happened when the sentence says.
        const earlier = dates.filter((d) => d.end <= clause.start && !d.since && d.date).pop();
        if (earlier) date = { date: earlier.date, precision: earlier.precision, text: earlier.text, how: 'inherited' };
      }
      result.drafts.push({
        article: articleId,
        sentence,
        triggers: frame.triggers,
        background: frame.background,
        reference,
        distinct,
        place,
        placeSentence: null,
        date,
        counts,
        actor1: initiators[0] ?? null,
        actor2: actor2s[0] ?? null,
        actors,
        actorAliases: aliasesOf(actorsFound),
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
