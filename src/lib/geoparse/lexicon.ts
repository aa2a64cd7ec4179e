/** Word lists the recognizer and resolver consult. Derived lists come from data/lexicon.json (see build/lexicon.ts). */
import lexiconData from './data/lexicon.json' with { type: 'json' };

export const COMMON_WORDS: ReadonlySet<string> = new Set(lexiconData.commonWords);
/** Arabic articles that may be written capitalised as a separate word ("Al Kut", "El Fasher"). */
/**
 * Nouns for armed forces and their weapons. A demonym before one ("Russian artillery", "American troops",
 * "Iranian-made rockets") names who fights, and armies fight abroad: it is weak evidence of where the text is.
 */
export const ARMED_ACTOR_NOUNS = new Set([
  'forces', 'force', 'troops', 'soldiers', 'soldier', 'army', 'armies', 'military', 'militaries', 'artillery', 'navy', 'naval', 'marines',
  'jets', 'jet', 'warplanes', 'warplane', 'aircraft', 'planes', 'bombers', 'helicopters', 'drones', 'drone', 'missiles', 'missile',
  'rockets', 'rocket', 'shells', 'tanks', 'warships', 'submarines', 'paratroopers', 'commandos', 'special', 'airstrikes', 'strikes',
  'mercenaries', 'fighters', 'militias', 'militiamen', 'advisers', 'advisors', 'units', 'battalion', 'brigade', 'occupiers', 'invaders',
  'backed', 'led', 'made', 'supplied', 'funded', 'trained', 'armed', 'built', 'sponsored'
]);

export const CAPITALISED_ARTICLES = new Set(['al', 'el']);
/** Directions that qualify a place name ("North Texas", "southern Iraq"). */
export const COMPASS_WORDS: ReadonlySet<string> = new Set([
  'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'northeast', 'northwest',
  'southeast', 'southwest', 'northeastern', 'northwestern', 'southeastern', 'southwestern'
]);
/**
 * Given names: English ones from the lexicon, plus common Arabic, Persian and Pashto given names and name
 * elements, which conflict reporting is full of and the English lists lack ("Saddam Husayn", "Hassan Nasrallah").
 */
export const GIVEN_NAMES: ReadonlySet<string> = new Set([
  // Compass words are given names too rarely to outweigh "North Texas", "West Bengal", "East Jerusalem".
  ...lexiconData.givenNames.filter((w) => !COMPASS_WORDS.has(w)),
  'abu', 'abd', 'abdul', 'abdel', 'abdullah', 'abdallah', 'abdulla', 'abbas', 'adel', 'adil', 'ahmad', 'ahmed', 'akhtar',
  'akram', 'ali', 'amin', 'amir', 'amr', 'anwar', 'asad', 'ashraf', 'atta', 'ayman', 'aziz', 'bashar', 'bashir', 'bilal',
  'faisal', 'farouk', 'faruq', 'fazlullah', 'ghulam', 'gulbuddin', 'habib', 'hafez', 'haji', 'hakimullah', 'hamas',
  'hamid', 'hamza', 'hani', 'haqqani', 'haroon', 'harun', 'hasan', 'hassan', 'hekmatyar', 'hibatullah', 'hosni',
  'hossein', 'husayn', 'hussain', 'hussein', 'ibrahim', 'ismail', 'jalal', 'jalaluddin', 'jamal', 'jamil', 'karim',
  'khaled', 'khalid', 'khalil', 'mahmoud', 'mahmud', 'majid', 'mansour', 'mansur', 'masoud', 'mehdi', 'mohamed',
  'mohammad', 'mohammed', 'muhammad', 'mahdi', 'mohsen', 'moqtada', 'muqtada', 'mustafa', 'nasser', 'nasrallah',
  'nouri', 'nuri', 'omar', 'osama', 'qasem', 'qassem', 'qasim', 'rahman', 'rashid', 'saddam', 'said', 'saleh',
  'salim', 'sami', 'samir', 'sayed', 'sayyid', 'sheikh', 'sirajuddin', 'suleiman', 'sulaiman', 'tariq', 'umar',
  'usama', 'walid', 'yahya', 'yasser', 'yousef', 'youssef', 'yusuf', 'zaid', 'zalmay', 'zarqawi', 'zawahiri', 'ziad'
]);
/** lower-case demonym → ISO country code ("iraqi" → "IQ"). */
export const DEMONYMS: ReadonlyMap<string, string> = new Map([
  ...Object.entries(lexiconData.demonyms),
  // Short forms world-countries lacks (it has "Saudi Arabian").
  ['saudi', 'SA'], ['saudis', 'SA'],
  // Forms it lacks: the accented Burkinabè, Nepali beside Nepalese, Lao beside Laotian.
  ['burkinabè', 'BF'], ['nepali', 'NP'], ['nepalis', 'NP'], ['lao', 'LA']
]);

