/**
 * The map as a working surface, in Chromium: labels at world zoom, fitting selections, clusters, routes'
 * hit area, hover tooltips, and the phone and tablet layouts.
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FeatureCollection, Point } from 'geojson';
import type { AtlasCollection, IncidentFeature, RouteFeature } from '../../src/lib/geojson/types';
import { type Watched, closeWatched, launch, mapIdle, open, visibleCount } from './harness';

const base = inject('baseURL');

type MapWindow = { __atlas: { map: import('maplibre-gl').Map; state: { selectedId: string | null } } };
type LabelProps = { kind: string; name: string; rank: number; scale?: number };

let browser: Browser;
let features: AtlasCollection;
let labels: FeatureCollection<Point, LabelProps>;
let w: Watched | null = null;

beforeAll(async () => {
  browser = await launch();
  features = (await (await fetch(`${base}/api/features`)).json()) as AtlasCollection;
  labels = (await (await fetch(`${base}/basemap/labels.geojson`)).json()) as FeatureCollection<Point, LabelProps>;
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  const done = w;
  w = null;
  await closeWatched(done);
});

const routes = () => features.features.filter((f): f is RouteFeature => f.properties.kind === 'route');
const countryLabel = (name: string) => labels.features.find((l) => l.properties.kind === 'country' && l.properties.name === name)!;

/** Country labels MapLibre placed, with their anchors on screen. */
function renderedCountryLabels(page: Page) {
  return page.evaluate(() => {
    const map = (window as unknown as MapWindow).__atlas.map;
    const seen = new Map<string, { name: string; x: number; y: number; scale: number }>();
    for (const f of map.queryRenderedFeatures({ layers: ['country-labels'] })) {
      const name = String(f.properties.name);
      const p = map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
      seen.set(name, { name, x: p.x, y: p.y, scale: Number(f.properties.scale) });
    }
    return [...seen.values()];
  });
}

/** Screen positions of lon/lat points, and the canvas size. */
function project(page: Page, points: Array<[number, number]>) {
  return page.evaluate((pts) => {
    const map = (window as unknown as MapWindow).__atlas.map;
    const c = map.getCanvas();
    return { points: pts.map((p) => map.project(p)), width: c.clientWidth, height: c.clientHeight };
  }, points);
}

describe('map labels', () => {
  it('at world zoom labels the large countries, no microstate, and every label on its own country', async () => {
    w = await open(browser, `${base}/?map=1.6/25/20`, { width: 1440, height: 900 });
    const shown = await renderedCountryLabels(w.page);
    const names = new Set(shown.map((l) => l.name));

    // The ten largest countries whose anchor is well inside the canvas are all labelled.
    const largest = labels.features.filter((l) => l.properties.kind === 'country').sort((a, b) => a.properties.rank - b.properties.rank).slice(0, 10);
    const at = await project(w.page, largest.map((l) => l.geometry.coordinates as [number, number]));
    const inView = largest.filter((_, i) => {
      const p = at.points[i];
      return p.x > 80 && p.x < at.width - 80 && p.y > 60 && p.y < at.height - 60;
    });
    expect(inView.length).toBeGreaterThanOrEqual(6);
    for (const l of inView) expect(names, l.properties.name).toContain(l.properties.name);
    for (const micro of ['Vatican', 'Jersey', 'Isle of Man', 'Monaco', 'Andorra']) expect(names).not.toContain(micro);
    for (const l of shown) expect(l.scale, l.name).toBeLessThanOrEqual(1);

    // Each label's anchor is on its own country's polygon (or within 4 px of it).
    const misplaced = await w.page.evaluate((list) => {
      const map = (window as unknown as MapWindow).__atlas.map;
      return list
        .filter((l) => {
          const hits = map.queryRenderedFeatures(
            [
              [l.x - 4, l.y - 4],
              [l.x + 4, l.y + 4]
            ],
            { layers: ['countries'] }
          );
          return !hits.some((h) => h.properties.name === l.name);
        })
        .map((l) => l.name);
    }, shown);
    expect(misplaced).toEqual([]);
  });

  it('labels Fiji on Fiji, by the date line', async () => {
    const fiji = countryLabel('Fiji');
    const [lon, lat] = fiji.geometry.coordinates;
    expect(Math.abs(lon)).toBeGreaterThan(170);
    w = await open(browser, `${base}/?map=5/${lat}/${lon}`, { width: 1024, height: 768 });
    const shown = await renderedCountryLabels(w.page);
    const label = shown.find((l) => l.name === 'Fiji');
    expect(label).toBeDefined();
    const hit = await w.page.evaluate(
      (l) => (window as unknown as MapWindow).__atlas.map.queryRenderedFeatures([l.x, l.y], { layers: ['countries'] }).map((h) => h.properties.name),
      label!
    );
    expect(hit).toContain('Fiji');
  });

  it('labels Iraq and Afghanistan in the region view', async () => {
    w = await open(browser, `${base}/?map=4.2/33/55`, { width: 1440, height: 900 });
    const names = new Set((await renderedCountryLabels(w.page)).map((l) => l.name));
    expect(names).toContain('Iraq');
    expect(names).toContain('Afghanistan');
    expect(names).toContain('Iran');
  });
});

