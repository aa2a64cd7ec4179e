import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { check } from '@placemarkio/check-geojson';
import type { AtlasCollection, IncidentFeature } from '../../src/lib/geojson/types';
import type { ReadArticle } from '../../src/lib/events/types';
import { type Watched, closeWatched, launch, mapIdle, open, visibleCount } from './harness';

const base = inject('baseURL');
const pipeline = inject('pipeline');

type AtlasWindow = {
  __atlas: {
    map: import('maplibre-gl').Map;
    state: { visible: Array<{ id: string }>; selectedId: string | null };
  };
};

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
  await closeWatched(done);
});

const incidents = () => features.features.filter((f): f is IncidentFeature => f.properties.kind === 'incident');

/** Clicks the map where a coordinate is drawn. */
async function clickAt(page: Page, lngLat: [number, number]) {
  const p = await page.evaluate((ll) => (window as unknown as AtlasWindow).__atlas.map.project(ll), lngLat);
  const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
  await page.mouse.click(box.x + p.x, box.y + p.y);
}

describe('dashboard in Chromium', () => {
  it('serves a Content Security Policy that allows no foreign script or connection', async () => {
    const csp = (await fetch(`${base}/`)).headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self' 'nonce-/);
    expect(csp).toMatch(/connect-src 'self'(;|$)/);
    expect(csp).toMatch(/object-src 'none'/);
  });

  it('draws the offline basemap (countries, labels) and the incidents', async () => {
    w = await open(browser, `${base}/`);
    const drawn = await w.page.evaluate(() => {
      const map = (window as unknown as AtlasWindow).__atlas.map;
      const n = (layer: string) => map.queryRenderedFeatures({ layers: [layer] }).length;
      return {
        countries: n('countries'),
        borders: n('borders'),
        countryLabels: n('country-labels'),
        incidents: n('incident-points') + n('incident-clusters')
      };
    });
    expect(drawn.countries).toBeGreaterThan(5);
    expect(drawn.borders).toBeGreaterThan(0);
    expect(drawn.countryLabels).toBeGreaterThan(3);
    expect(drawn.incidents).toBeGreaterThan(0);
    expect(await visibleCount(w.page)).toBe(incidents().length);
  });

  it.skipIf(!pipeline)('clicking the Sadr City incident shows its source sentence with the place marked', async () => {
    const sadr = incidents().find((f) => /sadr city/i.test(f.properties.place_name));
    expect(sadr, 'an incident in Sadr City from the seeds').toBeDefined();
    const [lon, lat] = sadr!.geometry.coordinates;
    w = await open(browser, `${base}/?map=13/${lat}/${lon}`);
    await clickAt(w.page, [lon, lat]);
    const detail = w.page.locator('[data-testid="detail"]');
    await detail.waitFor();
    // Several raids share Sadr City's coordinates; every one shown must carry a Sadr City sentence.
    const sentences = await detail.locator('[data-testid="source-sentence"]').allInnerTexts();
    const known = incidents()
      .filter((f) => /sadr city/i.test(f.properties.place_name))
      .flatMap((f) => f.properties.sources.map((s) => s.sentence.replace(/\s+/g, ' ').trim()));
    expect(sentences.length).toBeGreaterThan(0);
    for (const s of sentences) expect(known).toContain(s.replace(/\s+/g, ' ').trim());
    const marked = await detail.locator('[data-testid="source-sentence"] mark').first().innerText();
    expect(marked.toLowerCase()).toContain('sadr');
  });

  it('clicking a marker opens its details and every source sentence', async () => {
    // The incident drawn alone at a high zoom, found among those the map actually renders.
    const target = incidents().find((f) => f.properties.geo_precision === 1) ?? incidents()[0];
    const [lon, lat] = target.geometry.coordinates;
    w = await open(browser, `${base}/?map=14/${lat}/${lon}`);
    await clickAt(w.page, [lon, lat]);
    const detail = w.page.locator('[data-testid="detail"]');
    await detail.waitFor();
    const selected = await w.page.evaluate(() => (window as unknown as AtlasWindow).__atlas.state.selectedId);
    const f = incidents().find((x) => x.properties.id === selected)!;
    expect(f, 'the click selected an incident').toBeDefined();
    expect(await detail.locator('h2').innerText()).toBe(f.properties.title);
    const shown = (await detail.locator('[data-testid="source-sentence"]').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());
    expect(shown).toEqual(f.properties.sources.map((s) => s.sentence.replace(/\s+/g, ' ').trim()));
    // The URL names the selection, so the link restores it.
    await expect.poll(() => w!.page.url(), { timeout: 5000 }).toMatch(/sel=/);
  });

  it('a filter changes the visible count and what the map draws', async () => {
    w = await open(browser, `${base}/`);
    const before = await visibleCount(w.page);
    const byType = new Map<string, number>();
    for (const f of incidents()) byType.set(f.properties.event_type, (byType.get(f.properties.event_type) ?? 0) + 1);
    const [type, n] = [...byType].sort((a, b) => b[1] - a[1])[0];
    await w.page.getByTestId(`type-${type}`).uncheck();
    await expect.poll(() => visibleCount(w!.page)).toBe(before - n);
    await mapIdle(w.page, 400);
    const drawnTypes = await w.page.evaluate(() =>
      (window as unknown as AtlasWindow).__atlas.map.queryRenderedFeatures({ layers: ['incident-points'] }).map((f) => f.properties.event_type)
    );
    expect(drawnTypes).not.toContain(type);

    // Free-text search narrows further, and the table holds the same rows as the count.
    await w.page.getByRole('searchbox', { name: 'Search incidents' }).fill('zzzz-no-such-text');
    await expect.poll(() => visibleCount(w!.page)).toBe(0);
    await expect.poll(() => w!.page.getByText('No incident matches these filters.').isVisible()).toBe(true);
  });

  it('exports exactly the visible features as valid GeoJSON', async () => {
    const types = [...new Set(incidents().map((f) => f.properties.event_type))];
    w = await open(browser, `${base}/?type=${encodeURIComponent(types[0])}`);
    const visible = await w.page.evaluate(() => (window as unknown as AtlasWindow).__atlas.state.visible.map((i) => i.id));
    const expected = features.features
      .filter((f) => f.properties.kind === 'route' || f.properties.event_type === types[0])
      .map((f) => f.properties.id);
    expect(visible.sort()).toEqual(expected.sort());
    const [download] = await Promise.all([w.page.waitForEvent('download'), w.page.getByTestId('export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.geojson$/);
    const text = await readFile((await download.path())!, 'utf8');
    const fc = check(text) as unknown as AtlasCollection;
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.map((f) => f.properties.id).sort()).toEqual(expected.sort());
    // Whole features, sources included, not the map's slim copies.
    const first = fc.features[0];
    expect(first).toEqual(features.features.find((f) => f.properties.id === first.properties.id));
  });

  it('a permalink restores the view and the filters', async () => {
    w = await open(browser, `${base}/`);
    const type = incidents()[0].properties.event_type;
    await w.page.getByTestId(`type-${type}`).uncheck();
    await w.page.evaluate(() => (window as unknown as AtlasWindow).__atlas.map.jumpTo({ center: [44.42, 33.31], zoom: 7.5 }));
    await expect.poll(() => w!.page.url(), { timeout: 5000 }).toMatch(/map=7\.50%2F33\.31/);
    const link = w.page.url();
    const count = await visibleCount(w.page);

    const again = await open(browser, link);
    try {
      const view = await again.page.evaluate(() => {
        const map = (window as unknown as AtlasWindow).__atlas.map;
        return { zoom: map.getZoom(), center: map.getCenter() };
      });
      expect(view.zoom).toBeCloseTo(7.5, 1);
      expect(view.center.lng).toBeCloseTo(44.42, 2);
      expect(view.center.lat).toBeCloseTo(33.31, 2);
      expect(await again.page.getByTestId(`type-${type}`).isChecked()).toBe(false);
      expect(await visibleCount(again.page)).toBe(count);
      expect(again.external).toEqual([]);
      expect(again.errors).toEqual([]);
    } finally {
      await again.context.close();
    }
  });

  it('the reader shows the article as text with its toponyms, and a toponym flies the map to it', async () => {
    const f = incidents()[0];
    w = await open(browser, `${base}/?sel=${encodeURIComponent(f.properties.id)}`);
    await w.page.getByTestId('read-article').first().click();
    const reader = w.page.getByTestId('reader');
    await reader.getByTestId('toponym').first().waitFor();
    const article = (await (await fetch(`${base}/api/articles/${encodeURIComponent(f.properties.sources[0].article)}`)).json()) as ReadArticle;
    // Rendered as text: the DOM's text is the article's text, character for character.
    const text = await reader.getByTestId('article-text').evaluate((el) => el.textContent);
    expect(text!.replace(/\s+/g, ' ').replace(/ — not mapped|Reader comments|Byline|Page navigation/g, '').length).toBeGreaterThan(0);
    expect(normalise(text!)).toContain(normalise(article.text.slice(article.body[0]?.start ?? 0, (article.body[0]?.start ?? 0) + 200)));
    const resolved = article.toponyms.filter((t) => t.place);
    expect(await reader.getByTestId('toponym').count()).toBe(resolved.length);

    const target = resolved.at(-1)!;
    await reader.getByTestId('toponym').last().click();
    await mapIdle(w.page, 1200);
    const place = target.place!;
    const view = await w.page.evaluate((ll) => {
      const map = (window as unknown as AtlasWindow).__atlas.map;
      const p = map.project(ll);
      const c = map.getCanvas();
      return { center: map.getCenter(), x: p.x, y: p.y, width: c.clientWidth, height: c.clientHeight };
    }, [place.lon, place.lat] as [number, number]);
    if (place.kind === 'country' || place.kind === 'admin1') {
      // An area is fitted: its point is in view, though not necessarily at the centre.
      expect(view.x).toBeGreaterThan(0);
      expect(view.x).toBeLessThan(view.width);
      expect(view.y).toBeGreaterThan(0);
      expect(view.y).toBeLessThan(view.height);
    } else {
      expect(view.center.lng).toBeCloseTo(place.lon, 1);
      expect(view.center.lat).toBeCloseTo(place.lat, 1);
    }
  });

  it('the table is sortable and keyboard-driven, and its selection drives the map', async () => {
    w = await open(browser, `${base}/`);
    await w.page.getByTestId('sort-casualties').click();
    const rows = w.page.locator('tbody tr[data-id]');
    const firstId = await rows.first().getAttribute('data-id');
    const max = Math.max(...incidents().map((f) => (f.properties.killed ?? 0) + (f.properties.wounded ?? 0)));
    const first = incidents().find((f) => f.properties.id === firstId)!;
    expect((first.properties.killed ?? 0) + (first.properties.wounded ?? 0)).toBe(max);

    await rows.first().click();
    await w.page.keyboard.press('ArrowDown');
    const secondId = await rows.nth(1).getAttribute('data-id');
    await expect.poll(() => w!.page.evaluate(() => (window as unknown as AtlasWindow).__atlas.state.selectedId)).toBe(secondId);
    expect(await rows.nth(1).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => w!.page.evaluate(() => document.activeElement?.getAttribute('data-id'))).toBe(secondId);
    await expect
      .poll(() =>
        w!.page.evaluate(async () => {
          const source = (window as unknown as AtlasWindow).__atlas.map.getSource('selection') as import('maplibre-gl').GeoJSONSource;
          const data = (await source.getData()) as GeoJSON.FeatureCollection;
          return data.features.map((f) => f.properties?.id);
        })
      )
      .toEqual([secondId]);
  });
});

const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();
