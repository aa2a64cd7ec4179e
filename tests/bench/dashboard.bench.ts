/**
 * Dashboard benchmark (not a test): the built app with 100,000 synthetic incidents in headless Chromium.
 *
 *   npx tsx tests/bench/dashboard.bench.ts [--incidents 100000] [--no-write]
 *
 * Measures time to the map's first idle with every incident loaded, the time a filter change takes (the
 * filter expression, then the re-clustered source), the page's memory, and the gzip size of the JavaScript
 * per route (the app shell, and the lazily loaded map chunk). Prints the figures and writes them into
 * docs/dashboard.md between the bench markers.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { buildIfStale, root, startServer } from '../browser/server';
import { launch } from '../browser/harness';

const args = process.argv.slice(2);
const arg = (name: string, d: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : d;
};
const INCIDENTS = Number(arg('incidents', '100000'));
const WRITE = !args.includes('--no-write');
const RUNS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;

interface Manifest {
  [key: string]: { file: string; imports?: string[]; dynamicImports?: string[]; isEntry?: boolean; isDynamicEntry?: boolean; css?: string[] };
}

/** Gzip sizes of the static JS graph from the entries, stopping at dynamic imports. */
function jsSizes() {
  const dir = join(root, '.svelte-kit/output/client');
  const manifest = JSON.parse(readFileSync(join(dir, '.vite/manifest.json'), 'utf8')) as Manifest;
  const gz = (file: string) => gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;
  const closure = (keys: string[]) => {
    const seen = new Set<string>();
    const walk = (k: string) => {
      if (seen.has(k) || !manifest[k]) return;
      seen.add(k);
      for (const i of manifest[k].imports ?? []) walk(i);
    };
    keys.forEach(walk);
    return seen;
  };
  const key = (suffix: string) => Object.keys(manifest).find((k) => k.endsWith(suffix))!;
  // What `/` loads before the map: the client entry, the app, the root layout and the page.
  const shellKeys = closure([key('client/entry.js'), key('client-optimized/app.js'), key('nodes/0.js'), key('nodes/2.js')]);
  const mapKeys = [...closure([key('src/lib/map/AtlasMap.svelte')])].filter((k) => !shellKeys.has(k));
  const sum = (keys: Iterable<string>) => [...keys].reduce((n, k) => n + gz(manifest[k].file), 0);
  const worker = Object.values(manifest).find((v) => /maplibre-gl-worker/.test(v.file))?.file;
  return {
    shell: sum(shellKeys),
    map: sum(mapKeys),
    worker: worker ? gz(worker) : 0
  };
}

async function waitIdle(page: Page) {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const map = (window as never as { __atlas: { map: import('maplibre-gl').Map } }).__atlas.map;
        const done = () => map.loaded() && map.areTilesLoaded() && !map.isMoving();
        const check = () => (done() ? resolve(performance.now()) : map.once('idle', check));
        check();
      })
  );
}

