import { DEMONYMS } from '../geoparse/lexicon';
import { ACTOR_ALIASES, ACTOR_PHRASE, NAMED_GROUPS } from './lexicon';

export interface ActorMention {
  /** One spelling per group ("Islamic Revolutionary Guard Corps - Quds Force" for "Qods Force", "IRGC-QF" …). */
  name: string;
  /** The name as the text writes it. */
  as: string;
  start: number;
  end: number;
}

const key = (s: string) => s.toLowerCase().replace(/[\s'’‘-]+/g, '');
const CANONICAL = new Map<string, string>();
for (const [canon, variants] of Object.entries(ACTOR_ALIASES)) for (const v of [canon, ...variants]) CANONICAL.set(key(v), canon);

const regionNames = (() => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' });
  } catch {
    return null;
  }
})();

/**
 * A state's forces named by demonym, ACLED-style: "Russian forces", "Russian troops", "the Russian army" → "Military
 * Forces of Russia"; "Pakistani police" → "Police Forces of Pakistan".
 */
function stateForces(name: string): string | null {
  const m = /^([A-Z][a-z]+)\s+(?:(?:armed|security|government|ground|special)\s+)?(forces|troops|military|army|soldiers|police|policemen|police forces)$/.exec(name);
  if (!m) return null;
  const iso = DEMONYMS.get(m[1].toLowerCase());
  if (!iso) return null;
  const country = regionNames?.of(iso) ?? iso;
  return /^police/.test(m[2]) ? `Police Forces of ${country}` : `Military Forces of ${country}`;
}

/** The canonical spelling of an actor's name. */
export function canonicalActor(name: string): string {
  return CANONICAL.get(key(name)) ?? stateForces(name) ?? name;
}

/** A press office or a spokesman's employer quoted as a source ("X stated", "according to X"), not a party to the event. */
const SOURCE_AFTER = /^\s*(?:\([^)]{1,20}\)\s*)?(?:spokes(?:man|woman|person)\s+)?(?:said|says|stated|states|reported|reports|announced|announces|told|added|confirmed|confirms|noted|tweeted|wrote|claimed in a statement|said in a statement|press release|statement)\b/i;
const SOURCE_BEFORE = /\b(?:according to|told|spokes(?:man|woman|person) (?:for|of)|statement (?:from|by)|press (?:office|release) of)\s+(?:the\s+)?$/i;
/** Not actors at all: hospitals and press offices. */
const NOT_ACTOR = /\b(?:Hospital|Clinic|Medical (?:Center|Centre|College)|Press (?:Office|Service|Club)|Media (?:Office|Centre|Center)|Public Affairs)\b/;

/** Sentence-initial and function words that the capitalised-phrase pattern can pick up before an actor. */
const LEADING = /^(?:(?:the|a|an|and|then|while|also|meanwhile|both|several|when|after|before|on|in|at|as|but|so|two|three|other|another|its|their|his|her|rogue|joint|allied|[A-Z][a-z]+day|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|However|Today|Yesterday|Iranian-backed|Iranian-supported|Iranian-trained)\s+)+/i;

const NAMED_ONE = new RegExp(`^(?:${NAMED_GROUPS.source})$`);

function clean(name: string): string {
  let s = name.replace(/\s+/g, ' ').trim();
  for (let i = 0; i < 3; i++) s = s.replace(LEADING, '');
  return s;
}

/** Canonical name → the spellings the text used for it, when any differs from the canonical one. */
export function aliasesOf(mentions: ActorMention[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const m of mentions) if (m.as !== m.name) (out[m.name] ??= []).includes(m.as) || out[m.name].push(m.as);
  for (const v of Object.values(out)) v.sort();
  return out;
}

/** Merge alias maps. */
export function mergeAliases(...maps: Array<Record<string, string[]> | undefined>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const m of maps) for (const [k, v] of Object.entries(m ?? {})) out[k] = [...new Set([...(out[k] ?? []), ...v])].sort();
  return out;
}

/** Actors named in a piece of text, in order, longest names first where they overlap. */
export function findActors(text: string, base = 0): ActorMention[] {
  const found: ActorMention[] = [];
  for (const re of [NAMED_GROUPS, ACTOR_PHRASE]) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const raw = m[0];
      const name = clean(raw);
      if (!name || !/[A-Z]/.test(name[0])) continue;
      const start = m.index! + raw.indexOf(name);
      const end = start + name.length;
      if (NOT_ACTOR.test(name)) continue;
      // An armed group that says it attacked is the attacker; an institution that says so is the source.
      const institution = re === ACTOR_PHRASE || /^(?:Multinational|Multi-National|Coalition|NATO)/.test(name);
      if (institution && (SOURCE_AFTER.test(text.slice(end, end + 40)) || SOURCE_BEFORE.test(text.slice(Math.max(0, start - 40), start)))) continue;
      found.push({ name: canonicalActor(name), as: name, start: base + start, end: base + end });
    }
  }
  // Where a named group sits inside a longer generic phrase ("Iranian-backed Special Groups cells"), keep the group's
  // name; otherwise the longest phrase wins ("Multinational Forces Iraq" over "Multinational Forces").
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: ActorMention[] = [];
  for (const a of found) {
    const overlap = out.find((o) => a.start < o.end && o.start < a.end);
    if (!overlap) {
      out.push(a);
      continue;
    }
    const aNamed = NAMED_ONE.test(a.as);
    const inner = a.start >= overlap.start && a.end <= overlap.end;
    if (inner && aNamed && /\b(?:cells|teams|network|members|advisers|advisors|officers|operatives|fighters|commanders|trainers|agents|units|militants|elements|personnel)$/i.test(overlap.as)) out.splice(out.indexOf(overlap), 1, a);
  }
  return out.sort((a, b) => a.start - b.start);
}
