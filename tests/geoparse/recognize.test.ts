import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/lib/gazetteer';
import { geoparse } from '../../src/lib/geoparse';

const gazetteer = loadGazetteer();
const names = (text: string) => geoparse(text, { gazetteer }).map((t) => t.text);
const resolved = (text: string, name: string) => geoparse(text, { gazetteer }).find((t) => t.text === name)?.place ?? null;

describe('recognition', () => {
  it('finds multiword names and keeps exact spans', () => {
    const text = 'Gunmen attacked a checkpoint in Sadr City and later fled toward Mazar-i-Sharif.';
    expect(names(text)).toEqual(['Sadr City', 'Mazar-i-Sharif']);
  });

  it('keeps the Arabic article inside the span and resolves without it', () => {
    const text = 'Troops moved from al-Amarah to Al Kut.';
    expect(names(text)).toEqual(['al-Amarah', 'Al Kut']);
    expect(resolved(text, 'Al Kut')?.country).toBe('IQ');
  });

  it('refuses people introduced by a title and their later bare surname', () => {
    const text = 'Mullah Mustafa was killed in Ghor. Mustafa had met commanders in Herat.';
    expect(names(text)).toEqual(['Ghor', 'Herat']);
  });

  it('refuses organisations named after minor places', () => {
    expect(names('Iran’s Qods Force trained the fighters.')).toEqual(['Iran']);
  });

  it('refuses a person whose surname is a place name ("Muqtada al Sadr") but keeps Sadr City', () => {
    expect(names('Muqtada al Sadr spoke in Sadr City.')).toEqual(['Sadr City']);
  });

  it('does not take demonyms for places, but reports them as countries on request', () => {
    expect(names('Iranian and Afghan officials met.')).toEqual([]);
    const withDemonyms = geoparse('Iranian officials met.', { gazetteer, demonyms: true });
    expect(withDemonyms.map((t) => [t.text, t.place?.country])).toEqual([['Iranian', 'IR']]);
  });

  it('takes a common word as a place only with locative evidence', () => {
    expect(names('Reading the report, officials were alarmed.')).toEqual([]);
    expect(names('The plant in Mobile closed.')).toEqual(['Mobile']);
  });

  it('reads all-caps country abbreviations case-sensitively ("US" is the country, "us" the pronoun)', () => {
    const t = geoparse('US forces left Iraq; none of us knew.', { gazetteer });
    expect(t.map((x) => [x.text, x.place?.country])).toEqual([['US', 'US'], ['Iraq', 'IQ']]);
  });

  it('applies a plural feature word to every item of a list ("Ghazni, Paktika and Khost provinces")', () => {
    const t = geoparse('Airstrikes in Ghazni, Paktika and Khost provinces killed 12.', { gazetteer });
    expect(t.map((x) => [x.text, x.place?.kind, x.place?.country])).toEqual([
      ['Ghazni', 'admin1', 'AF'],
      ['Paktika', 'admin1', 'AF'],
      ['Khost', 'admin1', 'AF']
    ]);
    // Common words become places when a list names them so: "Clay" and "Swift" counties.
    const counties = geoparse('Flooding closed roads in Becker, Clay, Swift and Wilkin counties.', { gazetteer });
    expect(counties.map((x) => x.text)).toEqual(['Becker', 'Clay', 'Swift', 'Wilkin']);
    expect(counties.filter((x) => x.place?.kind === 'admin2').length).toBeGreaterThanOrEqual(3);
  });

  it('splits hyphenated compounds of two places', () => {
    expect(names('Floods hit the Fargo-Moorhead area.')).toEqual(['Fargo', 'Moorhead']);
  });

  it('keeps the dot of an abbreviated state and resolves it', () => {
    const t = geoparse('He lives in Springfield, Ill., with his family.', { gazetteer });
    expect(t.map((x) => x.text)).toEqual(['Springfield', 'Ill.']);
    expect(t[0].place?.admin1).toBe('Illinois');
  });
});