async function main() {
  buildIfStale();
  const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
  const server = await startServer({ ATLAS_DB: join(dir, 'bench.sqlite'), ATLAS_SYNTHETIC_INCIDENTS: String(INCIDENTS) }, 300_000);
  const browser = await launch();
  try {
    const api = performance.now();
    const body = await (await fetch(`${server.baseURL}/api/features`)).text();
    const apiMs = performance.now() - api;

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // tsx keeps function names with a helper the page does not have.
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    await page.goto(`${server.baseURL}/`);
    await page.waitForFunction(() => (window as never as { __atlas?: { map?: unknown } }).__atlas?.map, null, { timeout: 120_000 });
    await page.waitForFunction(
      () => (window as never as { __atlas: { state: { mapReady: boolean } } }).__atlas.state.mapReady,
      null,
      { timeout: 120_000 }
    );
    const firstIdle = await waitIdle(page);
    const drawn = await page.evaluate(() => {
      const map = (window as never as { __atlas: { map: import('maplibre-gl').Map } }).__atlas.map;
      return map.queryRenderedFeatures({ layers: ['incident-points', 'incident-clusters'] }).length;
    });

    // Filter changes: the expression reaches the map at once; the clusters follow after the source re-indexes.
    const typeSets = [['Battles'], ['Battles', 'Explosions/Remote violence'], ['Strategic developments'], [], ['Violence against civilians']];
    const expr: number[] = [];
    const full: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await page.evaluate(
        (types) =>
          new Promise<{ expr: number; full: number }>((resolve) => {
            const { map, state } = (window as never as { __atlas: { map: import('maplibre-gl').Map; state: { filters: { types: string[] } } } }).__atlas;
            const t0 = performance.now();
            let exprAt = 0;
            let reindexed = false;
            map.once('render', () => (exprAt = performance.now()));
            const onData = (e: { sourceId?: string; isSourceLoaded?: boolean; sourceDataType?: string }) => {
              if (e.sourceId === 'incidents' && e.isSourceLoaded && performance.now() - t0 > 100) reindexed = true;
            };
            map.on('sourcedata', onData);
            const onIdle = () => {
              if (!reindexed) return;
              map.off('idle', onIdle);
              map.off('sourcedata', onData);
              resolve({ expr: exprAt - t0, full: performance.now() - t0 });
            };
            map.on('idle', onIdle);
            state.filters.types = types;
          }),
        typeSets[i % typeSets.length]
      );
      expr.push(r.expr);
      full.push(r.full);
    }

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const metrics = (await cdp.send('Performance.getMetrics')).metrics;
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    const sizes = jsSizes();

    const figures = {
      incidents: INCIDENTS,
      apiBytes: body.length,
      apiGzip: gzipSync(body).length,
      apiMs,
      firstIdle,
      drawn,
      exprMs: median(expr),
      fullMs: median(full),
      heap,
      ...sizes,
      errors
    };
    report(figures);
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(f: {
  incidents: number;
  apiBytes: number;
  apiGzip: number;
  apiMs: number;
  firstIdle: number;
  drawn: number;
  exprMs: number;
  fullMs: number;
  heap: number;
  shell: number;
  map: number;
  worker: number;
  errors: string[];
}) {
  const date = new Date().toISOString().slice(0, 10);
  const lines = [
    `Measured ${date} on ${cpus().length} cores / ${Math.round(totalmem() / 2 ** 30)} GiB, headless Chromium (SwiftShader, no GPU), ${f.incidents.toLocaleString('en')} synthetic incidents.`,
    '',
    '| measure | value |',
    '|---|---|',
    `| \`/api/features\` | ${mib(f.apiBytes)} (${mib(f.apiGzip)} gzip), ${Math.round(f.apiMs)} ms for the first request (serialised once, then cached per data version) |`,
    `| navigation → first map idle, every incident loaded and clustered | ${Math.round(f.firstIdle)} ms |`,
    `| filter change → expression applied (points, routes, list, counts) | ${Math.round(f.exprMs)} ms (median of ${RUNS}) |`,
    `| filter change → clusters re-counted, map idle | ${Math.round(f.fullMs)} ms (median of ${RUNS}) |`,
    `| page JS heap after GC | ${mib(f.heap)} |`,
    `| JS, app shell (\`/\` before the map) | ${kib(f.shell)} gzip |`,
    `| JS, map chunk (lazy: MapLibre, style, map component) | ${kib(f.map)} gzip |`,
    `| MapLibre worker (lazy) | ${kib(f.worker)} gzip |`
  ];
  if (f.errors.length) lines.push('', `Page errors: ${f.errors.join('; ')}`);
  const text = lines.join('\n');
  console.log(text);
  if (!WRITE) return;
  const doc = join(root, 'docs/dashboard.md');
  if (!existsSync(doc)) return console.warn('docs/dashboard.md not found: figures not written');
  const md = readFileSync(doc, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  if (!md.includes(start)) return console.warn('bench markers not found in docs/dashboard.md');
  writeFileSync(doc, `${md.slice(0, md.indexOf(start) + start.length)}\n${text}\n${md.slice(md.indexOf(end))}`);
  console.log('\nwritten to docs/dashboard.md');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
