import distance from '@turf/distance';
import { describe, expect, it } from 'vitest';
import { loadGazetteer, type Candidate, type Place } from '../../src/lib/gazetteer/index';

const g = loadGazetteer();

/** First candidate satisfying `pred`, failing the test with the candidate list when there is none. */
function pick(name: string, pred: (p: Place) => boolean, fuzzy = false): Place {
  const candidates = g.lookup(name, { fuzzy });
  const hit = candidates.find((c) => pred(c.place));
  if (!hit) throw new Error(`${name}: no matching candidate among ${candidates.map((c) => `${c.place.id} ${c.place.name} ${c.place.country} ${c.place.kind}`).join('; ') || 'none'}`);
  return hit.place;
}

const inIraq = (p: Place): boolean => p.country === 'IQ';

describe('loading', () => {
  it('loads a world gazetteer once per directory', () => {
    expect(g.size).toBeGreaterThan(250_000);
    expect(g.maxNameTokens).toBeGreaterThanOrEqual(3);
    expect(loadGazetteer()).toBe(g);
  });
});

describe('conflict-seed places', () => {
  it('has Sadr City as a Baghdad neighbourhood', () => {
    const p = pick('Sadr City', inIraq);
    expect(p.kind).toBe('neighbourhood');
    expect(p.featureCode).toBe('PPLX');
    expect(p.admin1).toBe('Baghdad');
    expect(p.admin1Code).toBe('07');
    expect(p.lat).toBeCloseTo(33.39, 1);
    expect(p.lon).toBeCloseTo(44.46, 1);
  });

  it('has Ghor province', () => {
    const p = pick('Ghor', (p) => p.country === 'AF' && p.kind === 'admin1');
    expect(p.featureCode).toBe('ADM1');
    expect(p.admin1Code).toBe('09');
    expect(g.admin1('AF', '09')?.id).toBe(p.id);
  });

  it('has Shahrak in Afghanistan', () => {
    const p = pick('Shahrak', (p) => p.country === 'AF' && p.kind === 'city');
    // Divisions carry GeoNames' name (Ghowr); Natural Earth's "Ghor" finds the same division.
    expect(p.admin1).toBe('Ghowr');
    expect(p.admin1Code).toBe('09');
    expect(pick('Ghor', (q) => q.kind === 'admin1').name).toBe(p.admin1);
  });

  it('has Wasit governorate, and Kut / Al Kut as its capital', () => {
    const wasit = pick('Wasit', (p) => inIraq(p) && p.kind === 'admin1');
    expect(g.admin1('IQ', '16')?.id).toBe(wasit.id);
    const kut = pick('Kut', (p) => inIraq(p) && p.kind === 'city');
    expect(kut.id).toBe('99131');
    expect(kut.admin1).toBe(wasit.name);
    expect(pick('Al Kut', inIraq).id).toBe('99131');
    expect(pick('Al-Kut', inIraq).id).toBe('99131');
    // The province's Natural Earth alternate "Kut" is its capital's name: not indexed for the province.
    expect(g.lookup('Kut').some((c) => c.place.kind === 'admin1')).toBe(false);
  });

  it('has Balochistan under both spellings', () => {
    for (const name of ['Baluchistan', 'Balochistan']) {
      const p = pick(name, (p) => p.country === 'PK' && p.kind === 'admin1');
      expect(p.admin1Code).toBe('02');
    }
  });

  it('has Farah as a city and a province', () => {
    const city = pick('Farah', (p) => p.country === 'AF' && p.kind === 'city');
    const province = pick('Farah', (p) => p.country === 'AF' && p.kind === 'admin1');
    expect(city.featureCode).toBe('PPLA');
    expect(city.admin1).toBe(province.name);
  });

  it.each([
    ['Numaniyah', 'Wasit'],
    ["Al Nu'maniyah", 'Wasit'],
    ['Musayyib', 'Babil'],
    ['Al Musayyib', 'Babil'],
    ['Kufa', 'Najaf'],
    ['Amarah', 'Maysan'],
    ['Al-Amarah', 'Maysan'],
    ['Al Amarah', 'Maysan'],
    ['Najaf', 'Najaf'],
    ['Basra', 'Basra'],
    ['Basrah', 'Basra'],
  ])('%s is an Iraqi city in %s', (name, admin1) => {
    const p = pick(name, (p) => inIraq(p) && p.kind === 'city');
    expect(p.admin1).toBe(admin1);
    expect(p.population).toBeGreaterThan(0);
  });

  it('ranks the Iraqi city first for its common names', () => {
    for (const name of ['Basra', 'Najaf', 'Kut', 'Amarah']) {
      expect(g.lookup(name)[0].place.country).toBe('IQ');
    }
  });

  it.each(['Mazar-e Sharif', 'Mazar-i-Sharif', 'Mazār-e Sharīf', 'Mazar i Sharif', 'Mazar-e-Sharif'])('finds %s', (name) => {
    const p = pick(name, (p) => p.country === 'AF' && p.kind === 'city');
    expect(p.id).toBe('1133616');
    expect(p.admin1).toBe('Balkh');
  });

  it('has Tehran as the capital of Iran', () => {
    const p = pick('Tehran', (p) => p.country === 'IR' && p.kind === 'city');
    expect(p.featureCode).toBe('PPLC');
  });

  it('has Baghdad with its admin path', () => {
    const p = pick('Baghdad', (p) => inIraq(p) && p.kind === 'city');
    expect(p).toMatchObject({ id: '98182', featureCode: 'PPLC', country: 'IQ', admin1: 'Baghdad', admin1Code: '07' });
    expect(p.admin2).toBeTruthy();
  });
});

