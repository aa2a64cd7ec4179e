/**
 * The events layer on conflict events coded by people (coded-events.jsonl: ACLED notes, each one article with
 * one coded event), scored as ../shared/tools/score-events.mjs scores: a note is found when an incident cites
 * it, located when the nearest such incident lies within 25 / 50 / 150 km of the coded point (geo precision
 * 1 / 2 / 3); date, fatalities (null as 0) and event type (legacy types mapped coarsely) are read from that
 * incident. Reported overall, per geo precision, per source file (the three files are the folds for held-out
 * figures: Ukraine 2022, Asia 2015, Nigeria 2014–16) and per country, with the most frequent type confusions
 * and the speed of extraction beside the geoparser alone.
 *
 * The notes are ACLED data: read from ATLAS_EVAL_DIR or ../shared/eval when present, never part of this
 * repository.
 *
 *   npx tsx tests/bench/coded-events.ts [--json]
 */
import distance from '@turf/distance';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract } from '../../src/lib/events';
import { loadGazetteer } from '../../src/lib/gazetteer';
import { geoparse } from '../../src/lib/geoparse';

const root = resolvePath(dirname(fileURLToPath(import.meta.url)), '../..');
const evalDir = process.env.ATLAS_EVAL_DIR ?? resolvePath(root, '../shared/eval');
const scorer = resolvePath(root, '../shared/tools/score-events.mjs');

interface Coded {
  id: string; text: string; date: string; country: string; lat: number; lon: number; geo_precision: number;
  fatalities: number | null; event_type: string; taxonomy: string;
}
type Tally = { n: number; found: number; located: number; date: number; fatalities: number; type: number };
const KEYS = ['found', 'located', 'date', 'fatalities', 'type'] as const;
const blank = (): Tally => ({ n: 0, found: 0, located: 0, date: 0, fatalities: 0, type: 0 });
const tolerance = (p: number) => (p <= 1 ? 25 : p === 2 ? 50 : 150);
const SOURCES: Record<string, string> = { bwgis: 'Ukraine 2022 (current taxonomy)', katehara: 'Asia 2015 (legacy)', bridgetrkane: 'Nigeria 2014–16 (legacy)' };

/** The coded type as the current taxonomy names it; legacy Riots/Protests may be either. */
function wanted(r: Coded): string[] {
  const x = String(r.event_type ?? '').toLowerCase();
  if (r.taxonomy !== 'acled_legacy') return [x];
  if (x.startsWith('battle')) return ['battles'];
  if (x === 'remote violence') return ['explosions/remote violence'];
  if (x.startsWith('strategic development') || x.startsWith('non-violent transfer')) return ['strategic developments'];
  if (x === 'riots/protests') return ['protests', 'riots'];
  return [x];
}