describe('resolution', () => {
  it('uses explicit containment ("Musiyyib in northern Babil province")', () => {
    const p = resolved('A raid in Musiyyib in northern Babil province netted five suspects.', 'Musiyyib');
    expect(p?.country).toBe('IQ');
    expect(p?.admin1).toBe('Babil');
  });

  it('uses feature words: "Farah Province" is the province, "Farah city" the city', () => {
    const t = geoparse('The Taliban besieged the capital of Farah Province. Airstrikes broke the siege of Farah city.', { gazetteer });
    const province = t.find((x) => x.text === 'Farah' && t.indexOf(x) === 0);
    expect(province?.place?.kind).toBe('admin1');
    expect(t.filter((x) => x.text === 'Farah')[1].place?.kind).toBe('city');
  });

  it('uses the document’s country: Najaf in an Iraq article is the Iraqi city', () => {
    expect(resolved('Iraqi police raided a house in Najaf after the Baghdad bombing.', 'Najaf')?.country).toBe('IQ');
  });

  it('uses a demonym qualifier: the Pakistani province of Baluchistan', () => {
    const p = resolved('The strike was conducted in the Pakistani province of Baluchistan.', 'Baluchistan');
    expect(p?.country).toBe('PK');
    expect(p?.kind).toBe('admin1');
  });

  it('places a neighbourhood named as part of a city ("Sadr City, Baghdad") in that city', () => {
    const p = resolved('The raid took place in Sadr City, Baghdad.', 'Sadr City');
    expect(p?.kind).toBe('neighbourhood');
    expect(p?.admin1).toBe('Baghdad');
  });

  it('offers alternatives for ambiguous names', () => {
    const t = geoparse('He moved to Springfield last year.', { gazetteer });
    expect(t[0].alternatives.length).toBeGreaterThan(2);
    expect(new Set(t[0].alternatives.map((a) => a.place.id)).has(t[0].place!.id)).toBe(false);
  });

  it('reports an unresolvable name without dropping the rest of the document', () => {
    const t = geoparse('Fighters crossed from Qasirin into Iraq near Baghdad.', { gazetteer });
    expect(t.find((x) => x.text === 'Baghdad')?.place?.country).toBe('IQ');
    expect(t.find((x) => x.text === 'Iraq')?.place?.kind).toBe('country');
  });

  it('does not take a compass word before a place for a given name ("North Texas" is no person called Texas)', () => {
    expect(names('Families moved to North Texas in 1973. Cases are rising in Texas.')).toEqual(['Texas', 'Texas']);
  });

  it('refuses diseases named after places ("West Nile virus", "Rift Valley fever")', () => {
    expect(names('West Nile virus and Rift Valley fever cases rose in Kenya.')).toEqual(['Kenya']);
    expect(names('Boats sailed up the Nile toward Aswan.')).toContain('Aswan');
  });

  it('resolves gold spans written as AP state abbreviations or demonyms to the state or country', () => {
    const text = 'Officials in Wichita, Kan., said Canadian visitors came.';
    const spans = [{ start: 22, end: 26 }, { start: 33, end: 41 }];
    const t = geoparse(text, { gazetteer, spans });
    expect(t.map((x) => [x.text, x.place?.kind, x.place?.country])).toEqual([['Kan.', 'admin1', 'US'], ['Canadian', 'country', 'CA']]);
    expect(t[0].place?.name).toBe('Kansas');
  });

  it('keeps a state or country that names an agency, but not a road ("Florida Highway Patrol", "Florida Highway 19")', () => {
    expect(names('The Florida Highway Patrol closed Florida Highway 19.')).toEqual(['Florida']);
    expect(names('Loans were guaranteed by the U.S. Department of Housing.')).toEqual(['U.S.']);
  });

  it('reads AP state abbreviations after a party letter and dotted pairs anywhere but in a newspaper name', () => {
    const t = geoparse('Rep. Jim Clyburn, D-S.C., and the N.C. Highway Patrol praised the N.Y. Times report.', { gazetteer });
    expect(t.map((x) => [x.text, x.place?.name])).toEqual([['S.C.', 'South Carolina'], ['N.C.', 'North Carolina']]);
  });

  it('reads curated abbreviations of places in capitals ("NSW", "EU") but not other acronyms ("CIA", "UN")', () => {
    expect(names('Floods hit NSW and aid came from the EU; the CIA and UN said nothing.')).toEqual(['NSW', 'EU']);
    expect(names('Nsw is not written so.')).toEqual([]);
    expect(names('Rain fell across NSW. It stopped.')).toEqual(['NSW']);
  });

  it('reads initialisms of major places, French elided names and a country named like its demonym', () => {
    const t = geoparse("From Washington, D.C. and L.A. to Côte d'Ivoire; the Vatican said Iranian envoys came.", { gazetteer });
    expect(t.map((x) => [x.text, x.place?.country])).toEqual([['Washington', 'US'], ['D.C.', 'US'], ['L.A.', 'US'], ["Côte d'Ivoire", 'CI'], ['Vatican', 'VA']]);
  });

  it('matches long official names with "of the" and possessives, not possessives of other names', () => {
    const t = geoparse("Aid reached the Democratic Republic of the Congo and the People's Republic of China; Iraq's Anbar province was calm.", { gazetteer });
    expect(t.map((x) => [x.text, x.place?.country])).toEqual([
      ['Democratic Republic of the Congo', 'CD'], ["People's Republic of China", 'CN'], ['Iraq', 'IQ'], ['Anbar', 'IQ']
    ]);
  });

  it('keeps the White House and the Kremlin as governments, not towns', () => {
    expect(names('The White House and the Kremlin spoke; he lives in White House, Tennessee.')).toEqual(['White House', 'Tennessee']);
  });

  it('refuses saints\' days and organisations named "X of <common word>"', () => {
    expect(names("On St. Patrick's Day the Chamber of Commerce met in Commerce, Texas.")).toEqual(['Commerce', 'Texas']);
  });

  it('reads "W. Va." with its space and takes a state before a route number for the road', () => {
    const t = geoparse('Mud closed W.Va. 61 and Texas 71 near Charleston, W. Va., and in Texas. 12 homes were hit.', { gazetteer });
    expect(t.map((x) => x.text)).toEqual(['Charleston', 'W. Va.', 'Texas']);
  });

  it('takes every name after a plural title for a person ("Senators Durbin and Casey")', () => {
    expect(names('Senators Durbin and Casey flew from Baghdad. Later Durbin and Casey spoke.')).toEqual(['Baghdad']);
  });

  it('resolves a hyphenated pair as peers: the Georgia-Russia war is between countries, even in a US article', () => {
    const t = geoparse('US officials in Washington reflect on the Georgia-Russia war.', { gazetteer });
    expect(t.find((x) => x.text === 'Georgia')?.place?.kind).toBe('country');
    expect(t.find((x) => x.text === 'Georgia')?.place?.country).toBe('GE');
  });

  it('takes a title for a title only when it is one: "miss Rochester" is a verb, "Judge." ends a sentence', () => {
    expect(names('Storm expected to miss Rochester. He lost to Municipal Court Judge. Columbus voters chose him.')).toEqual(['Rochester', 'Columbus']);
    expect(names('They will name an interim president. CINCINNATI (AP) The trustees met.')).toEqual(['CINCINNATI']);
    expect(names('Judge Turner and Gen. David Petraeus met Major Rochester.')).toEqual([]);
  });

  it('keeps a town named in its council\'s name, not a politician\'s surname before "administration"', () => {
    expect(names('The Mount Pleasant City Council met. The Obama administration disagreed.')).toEqual(['Mount Pleasant']);
  });

  it('does not take a major place\'s short name for an organisation because an organisation bears it', () => {
    expect(names('The D.C. Charter School Board met. The school opened a campus in D.C. last year.')).toEqual(['D.C.', 'D.C.']);
    expect(names('He became a member of Kouds force in Iraq.')).toEqual(['Iraq']);
  });

  it('takes "resident of Tyler said" for a place and "Frederick Memorial Hospital" for no person', () => {
    expect(names('Mark Kitsmore, 54, of Tyler said he was fine. Tyler said nothing.')).toEqual(['Tyler']);
    expect(names('He was taken to Frederick Memorial Hospital in Frederick, Maryland.').filter((n) => n === 'Frederick')).toHaveLength(2);
  });

  it('refuses currencies ("US$460 million") and viruses named after places ("Reston ebolavirus")', () => {
    expect(names('After a US$460 million deal, Reston ebolavirus reached the Republic of Congo.')).toEqual(['Republic of Congo']);
  });

  it('takes a demonym that is also a country\'s short name as the country only where it stands as a noun', () => {
    expect(names('Saudi authorities are concerned; workers in Saudi were sent home.')).toEqual(['Saudi']);
    expect(geoparse('Saudi authorities met.', { gazetteer, demonyms: true }).map((t) => t.place?.country)).toEqual(['SA']);
  });

  it('keeps a place that qualifies a title before a name, and the place again later', () => {
    expect(names('Monroe Mayor Robert Routson spoke. Routes run through Monroe and Trenton.')).toEqual(['Monroe', 'Monroe', 'Trenton']);
    expect(names('Erie GM Sherry Bassin said the Knights were blanked in Erie.')).toEqual(['Erie', 'Erie']);
  });

  it('takes "a Concord resident" and "the Rochester area" as evidence for a name that is also a word', () => {
    expect(names('The 41-year-old Concord resident died; rain will miss the Rochester area. Concord was reached.')).toEqual(['Concord', 'Rochester']);
  });

  it('refuses deities, feasts and legislatures that share a name with a hamlet', () => {
    expect(names('By the grace of God, shops in Ohio did well at Christmas; the State Duma met in Moscow.')).toEqual(['Ohio', 'Moscow']);
  });

  it('reads conflict-zone names with Arabic articles and in lists after one preposition', () => {
    const t = geoparse('Militants shelled Deir ez-Zor. Houthi rebels fired missiles at Marib and Hodeidah.', { gazetteer });
    expect(t.map((x) => [x.text, x.place?.country])).toEqual([['Deir ez-Zor', 'SY'], ['Marib', 'YE'], ['Hodeidah', 'YE']]);
  });

  it('takes a container after a minor or alternate name as evidence ("Baiji in Salahuddin")', () => {
    expect(names('Bombs hit Tikrit, Samarra and Baiji in Salahuddin.')).toEqual(['Tikrit', 'Samarra', 'Baiji', 'Salahuddin']);
  });

  it('chooses a container among the candidates that hold what it contains ("Diffa, Niger" in a Nigeria article)', () => {
    const t = geoparse('Boko Haram attacked Maiduguri in Borno state; ISWAP claimed a raid in Diffa, Niger.', { gazetteer });
    expect(t.find((x) => x.text === 'Niger')?.place?.kind).toBe('country');
    expect(t.find((x) => x.text === 'Niger')?.place?.country).toBe('NE');
  });

  it('resolves gold spans exactly, in order', () => {
    const text = 'Basra and Kut are in Iraq.';
    const spans = [{ start: 21, end: 25 }, { start: 0, end: 5 }, { start: 10, end: 13 }];
    const t = geoparse(text, { gazetteer, spans });
    expect(t.map((x) => [x.start, x.end, x.text])).toEqual([[21, 25, 'Iraq'], [0, 5, 'Basra'], [10, 13, 'Kut']]);
    expect(t.every((x) => x.place?.country === 'IQ')).toBe(true);
  });
});

