import { ACTOR_PHRASE, NAMED_GROUPS } from './lexicon';

export interface ActorMention {
  name: string;
  start: number;
  end: number;
}

/** Sentence-initial and function words that the capitalised-phrase pattern can pick up before an actor. */
const LEADING = /^(?:(?:the|a|an|and|then|while|also|meanwhile|both|several|when|after|before|on|in|at|as|but|so|two|three|other|another|its|their|his|her|rogue|joint|allied|[A-Z][a-z]+day|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|However|Today|Yesterday|Iranian-backed|Iranian-supported|Iranian-trained)\s+)+/i;

const NAMED_ONE = new RegExp(`^(?:${NAMED_GROUPS.source})$`);

function clean(name: string): string {
  let s = name.replace(/\s+/g, ' ').trim();
  for (let i = 0; i < 3; i++) s = s.replace(LEADING, '');
  return s;
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
      found.push({ name, start: base + start, end: base + start + name.length });
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
    const aNamed = NAMED_ONE.test(a.name);
    const inner = a.start >= overlap.start && a.end <= overlap.end;
    if (inner && aNamed && /\b(?:cells|teams|network|members)$/i.test(overlap.name)) out.splice(out.indexOf(overlap), 1, a);
  }
  return out.sort((a, b) => a.start - b.start);
}