export function runCodedEvents(): { lines: string[]; json: unknown } | null {
  const path = join(evalDir, 'coded-events.jsonl');
  if (!existsSync(path)) return null;
  const records: Coded[] = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  const fileOf = (i: number) => `r${String(i).padStart(4, '0')}`;
  const gazetteer = loadGazetteer();

  let t0 = performance.now();
  for (const r of records) geoparse(r.text, { gazetteer });
  const geoparseMs = performance.now() - t0;
  t0 = performance.now();
  const result = extract(records.map((r, i) => ({ id: fileOf(i), content: r.text, format: 'text' as const })), { gazetteer });
  const extractMs = performance.now() - t0;

  const byNote = new Map<string, Array<{ lat: number; lon: number; p: Record<string, unknown> }>>();
  for (const f of result.features) {
    if (f.properties.kind !== 'incident' || f.geometry.type !== 'Point') continue;
    const [lon, lat] = f.geometry.coordinates as number[];
    for (const s of (f.properties as { sources?: Array<{ article: string }> }).sources ?? []) {
      const list = byNote.get(s.article) ?? [];
      list.push({ lat, lon, p: f.properties as unknown as Record<string, unknown> });
      byNote.set(s.article, list);
    }
  }

  const total = blank();
  const groups = new Map<string, Tally>();
  const confusion = new Map<string, number>();
  const tally = (key: string) => { let t = groups.get(key); if (!t) groups.set(key, (t = blank())); return t; };
  records.forEach((r, i) => {
    const source = r.id.split(':')[1];
    const rows = [total, tally(`precision ${r.geo_precision}`), tally(`source ${source}`), tally(`country ${r.country}`)];
    for (const t of rows) t.n++;
    const incidents = byNote.get(fileOf(i)) ?? [];
    if (!incidents.length) {
      confusion.set(`${r.event_type} → (none)`, (confusion.get(`${r.event_type} → (none)`) ?? 0) + 1);
      return;
    }
    const nearest = incidents.map((x) => ({ x, d: distance([x.lon, x.lat], [r.lon, r.lat]) })).sort((a, b) => a.d - b.d)[0];
    const p = nearest.x.p;
    const hit: Record<(typeof KEYS)[number], boolean> = {
      found: true,
      located: nearest.d <= tolerance(r.geo_precision),
      date: String(p.date ?? '').slice(0, 10) === r.date,
      fatalities: ((p.killed as number | null) ?? 0) === (r.fatalities ?? 0),
      type: wanted(r).includes(String(p.event_type ?? '').toLowerCase())
    };
    for (const t of rows) for (const k of KEYS) if (hit[k]) t[k]++;
    const key = `${r.event_type} → ${p.event_type}`;
    confusion.set(key, (confusion.get(key) ?? 0) + 1);
  });

  // Cross-check against the shared scorer when it is there: the overall row must agree.
  let agrees: boolean | null = null;
  if (existsSync(scorer)) {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-coded-'));
    writeFileSync(join(dir, 'out.geojson'), JSON.stringify({ type: 'FeatureCollection', features: result.features }));
    const shared = JSON.parse(execFileSync(process.execPath, [scorer, 'score', path, join(dir, 'out.geojson'), '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 }));
    agrees = KEYS.every((k) => Math.abs(shared.overall[k] - total[k] / total.n) < 0.0015);
  }

  const f3 = (t: Tally, k: (typeof KEYS)[number]) => (t[k] / Math.max(1, t.n)).toFixed(3);
  const row = (label: string, t: Tally) => `| ${label} | ${t.n} | ${KEYS.map((k) => f3(t, k)).join(' | ')} |`;
  const sorted = (prefix: string) => [...groups].filter(([k]) => k.startsWith(prefix)).sort((a, b) => b[1].n - a[1].n);
  const lines = [
    '| notes | n | found | located | date exact | fatalities exact | event type |',
    '|---|---|---|---|---|---|---|',
    row('all', total),
    ...sorted('precision ').map(([k, t]) => row(`geo ${k}`, t)),
    ...sorted('source ').map(([k, t]) => row(SOURCES[k.slice(7)] ?? k.slice(7), t)),
    ...sorted('country ').map(([k, t]) => row(k.slice(8), t)),
    '',
    `Speed, one core, ${records.length} notes: extraction ${(records.length / (extractMs / 1000)).toFixed(0)} notes/s; geoparsing alone ${(records.length / (geoparseMs / 1000)).toFixed(0)} notes/s.` +
      (agrees === null ? '' : ` Overall row ${agrees ? 'agrees' : 'DISAGREES'} with score-events.mjs.`),
    '',
    '| coded type → extracted type (most frequent) | notes |',
    '|---|---|',
    ...[...confusion].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([k, v]) => `| ${k} | ${v} |`)
  ];
  const json = { overall: total, groups: Object.fromEntries(groups), confusion: Object.fromEntries(confusion), notesPerSecond: { extract: records.length / (extractMs / 1000), geoparse: records.length / (geoparseMs / 1000) } };
  return { lines, json };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolvePath(process.argv[1])) {
  const r = runCodedEvents();
  if (!r) console.log(`coded events not found at ${evalDir} (set ATLAS_EVAL_DIR): not measured`);
  else console.log(process.argv.includes('--json') ? JSON.stringify(r.json, null, 2) : r.lines.join('\n'));
}
