import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { type Watched, closeWatched, launch, mapIdle, open, visibleCount } from './harness';

const base = inject('baseURL');
const pipeline = inject('pipeline');

type AtlasWindow = {
  __atlas: {
    map: import('maplibre-gl').Map;
    state: {
      items: Array<{ id: string; feature: { properties: { kind: string; sources?: Array<{ article: string }> } } }>;
      uploads: Array<{ name: string; status: string; articleId: string | null; message: string | null }>;
      selectedId: string | null;
    };
  };
};

let browser: Browser;
let w: Watched | null = null;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  const done = w;
  w = null;
  await closeWatched(done, { ignore: /status of 4\d\d/ });
});

const articleCount = async () => ((await (await fetch(`${base}/api/articles`)).json()) as unknown[]).length;

/** The incidents in the page's state that cite an article. */
const incidentsOf = (articleId: string) =>
  w!.page.evaluate(
    (id) =>
      (window as unknown as AtlasWindow).__atlas.state.items
        .filter((i) => i.feature.properties.kind === 'incident' && i.feature.properties.sources?.some((s) => s.article === id))
        .map((i) => i.id),
    articleId
  );

describe('adding reporting in the dashboard', () => {
  it.skipIf(!pipeline)('pasted text becomes an incident in the list and on the map, without a reload', async () => {
    w = await open(browser, `${base}/`);
    const page = w.page;
    const before = await visibleCount(page);
    // A marker that survives only as long as the page is not reloaded.
    await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));

    await page.getByTestId('add-open').click();
    await expect.poll(() => page.getByTestId('add-dialog').isVisible()).toBe(true);
    await page.getByTestId('add-text').fill('A roadside bomb killed four soldiers near Kandahar on Tuesday, provincial officials said.');
    await page.getByTestId('add-title').fill('Add test: roadside bomb near Kandahar');
    await page.getByTestId('add-date').fill('2008-03-04');
    await page.getByTestId('add-url').fill('https://example.org/add-test/kandahar');
    await page.getByTestId('add-submit').click();

    const upload = page.locator('[data-testid="add-upload"]').first();
    await expect.poll(() => upload.getAttribute('data-status'), { timeout: 30_000 }).toBe('added');
    // The batch is done (and the features read again) when the button is back.
    await expect.poll(() => page.getByTestId('add-submit').isEnabled()).toBe(true);
    const articleId = await page.evaluate(() => (window as unknown as AtlasWindow).__atlas.state.uploads[0].articleId);
    expect(articleId).toBeTruthy();
    const ids = await incidentsOf(articleId!);
    expect(ids.length).toBeGreaterThan(0);
    expect(await visibleCount(page)).toBe(before + ids.length);
    expect(await upload.innerText()).toContain(ids.length === 1 ? '1 incident' : `${ids.length} incidents`);
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);

    // The server stored it with its fields.
    const stored = (await (await fetch(`${base}/api/articles/${encodeURIComponent(articleId!)}`)).json()) as { title: string; date: string; url?: string };
    expect(stored.title).toBe('Add test: roadside bomb near Kandahar');
    expect(stored.date).toBe('2008-03-04');

    // "show" selects the incident: the dialog closes, its row is in the list, its marker on the map.
    await upload.getByRole('button', { name: 'show' }).click();
    await expect.poll(() => page.getByTestId('add-dialog').isVisible()).toBe(false);
    await expect.poll(() => page.evaluate(() => (window as unknown as AtlasWindow).__atlas.state.selectedId)).toBe(ids[0]);
    await expect.poll(() => page.locator(`tbody tr[data-id="${ids[0]}"]`).isVisible()).toBe(true);
    await mapIdle(page, 600);
    await expect
      .poll(() =>
        page.evaluate(
          (id) =>
            (window as unknown as AtlasWindow).__atlas.map
              .queryRenderedFeatures({ layers: ['incident-points'] })
              .some((f) => f.properties?.id === id),
          ids[0]
        )
      )
      .toBe(true);
  });

  it.skipIf(!pipeline)('several files: each has its progress, and a binary file says why it was not added', async () => {
    w = await open(browser, `${base}/`);
    const page = w.page;
    const stored = await articleCount();
    await page.getByTestId('add-open').click();
    const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
    await page.getByTestId('add-files').setInputFiles([
      {
        name: 'add-test-mosul.md',
        mimeType: 'text/markdown',
        buffer: Buffer.from('# Attack on a checkpoint in Mosul\n\nGunmen attacked a police checkpoint in Mosul on 6 March 2008, killing two policemen.\n')
      },
      { name: 'add-test-scan.html', mimeType: 'text/html', buffer: binary }
    ]);
    expect(await page.getByTestId('add-chosen').locator('li').count()).toBe(2);
    await page.getByTestId('add-submit').click();

    const row = (name: string) => page.locator('[data-testid="add-upload"]', { hasText: name });
    await expect.poll(() => row('add-test-mosul.md').getAttribute('data-status'), { timeout: 30_000 }).toBe('added');
    await expect.poll(() => row('add-test-scan.html').getAttribute('data-status')).toBe('failed');
    await expect.poll(() => page.getByTestId('add-submit').isEnabled()).toBe(true);
    expect(await row('add-test-scan.html').getByTestId('add-error').innerText()).toMatch(/not a text file/i);
    // The failed file stays in the form to be fixed; the added one leaves it.
    expect(await page.getByTestId('add-chosen').innerText()).toContain('add-test-scan.html');
    expect(await page.getByTestId('add-chosen').innerText()).not.toContain('add-test-mosul.md');

    expect(await articleCount()).toBe(stored + 1);
    const uploads = await page.evaluate(() => (window as unknown as AtlasWindow).__atlas.state.uploads);
    const mosul = uploads.find((u) => u.name === 'add-test-mosul.md')!;
    expect((await incidentsOf(mosul.articleId!)).length).toBeGreaterThan(0);
  });

  it.skipIf(!pipeline)('the server says why it refuses a file, next to that file', async () => {
    w = await open(browser, `${base}/`);
    const page = w.page;
    await page.getByTestId('add-open').click();
    // Valid UTF-8 but an over-long title: the API answers 400 naming the field, which the form shows.
    await page.getByTestId('add-files').setInputFiles([{ name: 'add-test-long.txt', mimeType: 'text/plain', buffer: Buffer.from('Shelling in Donetsk.') }]);
    await page.getByTestId('add-title').evaluate((el: HTMLInputElement) => el.removeAttribute('maxlength'));
    await page.getByTestId('add-title').fill('x'.repeat(1200));
    await page.getByTestId('add-submit').click();
    const row = page.locator('[data-testid="add-upload"]', { hasText: 'add-test-long.txt' });
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 30_000 }).toBe('failed');
    expect(await row.getByTestId('add-error').innerText()).toMatch(/"title"/);
  });

  it('a date that is not of the calendar is refused in the form, before anything is sent', async () => {
    w = await open(browser, `${base}/`);
    const page = w.page;
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST') posts.push(r.url());
    });
    await page.getByTestId('add-open').click();
    await page.getByTestId('add-text').fill('Clashes were reported in Aleppo.');
    await page.getByTestId('add-date').fill('2024-13-01');
    expect(await page.getByTestId('add-date-error').innerText()).toMatch(/not a date of the calendar/);
    expect(await page.getByTestId('add-date').getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('add-submit').click();
    await page.waitForTimeout(300);
    expect(posts).toEqual([]);
    expect(await page.locator('[data-testid="add-upload"]').count()).toBe(0);

    await page.getByTestId('add-date').fill('2024-02-30');
    expect(await page.getByTestId('add-date-error').innerText()).toMatch(/not a date of the calendar/);
    await page.getByTestId('add-date').fill('5 March 2024');
    expect(await page.getByTestId('add-date-error').innerText()).toMatch(/YYYY-MM-DD/);
    await page.getByTestId('add-date').fill('2024-02-29');
    expect(await page.getByTestId('add-date-error').count()).toBe(0);
  });
});
