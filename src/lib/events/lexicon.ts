/**
 * Words that signal events, movements and their parts. Kept as data so the rules in incidents.ts and
 * routes.ts stay general: they read roles (trigger, cargo, endpoint) off these patterns, not off any article.
 */

/**
 * Kinds of event cue, after the ACLED codebook (2019+): each maps to an event type and sub-event type in
 * `classify` (incidents.ts), together with who is named (crowds, armed forces, civilians) in the same frame.
 */
export type TriggerKind =
  | 'airstrike' | 'strike' | 'shelling' | 'explosive' | 'suicide' | 'grenade' | 'incendiary'
  | 'raid' | 'capture' | 'kill' | 'attack' | 'clash' | 'shooting' | 'harm' | 'siege' | 'kidnap' | 'sexual'
  | 'protest' | 'riot' | 'arson' | 'loot'
  | 'regain' | 'overtake' | 'seizure' | 'defuse' | 'agreement' | 'surrender' | 'base' | 'group' | 'deploy';

export interface TriggerPattern {
  kind: TriggerKind;
  re: RegExp;
  /** Nouns (a raid, the attack) can be background mentions; verbs (captured, killed) report. */
  noun: boolean;
}

const PLACE_NOUN = '(?:town|city|village|district|area|territory|settlement|base|airport|airfield|outpost|checkpoint|post|positions?|headquarters|port|hill|bridge|station|region|province)';
const WEAPON_NOUN = '(?:weapons?|arms|munitions|explosives?|ammunition|ammo|rounds|cartridges|bullets|grenades?|pistols?|rifles?|guns?|firearms|revolvers?|bombs?|IEDs?|detonators|mines|rocket launchers?|mortars?|shells)';
const CONTRABAND_NOUN = '(?:drugs|narcotics|heroin|opium|cocaine|hashish|cannabis|ganja|methamphetamine|yaba|phensedyl|contraband|smuggled goods|fake currency|counterfeit)';