/** Lower-case words that may sit inside a multi-word place name ("Isle of Man", "Dar es Salaam", "Bosnia and Herzegovina"). */
export const NAME_CONNECTORS = new Set([
  'of', 'de', 'del', 'della', 'da', 'do', 'dos', 'das', 'du', 'des', 'la', 'le', 'les', 'el', 'al', 'ul', 'ur',
  'es', 'en', 'upon', 'on', 'and', 'y', 'e', 'i', 'van', 'von', 'der', 'den', 'bin', 'ibn', 'am', 'im', 'sur', 'sous'
]);

/** Arabic definite articles written as a separate word or fused with a hyphen (Al Kut, al-Amarah). */
export const ARABIC_ARTICLES = new Set(['al', 'el', 'ad', 'an', 'ar', 'as', 'at', 'az', 'ash', 'ath', 'ul', 'ud', 'ur']);

/** Abbreviations followed by a dot inside place names ("St. Louis", "Ft. Worth"). */
export const NAME_ABBREVIATIONS = new Set(['st', 'ste', 'ft', 'mt', 'pt', 'sta']);

/** Words that, directly before a capitalised name, make it a person. */
export const PERSON_TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'gen', 'general', 'col', 'colonel', 'lt', 'lieutenant', 'capt', 'captain', 'sgt',
  'sergeant', 'maj', 'major', 'cpl', 'corporal', 'pvt', 'private', 'adm', 'admiral', 'cmdr', 'commander', 'president',
  'senator', 'sen', 'rep', 'representative', 'congressman', 'congresswoman', 'gov', 'governor', 'mayor', 'judge',
  'justice', 'sheriff', 'deputy', 'officer', 'det', 'detective', 'chief', 'prince', 'princess', 'king', 'queen',
  'sheikh', 'shaikh', 'sheik', 'mullah', 'mulla', 'maulvi', 'mawlawi', 'imam', 'ayatollah', 'sayyed', 'sayyid',
  'hojatoleslam', 'minister', 'secretary', 'commissioner', 'director', 'professor', 'prof', 'rev', 'reverend',
  'father', 'pastor', 'bishop', 'pope', 'coach', 'emir', 'amir', 'haji', 'hajji', 'qari', 'mufti', 'sir', 'lord',
  'lady', 'dame', 'brother', 'sister', 'uncle', 'aunt', 'trooper', 'agent', 'attorney', 'spokesman', 'spokeswoman',
  'councilman', 'councilwoman', 'senators', 'generals', 'gens', 'reps', 'sens', 'superintendent', 'chairman', 'chairwoman', 'ambassador', 'envoy', 'commandant'
]);

/** Titles written abbreviated with a dot ("Gen. Petraeus", "Sen. Casey"): the dot after them ends no sentence. */
export const TITLE_ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'gen', 'col', 'lt', 'capt', 'sgt', 'maj', 'cpl', 'pvt', 'adm', 'cmdr', 'rep', 'reps', 'sen',
  'sens', 'gov', 'det', 'prof', 'rev', 'gens', 'messrs', 'supt', 'insp', 'cdr', 'brig', 'spc', 'pfc'
]);

