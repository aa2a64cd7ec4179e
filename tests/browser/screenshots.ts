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
    const route = fc.features.find((f) => f.properties.kind === 'route');

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
    if (route) {
      await w.page.goto(`${base}/?map=4.3/32.5/55&sel=${encodeURIComponent(String(route.properties.id))}`);
    }
    await shot(w.page, 'routes');
    await w.context.close();

    // 6. The whole world: labels by size, nothing wrapped round the date line.
    w = await open(browser, `${base}/?map=1.6/25/20`, { width: 1440, height: 900 });
    await shot(w.page, 'world');
    await w.context.close();

    // 7. Hover: a cluster's count by event type.
    w = await open(browser, `${base}/?map=4.2/33/55`, { width: 1440, height: 900 });
    const cluster = await w.page.evaluate(() => {
      const map = (window as unknown as { __atlas: { map: import('maplibre-gl').Map } }).__atlas.map;
      const c = map.queryRenderedFeatures({ layers: ['incident-clusters'] }).sort((a, b) => Number(b.properties.point_count) - Number(a.properties.point_count))[0];
      return c ? map.project((c.geometry as GeoJSON.Point).coordinates as [number, number]) : null;
    });
    if (cluster) {
      const box = (await w.page.locator('.maplibregl-canvas').boundingBox())!;
      await w.page.mouse.move(box.x + cluster.x, box.y + cluster.y);
      await w.page.getByTestId('map-tooltip').waitFor();
      await shot(w.page, 'tooltip');
    }
    await w.context.close();

    // 8. Tablet and phone: the map takes the width; list and details are drawers or sheets.
    for (const [name, width, height] of [
      ['tablet', 1024, 768],
      ['phone', 390, 844]
    ] as const) {
      w = await open(browser, `${base}/`, { width, height });
      await shot(w.page, name);
      await w.page.getByTestId('list-toggle').click();
      await shot(w.page, `${name}-list`);
      // The newest item in the list (a route in the seeds).
      await w.page.locator('tbody tr[data-id]').first().click();
      await w.page.getByTestId('detail').waitFor();
      await mapIdle(w.page, 1200);
      await shot(w.page, `${name}-detail`);
      await w.context.close();
    }
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
