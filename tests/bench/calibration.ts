/**
 * Fits and checks the confidence calibration (src/lib/geoparse/calibrate.ts): a logistic model predicting
 * whether a resolved toponym lies within 161 km of its gold point, from the resolver's share and a few named
 * features. Fitted on LGL (gold spans given); held out: GeoVirus, and LGL's odd documents from a fit on its even
 * ones (and the other way round). Prints reliability tables by decile, expected calibration error (ECE) and
 * Brier score, for the resolver's raw share and the calibrated probability.
 *
 *   npx tsx tests/bench/calibration.ts           # print the tables
 *   npx tsx tests/bench/calibration.ts --write   # also refit src/lib/geoparse/data/calibration.json on LGL
 */
import distance from '@turf/distance';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGazetteer } from '../../src/lib/gazetteer';
import { geoparse } from '../../src/lib/geoparse';
import { CALIBRATION_FEATURES, calibrationFeatures, predictWith, type CalibrationModel } from '../../src/lib/geoparse/calibrate';

const root = resolvePath(dirname(fileURLToPath(import.meta.url)), '../..');
const evalDir = process.env.ATLAS_EVAL_DIR ?? resolvePath(root, '../shared/eval');
const modelPath = join(root, 'src/lib/geoparse/data/calibration.json');

interface Example { doc: number; x: number[]; share: number; right: 0 | 1 }

function examples(corpus: string): Example[] {
  const gazetteer = loadGazetteer();
  const lines = readFileSync(join(evalDir, `${corpus}.jsonl`), 'utf8').split('\n').filter((l) => l.trim());
  const out: Example[] = [];
  lines.forEach((line, doc) => {
    const d = JSON.parse(line) as { text: string; toponyms: Array<{ start: number; end: number; lat?: number | null; lon?: number | null }> };
    const gold = d.toponyms;
    const tops = geoparse(d.text, { gazetteer, spans: gold, rawConfidence: true });
    tops.forEach((t, i) => {
      const g = gold[i];
      if (!t.place || !Number.isFinite(g?.lat) || !Number.isFinite(g?.lon)) return;
      const right = distance([t.place.lon, t.place.lat], [g.lon as number, g.lat as number]) <= 161 ? 1 : 0;
      out.push({ doc, x: calibrationFeatures(t), share: t.confidence, right });
    });
  });
  return out;
}

/** L2-regularised logistic regression by Newton's method (ten features: a direct solve is enough). */
export function fitLogistic(xs: number[][], ys: number[], lambda = 1): number[] {
  const k = xs[0].length;
  let w = new Array(k).fill(0);
  for (let iter = 0; iter < 50; iter++) {
    const g = new Array(k).fill(0);
    const h = Array.from({ length: k }, () => new Array(k).fill(0));
    xs.forEach((x, n) => {
      const p = 1 / (1 + Math.exp(-x.reduce((s, v, i) => s + v * w[i], 0)));
      const r = p * (1 - p);
      for (let i = 0; i < k; i++) {
        g[i] += (p - ys[n]) * x[i];
        for (let j = 0; j < k; j++) h[i][j] += r * x[i] * x[j];
      }
    });
    for (let i = 1; i < k; i++) { g[i] += lambda * w[i]; h[i][i] += lambda; }
    h[0][0] += 1e-6;
    const step = solve(h, g);
    w = w.map((v, i) => v - step[i]);
    if (Math.max(...step.map(Math.abs)) < 1e-7) break;
  }
  return w;
}

function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    for (let r = 0; r < n; r++) {
      if (r === c || m[c][c] === 0) continue;
      const f = m[r][c] / m[c][c];
      for (let j = c; j <= n; j++) m[r][j] -= f * m[c][j];
    }
  }
  return m.map((row, i) => (row[i] === 0 ? 0 : row[n] / row[i]));
}

interface Reliability { bins: Array<{ lo: number; n: number; meanConf: number; accuracy: number }>; ece: number; brier: number; n: number }

