/**
 * `atlas geoparse --jsonl` end to end (not a test): 2,000 generated news articles of 2–3 KB through the CLI in a
 * fresh process, start-up included, beside a naive dictionary geoparser run the same way in the same run
 * (capitalised words and word pairs looked up in the same gazetteer, most populous candidate, one JSON line per
 * article; bundled with esbuild like the CLI so neither pays a TypeScript loader).
 *
 * Articles are pieces of 2,048–3,071 bytes made of whole sentences from the LGL texts when they are beside the
 * checkout (../shared/eval or ATLAS_EVAL_DIR), of the seed articles otherwise; written to a temporary file and
 * deleted afterwards. Each command runs three times, alternating; the figures are the fastest run by wall time,
 * with the CPU time (user + system, from the process's own resource usage) and peak RSS of that run: the machine
 * may be shared, and CPU time is what one core spends.
 *
 *   npx tsx tests/bench/cli-speed.ts
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolvePath(dirname(fileURLToPath(import.meta.url)), '../..');
const evalDir = process.env.ATLAS_EVAL_DIR ?? resolvePath(root, '../shared/eval');
const ARTICLES = 2000;
const MIN_BYTES = 2048;
const MAX_BYTES = 3072;

/** `count` articles of MIN_BYTES..MAX_BYTES-1 bytes, whole sentences in corpus order, lengths from a fixed seed. */
export function generateArticles(count = ARTICLES): { source: string; articles: string[] } {
  const lgl = join(evalDir, 'lgl.jsonl');
  let source: string;
  let texts: string[];
  if (existsSync(lgl)) {
    source = 'sentences of the LGL articles';
    texts = readFileSync(lgl, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text as string);
  } else {
    source = 'sentences of the seed articles';
    const dir = join(root, 'seeds');
    texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
  }
  const sentences = texts.flatMap((t) => t.split(/(?<=[.!?])\s+/)).map((s) => s.trim()).filter((s) => s.length > 20);
  let seed = 12345;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 1) / 0x80000000;
  const articles: string[] = [];
  let k = 0;
  for (let i = 0; i < count; i++) {
    const target = MIN_BYTES + Math.floor(random() * (MAX_BYTES - MIN_BYTES));
    let text = '';
    while (Buffer.byteLength(text) < target) text += (text ? ' ' : '') + sentences[k++ % sentences.length];
    // Cut the last sentence at a word boundary when it overshoots the 3 KB bound.
    while (Buffer.byteLength(text) >= MAX_BYTES) text = text.slice(0, text.lastIndexOf(' ', text.length - 2));
    if (Buffer.byteLength(text) < MIN_BYTES) text += ' ' + 'and so on '.repeat(Math.ceil((MIN_BYTES - Buffer.byteLength(text)) / 10)).trim();
    articles.push(text);
  }
  return { source, articles };
}

/** The naive baseline as a command: one JSON line per input line, bundled like the CLI. */
const NAIVE_ENTRY = `
import { createInterface } from 'node:readline';
import { loadGazetteer } from '../../src/lib/gazetteer';
import { naiveGeoparse } from './naive-geoparse';
const g = loadGazetteer();
for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (!line.trim()) continue;
  const doc = JSON.parse(line);
  const toponyms = [];
  naiveGeoparse(doc.text, g, (name, p) => toponyms.push({ name, id: p.id, lat: p.lat, lon: p.lon, country: p.country }));
  process.stdout.write(JSON.stringify({ id: doc.id, toponyms }) + '\\n');
}
`;

async function bundleNaive(dir: string): Promise<string> {
  const { build } = await import('esbuild');
  const out = join(dir, 'naive.mjs');
  await build({
    stdin: { contents: NAIVE_ENTRY, resolveDir: join(root, 'tests/bench'), sourcefile: 'naive-cli.ts', loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: out,
    logLevel: 'silent',
    plugins: [
      {
        // Each module keeps its own import.meta.url (the gazetteer finds its artifact from it).
        name: 'own-import-meta-url',
        setup(b) {
          b.onLoad({ filter: /\.ts$/ }, (a) => ({
            contents: readFileSync(a.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(a.path).href)),
            loader: 'ts',
            resolveDir: dirname(a.path)
          }));
        }
      }
    ]
  });
  return out;
}

