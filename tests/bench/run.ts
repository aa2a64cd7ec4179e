/**
 * `npm run bench`: every benchmark, printed as figures and ratios against baselines measured in the same run.
 *   1. geoparser speed and memory (tests/bench/geoparse.bench.ts; the CLI end to end, tests/bench/cli-speed.ts)
 *   2. geoparser accuracy on LGL / GeoVirus when the corpora are beside the checkout (tests/bench/geoparse-eval.ts)
 *   3. geoparser on coded conflict-event notes, when beside the checkout (tests/bench/coded-toponyms.ts)
 *   4. confidence calibration: reliability by decile, in-sample and held out (tests/bench/calibration.ts)
 *   5. events on notes coded by people (tests/bench/coded-events.ts), written to docs/events.md
 *   6. incidents on the development set of real articles (tests/bench/devset.ts), written to docs/devset.md
 *   7. the store: import of 10,000 articles, one add at 100 and 10,000, reads during a write burst (tests/bench/store.bench.ts)
 *   8. dashboard with 100,000 synthetic incidents in headless Chromium (tests/bench/dashboard.bench.ts)
 * Options: --skip-dashboard, --skip-store, --write (rewrite the figures in docs/accuracy.md between its bench markers).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runGeoparseBench } from './geoparse.bench';
import { cliSpeedLines, runCliSpeed } from './cli-speed';
import { evaluateCorpus } from './geoparse-eval';
import { codedToponymsMarkdown } from './coded-toponyms';
import { runCalibration } from './calibration';
import { runCodedEvents } from './coded-events';
import { devsetMarkdown } from './devset';
import { runStoreBench } from './store.bench';

const root = resolvePath(dirname(fileURLToPath(import.meta.url)), '../..');
const evalDir = process.env.ATLAS_EVAL_DIR ?? resolvePath(root, '../shared/eval');
const args = process.argv.slice(2);
const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');

console.log('== geoparser speed and memory');
const speed = runGeoparseBench();
const speedLines = [
  `| corpus | ${speed.corpus} |`,
  '|---|---|',
  `| atlas geoparse, one core | ${speed.ours.docsPerSec.toFixed(0)} docs/s, ${speed.ours.mbPerSec.toFixed(2)} MB/s |`,
  `| naive dictionary baseline (same gazetteer, same run) | ${speed.naive.docsPerSec.toFixed(0)} docs/s (ours at ${(speed.ours.docsPerSec / speed.naive.docsPerSec).toFixed(2)}×) |`,
  `| gazetteer cold load | ${speed.load.loadMs.toFixed(0)} ms (raw read of the artifact: ${speed.load.readMs.toFixed(0)} ms) |`,
  `| peak RSS after load + corpus | ${speed.load.peakRssMb.toFixed(0)} MB |`,
  ...cliSpeedLines(await runCliSpeed())
];
console.log(speedLines.join('\n'));

console.log('\n== geoparser accuracy');
let accuracyLines: string[] = [];
if (!existsSync(evalDir)) {
  console.log(`evaluation corpora not found at ${evalDir} (set ATLAS_EVAL_DIR): accuracy not measured`);
} else {
  const rows = ['lgl', 'geovirus'].filter((c) => existsSync(join(evalDir, `${c}.jsonl`))).flatMap((c) => [
    { label: c === 'lgl' ? 'LGL' : 'GeoVirus', r: evaluateCorpus(c) },
    { label: `${c === 'lgl' ? 'LGL' : 'GeoVirus'}, demonyms as countries`, r: evaluateCorpus(c, { demonyms: true }) }
  ]);
  accuracyLines = [
    '| corpus | recognition P | R | F1 | A@161 gold spans | A@161 end to end | baseline A@161 (most populous, gold spans) | mean km (gold) | median km (gold) | AUC (gold) | candidate recall |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(({ label, r }) => `| ${label} | ${f3(r.endToEnd.recognition.precision)} | ${f3(r.endToEnd.recognition.recall)} | ${f3(r.endToEnd.recognition.f1)} | ${f3(r.goldSpans.acc161)} | ${f3(r.endToEnd.resolution.acc161)} | ${f3(r.baseline.acc161)} | ${Math.round(r.goldSpans.meanKm)} | ${Math.round(r.goldSpans.medianKm)} | ${f3(r.goldSpans.auc)} | ${f3(r.candidateRecall)} |`)
  ];
  console.log(accuracyLines.join('\n'));
}

console.log('\n== geoparser on coded event notes (some toponym within 25/50/150 km by geo precision)');
const codedLines = codedToponymsMarkdown() ?? [];
console.log(codedLines.length ? codedLines.join('\n') : `coded-events.jsonl not found in ${evalDir} (set ATLAS_EVAL_DIR): not measured`);
console.log('\n== confidence calibration (share within 161 km by decile of confidence; count)');
const calibrationLines = existsSync(evalDir) ? runCalibration() : [];
console.log(calibrationLines.join('\n') || `evaluation corpora not found at ${evalDir}: calibration not measured`);

console.log('\n== events on coded notes (ACLED)');
const coded = existsSync(evalDir) ? runCodedEvents() : null;
console.log(coded ? coded.lines.join('\n') : `coded events not found at ${evalDir}: not measured`);

console.log('\n== incidents on the development set of real articles');
const devset = devsetMarkdown();
console.log(devset ?? 'development set texts not found (ATLAS_DEVSET_DIR or ../shared/devset): not measured');

if (!args.includes('--skip-store')) {
  console.log('\n== the store (SQLite, writer thread)');
  console.log((await runStoreBench()).join('\n'));
}

if (args.includes('--write')) {
  const doc = join(root, 'docs/accuracy.md');
  let text = readFileSync(doc, 'utf8');
  const put = (name: string, lines: string[]) => {
    const re = new RegExp(`(<!-- bench:${name} -->\\n)[\\s\\S]*?(\\n<!-- /bench:${name} -->)`);
    if (lines.length) text = text.replace(re, `$1${lines.join('\n')}$2`);
  };
  put('speed', speedLines);
  put('accuracy', accuracyLines);
  put('coded', codedLines);
  put('calibration', calibrationLines);
  writeFileSync(doc, text);
  console.log(`\nwrote ${doc}`);
  if (coded) {
    const eventsDoc = join(root, 'docs/events.md');
    const re = /(<!-- bench:coded-events -->\n)[\s\S]*?(\n<!-- \/bench:coded-events -->)/;
    writeFileSync(eventsDoc, readFileSync(eventsDoc, 'utf8').replace(re, `$1${coded.lines.join('\n')}$2`));
    console.log(`wrote ${eventsDoc}`);
  }
  if (devset) {
    const devsetDoc = join(root, 'docs/devset.md');
    const re = /(<!-- bench:devset -->\n)[\s\S]*?(\n<!-- \/bench:devset -->)/;
    writeFileSync(devsetDoc, readFileSync(devsetDoc, 'utf8').replace(re, `$1${devset}$2`));
    console.log(`wrote ${devsetDoc}`);
  }
}

if (!args.includes('--skip-dashboard')) {
  console.log('\n== dashboard (100,000 synthetic incidents, headless Chromium)');
  if (!existsSync('/usr/bin/chromium')) console.log('Chromium not installed at /usr/bin/chromium: dashboard benchmark skipped');
  else {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'tests/bench/dashboard.bench.ts')], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) process.exitCode = r.status ?? 1;
  }
}
