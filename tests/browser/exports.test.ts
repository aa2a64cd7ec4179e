/** The export menu and the timeline's date fields, in Chromium. */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Browser } from 'playwright-core';
import type { AtlasCollection } from '../../src/lib/geojson/types';
import { ROUTE_CSV_COLUMNS } from '../../src/lib/geojson';
import { type Watched, closeWatched, launch, mapIdle, open } from './harness';

const base = inject('baseURL');

let browser: Browser;
let features: AtlasCollection;
let w: Watched | null = null;

beforeAll(async () => {
  browser = await launch();
  features = (await (await fetch(`${base}/api/features`)).json()) as AtlasCollection;
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  const done = w;
  w = null;
  await closeWatched(done, { external: false });
});

describe('exports and dates', () => {
  it('CSV of routes: the button says so, the file is named so and holds one row per route', async () => {
    const routes = features.features.filter((f) => f.properties.kind === 'route');
    w = await open(browser, `${base}/`);
    await w.page.getByTestId('export-format').selectOption('routes-csv');
    await expect.poll(() => w!.page.getByTestId('export').getAttribute('title')).toMatch(new RegExp(`^Saves ${routes.length} routes? as .*\\.routes\\.csv$`));
    const [download] = await Promise.all([w.page.waitForEvent('download'), w.page.getByTestId('export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.routes\.csv$/);
    const rows = Papa.parse<Record<string, string>>(await readFile((await download.path())!, 'utf8'), { header: true, skipEmptyLines: true });
    expect(rows.meta.fields).toEqual([...ROUTE_CSV_COLUMNS]);
    expect(rows.data.map((r) => r.atlas_id).sort()).toEqual(routes.map((f) => f.properties.id).sort());
  });

  it('dates are typed as YYYY-MM-DD whatever the locale; anything else is refused, not guessed', async () => {
    w = await open(browser, `${base}/`);
    await mapIdle(w.page);
    const from = w.page.getByTestId('date-from');
    await from.fill('2007-6-1');
    await from.press('Enter');
    await expect.poll(() => w!.page.url()).toMatch(/from=2007-06-01/);
    await expect.poll(() => from.inputValue()).toBe('2007-06-01');
    const to = w.page.getByTestId('date-to');
    await to.fill('06/30/2007');
    await to.press('Enter');
    expect(await to.getAttribute('aria-invalid')).toBe('true');
    expect(w.page.url()).not.toMatch(/to=/);
  });

  it('the heatmap toggle shows incident density in place of markers at overview zooms, and back', async () => {
    w = await open(browser, `${base}/?map=4/33/50`);
    await mapIdle(w.page);
    const layer = () =>
      w!.page.evaluate(() => {
        const m = (window as unknown as { __atlas: { map: import('maplibre-gl').Map } }).__atlas.map;
        return { heat: m.getLayoutProperty('incident-heat', 'visibility'), clustersFrom: m.getLayer('incident-clusters')!.minzoom ?? 0 };
      });
    expect(await layer()).toEqual({ heat: 'none', clustersFrom: 0 });
    await w.page.getByTestId('heatmap-toggle').click();
    expect(await w.page.getByTestId('heatmap-toggle').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(layer).toMatchObject({ heat: 'visible' });
    expect((await layer()).clustersFrom).toBeGreaterThan(4);
    await w.page.getByTestId('heatmap-toggle').click();
    await expect.poll(layer).toEqual({ heat: 'none', clustersFrom: 0 });
  });

  it('on a phone the legend starts collapsed', async () => {
    w = await open(browser, `${base}/`, { width: 390, height: 844 });
    await expect.poll(() => w!.page.getByTestId('legend-toggle').getAttribute('aria-expanded')).toBe('false');
  });
});
