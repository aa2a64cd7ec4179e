#!/usr/bin/env node
// Entry point for `npx atlas`: registers the TypeScript loader so the CLI runs straight after `npm install`,
// with no build step, then hands over to the command dispatcher.
//
// `atlas geoparse` is the batch hot path, so it runs from a bundle of its module graph cached in
// node_modules/.cache/incident-atlas (built with esbuild, which tsx already brings). The bundle is rebuilt
// whenever one of its source files is newer than it (or gone), and the command falls back to the TypeScript
// loader whenever the bundle cannot be built. Each bundled module keeps its own `import.meta.url`, so paths
// resolved from it (the gazetteer artifact) stay where they were.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const args = process.argv.slice(2);

/** The cached bundle of src/cli/geoparse.ts, (re)built when stale; null when it cannot be had. */
async function geoparseBundle() {
  if (process.env.ATLAS_NO_BUNDLE) return null;
  const dir = join(root, 'node_modules', '.cache', 'incident-atlas');
  const out = join(dir, 'geoparse.mjs');
  const inputsFile = join(dir, 'geoparse.inputs.json');
  try {
    if (existsSync(out) && existsSync(inputsFile)) {
      const built = statSync(out).mtimeMs;
      const inputs = JSON.parse(readFileSync(inputsFile, 'utf8'));
      if (inputs.every((f) => existsSync(f) && statSync(f).mtimeMs <= built)) return out;
    }
    const { build } = await import('esbuild');
    // Stamped with the time the build began, so a source saved while it runs is newer than the bundle.
    const began = new Date();
    const ownUrl = {
      name: 'own-import-meta-url',
      setup(b) {
        b.onLoad({ filter: /\.[cm]?[jt]s$/ }, (a) => {
          if (a.path.includes(`${'/'}node_modules${'/'}`)) return undefined;
          const src = readFileSync(a.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(a.path).href));
          return { contents: src, loader: a.path.endsWith('.ts') ? 'ts' : 'js', resolveDir: dirname(a.path) };
        });
      }
    };
    const r = await build({
      entryPoints: [join(here, 'geoparse.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      write: false,
      metafile: true,
      logLevel: 'silent',
      plugins: [ownUrl]
    });
    mkdirSync(dir, { recursive: true });
    const tmp = `${out}.${process.pid}.tmp`;
    writeFileSync(`${inputsFile}.${process.pid}.tmp`, JSON.stringify(Object.keys(r.metafile.inputs).map((f) => resolve(root, f))));
    renameSync(`${inputsFile}.${process.pid}.tmp`, inputsFile);
    writeFileSync(tmp, r.outputFiles[0].contents);
    utimesSync(tmp, began, began);
    renameSync(tmp, out);
    return out;
  } catch {
    return null;
  }
}

const bundle = args[0] === 'geoparse' ? await geoparseBundle() : null;
if (bundle) {
  // Same contract as main(): exit code from run(), an uncaught error reported as `atlas geoparse: ...` and 1.
  const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
  try {
    const { run } = await import(pathToFileURL(bundle).href);
    process.exitCode = await run(args.slice(1), io);
  } catch (err) {
    io.stderr.write(`atlas geoparse: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('./main.ts');
  process.exitCode = await main(args);
}
