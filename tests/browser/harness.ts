/** Chromium for the browser tests: Debian's build, loopback only, console errors collected. */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const LAUNCH_ARGS = [
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run'
];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: LAUNCH_ARGS });
}

export interface Watched {
  context: BrowserContext;
  page: Page;
  /** Requests to anything but 127.0.0.1 (blocked). */
  external: string[];
  /** console.error messages and uncaught page errors. */
  errors: string[];
}

const LOCAL = /^(http:\/\/127\.0\.0\.1(:\d+)?\/|blob:http:\/\/127\.0\.0\.1|data:)/;

export async function open(browser: Browser, url: string, opts: { width?: number; height?: number } = {}): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: opts.width ?? 1400, height: opts.height ?? 900 }, acceptDownloads: true });
  const external: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (LOCAL.test(u)) return route.continue();
    external.push(u);
    return route.abort('blockedbyclient');
  });
  // Scripts run through tsx keep function names with a helper the page lacks.
  await context.addInitScript({ content: 'window.__name = (f) => f;' });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(url);
  await mapIdle(page);
  return { context, page, external, errors };
}

/**
 * Closes a page opened by `open` and checks what it did: no request left 127.0.0.1 (unless `external` is false)
 * and no console error (except those `ignore` matches).
 */
export async function closeWatched(w: Watched | null, opts: { external?: boolean; ignore?: RegExp } = {}): Promise<void> {
  if (!w) return;
  await w.context.close();
  if (opts.external !== false) expect(w.external, 'requests that left 127.0.0.1').toEqual([]);
  expect(opts.ignore ? w.errors.filter((e) => !opts.ignore!.test(e)) : w.errors, 'console errors').toEqual([]);
}

/** Resolves when the map exists, its data is in and nothing is moving or loading. */
export async function mapIdle(page: Page, settleMs = 250): Promise<void> {
  await page.waitForFunction(() => (window as never as { __atlas?: { map?: unknown } }).__atlas?.map && document.querySelector('.maplibregl-canvas'), null, {
    timeout: 30_000
  });
  // Filter changes re-cluster after a short debounce; let it start before waiting for idle.
  await page.waitForTimeout(settleMs);
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = (window as never as { __atlas: { map: import('maplibre-gl').Map } }).__atlas.map;
        const done = () => map.loaded() && map.areTilesLoaded() && !map.isMoving() && map.getSource('incidents');
        if (done()) return resolve();
        const check = () => (done() ? resolve() : map.once('idle', check));
        map.once('idle', check);
        map.triggerRepaint();
      })
  );
}

/** The number the header shows as visible incidents. */
export async function visibleCount(page: Page): Promise<number> {
  const text = await page.locator('[data-testid="visible-count"] strong').first().innerText();
  return Number(text.replace(/,/g, ''));
}
