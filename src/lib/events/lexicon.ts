/**
 * Words that signal events, movements and their parts. Kept as data so the rules in incidents.ts and
 * routes.ts stay general: they read roles (trigger, cargo, endpoint) off these patterns, not off any article.
 */

export type TriggerKind = 'airstrike' | 'strike' | 'shelling' | 'explosive' | 'suicide' | 'raid' | 'capture' | 'kill' | 'attack' | 'siege' | 'kidnap' | 'seizure';

export interface TriggerPattern {
  kind: TriggerKind;
  re: RegExp;
  /** Nouns (a raid, the attack) can be background mentions; verbs (captured, killed) report. */
  noun: boolean;
}

export const TRIGGERS: TriggerPattern[] = [
  { kind: 'airstrike', noun: true, re: /\b(?:air[\s-]?strikes?|air[\s-]?raids?|drone[\s-]strikes?|aerial (?:attacks?|bombardment|munitions|strikes?)|air power|(?:unmanned aerial vehicles?|UAVs?|drones?|(?:attack )?helicopters?|warplanes?|jets?|aircraft) (?:struck|attacked|fired|bombed|strafed)|gunships?)\b/gi },
  { kind: 'suicide', noun: true, re: /\bsuicide (?:bomb(?:ing|er|ers|s)?|attacks?|car bombs?|(?:vehicle[\s-]borne )?(?:IEDs?|VBIEDs?))\b/gi },
  { kind: 'shelling', noun: true, re: /\b(?:shelling|shelled|artillery (?:fire|strikes?|attacks?)|(?:mortar|rocket|missile) (?:attacks?|fire|strikes?)|mortared|rocketed)\b/gi },
  { kind: 'explosive', noun: true, re: /\b(?:roadside bombs? (?:exploded|detonated|struck|hit|killed|attack)|(?:IEDs?|landmines?|mines?|car bombs?|bombs?) (?:exploded|detonated|went off|struck|hit|killed)|bomb(?:ing|ings)\b|bombed)/gi },
  { kind: 'strike', noun: true, re: /\b(?:strikes?|struck)\b(?!\s+(?:force|forces|team|teams|group|package))/gi },
  { kind: 'raid', noun: true, re: /\b(?:raids?|raided|raiding)\b/gi },
  { kind: 'capture', noun: false, re: /\b(?:captur(?:e|ed|es|ing)|arrest(?:s|ed|ing)?|detain(?:s|ed|ing)?|apprehend(?:s|ed|ing)?|taken into custody|taken prisoner)\b/gi },
  { kind: 'kill', noun: false, re: /\b(?:among the dead|kill(?:s|ed|ing)?|murder(?:s|ed|ing)?|assassinat(?:e|ed|es|ing|ion|ions)|executed|shot dead|gunned down|beheaded|slain|slew)\b/gi },
  { kind: 'attack', noun: true, re: /\b(?:attack(?:s|ed|ing)?|ambush(?:es|ed|ing)?|assault(?:s|ed|ing)?|offensive|clash(?:es|ed)?|firefights?|gun ?battles?|fighting)\b/gi },
  { kind: 'siege', noun: true, re: /\b(?:sieges?|besieg(?:e|ed|es|ing)|encircled|overran|overrun)\b/gi },
  { kind: 'kidnap', noun: true, re: /\b(?:kidnap(?:s|ped|ping|pings)?|abduct(?:s|ed|ing|ion|ions)?|taken hostage|took hostage)\b/gi },
  { kind: 'seizure', noun: true, re: /\b(?:(?:arms|weapons|munitions|explosives|ammunition) caches?|caches? of (?:arms|weapons|munitions|explosives))\b[^.;]{0,60}?\b(?:confiscated|seized|found|discovered|uncovered|recovered|captured)\b|\b(?:confiscated|seized|found|discovered|uncovered|recovered)\b[^.;]{0,40}?\b(?:arms|weapons|munitions|explosives|ammunition) caches?\b/gi }
];

/** Cues that put the rest of their clause out of fact: negation, modality, attempts, conditions. */
export const IRREALIS =
  /\b(?:no|not|never|without|neither|nor|denied|denies|deny|would|could|might|should|will|shall|if|unless|whether|plans? to|planned to|planning to|threaten(?:s|ed)? to|try to|tried to|trying to|attempt(?:s|ed|ing)? to|nearly|almost|avoid(?:s|ed|ing)?|prevent(?:s|ed|ing)?|foil(?:s|ed)?|to (?:avoid|prevent)|intend(?:s|ed)? to|vow(?:s|ed)? to|aim(?:s|ed)? to|want(?:s|ed)? to|can|cannot|can't|won't|wouldn't|didn't|doesn't|don't|isn't|wasn't|weren't|hasn't|haven't|hadn't|lest)\b|\bmay\b(?! \d)/gi;

/** "killed or captured", "captured or killed": a summary of many operations, not one event. */
export const AGGREGATE = /\b(?:killed|captured|arrested|detained|wounded)\s+or\s+(?:killed|captured|arrested|detained|wounded)\b|\b(?:scores|hundreds|thousands|dozens) of\b/i;

/** Words for people who are not combatants: their killing or abduction is violence against civilians. */
export const CIVILIAN = /\b(?:civilians?|diplomats?|journalists?|reporters?|aid workers?|villagers?|worshippers?|pilgrims?|students?|children|women|residents|trainers?|teachers?|doctors?|nurses?|farmers?|shopkeepers?|clerics?|tourists?|contractors?|engineers?)\b/i;