describe('navigation', () => {
  it('selecting a route in the table fits the whole route in view', async () => {
    const route = routes().sort((a, b) => span(b) - span(a))[0];
    expect(route, 'a route in the seeds').toBeDefined();
    w = await open(browser, `${base}/?map=9/33.3/44.4`, { width: 1440, height: 900 });
    await w.page.locator(`tbody tr[data-id="${route.properties.id}"]`).click();
    await mapIdle(w.page, 1300);
    const c = route.geometry.coordinates;
    const at = await project(w.page, [c[0] as [number, number], c.at(-1) as [number, number]]);
    for (const p of at.points) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(at.width);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(at.height);
    }
    // Fitted, not merely zoomed out: the route spans a good part of the map.
    const [a, b] = at.points;
    expect(Math.max(Math.abs(a.x - b.x) / at.width, Math.abs(a.y - b.y) / at.height)).toBeGreaterThan(0.4);
  });

  it('a province- or country-level incident fits its outline rather than zooming to its centre', async () => {
    const coarse = features.features.find((f) => f.properties.kind === 'incident' && f.properties.geo_precision === 3);
    if (!coarse) return;
    w = await open(browser, `${base}/?map=3/30/40`, { width: 1440, height: 900 });
    // The table's rows are virtual: select through the state, as a row click does.
    await w.page.evaluate(
      (id) => (window as unknown as { __atlas: { state: { select(id: string, o: { fly: boolean }): void } } }).__atlas.state.select(id, { fly: true }),
      coarse.properties.id
    );
    await mapIdle(w.page, 1300);
    const zoom = await w.page.evaluate(() => (window as unknown as MapWindow).__atlas.map.getZoom());
    // A province or a country fills the view somewhere between zoom 4 and 9, never the town zoom (≥ 8 on a point).
    expect(zoom).toBeGreaterThan(3.5);
    expect(zoom).toBeLessThan(8.5);
    const [lon, lat] = (coarse.geometry as Point).coordinates;
    const at = await project(w.page, [[lon, lat]]);
    expect(at.points[0].x).toBeGreaterThan(0);
    expect(at.points[0].x).toBeLessThan(at.width);
  });

  it('choosing a country in the filters fits that country', async () => {
    const incident = features.features.find((f) => f.properties.kind === 'incident' && f.properties.country_code === 'AF') ?? features.features.find((f) => f.properties.kind === 'incident')!;
    const p = incident.properties as { country: string; country_code: string };
    const code = p.country_code;
    w = await open(browser, `${base}/?map=2/20/0`, { width: 1440, height: 900 });
    await w.page.getByTestId('filter-countries').selectOption(p.country);
    await mapIdle(w.page, 1300);
    // The country's own outline from the basemap, and where it is drawn now.
    const fit = await w.page.evaluate((cc) => {
      const map = (window as unknown as MapWindow).__atlas.map;
      const parts = map.querySourceFeatures('countries').filter((f) => f.properties.iso === cc);
      let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const f of parts) {
        const g = f.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon;
        const rings = g.type === 'Polygon' ? [g.coordinates[0]] : g.coordinates.map((p) => p[0]);
        for (const r of rings)
          for (const c of r) {
            const p = map.project(c as [number, number]);
            [x0, y0, x1, y1] = [Math.min(x0, p.x), Math.min(y0, p.y), Math.max(x1, p.x), Math.max(y1, p.y)];
          }
      }
      const c = map.getCanvas();
      return { x0, y0, x1, y1, width: c.clientWidth, height: c.clientHeight, zoom: map.getZoom() };
    }, code);
    expect(fit.zoom).toBeGreaterThan(3);
    expect(fit.x0).toBeGreaterThanOrEqual(-2);
    expect(fit.y0).toBeGreaterThanOrEqual(-2);
    expect(fit.x1).toBeLessThanOrEqual(fit.width + 2);
    expect(fit.y1).toBeLessThanOrEqual(fit.height + 2);
    expect(Math.max((fit.x1 - fit.x0) / fit.width, (fit.y1 - fit.y0) / fit.height)).toBeGreaterThan(0.4);
  });

  it('a cluster click zooms to where the cluster splits', async () => {
    w = await open(browser, `${base}/?map=3.5/33/52`, { width: 1440, height: 900 });
    const cluster = await w.page.evaluate(async () => {
      const map = (window as unknown as MapWindow).__atlas.map;
      const c = map.queryRenderedFeatures({ layers: ['incident-clusters'] }).sort((a, b) => Number(b.properties.point_count) - Number(a.properties.point_count))[0];
      if (!c) return null;
      const source = map.getSource('incidents') as import('maplibre-gl').GeoJSONSource;
      const expansion = await source.getClusterExpansionZoom(Number(c.properties.cluster_id));
      const p = map.project((c.geometry as GeoJSON.Point).coordinates as [number, number]);
      return { x: p.x, y: p.y, expansion, zoom: map.getZoom(), count: Number(c.properties.point_count) };
    });
    expect(cluster, 'a cluster at the region view').not.toBeNull();
    const box = (await w.page.locator('.maplibregl-canvas').boundingBox())!;
    await w.page.mouse.click(box.x + cluster!.x, box.y + cluster!.y);
    await mapIdle(w.page, 1000);
    const after = await w.page.evaluate(() => (window as unknown as MapWindow).__atlas.map.getZoom());
    if (cluster!.expansion > 11) {
      // All at one spot: it lists its incidents instead.
      await w.page.getByRole('list', { name: 'Incidents at this spot' }).waitFor();
      return;
    }
    expect(after).toBeGreaterThanOrEqual(cluster!.expansion - 0.01);
    expect(after).toBeGreaterThanOrEqual(cluster!.zoom + 0.99);
  });

  it('a route answers within a band at least 10 px wide, and shows its tooltip on hover', async () => {
    w = await open(browser, `${base}/?map=4.2/33/55`, { width: 1440, height: 900 });
    // Measure the band across a route segment in open view (no other route or incident near).
    const band = await w.page.evaluate((lines) => {
      const map = (window as unknown as MapWindow).__atlas.map;
      const { clientWidth: width, clientHeight: height } = map.getCanvas();
      for (const { id, coords } of lines) {
        for (let k = 0; k + 1 < coords.length; k++) {
          const pa = map.project(coords[k]);
          const pb = map.project(coords[k + 1]);
          const len = Math.hypot(pb.x - pa.x, pb.y - pa.y);
          const [mx, my] = [(pa.x + pb.x) / 2, (pa.y + pb.y) / 2];
          // Clear of the map's edges and of the legend (bottom left).
          if (len < 8 || mx < 300 || mx > width - 80 || my < 80 || my > height - 80) continue;
          const [nx, ny] = [-(pb.y - pa.y) / len, (pb.x - pa.x) / len];
          // Cheap first look: skip segments this route does not answer at, or shares with another route.
          const near = map.queryRenderedFeatures(
            [
              [mx - 8, my - 8],
              [mx + 8, my + 8]
            ],
            { layers: ['route-hit'] }
          );
          if (!near.some((f) => f.properties.id === id) || near.some((f) => f.properties.id !== id)) continue;
          const hits: number[] = [];
          for (let d = -20; d <= 20; d++) {
            const q: [number, number] = [mx + nx * d, my + ny * d];
            if (map.queryRenderedFeatures(q, { layers: ['route-hit'] }).some((f) => f.properties.id === id)) hits.push(d);
          }
          if (!hits.length) continue;
          // One pixel inside the band's edge, where no other route answers.
          const d = hits[0] + 1;
          const edge = { x: mx + nx * d, y: my + ny * d };
          const there = map.queryRenderedFeatures(
            [
              [edge.x - 6, edge.y - 6],
              [edge.x + 6, edge.y + 6]
            ],
            { layers: ['route-hit', 'incident-points', 'incident-clusters'] }
          );
          if (there.some((f) => f.layer.id !== 'route-hit' || f.properties.id !== id)) continue;
          return { id, width: hits.length, edge };
        }
      }
      return null;
    }, routes().map((r) => ({ id: r.properties.id, coords: r.geometry.coordinates as Array<[number, number]> })));
    expect(band, 'a route segment in view').not.toBeNull();
    expect(band!.width).toBeGreaterThanOrEqual(10);
    const route = routes().find((r) => r.properties.id === band!.id)!;
    const box = (await w.page.locator('.maplibregl-canvas').boundingBox())!;
    await w.page.mouse.move(box.x + band!.edge.x, box.y + band!.edge.y);
    const tip = w.page.getByTestId('map-tooltip');
    await tip.waitFor();
    expect(await tip.innerText()).toContain(route.properties.title);
    // And a click at the band's edge selects it.
    await w.page.mouse.click(box.x + band!.edge.x, box.y + band!.edge.y);
    await expect.poll(() => w!.page.evaluate(() => (window as unknown as MapWindow).__atlas.state.selectedId)).toBe(route.properties.id);
  });

  it('an incident shows its title, date and toll on hover', async () => {
    const all = features.features.filter((f): f is IncidentFeature => f.properties.kind === 'incident');
    const target = all.find((f) => f.properties.geo_precision === 1 && f.properties.killed != null) ?? all[0];
    const [lon, lat] = (target.geometry as Point).coordinates;
    w = await open(browser, `${base}/?map=14/${lat}/${lon}`, { width: 1440, height: 900 });
    const at = await project(w.page, [[lon, lat]]);
    const box = (await w.page.locator('.maplibregl-canvas').boundingBox())!;
    await w.page.mouse.move(box.x + at.points[0].x, box.y + at.points[0].y);
    const tip = w.page.getByTestId('map-tooltip');
    await tip.waitFor();
    const text = await tip.innerText();
    // Several incidents may share the spot: the tooltip names one of those drawn there.
    const here = all.filter((f) => {
      const [x, y] = (f.geometry as Point).coordinates;
      return Math.abs(x - lon) < 1e-6 && Math.abs(y - lat) < 1e-6;
    });
    // Title, toll and year all those of one incident there.
    const consistent = here.filter((f) => {
      const p = f.properties as { title: string; killed: number | null; date: string | null };
      return text.includes(p.title) && (p.killed == null || text.includes(`${p.killed} killed`)) && (!p.date || text.includes(p.date.slice(0, 4)));
    });
    expect(consistent.length, text).toBeGreaterThan(0);
  });

  it('a cluster shows its count by event type on hover', async () => {
    w = await open(browser, `${base}/?map=3.5/33/52`, { width: 1440, height: 900 });
    const cluster = await w.page.evaluate(() => {
      const map = (window as unknown as MapWindow).__atlas.map;
      const c = map.queryRenderedFeatures({ layers: ['incident-clusters'] })[0];
      if (!c) return null;
      const p = map.project((c.geometry as GeoJSON.Point).coordinates as [number, number]);
      return { x: p.x, y: p.y, count: Number(c.properties.point_count), id: Number(c.properties.cluster_id) };
    });
    expect(cluster).not.toBeNull();
    const leaves = await w.page.evaluate(async (id) => {
      const source = (window as unknown as MapWindow).__atlas.map.getSource('incidents') as import('maplibre-gl').GeoJSONSource;
      return (await source.getClusterLeaves(id, 10_000, 0)).map((f) => String(f.properties?.event_type));
    }, cluster!.id);
    const box = (await w.page.locator('.maplibregl-canvas').boundingBox())!;
    await w.page.mouse.move(box.x + cluster!.x, box.y + cluster!.y);
    const tip = w.page.getByTestId('map-tooltip');
    await tip.waitFor();
    const text = await tip.innerText();
    expect(text).toContain(`${cluster!.count} incidents`);
    const byType = new Map<string, number>();
    for (const t of leaves) byType.set(t, (byType.get(t) ?? 0) + 1);
    for (const [t, n] of byType) expect(text).toContain(`${t}: ${n}`);
  });
});

