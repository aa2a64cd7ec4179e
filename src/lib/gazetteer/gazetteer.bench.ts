/**
 * Gazetteer load/lookup figures. Run: npx tsx src/lib/gazetteer/gazetteer.bench.ts
 * Prints cold load time, RSS before/after, and per-call times for lookupNormalized (miss, hit), probe, lookup.
 */
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGazetteer, normalizeName } from './index';

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

function perCall(label: string, keys: string[], fn: (k: string) => unknown): void {
  // Warm up (lets the JIT optimise), then time ~300k calls for a stable figure.
  const rounds = Math.ceil(300_000 / keys.length);
  for (let r = 0; r < rounds / 10; r++) for (const k of keys) fn(k);
  let sink = 0;
  const t0 = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) for (const k of keys) if (fn(k)) sink++;
  const ns = Number(process.hrtime.bigint() - t0) / (rounds * keys.length);
  console.log(`${label.padEnd(38)} ${ns < 1000 ? `${ns.toFixed(0)} ns` : `${(ns / 1000).toFixed(2)} µs`} per call (${sink > 0 ? 'hits' : 'no hits'})`);
}

const dir = join(dirname(fileURLToPath(import.meta.url)), 'data');
const rssBefore = process.memoryUsage().rss;
const t0 = performance.now();
const g = loadGazetteer(dir);
const loadMs = performance.now() - t0;
const rssAfter = process.memoryUsage().rss;

console.log(`artifact                               ${mb(statSync(join(dir, 'gazetteer.bin')).size)}`);
console.log(`cold load                              ${loadMs.toFixed(1)} ms (${g.size} places, maxNameTokens ${g.maxNameTokens})`);
console.log(`RSS before / after load                ${mb(rssBefore)} / ${mb(rssAfter)}`);

// Typical recognizer traffic: mostly ordinary words and bigrams that are not names.
const text =
  'Security forces said the attack happened on Tuesday near the main road north of the city after ' +
  'gunmen opened fire on a checkpoint , killing two policemen and wounding several civilians who were ' +
  'waiting in line according to a spokesman for the provincial council which condemned the violence';
const words = text.split(' ').map(normalizeName);
const misses = [...words, ...words.slice(1).map((w, i) => `${words[i]} ${w}`)].filter((k) => g.lookupNormalized(k).length === 0);
const hits = ['baghdad', 'kabul', 'sadr city', 'basra', 'kut', 'al kut', 'helmand', 'iraq', 'mazar e sharif', 'najaf'];

perCall(`lookupNormalized miss (${misses.length} keys)`, misses, (k) => g.lookupNormalized(k).length);
perCall('lookupNormalized hit (first call cached)', hits, (k) => g.lookupNormalized(k).length);
perCall('probe (non-name keys)', misses, (k) => g.probe(k));
perCall('lookup(surface) hit', ['Baghdad', 'Sadr City', 'Al-Amarah', "Nu'maniyah"], (s) => g.lookup(s).length);
perCall('lookup fuzzy (skeleton) hit', ['Musiyyib', 'Numaniya', 'Nasiriya'], (s) => g.lookup(s, { fuzzy: true }).length);
console.log(`RSS at end                             ${mb(process.memoryUsage().rss)}`);