/** Earlier entries win where two cues cover the same words ("drone strike" over "strike", "hunger strike" over "strike"). */
export const TRIGGERS: TriggerPattern[] = [
  { kind: 'airstrike', noun: true, re: /\b(?:air[\s-]?strikes?|air[\s-]?raids?|drone[\s-](?:strikes?|attacks?)|(?:helicopter|aerial) (?:attacks?|bombardments?|strikes?|raids?)|aerial (?:munitions|bombing)|air power|(?:unmanned aerial vehicles?|UAVs?|drones?|(?:attack )?helicopters?|warplanes?|fighter jets?|jets?|aircraft|planes) (?:struck|attacked|fired|bombed|strafed|targeted|pounded|hit|shelled|dropped)|gunships?)\b/gi },
  { kind: 'suicide', noun: true, re: /\bsuicide (?:bomb(?:ing|ings|er|ers|s)?|attacks?|attackers?|car bombs?|(?:vehicle[\s-]borne )?(?:IEDs?|VBIEDs?))\b/gi },
  { kind: 'shelling', noun: true, re: /\b(?:shell(?:ing|ings|ed)|shells? (?:fell|landed|hit|struck|exploded)|artillery|mortar(?:ed|s)?(?: (?:fire|rounds?|shells?|attacks?|strikes?))?|(?:rocket|missile)(?:s)? (?:attacks?|fire|strikes?|hit|struck|landed|fell)|(?:fired|launched|shot|lobbed) (?:\w+ ){0,3}(?:rockets?|missiles?|shells)|rocketed|(?:cruise|ballistic) missiles?|multiple (?:launch )?rocket (?:launchers?|systems?)|MLRS|Grad|Uragan|Smerch|Tochka|Iskander|howitzers?|tank fire)\b/gi },
  { kind: 'grenade', noun: true, re: /\b(?:hand[\s-])?grenades?\b/gi },
  // Thrown fire and home-made bombs ("hurled a petrol bomb at a bus"): who they hit decides the type.
  { kind: 'incendiary', noun: true, re: /\b(?:petrol[\s-]bombs?|molotov cocktails?|(?:blasted|hurled|threw|exploded) (?:\w+ )?cocktails?|(?:crude|cocktail|cracker|country-made|hand-made|handmade) bombs?|fire[\s-]?bombs?|(?:hurl(?:ed|ing)|thr(?:ew|own|owing)|lobb(?:ed|ing)|tossed) (?:a |an |two |three |four |several |some |\d+ )?bombs?)\b/gi },
  { kind: 'explosive', noun: true, re: /\b(?:roadside bombs?|(?:IEDs?|landmines?|land mines?|mines?|car bombs?|bombs?|explosives?|devices?) (?:exploded|detonated|went off|struck|hit|killed|blast)|bomb(?:ing|ings)\b|bombed|blasts?|explosions?|exploded|detonat(?:ed|ion|ions)|blew up|blown up|blowing up|went off|IEDs?|VBIEDs?|improvised explosive devices?|landmines?|land mines?|(?:pipe|time|car|motorcycle|bicycle|magnetic|sticky|parcel|remote[\s-]controlled) bombs?|planted (?:a |an |the )?(?:bomb|explosive|IED|mine)s?|by (?:a |an |two |three |several |\w+ )?(?:small |powerful |home-?made )?bombs?\b)/gi },
  { kind: 'sexual', noun: true, re: /\b(?:(?:gang[\s-]?)?rap(?:e|ed|es|ing)|sexual(?:ly)? (?:assault(?:ed|s)?|abus(?:e|ed)|violence|harass(?:ed|ment))|molest(?:ed|ing|ation)?)\b/gi },
  // Labour and political strikes are protests, not strikes from the air.
  {
    kind: 'protest',
    noun: true,
    re: /\b(?:protest(?:s|ed|ing|ers?|ors?)?|demonstrations?|demonstrators?|demonstrat(?:ed|ing)\b(?! (?:that|how|what|its|his|her|their|the|a|an|to|some|strong|great|good|remarkable|solidarity)\b)|rall(?:y|ies)|rallied (?=against|outside|in front|at|in|for|over)|sit-?ins?|sit-down|processions?|human chains?|dharnas?|gheraos?|gheraoed|bandhs?|hartals?|(?:general|hunger|token|transport|wheel-?jam|labou?r|workers['’]?|teachers['’]?|doctors['’]?|indefinite|day-?long|sit-down|wildcat|nationwide|statewide|countrywide|province-?wide|bus|truck|taxi|rickshaw|\d+[\s-]hours?|\d+[\s-]days?) strikes?|(?:call(?:ed|s|ing)?|continu(?:ed|es|ing)|began|ended|called off|withdr(?:ew|awn)|observ(?:ed|ing)|enforc(?:ed|ing)) (?:for )?(?:a |an |the |their |its )?(?:(?!air|drone|missile|rocket|artillery|precision|aerial|military)\w+ ){0,2}strikes?|strikes? (?=by (?:the )?(?:\w+ ){0,2}(?:workers|owners|employees|staff|teachers|doctors|traders|drivers|unions?|students)|called by|entered|to press|to demand|over (?:pay|wages|demands))|(?:went|go|gone|going|were|are|was|is|remained|stayed) on (?:a |an )?(?:\w+ ){0,2}strike|(?:called|observed|enforced|organi[sz]ed|staged|imposed) (?:a |an )?(?:\w+ ){0,2}(?:strike|shut(?:ter)?[\s-]?downs?|blockades?)|(?:indefinite|countrywide|nationwide|transport|road|rail|hartal and) blockades?|blockades? (?:enforced|called|sponsored|programme)|(?:rasta|road|rail) roko|agitations?|agitated|agitating|shutter[\s-]?downs?|picket(?:ed|ing)|(?:burn[td]?|burning|torched|torching) (?:an |the |their |his )?effig(?:y|ies)|effig(?:y|ies)|black flags|placards|(?:chant(?:ed|ing)|raised|raising|shout(?:ed|ing)) (?:\w+ ){0,2}slogans|memorand(?:um|a)(?! of understanding)|(?:took|taken|take|taking|hit|hitting) (?:to )?(?:the )?streets?|walk-?outs?|walked out|vigils?|(?:road|rail|highway) blockades?|blocked (?:the |a )?(?:\w+[\s-]){0,3}(?:road|roads|highway|traffic|railway|rail tracks?|streets?)|(?:gathered|assembled|converged|came out|turned out)(?= (?:[\w'’-]+ ){0,8}(?:to (?:protest|demand|condemn|denounce|oppose|press|voice|register|express|show|demonstrate|call|seek|rally|mark)|in protest|against|demanding|protesting|condemning|denouncing|calling for|seeking)))\b/gi
  },
  { kind: 'protest', noun: true, re: /\b(?:[Aa]|[Tt]he|silent|peace|peaceful|protest|long|torch|candle(?:light)?) march(?:es)?\b|\bmarch(?:ed|ing) (?=to|towards|through|from|in|on|against)/g },
  { kind: 'strike', noun: true, re: /\b(?:strikes?|struck)\b(?!\s+(?:force|forces|team|teams|group|package|down|off))/gi },
  { kind: 'riot', noun: true, re: /\blynch(?:ed|ing|ings)\b/g },
  { kind: 'riot', noun: true, re: /\b(?:riot(?:s|ed|ing|ers)?|mobs?|vandali[sz](?:e|ed|es|ing|ation)|vandalism|ransack(?:ed|ing)?|(?:pelt(?:ed|ing)|thr(?:ew|own|owing)|hurl(?:ed|ing)) (?:\w+ )?(?:stones|rocks|bricks|brickbats)|stone[\s-]?pelting|brickbats|went on (?:a )?rampage|rampag(?:ed|ing)|turned violent|violent (?:protests?|demonstrations?|crowds?))\b/gi },
  { kind: 'arson', noun: true, re: /\b(?:torch(?:ed|ing)|set (?:on )?fire|set (?:\w+ ){1,8}?(?:on fire|ablaze|alight|afire)|set afire|set ablaze|set alight|arson|burn(?:ed|t) down)\b/gi },
  { kind: 'regain', noun: false, re: /\b(?:recaptur(?:ed|es|ing)|retook|retaken|regain(?:ed|s|ing)? control|re-?took control|liberat(?:ed|es|ing)|cleared (?:the )?(?:\w+ ){0,3}of (?:militants|insurgents|rebels|terrorists|the enemy))\b/gi },
  { kind: 'overtake', noun: false, re: new RegExp(`\\b(?:(?:took|taken|take|taking|seized|gained|assumed|established) (?:full |partial )?control (?:of|over)|captur(?:ed|ing) (?:the |a )?(?:\\w+ ){0,2}${PLACE_NOUN}|overran|overrun|fell to|entered and occupied|(?<!\\b(?:[Ii]n|[Tt]he|[Oo]f|[Aa]nd|[Oo]r) )occupied (?=the |a |an |[A-Z]))\\b`, 'gi') },
  { kind: 'raid', noun: true, re: /\b(?:raids?|raided|raiding)\b/gi },
  { kind: 'seizure', noun: true, re: new RegExp(`\\b(?:(?:arms|weapons|munitions|explosives|ammunition) caches?|caches? of (?:arms|weapons|munitions|explosives)|(?:seized|seizing|seizure of|recovered|recovering|recovery of|confiscated|confiscating|impounded|found|discovered|uncovered|unearthed|busted) (?:[\\w,-]+ ){0,8}?(?:${WEAPON_NOUN}|${CONTRABAND_NOUN}))\\b|\\b(?:${WEAPON_NOUN}|${CONTRABAND_NOUN}) (?:\\w+ ){0,4}(?:were|was|have been|had been) (?:\\w+ )?(?:seized|recovered|confiscated|found|impounded)\\b`, 'gi') },
  { kind: 'defuse', noun: true, re: /\b(?:defus(?:ed|ing|al)|(?:diffused|neutrali[sz]ed|disarmed) (?:a |an |the |two |three |\d+ )?(?:\w+ )?(?:bombs?|IEDs?|explosives?|mines?|devices?)|bomb disposal|de-?min(?:ed|ing)|intercept(?:ed|ing) (?:\w+ ){0,3}(?:missiles?|drones?|rockets?|UAVs?)|shot down (?:\w+ ){0,3}(?:missiles?|drones?|UAVs?|rockets?)|(?:missiles?|drones?|UAVs?|rockets?) (?:were |was )?(?:intercepted|shot down))\b/gi },
  { kind: 'capture', noun: false, re: /\b(?:captur(?:e|ed|es|ing)|arrest(?:ed|ing)|detain(?:s|ed|ing)?|apprehend(?:s|ed|ing)?|nabbed|rounded up|taken into custody|taken prisoner|held in custody|remanded|picked up by (?:the )?(?:police|security|army|forces))\b/gi },
  { kind: 'capture', noun: true, re: /\b(?:arrests?|detentions?)\b(?!\s+warrants?)/gi },
  { kind: 'kill', noun: false, re: /\b(?:among the dead|kill(?:s|ed|ing)?|murder(?:s|ed|ing)?|assassinat(?:e|ed|es|ing|ion|ions)|executed|shot dead|gunned down|beheaded|slain|slew|martyred|lost (?:their|his|her) lives|(?:hacked|chopped|beat(?:en)?|stabbed|burnt|burned|bludgeoned|strangled|tortured|shot|lynched|hanged)\s+(?:[\w,'’-]+\s+){0,6}?to death|found dead|bod(?:y|ies) (?:\w+ ){0,6}(?:was|were) (?:found|recovered|discovered|fished out))\b/gi },
  { kind: 'clash', noun: true, re: /\b(?:clash(?:es|ed)?|firefights?|fire[\s-]?fights?|gun ?battles?|gun-?fights?|shoot-?outs?|exchang(?:ed|ing|e of|es of) (?:heavy |small[\s-]arms? )?(?:fire|gunfire)|encounters?|skirmish(?:es|ed)?|battl(?:ed|ing)|engaged (?:in )?(?:a )?(?:battle|fighting|gunfight|firefight|clash)|fought|fighting|hostilities|combat|targeted each other|violence (?:erupted|broke out|flared)|(?:erupted|broke out) between)\b/gi },
  { kind: 'attack', noun: true, re: /\b(?:attack(?:s|ed|ing)?|ambush(?:es|ed|ing)?|assault(?:s|ed|ing)?|offensive|targeted (?!at\b|for\b|by\b))\b/gi },
  { kind: 'shooting', noun: false, re: /\b(?:opened fire|open(?:ing)? fire|fired (?:upon|on|at|shots|indiscriminately|into|in the air)|shot (?:at|and (?:killed|injured|wounded))|(?:was|were|been|being) shot|firing|shot (?:him|her|them|a |an |the |two |three |four |\d)|shooting|gunfire|gun ?shots?|gunmen|hacked|stabbed|beat(?:en)? (?:up|severely)|beaten|thrashed|tortured|lathi[\s-]?charg(?:e|ed|ing)|baton[\s-]charg(?:e|ed|ing)|cane[\s-]charg(?:e|ed|ing)|tear[\s-]?gas|teargas|water cannons?|rubber bullets)\b/gi },
  { kind: 'harm', noun: false, re: /\b(?:injur(?:ed|ing|ies)|wound(?:ed|ing)|hurt|burn injuries|sustained (?:\w+ )?injuries)\b/gi },
  { kind: 'siege', noun: true, re: /\b(?:sieges?|besieg(?:e|ed|es|ing)|encircled|blockaded)\b/gi },
  { kind: 'kidnap', noun: true, re: /\b(?:kidnap(?:s|ped|ping|pings|pers)?|abduct(?:s|ed|ing|ion|ions|ors)?|taken hostage|took (?:\w+ ){0,3}hostage|held hostage|forcibly disappeared|enforced disappearances?)\b/gi },
  { kind: 'loot', noun: true, re: /\b(?:loot(?:ed|ing|s)?|plunder(?:ed|ing)?|pillag(?:ed|ing)|(?:destroyed|demolished|razed|damaged|bulldozed|burn(?:ed|t)) (?:\w+ ){0,3}(?:houses?|homes?|shops?|buildings?|property|properties|vehicles?|cars?|buses|offices?|schools?|temples?|mosques?|churches?|statues?|huts?|stalls?|crops?|towers?|pylons?|pipelines?|poles?|bridges?)|(?:houses?|homes?|shops?|buildings?|vehicles?|cars?|buses|offices?|schools?|temples?|mosques?|churches?|statues?|towers?|pylons?|pipelines?|poles?|bridges?) (?:\w+ ){0,4}(?:were|was) (?:\w+ )?(?:damaged|destroyed|demolished|razed|vandali[sz]ed|burn(?:ed|t) down))\b/gi },
  { kind: 'agreement', noun: true, re: /\b(?:(?:signed|sign|signing|inked|reached|concluded|agreed (?:on|to|upon)) (?:a |an |the )?(?:\w+[\s-]){0,3}(?:agreements?|accords?|deals?|ceasefire|cease-fire|truce|pact|memorand(?:um|a) of understanding|MoU)|peace (?:talks|agreements?|accords?|deals?|negotiations)|ceasefire (?:agreements?|deals?|talks|was agreed|was declared|was announced)|(?:prisoner|POW) (?:exchanges?|swaps?)|exchange of (?:prisoners|bodies|POWs)|(?:held|hold|holding) (?:\w+ ){0,2}talks)\b/gi },
  { kind: 'surrender', noun: false, re: /\b(?:surrender(?:ed|s|ing)?|laid down (?:their |his |her )?(?:arms|weapons)|handed (?:themselves|himself|herself) (?:over|in)|gave (?:themselves|himself|herself) up|defected)\b/gi },
  { kind: 'base', noun: false, re: /\b(?:(?:established|set up|setting up|built|opened|erected) (?:a |an |new |its |their |two |three |several )?(?:\w+ ){0,2}(?:base|bases|headquarters|HQ|camps?|outposts?|command posts?|training camps?))\b/gi },
  { kind: 'group', noun: false, re: /\b(?:(?:formed|launched|founded|announced (?:the )?(?:formation|creation) of) (?:a |an |the )?(?:new )?(?:\w+ ){0,3}(?:group|party|alliance|front|faction|wing|coalition|organi[sz]ation|militia|battalion|unit)|merged (?:with|into)|split (?:from|away)|(?:changed|renamed) its name|dissolved (?:the |its )?(?:group|party|unit|battalion|militia))\b/gi },
  { kind: 'deploy', noun: true, re: /\b(?:deploy(?:ed|ment|ments|ing)|redeploy(?:ed|ment)|troop movements?|(?:military )?convoys?|reinforcements|amass(?:ed|ing)|mass(?:ed|ing) (?:troops|forces|soldiers)|military exercises?|(?:troops|forces|soldiers|units) (?:moved|advanced|withdrew|retreated|pulled out|arrived|entered|crossed)|withdr(?:ew|awn|awal) (?:from|of)|evacuat(?:ed|ion|ing)|humanitarian corridors?|imposed (?:a )?curfew|curfew was imposed|state of emergency|martial law)\b/gi }
];

/** Words for a crowd acting together: with a protest or riot cue, the people who protest or riot. */
export const CROWD = /\b(?:protest(?:ers|ors)|demonstrators|crowds?|mobs?|rioters|supporters|activists|workers|students|villagers|locals|residents|farmers|traders|shopkeepers|employees|teachers|lawyers|cadres|members|youths|people|agitators|followers|relatives|family members|women|tribesmen|vendors|labourers|laborers|pilgrims)\b/i;
/** A state's forces stepping in ("police fired tear gas", "dispersed", "lathi-charged"): a protest met with intervention. */
export const INTERVENTION = /\b(?:tear[\s-]?gas|teargas|water cannons?|rubber bullets|lathi[\s-]?charg\w*|baton[\s-]?charg\w*|cane[\s-]charg\w*|dispers(?:e|ed|ing|al)|arrest(?:ed|s)?|detain(?:ed|s)?|rounded up|intervened|blank (?:fire|shots|rounds)|fired (?:\w+ )?(?:in|into) the air|warning shots|cordon(?:ed)?|beat(?:en)?|charged)\b/i;
/** State and organised armed forces, as targets or parties: their fights are battles, not violence against civilians. */
export const ARMED = /\b(?:soldiers?|troops?|army|military|servicem[ae]n|police(?:m[ae]n)?|constables?|cops?|officers|security (?:forces|personnel|men|guards?|officials)|personnel|rangers|paramilitar\w*|jawans?|commandos?|guards?|militants?|rebels?|insurgents?|guerrill?as?|fighters|terrorists?|separatists?|Maoists?|Naxal\w*|cadres of|gunmen|militia\w*|check-?posts?|outposts?|checkpoints?|patrols?|convoys?|camps?|bases?|barracks|positions|forces)\b/i;
/** Violence by the state against a crowd ("police fired on protesters, killing two"): force used against protesters. */
export const FORCE_ON_CROWD = /\b(?:police|security forces|troops|soldiers|army|forces|rangers|paramilitar\w*)\b/i;

/** Cues that put the rest of their clause out of fact: negation, modality, attempts, conditions. */
export const IRREALIS =
  /\b(?:no|not|never|without|neither|nor|denied|denies|deny|would|could|might|should|will|shall|if|unless|whether|plans? to|planned to|planning to|threaten(?:s|ed)? to|try to|tried to|trying to|attempt(?:s|ed|ing)? to|nearly|almost|avoid(?:s|ed|ing)?|prevent(?:s|ed|ing)?|foil(?:s|ed)?|to (?:avoid|prevent)|intend(?:s|ed)? to|vow(?:s|ed)? to|aim(?:s|ed)? to|want(?:s|ed)? to|can|cannot|can't|won't|wouldn't|didn't|doesn't|don't|isn't|wasn't|weren't|hasn't|haven't|hadn't|lest)\b|\bmay\b(?! \d)/gi;

/** "killed or captured", "captured or killed": a summary of many operations, not one event. */
export const AGGREGATE = /\b(?:killed|captured|arrested|detained|wounded)\s+or\s+(?:killed|captured|arrested|detained|wounded)\b|\b(?:scores|hundreds|thousands|dozens) of (?:\w+ )?(?:attacks|raids|operations|strikes|airstrikes|incidents|arrests|bombings|killings|ambushes)\b/i;

/** Words for people who are not combatants: their killing or abduction is violence against civilians. */
export const CIVILIAN =
  /\b(?:civilians?|diplomats?|journalists?|reporters?|aid workers?|villagers?|worshippers?|pilgrims?|students?|child(?:ren)?|boys?|girls?|wom[ae]n|m[ae]n|persons?|people|residents|trainers?|teachers?|doctors?|nurses?|farmers?|shopkeepers?|traders?|businessm[ae]n|merchants?|vendors?|drivers?|passengers?|workers?|labou?rers?|clerics?|priests?|monks?|imams?|tourists?|contractors?|engineers?|bloggers?|activists?|leaders?|politicians?|candidates?|councill?ors?|chairm[ae]n|officials?|supporters?|families|family|wife|husband|sons?|daughters?|brothers?|elders?|youths?|teen(?:ager)?s?|couple|devotees?|commuters?|fisherm[ae]n|community members?|processions?|buse?s?|trains?|villages?|markets?|settlements?|headm[ae]n|sarpanch(?:es)?|victims?|school(?:girl|boy|child)(?:ren|s)?|bystanders?|refugees?|inmates?|patients?|mourners?|guests?|customers?|homes?|houses?|shops?|buses|vehicles?|mosques?|temples?|churches?|schools?)\b/i;

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
  /\b(?:Taliban|Taleban|Tehri[kq]-[ie]-Taliban(?: Pakistan)?|Tehreek-e-Taliban(?: Pakistan)?|TTP|Hezbollah|Hizballah|Hizbullah|Hizbollah|al[\s-]Qa['’]?e?ida(?: in Iraq| in the Arabian Peninsula)?|AQI|AQAP|NATO|ISIS-K|ISIS|ISIL|IS-K|ISKP|ISWAP|Daesh|Islamic State(?: in Khorasan| Khorasan Province| West Africa Province)?|Hamas|HAMAS|Al[\s-]Shabaa?b|Boko Haram|Mahdi Army|Jaysh al[\s-]Mahdi|Jaish al[\s-]Mahdi|JAM|Hizb-e-Islami(?: Gulbuddin)?|IRGC[\s-]QF|IRGC(?: Quds Force)?|Qods Force|Quds Force|Revolutionary Guards?(?: Corps)?|Special Groups|Multinational Forces Iraq|Multi-National Forces? Iraq|Coalition forces|Peshmerga|Haqqani Network|Lashkar-e-Tai?ba|Lashkar-e-Toiba|LeT|Jaish-e-Mohammed|Jaish-e-Muhammad|JeM|Sheibani Network|Qazali Network|Wagner Group|PMC Wagner|Wagner)\b/g;

/**
 * One spelling per group (ACLED-style names), the variants reporting uses kept as aliases. Keys are the canonical
 * names; the variants are matched case-insensitively, ignoring spaces, hyphens and apostrophes.
 */
export const ACTOR_ALIASES: Record<string, string[]> = {
  'Islamic Revolutionary Guard Corps - Quds Force': ['Qods Force', 'Quds Force', 'IRGC-QF', 'IRGC QF', 'IRGC Quds Force'],
  'Islamic Revolutionary Guard Corps': ['IRGC', 'Revolutionary Guard', 'Revolutionary Guards', 'Revolutionary Guard Corps', 'Revolutionary Guards Corps'],
  'Islamic State': ['ISIS', 'ISIL', 'Daesh'],
  'Islamic State (Khorasan)': ['IS-K', 'ISKP', 'ISIS-K', 'Islamic State in Khorasan', 'Islamic State Khorasan Province'],
  'Islamic State (West Africa)': ['ISWAP', 'Islamic State West Africa Province'],
  'al-Qaeda': ['al Qaeda', 'al-Qaida', 'al Qaida', "al Qa'ida"],
  'al-Qaeda in Iraq': ['AQI', 'al Qaeda in Iraq', 'al-Qaida in Iraq'],
  'al-Qaeda in the Arabian Peninsula': ['AQAP'],
  Hezbollah: ['Hizballah', 'Hizbullah', 'Hizbollah'],
  'al-Shabaab': ['Al Shabaab', 'Al-Shabab', 'al Shabab'],
  'Mahdi Army': ['Jaysh al-Mahdi', 'Jaysh al Mahdi', 'Jaish al-Mahdi', 'JAM'],
  Taliban: ['Taleban'],
  'Tehrik-i-Taliban Pakistan': ['TTP', 'Tehreek-e-Taliban', 'Tehreek-e-Taliban Pakistan', 'Tehrik-e-Taliban Pakistan', 'Tehrik-i-Taliban'],
  'Lashkar-e-Taiba': ['LeT', 'Lashkar-e-Toiba', 'Lashkar-e-Tayyiba', 'Lashkar-e-Taba'],
  'Jaish-e-Mohammed': ['JeM', 'Jaish-e-Muhammad'],
  'Wagner Group': ['Wagner', 'PMC Wagner'],
  'Multinational Force - Iraq': ['Multinational Forces Iraq', 'Multi-National Force Iraq', 'Multi-National Forces Iraq', 'MNF-I']
};

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
  /\b(?:smuggl\w*|depart(?:s|ed|ing)?|head(?:s|ed|ing)? (?:to|for|towards?|into)|bound for|destined for|en route|cross(?:es|ed|ing)|arriv(?:e|es|ed|ing)|enter(?:s|ed|ing)|carr(?:y|ies|ied|ying)|truck(?:s|ed|ing)|fl(?:y|ies|ew|own)|driv(?:e|es|ing|en)|drove|suppl(?:y|ies|ied|ying)|sen(?:d|ds|ding|t)|transport\w*|transfer\w*|shipments?|ship(?:s|ped|ping)?|traffick\w*|funnel\w*|deliver\w*|provid(?:e|es|ed|ing)|bring(?:s|ing)?|brought|mov(?:e|es|ed|ing)|infiltrat\w*|travel(?:l)?(?:ed|ing|s)?|went|go(?:es|ing)?|secur(?:e|ed|es|ing)|channel\w*|flow(?:s|ed|ing)?|route[sd]?)\b/gi;
/** Movement verbs that move the mover (people travelling), which need a purpose ("for training") to be a route. */
export const SELF_MOVEMENT = /^(?:travel|went|go|mov|head|depart|cross|arriv|enter|fl[yie]|flown|driv|drove|en route)/i;

/** An air platform named in the frame makes a killing or attack an air/drone strike. */
export const AIR_PLATFORM = /\b(?:unmanned aerial vehicles?|UAVs?|drones?|aircraft|warplanes?|(?:attack )?helicopters?|gunships?|jets?|air power|aerial|air support|precision munitions)\b/i;