describe('in view', () => {
  it('limits the counts to the map extent, and follows the map as it moves', async () => {
    const incidents = features.features.filter((f) => f.properties.kind === 'incident');
    w = await open(browser, `${base}/?map=9/33.3/44.4`);
    const count = () => visibleCount(w!.page);
    expect(await count()).toBe(incidents.length);
    await w.page.getByTestId('in-view').check();
    const inBounds = (page: Page) =>
      page.evaluate((pts) => {
        const b = (window as unknown as MapWindow).__atlas.map.getBounds();
        return pts.filter((p) => b.contains(p)).length;
      }, incidents.map((f) => (f.geometry as Point).coordinates as [number, number]));
    const expected = await inBounds(w.page);
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(incidents.length);
    await expect.poll(count).toBe(expected);
    // Somewhere without incidents (the South Atlantic): none listed.
    await w.page.evaluate(() => (window as unknown as MapWindow).__atlas.map.jumpTo({ center: [-20, -40], zoom: 6 }));
    await expect.poll(count).toBe(0);
    await w.page.getByTestId('in-view').uncheck();
    await expect.poll(count).toBe(incidents.length);
  });
});

describe('exports', () => {
  it('name the filter and the day in the file name', async () => {
    const type = features.features.find((f) => f.properties.kind === 'incident')!.properties as { event_type: string };
    w = await open(browser, `${base}/?type=${encodeURIComponent(type.event_type)}&from=2000-01-01`);
    const [download] = await Promise.all([w.page.waitForEvent('download'), w.page.getByTestId('export').click()]);
    const name = download.suggestedFilename();
    const slug = type.event_type.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    expect(name).toContain(slug);
    expect(name).toContain('from-2000-01-01');
    expect(name).toMatch(new RegExp(`_${new Date().toISOString().slice(0, 10)}\\.geojson$`));
  });
});