interface Run { wallS: number; cpuS: number; userS: number; peakRssMb: number; lines: number }

/** One fresh process: `args` with the input file on stdin; its own resource usage reported at exit on fd 3. */
function timed(args: string[], input: string, outFile: string, env: NodeJS.ProcessEnv = {}): Run {
  const report = `data:text/javascript,${encodeURIComponent("import { writeSync } from 'node:fs'; process.on('exit', () => { const u = process.resourceUsage(); try { writeSync(3, JSON.stringify(u)); } catch {} });")}`;
  const inFd = openSync(input, 'r');
  const outFd = openSync(outFile, 'w');
  try {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ['--import', report, ...args], { cwd: root, stdio: [inFd, outFd, 'pipe', 'pipe'], env: { ...process.env, ...env }, maxBuffer: 1 << 26 });
    const wallS = (performance.now() - t0) / 1000;
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr?.toString().slice(0, 500)}`);
    const usage = JSON.parse(r.output[3]!.toString()) as NodeJS.ResourceUsage;
    const lines = readFileSync(outFile, 'utf8').split('\n').filter(Boolean).length;
    return { wallS, userS: usage.userCPUTime / 1e6, cpuS: (usage.userCPUTime + usage.systemCPUTime) / 1e6, peakRssMb: usage.maxRSS / 1024, lines };
  } finally {
    closeSync(inFd);
    closeSync(outFd);
  }
}

export interface CliSpeed {
  source: string;
  articles: number;
  meanBytes: number;
  ours: Run;
  naive: Run;
}

export async function runCliSpeed(repeats = 3): Promise<CliSpeed> {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-cli-speed-'));
  try {
    const { source, articles } = generateArticles();
    const input = join(dir, 'articles.jsonl');
    writeFileSync(input, articles.map((text, i) => JSON.stringify({ id: `a${i}`, text })).join('\n') + '\n');
    const naiveBundle = await bundleNaive(dir);
    const cli = join(root, 'src/cli/atlas.js');
    const tiny = join(dir, 'tiny.jsonl');
    writeFileSync(tiny, JSON.stringify({ id: 'x', text: 'Paris is in France.' }) + '\n');
    // Once untimed, so the CLI's cached bundle is current before it is measured.
    timed([cli, 'geoparse', '--jsonl'], tiny, join(dir, 'out.jsonl'));
    let ours: Run | null = null;
    let naive: Run | null = null;
    for (let i = 0; i < repeats; i++) {
      const o = timed([cli, 'geoparse', '--jsonl'], input, join(dir, 'out.jsonl'));
      const n = timed([naiveBundle], input, join(dir, 'out.jsonl'));
      if (!ours || o.wallS < ours.wallS) ours = o;
      if (!naive || n.wallS < naive.wallS) naive = n;
    }
    return { source, articles: articles.length, meanBytes: articles.reduce((s, a) => s + Buffer.byteLength(a), 0) / articles.length, ours: ours!, naive: naive! };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The markdown rows for the speed table. */
export function cliSpeedLines(r: CliSpeed): string[] {
  const row = (label: string, x: Run) =>
    `| ${label} | ${(r.articles / x.wallS).toFixed(0)} articles/s by wall time (${x.wallS.toFixed(2)} s), ${(r.articles / x.cpuS).toFixed(0)} by CPU time (${x.cpuS.toFixed(2)} s, user ${x.userS.toFixed(2)} s); peak RSS ${x.peakRssMb.toFixed(0)} MB |`;
  return [
    `| CLI input | ${r.articles} articles of 2–3 KB (mean ${(r.meanBytes / 1024).toFixed(2)} KB), ${r.source} |`,
    row('`atlas geoparse --jsonl`, start-up included', r.ours),
    row('naive dictionary command, same input, same run', r.naive),
    `| CLI ratio | ours at ${(r.naive.wallS / r.ours.wallS).toFixed(2)}× the naive command's speed by wall time, ${(r.naive.cpuS / r.ours.cpuS).toFixed(2)}× by CPU time (target ≥ 1,000 articles/s, ≤ 300 MB) |`
  ];
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === resolvePath(process.argv[1]);
if (isMain) {
  const r = await runCliSpeed();
  console.log(cliSpeedLines(r).join('\n'));
}