/**
 * Titles that are also ordinary words ("miss", "major", "general", "judge"): only capitalised do they make the
 * next name a person ("Judge Turner", not "expected to miss Rochester").
 */
export const CAPITALISED_TITLES = new Set([
  'miss', 'major', 'general', 'private', 'chief', 'judge', 'justice', 'deputy', 'officer', 'agent', 'father', 'brother',
  'sister', 'lady', 'lord', 'king', 'queen', 'prince', 'princess', 'coach', 'director', 'secretary', 'minister',
  'commander', 'captain', 'dame', 'sir', 'trooper', 'uncle', 'aunt'
]);

/** Head words of organisation names: "Qods Force", "Mahdi Army", "Washington Post". */
export const ORGANISATION_HEADS = new Set([
  'force', 'forces', 'patrol', 'chamber', 'army', 'corps', 'brigade', 'brigades', 'battalion', 'regiment', 'division',
  'party', 'movement',
  'front', 'group', 'groups', 'post', 'times', 'telegraph', 'journal', 'herald', 'tribune', 'gazette', 'news', 'daily',
  'press', 'company', 'co', 'corp', 'corporation', 'inc', 'llc', 'ltd', 'university', 'college', 'school', 'academy',
  'hospital', 'church', 'council', 'ministry', 'department', 'dept', 'police', 'office', 'agency', 'bank',
  'association', 'institute', 'foundation', 'committee', 'commission', 'club', 'team', 'airlines', 'airways', 'guard',
  'board', 'court', 'bureau', 'administration', 'authority', 'services', 'service', 'network', 'channel', 'radio',
  'television', 'tv', 'magazine', 'review', 'federation', 'union', 'league', 'society', 'network', 'organization',
  'organisation', 'center', 'centre', 'jail', 'prison', 'mosque', 'stadium', 'airport', 'base', 'camp', 'street',
  'st', 'avenue', 'ave', 'road', 'rd', 'boulevard', 'blvd', 'highway', 'hwy', 'drive', 'dr', 'lane', 'ln', 'bridge',
  'mall', 'hotel', 'restaurant', 'museum', 'library', 'park', 'hall', 'building', 'tower', 'plaza', 'square',
  'cemetery', 'zoo', 'station', 'senate', 'assembly', 'parliament', 'congress', 'government', 'sheriffs', 'fire',
  'emergency', 'health', 'clinic', 'medical', 'county-wide', 'state-wide', 'insurance', 'energy', 'oil', 'gas'
]);

/** Feature words after a name, and the place kinds they point to ("Wasit province", "Shahrak district"). */
export const FEATURE_WORDS: ReadonlyMap<string, 'admin1' | 'admin2' | 'city' | 'country'> = new Map([
  ['province', 'admin1'], ['provinces', 'admin1'], ['governorate', 'admin1'], ['state', 'admin1'], ['region', 'admin1'],
  ['oblast', 'admin1'], ['prefecture', 'admin1'], ['district', 'admin2'], ['districts', 'admin2'], ['county', 'admin2'],
  ['parish', 'admin2'], ['municipality', 'admin2'], ['city', 'city'], ['town', 'city'], ['village', 'city'],
  ['neighborhood', 'city'], ['neighbourhood', 'city'], ['suburb', 'city'], ['capital', 'city'], ['country', 'country']
]);

/** Prepositions that put a following name in a locative role ("in Ghor", "near Baghdad", "from Iran"). */
export const LOCATIVE_PREPOSITIONS = new Set([
  'in', 'at', 'near', 'from', 'to', 'into', 'outside', 'across', 'throughout', 'toward', 'towards', 'through', 'around',
  'via', 'within', 'inside', 'between', 'of', 'nearby', 'beyond', 'along', 'onto', 'across', 'downtown', 'entering',
  'visited', 'visiting', 'leaving', 'left', 'reached',
  // Verbs of attack whose object is a place, not a person, in conflict reporting ("militants shelled Gulak").
  'raided', 'shelled', 'stormed', 'overran', 'bombed', 'invaded', 'besieged', 'entered', 'liberated', 'recaptured',
  'occupied', ...COMPASS_WORDS
]);