describe('recognition classes from other reporting', () => {
  it('a sentence-final dot stays out of a full place name ("Rome.")', () => {
    const t = geoparse('The delegation flew on to Rome.', { gazetteer }).find((x) => x.text.startsWith('Rome'));
    expect(t?.text).toBe('Rome');
    expect(t?.place?.country).toBe('IT');
  });

  it('old-style and spaced state abbreviations after a comma ("S. C.", "N. Mex.")', () => {
    expect(resolved('He moved to Santa Fe, N. Mex., in 1880.', 'N. Mex.')?.name).toBe('New Mexico');
    expect(resolved('He moved to Santa Fe, N. Mex., in 1880.', 'Santa Fe')?.country).toBe('US');
    expect(resolved('Shells fell on Charleston, S. C., in April.', 'S. C.')?.name).toBe('South Carolina');
  });

  it('ships and news agencies named like places are no mentions', () => {
    expect(names('The destroyer USS Kansas City docked in Bahrain.')).toEqual(['Bahrain']);
    expect(names('Xinhua and Al-Ahram reported the attack near Aleppo.')).toEqual(['Aleppo']);
  });

  it('zero-width characters and soft hyphens inside a name', () => {
    const text = 'Protests spread to Bag\u200bhdad and Bas\u00adra.';
    const tops = geoparse(text, { gazetteer });
    expect(tops.map((t) => t.place?.country)).toEqual(['IQ', 'IQ']);
    for (const t of tops) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('Persian izafe and "qh" spellings find the gazetteer form', () => {
    expect(resolved('Taliban fighters overran Dasht-i-Archi last week.', 'Dasht-i-Archi')?.country).toBe('AF');
    expect(resolved('Clashes were reported in Dhi Qhar overnight.', 'Dhi Qhar')?.name).toBe('Dhi Qar');
  });

  it('nisbas in people\'s names are no places', () => {
    expect(names('Abu Bakr al-Iraqi met Abu Iyad al-Tunisi in Raqqa.')).toEqual(['Raqqa']);
  });
});

describe('names the gazetteer knows only in part', () => {
  it('an alternate name inside a longer unknown capitalised name is no mention', () => {
    expect(names('Shells hit Zalizna Balka before dawn.')).toEqual([]);
    // A hamlet's name as the first word of an unknown village's name.
    expect(names('Rebels ambushed a convoy near Nam Taung village.')).not.toContain('Nam');
    // The last word of a long name whose words before it are unknown belongs to that name.
    expect(names('Members of the Punjab Kisan Mazdoor Sangha marched.')).not.toContain('Sangha');
    // A unit word after the name is no part of an unknown name.
    expect(names('Troops clashed with rebels in Hsipaw Township.')).toContain('Hsipaw');
  });

  it('an abbreviation keeps its dot only when it abbreviates the state', () => {
    expect(names('They met in Hartford, Conn. and left.')).toContain('Conn.');
  });
});

describe('military units named after places', () => {
  it('are units, capitalised or not', () => {
    expect(names('Troops clashed with the Azov Battalion in Mariupol.')).toEqual(['Mariupol']);
    expect(names('The Aidar battalion held positions near Shchastia.')).not.toContain('Aidar');
  });
});

describe('two hamlets side by side', () => {
  it('are one name of something else ("Boko Haram")', () => {
    expect(names('Boko Haram fighters attacked Dikwa on Sunday.')).toEqual(['Dikwa']);
  });

  it('but a town beside its state or a longer name still counts', () => {
    expect(names('Kansas City Missouri police said.')).toContain('Kansas City');
  });
});

describe('administrative words alone', () => {
  it('"Sadar" and "Bazar" alone are no places; a name that contains them is', () => {
    expect(names('Police fired tear gas in Feni Sadar upazila on Monday.')).not.toContain('Sadar');
    expect(names('Traders closed shops at the Bazar in the morning.')).toEqual([]);
  });
});

describe('names in other scripts inside English text', () => {
  it('an Arabic-script name is looked up like a capitalised one', () => {
    const text = 'Residents of بغداد fled south to Basra.';
    const t = geoparse(text, { gazetteer }).find((x) => x.text === 'بغداد');
    expect(t?.place?.country).toBe('IQ');
    expect(text.slice(t!.start, t!.end)).toBe('بغداد');
  });
});

describe('datelines', () => {
  it('a short all-caps city at the start of a line before a comma or dash is a place; acronyms are not', () => {
    expect(resolved('KANO, Nigeria - Police said gunmen struck the market.', 'KANO')?.country).toBe('NG');
    expect(resolved('Report\nGAZA — Airstrikes hit the city overnight.', 'GAZA')?.country).toBe('PS');
    expect(names('The UN and the AP said so in GAZA today.')).toEqual([]);
  });
});

describe('kinship', () => {
  it('"son of X" names a person, not a place', () => {
    expect(names('The victim, son of Rashid, was from Tikrit.')).toEqual(['Tikrit']);
    // A country stays a country ("a son of Iraq").
    expect(names('He called himself a son of Iraq.')).toEqual(['Iraq']);
  });
});

describe('organisation head words alone', () => {
  it('are the organisation ("the University said")', () => {
    expect(names('The University said students from Calcutta had protested.')).toEqual(['Calcutta']);
  });
});

describe('verbs of attack', () => {
  it('take a small place as their object ("militants shelled Gulak"), not a person captured', () => {
    expect(names('Militants shelled Gulak at dawn.')).toEqual(['Gulak']);
    expect(names('Troops captured Qazali and his brother in Basra.')).toEqual(['Basra']);
  });
});
