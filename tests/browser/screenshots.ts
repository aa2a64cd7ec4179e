/**
 * Screenshots of the dashboard's main states into docs/screenshots/, from the built app on the seed articles.
 *   npx tsx tests/browser/screenshots.ts
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, mapIdle, open } from './harness';
import { buildIfStale, root, startServer } from './server';

const out = join(root, 'docs/screenshots');

async function shot(page: Page, name: string) {
  await mapIdle(page, 600);
  await page.screenshot({ path: join(out, `${name}.png`) });
  console.log(`docs/screenshots/${name}.png`);
}

async function main() {
  buildIfStale();
  mkdirSync(out, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'atlas-shots-'));
  const server = await startServer({ ATLAS_DB: join(dir, 'atlas.sqlite') });
  const browser = await launch();
  try {
    const base = server.baseURL;
    const fc = (await (await fetch(`${base}/api/features`)).json()) as { features: Array<{ properties: Record<string, unknown>; geometry: { coordinates: number[] } }> };
    const sadr = fc.features.find((f) => /sadr city/i.test(String(f.properties.place_name)));

    // 1. Overview: the whole data set.
    let w = await open(browser, `${base}/`, { width: 1440, height: 900 });
    await shot(w.page, 'overview');

    // 2. An incident selected: details and sources.
    if (sadr) {
      const [lon, lat] = sadr.geometry.coordinates;
      await w.page.goto(`${base}/?map=9/${lat}/${lon}&sel=${encodeURIComponent(String(sadr.properties.id))}`);
      await shot(w.page, 'incident-detail');
      // 3. The article reader.
      await w.page.getByTestId('read-article').first().click();
      await w.page.getByTestId('toponym').first().waitFor();
      await shot(w.page, 'article-reader');
    }
    await w.context.close();

    // 4. Filtered: a date range and one event type, with the histogram brushed.
    w = await open(browser, `${base}/?map=5.2/32.8/50.5&from=2007-06-01&to=2007-09-30&type=Battles`, { width: 1440, height: 900 });
    await shot(w.page, 'filtered');
    await w.context.close();

    // 5. Routes in the region.
    w = await open(browser, `${base}/?map=4.3/32.5/55`, { width: 1440, height: 900 });
    const route = fc.features.find((f) => f.properties.kind === 'route');
    if (route) {
      await w.page.goto(`${base}/?map=4.3/32.5/55&sel=${encodeURIComponent(String(route.properties.id))}`);
    }
    await shot(w.page, 'routes');
    await w.context.close();
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