describe('US local places (LGL-style)', () => {
  it('has Rapides Parish as a Louisiana admin2 at its seat', () => {
    const p = pick('Rapides Parish', (p) => p.country === 'US');
    expect(p).toMatchObject({ kind: 'admin2', featureCode: 'ADM2', admin1: 'Louisiana', admin1Code: 'LA' });
    // Alexandria, LA is the parish seat.
    expect(p.lat).toBeCloseTo(31.31, 1);
    expect(p.lon).toBeCloseTo(-92.45, 1);
    expect(g.admin2('US', 'LA', 'Rapides Parish')?.id).toBe(p.id);
    expect(g.admin2('US', 'LA', 'rapides parish')?.id).toBe(p.id);
  });

  it('fills admin2 for US towns', () => {
    const p = pick('Alexandria', (p) => p.country === 'US' && p.admin1Code === 'LA');
    expect(p.admin2).toBe('Rapides Parish');
  });
});

describe('countries', () => {
  it.each([
    ['Iran', 'IR'],
    ['Iraq', 'IQ'],
    ['Afghanistan', 'AF'],
    ['United States', 'US'],
    ['United States of America', 'US'],
    ['U.S.', 'US'],
    ['USA', 'US'],
    ['Pakistan', 'PK'],
    ['Bosnia', 'BA'],
    ['UK', 'GB'],
    ['العراق', 'IQ'],
    ['ایران', 'IR'],
  ])('%s → %s', (name, iso2) => {
    const top = g.lookup(name)[0];
    expect(top?.place.kind).toBe('country');
    expect(top?.place.country).toBe(iso2);
    expect(top?.place.id).toBe(`cc:${iso2}`);
  });

  it('matches "US" only in capitals: lower-cased it is the pronoun', () => {
    expect(g.lookup('US')[0]?.place.id).toBe('cc:US');
    expect(g.lookupNormalized('us').some((c) => c.place.id === 'cc:US')).toBe(false);
    expect(g.lookup('us').some((c) => c.place.id === 'cc:US')).toBe(false);
  });

  it('does not index two-letter country codes as names', () => {
    expect(g.lookup('IQ').some((c) => c.place.kind === 'country')).toBe(false);
    expect(g.lookup('AF').some((c) => c.place.kind === 'country')).toBe(false);
  });

  it('returns countries by ISO code', () => {
    expect(g.country('IQ')?.name).toBe('Iraq');
    expect(g.country('af')?.featureCode).toBe('PCLI');
    expect(g.country('XX')).toBeUndefined();
  });
});