/** Relative position cues before a place name: the event is near the place, not in it. */
export const NEAR_BEFORE = /(?:\b(?:near|nearby|outside|outside of|outskirts of|around|close to|in the vicinity of|vicinity of|just|some|about)\s+|\b(?:\d+|[a-z]+)\s+(?:km|kilometers|kilometres|miles)\s+(?:\w+\s+)?(?:of|from)\s+|\b(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)(?:ern)?\s+of\s+|\b(?:neighbou?rhood|district|suburbs?|outskirts|part|parts|area|quarter|environs)\s+of\s+)(?:the\s+)?(?:town\s+of\s+|city\s+of\s+)?$/i;
/** "the Al Kut region", "the Baghdad area". */
export const NEAR_AFTER = /^\s+(?:region|area|environs|outskirts|vicinity|countryside)\b/i;
/** "western Afghanistan", "northern Babil": part of a region. */
export const PART_BEFORE = /\b(?:north|south|east|west|central|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)(?:ern)?\s+$/i;
/** A place after these is where something moves from, to or through: not where an event happened. */
export const MOVEMENT_BEFORE = /\b(?:from|to|into|towards?|via|through|across|back to|back into|return(?:ed|ing)? from|trips? to|trips? into|travel(?:l)?(?:ed|ing)? to)\s+(?:the\s+)?$/i;

export const ORG_HEAD = '(?:forces|Forces|troops|Troops|police|Police|army|Army|military|Military|paratroopers|soldiers|commandos|marines|Marines|militias?|Militias?|[Nn]etwork|Corps|Force|Guards?|Brigades?|Battalions?|Division|Command|Special Groups|cells|Cells|advisers|teams|force)';
const ORG_MOD = "(?:US|U\\.S\\.|UN|NATO|[A-Z][a-zA-Z]+(?:[-’'][A-Za-z]+)*|special|security|operations|joint|elite|local|government|rogue|allied|coalition|and)";
/** Armed and state actors as named: "Iraqi Special Operations Forces", "US paratroopers", "Coalition forces". */
export const ACTOR_PHRASE = new RegExp(`\\b(?:${ORG_MOD}\\s+){1,5}${ORG_HEAD}\\b`, 'g');
/** Groups that are named without a head noun. */
export const NAMED_GROUPS =
  /\b(?:Taliban|Hezbollah|Hizballah|Hizbullah|al[\s-]Qaeda(?: in Iraq)?|AQI|NATO|ISIS|ISIL|IS-K|Islamic State(?: in Khorasan)?|Hamas|HAMAS|Al[\s-]Shabaab|Boko Haram|Mahdi Army|Jaysh al[\s-]Mahdi|JAM|Hizb-e-Islami(?: Gulbuddin)?|Qods Force|Quds Force|IRGC|Revolutionary Guards?(?: Corps)?|Special Groups|Multinational Forces Iraq|Multi-National Forces? Iraq|Coalition forces|Peshmerga|Haqqani Network|Lashkar-e-Taiba|Jaish-e-Mohammed|Sheibani Network|Qazali Network)\b/g;

export type CargoKind = 'weapons' | 'EFPs' | 'fighters' | 'trainees' | 'money' | 'drugs';
export const CARGO: Array<{ kind: CargoKind; re: RegExp }> = [
  { kind: 'EFPs', re: /\b(?:EFPs?|explosively[\s-]formed (?:penetrators?|projectiles?))\b/i },
  { kind: 'weapons', re: /\b(?:weapons?|weaponry|arms|munitions|ammunition|rockets?|mortars?|(?:land)?mines|explosives|bomb-making materials|Kalashnikovs?|rifles|missiles?|IEDs?|grenades|equipment)\b/i },
  { kind: 'money', re: /\b(?:money|funds|funding|cash|financial (?:support|aid|assistance)|dollars|payments?)\b/i },
  { kind: 'drugs', re: /\b(?:drugs|opium|heroin|narcotics|hashish|morphine|methamphetamine|cocaine)\b/i },
  { kind: 'fighters', re: /\b(?:fighters|militants|operatives|insurgents|recruits|extremists|assassins|squads|jihadists|volunteers|mercenaries|agents)\b/i }
];
export const TRAINING = /\bfor (?:\w+\s+){0,2}training\b/i;
/** Verbs and nouns of moving things between places. */
export const MOVEMENT =
  /\b(?:smuggl\w*|suppl(?:y|ies|ied|ying)|sen(?:d|ds|ding|t)|transport\w*|transfer\w*|shipments?|ship(?:s|ped|ping)?|traffick\w*|funnel\w*|deliver\w*|provid(?:e|es|ed|ing)|bring(?:s|ing)?|brought|mov(?:e|es|ed|ing)|infiltrat\w*|travel(?:l)?(?:ed|ing|s)?|went|go(?:es|ing)?|secur(?:e|ed|es|ing)|channel\w*|flow(?:s|ed|ing)?|route[sd]?)\b/gi;
/** Movement verbs that move the mover (people travelling), which need a purpose ("for training") to be a route. */
export const SELF_MOVEMENT = /^(?:travel|went|go|mov)/i;

/** An air platform named in the frame makes a killing or attack an air/drone strike. */
export const AIR_PLATFORM = /\b(?:unmanned aerial vehicles?|UAVs?|drones?|aircraft|warplanes?|(?:attack )?helicopters?|gunships?|jets?|air power|aerial|air support|precision munitions)\b/i;