export function reliability(conf: number[], right: number[]): Reliability {
  const bins = Array.from({ length: 10 }, (_, i) => ({ lo: i / 10, n: 0, sumConf: 0, sumRight: 0 }));
  conf.forEach((c, i) => {
    const b = bins[Math.min(9, Math.floor(c * 10))];
    b.n++; b.sumConf += c; b.sumRight += right[i];
  });
  const n = conf.length;
  const ece = bins.reduce((s, b) => s + (b.n ? (b.n / n) * Math.abs(b.sumConf / b.n - b.sumRight / b.n) : 0), 0);
  const brier = conf.reduce((s, c, i) => s + (c - right[i]) ** 2, 0) / Math.max(1, n);
  return { n, ece, brier, bins: bins.map((b) => ({ lo: b.lo, n: b.n, meanConf: b.n ? b.sumConf / b.n : NaN, accuracy: b.n ? b.sumRight / b.n : NaN })) };
}

const model = (w: number[]): CalibrationModel => ({ features: CALIBRATION_FEATURES, weights: w });
const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '–');
const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '–');

export function runCalibration(opts: { write?: boolean } = {}): string[] {
  if (!existsSync(join(evalDir, 'lgl.jsonl')) || !existsSync(join(evalDir, 'geovirus.jsonl'))) {
    return [`evaluation corpora not found at ${evalDir}: calibration not measured`];
  }
  const lgl = examples('lgl');
  const gv = examples('geovirus');
  const fit = (ex: Example[]) => fitLogistic(ex.map((e) => e.x), ex.map((e) => e.right));
  const apply = (w: number[], ex: Example[]) => ex.map((e) => predictWith(model(w), e.x));
  const wLgl = fit(lgl);
  const wGv = fit(gv);
  const even = (ex: Example[], r: number) => ex.filter((e) => e.doc % 2 === r);
  const lglFolds = [0, 1].flatMap((r) => {
    const test = even(lgl, 1 - r);
    return apply(fit(even(lgl, r)), test).map((c, i) => ({ c, y: test[i].right }));
  });
  const rows: Array<[string, Reliability]> = [
    ['LGL, resolver share (uncalibrated)', reliability(lgl.map((e) => e.share), lgl.map((e) => e.right))],
    ['GeoVirus, resolver share (uncalibrated)', reliability(gv.map((e) => e.share), gv.map((e) => e.right))],
    ['LGL, fitted on LGL (in-sample)', reliability(apply(wLgl, lgl), lgl.map((e) => e.right))],
    ['LGL, odd/even document folds (held out)', reliability(lglFolds.map((r) => r.c), lglFolds.map((r) => r.y))],
    ['GeoVirus, fitted on LGL (held out; shipped model)', reliability(apply(wLgl, gv), gv.map((e) => e.right))],
    ['LGL, fitted on GeoVirus (held out)', reliability(apply(wGv, lgl), lgl.map((e) => e.right))]
  ];
  const lines = [
    '| toponyms (gold spans) | n | ECE | Brier | ' + Array.from({ length: 10 }, (_, i) => `${i / 10}–${(i + 1) / 10}`).join(' | ') + ' |',
    '|---|---|---|---|' + '---|'.repeat(10),
    ...rows.map(([label, r]) => `| ${label} | ${r.n} | ${f3(r.ece)} | ${f3(r.brier)} | ` + r.bins.map((b) => (b.n ? `${f2(b.accuracy)} (${b.n})` : '–')).join(' | ') + ' |')
  ];
  if (opts.write) {
    const doc = {
      fitted: 'logistic regression (L2, lambda 1) on LGL with gold spans: within 161 km or not; refit with tests/bench/calibration.ts --write',
      features: CALIBRATION_FEATURES,
      weights: wLgl.map((v) => Math.round(v * 1e4) / 1e4)
    };
    writeFileSync(modelPath, JSON.stringify(doc, null, 2) + '\n');
    lines.push('', `wrote ${modelPath}`);
  }
  return lines;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolvePath(process.argv[1])) {
  console.log('Each decile cell: share of toponyms within 161 km (count). A calibrated model has each cell near its range.');
  console.log(runCalibration({ write: process.argv.includes('--write') }).join('\n'));
}