describe('lookup semantics', () => {
  it('marks preferred-name matches as primary', () => {
    const c = g.lookup('Basrah').find((c) => c.place.id === '99532') as Candidate;
    expect(c.primary).toBe(true);
    expect(c.match).toBe('exact');
    const alt = g.lookup('Bassora').find((c) => c.place.id === '99532') as Candidate;
    expect(alt.primary).toBe(false);
  });

  it('orders candidates by population, descending', () => {
    for (const name of ['Kabul', 'Springfield', 'Alexandria', 'Farah']) {
      const pops = g.lookup(name).map((c) => c.place.population);
      expect(pops).toEqual([...pops].sort((a, b) => b - a));
    }
  });

  it('strips a leading Arabic article on lookup', () => {
    expect(g.lookupNormalized('al najaf').some((c) => c.place.id === '98860')).toBe(true);
    expect(g.lookupNormalized('an najaf').some((c) => c.place.id === '98860')).toBe(true);
  });

  it('uses skeleton matches only when fuzzy and nothing exact matched', () => {
    expect(g.lookup('Musiyyib')).toEqual([]);
    const fuzzy = g.lookup('Musiyyib', { fuzzy: true });
    expect(fuzzy[0].match).toBe('skeleton');
    expect(fuzzy[0].place.id).toBe('99039');
    expect(g.lookup('Basra', { fuzzy: true }).every((c) => c.match === 'exact')).toBe(true);
    const pops = fuzzy.map((c) => c.place.population);
    expect(pops).toEqual([...pops].sort((a, b) => b - a));
  });

  it('returns nothing for non-names', () => {
    expect(g.lookupNormalized('xyzzy qwerty')).toEqual([]);
    expect(g.lookup('')).toEqual([]);
  });

  it('looks places up by id', () => {
    expect(g.byId('98182')?.name).toBe('Baghdad');
    expect(g.byId('cc:IQ')?.name).toBe('Iraq');
    expect(g.byId(g.lookup('Sadr City')[0].place.id)?.name).toBe('Sadr City');
    expect(g.byId('0')).toBeUndefined();
    expect(g.byId('nope')).toBeUndefined();
  });
});

describe('isAbbreviation', () => {
  it('knows the curated capitals-only abbreviations and nothing else', () => {
    expect(g.isAbbreviation('US')).toBe(true);
    expect(g.isAbbreviation('NSW')).toBe(true);
    expect(g.isAbbreviation('EU')).toBe(true);
    expect(g.isAbbreviation('Us')).toBe(false);
    expect(g.isAbbreviation('CIA')).toBe(false);
    expect(g.lookup('NSW')[0]?.place.name).toBe('New South Wales');
  });
});

describe('probe', () => {
  it('tells names from prefixes of multi-token names', () => {
    expect(g.probe('sadr')).toBe(g.probe('sadr') | 1);
    expect(g.probe('sadr city') & 2).toBe(2);
    expect(g.probe('mazar') & 1).toBe(1);
    expect(g.probe('mazar e') & 1).toBe(1);
    expect(g.probe('kabul') & 2).toBe(2);
    expect(g.probe('rapides') & 1).toBe(1);
    expect(g.probe('xyzzy')).toBe(0);
  });

  it('agrees with lookupNormalized on full names', () => {
    for (const key of ['baghdad', 'sadr city', 'al kut', 'an najaf', 'the', 'said', 'xyzzy']) {
      expect((g.probe(key) & 2) === 2).toBe(g.lookupNormalized(key).length > 0);
    }
  });
});