describe('phone and tablet', () => {
  for (const [width, height] of [
    [390, 844],
    [1024, 768]
  ]) {
    it(`at ${width}×${height} the map fills the width, nothing scrolls sideways, and the list and details are reachable`, async () => {
      w = await open(browser, `${base}/`, { width, height });
      const page = w.page;
      const layout = await page.evaluate(() => ({
        canvas: document.querySelector('.maplibregl-canvas')!.getBoundingClientRect(),
        scroll: document.documentElement.scrollWidth,
        inner: innerWidth
      }));
      expect(layout.canvas.width).toBeGreaterThanOrEqual(0.9 * width);
      expect(layout.canvas.height).toBeGreaterThanOrEqual(0.45 * height);
      expect(layout.scroll).toBeLessThanOrEqual(layout.inner);

      // Filters and list: behind one button, then in view.
      await page.getByTestId('list-toggle').click();
      const search = page.getByRole('searchbox', { name: 'Search incidents' });
      await search.waitFor();
      const row = page.locator('tbody tr[data-id]').first();
      for (const el of [search, row, page.getByTestId('export')]) {
        const b = (await el.boundingBox())!;
        expect(b.x).toBeGreaterThanOrEqual(0);
        expect(b.x + b.width).toBeLessThanOrEqual(width + 1);
        expect(b.y + b.height).toBeLessThanOrEqual(height + 1);
      }
      // No control appears only on hover: "only" is there to be tapped.
      const only = page.getByRole('button', { name: /^Show only/ }).first();
      expect(await only.isVisible()).toBe(true);
      expect(Number(await only.evaluate((el) => getComputedStyle(el).opacity))).toBeGreaterThan(0.3);
      // A row opens its details, in view and closable.
      const id = await row.getAttribute('data-id');
      await row.click();
      const detail = page.getByTestId('detail');
      await detail.waitFor();
      const d = (await detail.boundingBox())!;
      expect(d.x).toBeGreaterThanOrEqual(0);
      expect(d.x + d.width).toBeLessThanOrEqual(width + 1);
      expect(await page.evaluate(() => (window as unknown as MapWindow).__atlas.state.selectedId)).toBe(id);
      await page.getByRole('button', { name: 'Close details' }).click();
      await detail.waitFor({ state: 'detached' });
      // The list closes again and gives the map back.
      await page.getByTestId('list-toggle').click();
      await search.waitFor({ state: 'hidden' });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      // The timeline stays on screen.
      const t = (await page.getByRole('region', { name: 'Date filter' }).boundingBox())!;
      expect(t.x + t.width).toBeLessThanOrEqual(width + 1);
      expect(t.y + t.height).toBeLessThanOrEqual(height + 1);
    });
  }
});

/** Length of a route's bounding box diagonal, in degrees. */
function span(r: RouteFeature): number {
  const c = r.geometry.coordinates;
  return Math.hypot(c[0][0] - c.at(-1)![0], c[0][1] - c.at(-1)![1]);
}