export const MONTHS_AND_DAYS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'monday',
  'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'
]);

/** Verbs of speech after a bare name make it a person ("Hekmatyar said"). */
export const SPEECH_VERBS = new Set(['said', 'says', 'told', 'added', 'stated', 'explained', 'noted', 'asked', 'replied', 'claimed', 'wrote', 'recalled']);

/**
 * Associated Press state abbreviations as written after a comma in US news ("Paris, Tenn.", "Dublin, Ohio"):
 * abbreviation → USPS code of the state. A writing convention, looked up only in that position.
 */
export const AP_STATE_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['Ala.', 'AL'], ['Ariz.', 'AZ'], ['Ark.', 'AR'], ['Calif.', 'CA'], ['Cal.', 'CA'], ['Colo.', 'CO'], ['Conn.', 'CT'],
  ['Del.', 'DE'], ['Fla.', 'FL'], ['Ga.', 'GA'], ['Ill.', 'IL'], ['Ind.', 'IN'], ['Kan.', 'KS'], ['Kans.', 'KS'],
  ['Ky.', 'KY'], ['La.', 'LA'], ['Md.', 'MD'], ['Mass.', 'MA'], ['Mich.', 'MI'], ['Minn.', 'MN'], ['Miss.', 'MS'],
  ['Mo.', 'MO'], ['Mont.', 'MT'], ['Neb.', 'NE'], ['Nebr.', 'NE'], ['Nev.', 'NV'], ['N.H.', 'NH'], ['N.J.', 'NJ'],
  ['N.M.', 'NM'], ['N.Y.', 'NY'], ['N.C.', 'NC'], ['N.D.', 'ND'], ['Okla.', 'OK'], ['Ore.', 'OR'], ['Pa.', 'PA'],
  ['R.I.', 'RI'], ['S.C.', 'SC'], ['S.D.', 'SD'], ['Tenn.', 'TN'], ['Tex.', 'TX'], ['Vt.', 'VT'], ['Va.', 'VA'],
  ['Wash.', 'WA'], ['W.Va.', 'WV'], ['W. Va.', 'WV'],
  // Older styles, spaced initials included ("S. C.", "N. Mex.").
  ['S. C.', 'SC'], ['N. C.', 'NC'], ['N. Y.', 'NY'], ['N. J.', 'NJ'], ['N. H.', 'NH'], ['R. I.', 'RI'], ['N. M.', 'NM'],
  ['N. Mex.', 'NM'], ['N. Dak.', 'ND'], ['S. Dak.', 'SD'], ['N.Mex.', 'NM'], ['N.Dak.', 'ND'], ['S.Dak.', 'SD'],
  ['Ida.', 'ID'], ['Wis.', 'WI'], ['Wisc.', 'WI'], ['Wyo.', 'WY']
]);

/** Peoples and faiths: context like demonyms, never places ("Arab", "Tamils", "Shia"). */
export const ETHNONYMS = new Set([
  'arab', 'arabs', 'kurd', 'kurds', 'kurdish', 'tamil', 'tamils', 'sinhalese', 'pashtun', 'pashtuns', 'baluch', 'baloch',
  'shia', 'shiite', 'shiites', 'shia’s', 'sunni', 'sunnis', 'hazara', 'hazaras', 'uzbek', 'uzbeks', 'turkmen', 'druze',
  'alawite', 'alawites', 'yazidi', 'yazidis', 'christian', 'christians', 'muslim', 'muslims', 'jewish', 'jews', 'hindu',
  'hindus', 'sikh', 'sikhs', 'catholic', 'catholics', 'protestant', 'protestants', 'orthodox', 'coptic', 'copts',
  'bedouin', 'berber', 'berbers', 'tuareg', 'hutu', 'tutsi', 'latino', 'latinos', 'hispanic', 'hispanics', 'asian',
  'asians', 'african', 'africans', 'european', 'europeans', 'western', 'westerners', 'persian', 'persians', 'islamic',
  'islamist', 'islamists', 'jihadist', 'jihadists', 'arabic', 'english', 'french', 'spanish'
]);