describe('admin lookups', () => {
  it('names divisions as GeoNames does, keeping Natural Earth names searchable', () => {
    expect(g.admin1('PK', '03')?.name).toBe('Khyber Pakhtunkhwa');
    expect(g.lookup('K.P.')[0]?.place.id).toBe(g.admin1('PK', '03')?.id);
    expect(g.admin1('IQ', '13')?.name).toBe('Kirkuk');
    expect(g.lookup('Helmand')[0]?.place.id).toBe(g.lookup('Hilmand')[0]?.place.id);
  });

  it('keeps a province named after its capital apart from the city only where NE borrowed the name', () => {
    expect(g.lookup('Mosul').some((c) => c.place.kind === 'admin1')).toBe(false);
    expect(g.lookup('Herat').some((c) => c.place.kind === 'admin1' && c.place.country === 'AF')).toBe(true);
  });

  it('applies supplement corrections', () => {
    // Natural Earth's AF.41 record is misnamed Uruzgan; it is Daykundi.
    expect(g.admin1('AF', '41')?.name).toBe('Daykundi');
    expect(g.lookup('Uruzgan').filter((c) => c.place.kind === 'admin1').map((c) => c.place.admin1Code)).toEqual(['39']);
    expect(g.lookup('Salahuddin')[0]?.place.id).toBe(g.admin1('IQ', '18')?.id);
  });

  it('resolves admin1 codes to divisions with names matching the places inside', () => {
    const baghdad = g.admin1('IQ', '07');
    expect(baghdad?.kind).toBe('admin1');
    expect(baghdad?.name).toBe('Baghdad');
    expect(g.admin1('IQ', '99')).toBeUndefined();
  });

  it('fills the admin path of every kind', () => {
    for (const name of ['Sadr City', 'Kut', 'Shahrak', 'Farah', 'Musayyib']) {
      for (const c of g.lookup(name).filter((c) => c.place.country === 'IQ' || c.place.country === 'AF')) {
        if (c.place.kind === 'country') continue;
        expect(c.place.admin1, `${name} ${c.place.id}`).toBeTruthy();
        expect(c.place.admin1Code, `${name} ${c.place.id}`).toBeTruthy();
      }
    }
  });
});

function km(p: { lat: number; lon: number }, lat: number, lon: number): number {
  return distance([p.lon, p.lat], [lon, lat]);
}

describe('representative points (equal-area centroid of the largest polygon)', () => {
  it('puts large countries near the middle of their main landmass', () => {
    // Equal-area centroid of the contiguous United States: ~102 km from the geographic centre (39.76,-98.5).
    expect(km(g.country('US')!, 39.76, -98.5)).toBeLessThan(110);
    expect(km(g.country('AU')!, -25, 133)).toBeLessThan(140);
    expect(km(g.country('AU')!, -25, 135)).toBeLessThan(85);
    expect(km(g.country('CN')!, 35, 105)).toBeLessThan(160);
    expect(km(g.country('CN')!, 35, 103)).toBeLessThan(100);
    expect(km(g.country('RU')!, 60, 100)).toBeLessThan(180);
  });

  it('uses polygon centroids for first-level divisions, not label points', () => {
    expect(km(g.admin1('AU', '02')!, -32.16, 147.01)).toBeLessThan(20); // New South Wales
    expect(km(g.admin1('US', 'TX')!, 31.25, -99.25)).toBeLessThan(40);
    expect(km(g.admin1('US', 'AK')!, 64, -150)).toBeLessThan(140);
    expect(km(g.admin1('CA', '08')!, 49.25, -84.5)).toBeLessThan(110); // Ontario
  });

  it('keeps every point inside the valid coordinate range', () => {
    for (const id of ['cc:FJ', 'cc:KI', 'cc:NZ', 'cc:US', 'cc:RU', 'ct:OC', 'rg:caribbean']) {
      const p = g.byId(id)!;
      expect(Math.abs(p.lat), id).toBeLessThanOrEqual(90);
      expect(Math.abs(p.lon), id).toBeLessThanOrEqual(180);
    }
  });
});

describe('regions', () => {
  it('has continents', () => {
    const africa = pick('Africa', (p) => p.kind === 'region');
    expect(africa.id).toBe('ct:AF');
    expect(africa.featureCode).toBe('CONT');
    expect(km(africa, 7, 18)).toBeLessThan(500);
    expect(g.lookup('Africa')[0].place.id).toBe('ct:AF');
    for (const name of ['Asia', 'Europe', 'North America', 'South America', 'Oceania']) expect(pick(name, (p) => p.kind === 'region').featureCode).toBe('CONT');
  });

  it('has multi-country regions from regions.tsv', () => {
    const me = pick('Middle East', (p) => p.kind === 'region');
    expect(me.featureCode).toBe('RGN');
    expect(me.country).toBe('');
    expect(km(me, 31, 40)).toBeLessThan(600); // between the Levant, Iraq and the Arabian Peninsula
    expect(pick('Eastern Europe', (p) => p.kind === 'region').lon).toBeLessThan(45); // not pulled into Siberia
    expect(pick('Gulf states', (p) => p.kind === 'region').id).toBe('rg:gulf-states');
    expect(g.lookup('EU')[0]?.place.id).toBe('rg:european-union');
    expect(g.lookupNormalized('eu').some((c) => c.place.kind === 'region')).toBe(false);
  });

  it('has sub-national regions as unions of divisions', () => {
    const darfur = pick('Darfur', (p) => p.kind === 'region');
    expect(darfur.country).toBe('SD');
    expect(km(darfur, 13.5, 24.5)).toBeLessThan(250);
    const krg = pick('Kurdistan Region', (p) => p.kind === 'region');
    expect(krg.country).toBe('IQ');
    expect(km(krg, 36.2, 44.0)).toBeLessThan(150); // Erbil, Duhok and Sulaymaniyah governorates
    expect(pick('Iraqi Kurdistan', (p) => p.kind === 'region').id).toBe(krg.id);
  });
});

describe('aliases and bare county names', () => {
  it('resolves curated aliases', () => {
    expect(pick('Turkey', (p) => p.kind === 'country').country).toBe('TR');
    expect(pick('NSW', (p) => p.kind === 'admin1').name).toBe('New South Wales');
    for (const n of ['DRC', 'DR Congo', 'Democratic Republic of Congo', 'Zaire']) expect(pick(n, (p) => p.kind === 'country').country).toBe('CD');
    for (const n of ['D.C.', 'DC']) expect(g.lookup(n)[0]?.place.id).toBe('4140963');
    expect(g.lookup('L.A.')[0]?.place.id).toBe('5368361');
    expect(pick('Palestinian territories', (p) => p.kind === 'country').country).toBe('PS');
  });

  it('finds US counties by their name without "County" as non-primary admin2 candidates', () => {
    const dekalb = g.lookup('DeKalb');
    const counties = dekalb.filter((c) => c.place.kind === 'admin2');
    const states = counties.map((c) => c.place.admin1Code);
    expect(states).toContain('GA');
    expect(states).toContain('IL');
    expect(counties.every((c) => !c.primary)).toBe(true);
    expect(dekalb.some((c) => c.place.kind === 'city' && c.primary)).toBe(true);
    expect(pick('Clarke', (p) => p.kind === 'admin2').name).toBe('Clarke County');
    expect(pick('Rapides', (p) => p.kind === 'admin2').name).toBe('Rapides Parish');
    expect(g.admin2('US', 'LA', 'Rapides Parish')?.name).toBe('Rapides Parish');
  });
});