/**
 * Single capitalised words that name something other than a place far more often than the hamlets or towns
 * that bear them: deities and feasts ("by the grace of God", "at Christmas"), legislatures ("the State Duma").
 */
export const NOT_PLACE_WORDS = new Set([
  'god', 'jesus', 'christ', 'allah', 'christmas', 'easter', 'ramadan', 'eid', 'lent', 'passover', 'hanukkah',
  'duma', 'knesset', 'majlis', 'parliament', 'congress', 'senate', 'bundestag', 'assembly',
  // South Asian administrative and market words, alone ("Sadar upazila", "the Bazar"): part of names, not names.
  'sadar', 'upazila', 'tehsil', 'bazar', 'bazaar'
]);

/** Buildings that stand for a government after "the" ("the White House said"), lower-case. */
export const SEATS_OF_GOVERNMENT = new Set(['white house', 'pentagon', 'kremlin', 'blue house', 'elysee', 'élysée']);

/** Words after a place name that make it a disease's eponym ("West Nile virus", "Lyme disease", "Rift Valley fever"). */
export const DISEASE_HEADS = new Set(['virus', 'viruses', 'fever', 'disease', 'flu', 'influenza', 'encephalitis', 'syndrome']);

/** Heads of newspaper and broadcaster names: the city in "Lansing State Journal" locates no event. */
export const MEDIA_HEADS = new Set(['journal', 'times', 'post', 'herald', 'tribune', 'gazette', 'news', 'press', 'telegraph', 'chronicle', 'courier', 'observer', 'register', 'sentinel', 'examiner', 'bulletin', 'dispatch', 'star', 'globe', 'independent', 'guardian', 'standard', 'mirror', 'express', 'magazine']);

/** Words that make a name part of a physical feature's name ("Lake Vermont", "Red River", "Camp David"). */
export const FEATURE_NAME_PREFIXES = new Set(['lake', 'mount', 'mt', 'camp', 'cape', 'river', 'gulf', 'bay', 'isle', 'island', 'sea', 'port']);
export const FEATURE_NAME_SUFFIXES = new Set(['river', 'creek', 'lake', 'mountain', 'mountains', 'valley', 'bay', 'island', 'islands', 'forest', 'canyon', 'falls', 'dam', 'reservoir', 'desert', 'plateau', 'peninsula', 'strait', 'channel', 'glacier', 'sea', 'ocean', 'gulf', 'basin', 'delta', 'pass', 'trail', 'wilderness']);
/** Words written before a ship's name ("USS Kansas City", "HMS Sheffield", "MV Limburg"). */
export const SHIP_PREFIXES = new Set(['USS', 'USNS', 'HMS', 'HMCS', 'HMAS', 'HMNZS', 'INS', 'PNS', 'MV', 'M/V', 'RMS', 'SS', 'MS', 'FS', 'ARA', 'TCG', 'NRP', 'ROKS', 'JS']);
/** News agencies and newspapers whose names are also places' names (normalised): no mention unless in a locative slot. */
export const NEWS_OUTLETS = new Set(['xinhua', 'al ahram', 'ahram', 'sana', 'wafa', 'antara', 'bernama', 'yonhap', 'kyodo', 'anadolu', 'interfax', 'ria novosti', 'itar tass', 'irna', 'tasnim', 'asharq al awsat', 'al hayat', 'al jazeera', 'al arabiya', 'al mayadeen', 'al manar']);
