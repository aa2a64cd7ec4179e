import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArticleReadError, extract, readArticle } from '../../src/lib/events';
import { ArticleDateError, validateArticle } from '../../src/lib/events/read';
import { flattenDeepHtml } from '../../src/lib/events/read/flatten';
import { limitNesting } from '../../src/lib/events/read/markdown';
import { run as runExtract } from '../../src/cli/extract';
import { splitSentences } from '../../src/lib/events/text/sentences';
import { parseNumber } from '../../src/lib/events/text/numbers';

const seed = (name: string) => readFileSync(`seeds/${name}.txt`, 'utf8');
const read = (content: string, format?: 'text' | 'markdown' | 'html') => readArticle({ id: 't', content, format });
const bodyText = (a: ReturnType<typeof read>) => a.body.map((b) => a.text.slice(b.start, b.end)).join('\n');
const excludedText = (a: ReturnType<typeof read>, reason: string) => a.excluded.filter((e) => e.reason === reason).map((e) => a.text.slice(e.start, e.end)).join('\n');

describe('reading seed articles', () => {
  it('separates body, tag lists, bios and reader comments; title and trackback date', () => {
    const a = read(seed('000_16bb7ec46a271da4'));
    expect(a.title).toBe('US strike kills Iranian-backed Taliban commander in western Afghanistan');
    expect(a.date).toBe('2009-06-11');
    expect(a.dateSource).toBe('text');
    expect(a.dateEvidence?.kind).toBe('trackback');
    expect(bodyText(a)).toContain('Mullah Mustafa and sixteen of his followers');
    expect(bodyText(a)).not.toContain('says:');
    expect(bodyText(a)).not.toContain('Boko Haram');
    expect(bodyText(a)).not.toContain('Senior Fellow');
    expect(excludedText(a, 'comments')).toContain('Ghor is Lithuanian zone');
    expect(excludedText(a, 'navigation')).toContain('Boko Haram');
  });

  it('reads a dateline, pingbacks and "N thoughts on"', () => {
    const a = read(seed('001_d2ab9debfed5d570'));
    expect(a.date).toBe('2017-08-05');
    expect(a.dateEvidence?.kind).toBe('dateline');
    expect(bodyText(a)).not.toContain('Pingback');
    expect(excludedText(a, 'byline')).toMatch(/By\s+Kyle\s+Orton/);
  });

  it('leaves the date unknown when the text gives none', () => {
    const a = read(seed('004_1883449a268877a5'));
    expect(a.date).toBeNull();
    expect(a.dateSource).toBe('unknown');
  });

  it('keeps comments out of the map ("Portland, Oregon" in a comment)', () => {
    const text = seed('002_0aa0d58509b63d45');
    const a = read(text);
    const at = text.indexOf('Portland, Oregon');
    expect(a.excluded.some((e) => e.reason === 'comments' && e.start <= at && e.end > at)).toBe(true);
  });

  it('prefers the date given as metadata', () => {
    const a = readArticle({ id: 't', content: seed('004_1883449a268877a5'), date: '2008-06-10' });
    expect([a.date, a.dateSource]).toEqual(['2008-06-10', 'metadata']);
  });
});

describe('HTML and Markdown', () => {
  const hostile = `<!doctype html><html><head><title>Raid in Baghdad</title><meta property="article:published_time" content="2007-08-08T10:00:00Z">
    <script>document.write("<b>evil</b>"); alert(1)</script><style>p{color:red}</style></head>
    <body><nav><a href="/">Home</a> <a href="/iraq">Iraq</a></nav>
    <article><h1>Raid in Baghdad</h1><p>US forces &amp; Iraqi police killed 12 militants in Baghdad on Tuesday &mdash; officials said.</p>
    <p onclick="steal()">A second <em>raid</em> <img src=x onerror=alert(1)> followed.<script>var x = "<p>hidden</p>";</script></p></article>
    <div class="comments"><p>Bob says: Portland is lovely</p></div><iframe src="https://example.invalid"></iframe></body></html>`;

  it('never keeps markup, scripts or styles; decodes entities', () => {
    const a = read(hostile, 'html');
    expect(a.text).not.toMatch(/<|>|script|alert|color:red|onerror|steal|hidden/);
    expect(a.text).toContain('US forces & Iraqi police killed 12 militants in Baghdad on Tuesday — officials said.');
    expect(a.title).toBe('Raid in Baghdad');
    expect(a.date).toBe('2007-08-08');
    expect(excludedText(a, 'comments')).toContain('Portland');
    expect(excludedText(a, 'navigation')).toContain('Home');
  });

  it('extracts from HTML with spans into the plain text', () => {
    const r = extract([{ id: 'h', content: hostile, format: 'html' }]);
    const inc = r.features.find((f) => f.properties.kind === 'incident')!;
    const s = inc.properties.sources[0];
    expect(r.articles[0].text.slice(s.start, s.end)).toBe('Baghdad');
    expect(inc.properties.date).toBe('2007-08-07');
  });

  it('reads Markdown without its syntax', () => {
    const md = '---\ntitle: Strike report\ndate: 2009-06-11\n---\n# Strike in Karbala\n\nOn **Monday**, [US forces](http://x) killed *three* militants in Karbala.\n\n- Tags: Iraq\n';
    const a = read(md, 'markdown');
    expect(a.text).not.toMatch(/[*#\[\]]|http/);
    expect(a.title).toBe('Strike report');
    expect(a.date).toBe('2009-06-11');
    expect(a.text).toContain('On Monday, US forces killed three militants in Karbala.');
  });
});

describe('deep nesting', () => {
  it('reads 40,000 levels of HTML and Markdown nesting in linear time, keeping the text', () => {
    const n = 40_000;
    const html = `<html><body>${'<div>'.repeat(n)}Shots were fired in Goma.${'</div>'.repeat(n)}<p>Two guards were wounded.</p></body></html>`;
    const md = `# Report\n\n${'- '.repeat(n)}Shots were fired in Goma.\n\n${'> '.repeat(n)}Two guards were wounded.\n`;
    const t0 = performance.now();
    const h = read(html, 'html');
    const m = read(md, 'markdown');
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(h.text).toBe('Shots were fired in Goma.\n\nTwo guards were wounded.');
    expect(m.text).toContain('Shots were fired in Goma.');
    expect(m.text).toContain('Two guards were wounded.');
  });

  it('leaves ordinary pages and Markdown untouched, and script text out of the markup', () => {
    const page = '<html><body><div><p>One <b>two</b></p><script>if (a<b) { x = "<div>" }</script></div></body></html>';
    expect(flattenDeepHtml(page)).toBe(page);
    expect(flattenDeepHtml(page, 1)).toContain('if (a<b) { x = "<div>" }');
    const list = '- one\n  - two\n    - three\n';
    expect(limitNesting(list)).toBe(list);
  });
});

describe('unreadable input', () => {
  it('refuses empty, binary and undecodable content with a clear error', () => {
    expect(() => read('   \n ')).toThrow(ArticleReadError);
    expect(() => read('abc\u0000\u0001def')).toThrow(/binary/);
    expect(() => read('caf\uFFFD au lait \uFFFD')).toThrow(/UTF-8/);
    const r = extract([{ id: 'empty', content: '' }, { id: 'ok', content: 'Title\n\nOn June 5, police captured 3 men in Karbala.', date: '2008-06-10' }]);
    expect(r.errors).toEqual([{ article: 'empty', message: expect.stringMatching(/empty/) }]);
    expect(r.features).toHaveLength(1);
  });
});

describe('reading real copy', () => {
  const wire = [
    'Rebels raid army post in the north',
    '',
    'By Amina Yusuf and Karl Brandt',
    'June 9, 2031',
    '',
    'MOSUL, Iraq (Reuters) - Gunmen attacked an army checkpoint in the town of',
    'Tal Afar on Tuesday night, killing three soldiers and wounding four others,',
    'a military spokesman said.',
    '',
    'The attackers withdrew after an hour-long exchange of fire, he added.',
    '',
    'Photo: Relatives mourn two policemen killed in Kirkuk last month. REUTERS/Omar Saleh',
    '',
    'Share this article',
    'Facebook',
    'Twitter',
    'Email',
    '',
    'Related',
    'Suicide bomber kills 12 at Basra market',
    'Five guards killed in raid near Erbil',
    '',
    'The attackers withdrew after an hour-long exchange of fire, he added.',
    '',
    'Reporting by Amina Yusuf; Editing by Karl Brandt',
    'Source: Reuters'
  ].join('\n');

  it('keeps datelines, bylines, captions, related lists, share furniture, trailers and repeats out of the body', () => {
    const a = read(wire, 'text');
    const body = bodyText(a);
    expect(body.startsWith('Gunmen attacked an army checkpoint in the town of Tal Afar on Tuesday night, killing three soldiers')).toBe(true);
    for (const furniture of ['MOSUL', 'Amina Yusuf', 'REUTERS/Omar', 'Kirkuk', 'Facebook', 'Basra market', 'Erbil', 'Editing by', 'Source: Reuters'])
      expect(body, furniture).not.toContain(furniture);
    expect(body.match(/hour-long exchange/g)).toHaveLength(1);
    expect(excludedText(a, 'byline')).toContain('MOSUL, Iraq (Reuters) -');
    expect(excludedText(a, 'caption')).toContain('REUTERS/Omar Saleh');
    expect(excludedText(a, 'navigation')).toContain('Five guards killed in raid near Erbil');
    expect(a.date).toBe('2031-06-09');
  });

  it('keeps the sentences of hard-wrapped text whole, with exact offsets', () => {
    const a = read(wire, 'text');
    const sentences = splitSentences(a.text, a.body);
    expect(sentences[0].text).toBe('Gunmen attacked an army checkpoint in the town of Tal Afar on Tuesday night, killing three soldiers and wounding four others, a military spokesman said.');
    for (const s of sentences) expect(a.text.slice(s.start, s.end)).toBe(s.text);
    expect(a.text.length).toBe(wire.length);
  });

  it('makes incidents from the body only: none from the furniture, none at the dateline city', () => {
    const r = extract([{ id: 'wire', content: wire, format: 'text' }]);
    const a = r.articles[0];
    for (const f of r.features.filter((x) => x.properties.kind === 'incident')) {
      for (const s of f.properties.sources) expect(a.body.some((b) => s.sentence_start >= b.start && s.sentence_end <= b.end)).toBe(true);
      expect(f.properties.sources.map((s) => s.sentence).join(' ')).not.toMatch(/Kirkuk|Basra|Erbil/);
    }
  });

  it('unwraps paragraphs marked by indentation without joining them', () => {
    const text = [
      'SANAA (AP) - Warplanes struck a fuel depot on the outskirts of the port city',
      'of Hodeidah on Sunday, setting off fires that burned through the night.',
      '   Residents said at least three workers were missing after the strikes, and',
      'that ambulances could not reach the site until the next morning.',
      '   A spokesman for the coalition declined to comment.'
    ].join('\n');
    const lines = read(text, 'text').text.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('SANAA (AP) - Warplanes struck a fuel depot on the outskirts of the port city of Hodeidah on Sunday, setting off fires that burned through the night.');
  });

  it('reads a dateline without agency, and hard-wrapped Markdown', () => {
    const md = '# Clashes\n\nKABUL — Police said gunmen shot dead two guards at a\nbank in the city of Herat on Monday, and fled on motorbikes.\n\nThe bank stayed shut.\n';
    const a = read(md, 'markdown');
    expect(excludedText(a, 'byline')).toBe('KABUL —');
    expect(splitSentences(a.text, a.body)[0].text).toBe('Police said gunmen shot dead two guards at a bank in the city of Herat on Monday, and fled on motorbikes.');
  });

  it('reads the same furniture from HTML markup', () => {
    const html = `<!doctype html><html><head><title>Blast in Quetta | Example News</title></head><body>
      <article><h1>Blast kills three in Quetta market</h1><p class="byline">By Sara Khan</p>
      <time class="published" datetime="2031-09-14T07:10:00Z">14 September 2031</time>
      <figure><img src="a.jpg"><figcaption>Rescue workers after a blast in Peshawar last year.</figcaption></figure>
      <p>QUETTA, Pakistan, Sept. 14 (AP) — A bomb hidden in a motorcycle exploded in a market in Quetta on Saturday, killing three people, police said.</p>
      <div class="share-buttons"><a>Share on Facebook</a></div>
      <aside class="related"><h3>Related</h3><ul><li>Gunmen kill 4 in Karachi</li></ul></aside></article></body></html>`;
    const a = read(html, 'html');
    expect(a.title).toBe('Blast in Quetta');
    expect(a.date).toBe('2031-09-14');
    expect(bodyText(a)).toBe('A bomb hidden in a motorcycle exploded in a market in Quetta on Saturday, killing three people, police said.');
    expect(excludedText(a, 'caption')).toContain('Peshawar');
    const r = extract([{ id: 'q', content: html, format: 'html' }]);
    const incidents = r.features.filter((f) => f.properties.kind === 'incident');
    expect(incidents.map((f) => [f.properties.date, (f.properties as { killed: number }).killed])).toEqual([['2031-09-13', 3]]);
  });

  it('keeps embedded posts and editor notes out of the body; one lost character keeps a text readable', () => {
    const text = [
      'Militia fighters burned the market in Beni on Friday, a local official said.',
      'Fires seen from the hills tonight pic.twitter.com/abc123',
      '— Local Reporter (@localreporter) May 9, 2031',
      "Editor's note: an earlier version of this story misspelled a name.",
      'The official\uFFFDs office said the town was calm by evening.'
    ].join('\n');
    const a = read(text, 'text');
    expect(bodyText(a)).not.toMatch(/twitter|@localreporter|Editor/);
    expect(bodyText(a)).toContain('official\uFFFDs office');
  });

  it('reads a "Posted on … by …" line as the byline and the article date', () => {
    const a = read('Clashes in Aden\n\nPosted on March 3, 2031 by admin\n\nGunmen attacked a checkpoint in Aden yesterday, killing two guards.\n', 'text');
    expect([a.date, excludedText(a, 'byline')]).toEqual(['2031-03-03', 'Posted on March 3, 2031 by admin']);
  });

  it('reads a one-line text as body, not as a title or heading', () => {
    const a = read('Unknown attackers burned three shops in the old market of Taiz on Friday', 'text');
    expect(bodyText(a)).toBe('Unknown attackers burned three shops in the old market of Taiz on Friday');
  });

  it('leaves web text with one paragraph a line unjoined, and lists of headlines unjoined', () => {
    const text = 'Headline about the war\n\nFirst paragraph of the story is on one line and says that a bridge was shelled.\nSecond paragraph is also one line, and it is much longer than the first one so it looks ragged.\nThird.\n\nMore stories\nSuicide bomber kills 12 at Basra market\nFive guards killed in a raid near Erbil\nTwo drones downed over the port of Aden\n';
    expect(read(text, 'text').text).toBe(text);
  });
});

describe('article dates', () => {
  const story = 'Militants killed two police officers in Kandahar yesterday, officials said.';
  const incidentDate = (r: ReturnType<typeof extract>) => r.features.find((f) => f.properties.kind === 'incident')?.properties;

  it('refuses impossible dates in the API field, a meta tag or front matter, naming the field', () => {
    const cases: Array<[string, Parameters<typeof extract>[0][0], RegExp]> = [
      ['2024-13-01', { id: 'api', content: story, date: '2024-13-01' }, /\bdate\b/],
      ['meta', { id: 'meta', content: `<html><head><meta property="article:published_time" content="2007-02-30"></head><body><p>${story}</p></body></html>`, format: 'html' }, /article:published_time/],
      ['front matter', { id: 'fm', content: `---\ntitle: Report\ndate: 0000-00-00\n---\n${story}\n`, format: 'markdown' }, /front matter date/]
    ];
    for (const [name, input, field] of cases) {
      let error: unknown;
      try {
        readArticle(input);
      } catch (err) {
        error = err;
      }
      expect(error, name).toBeInstanceOf(ArticleDateError);
      expect(error, name).toBeInstanceOf(ArticleReadError);
      expect((error as ArticleDateError).field, name).toMatch(field);
      expect((error as Error).message, name).toMatch(/not a calendar date/);
    }
    // One bad article is an error line; the others are still extracted.
    const r = extract([cases[0][1], { id: 'good', content: story, date: '2030-02-11' }]);
    expect(r.errors.map((e) => e.article)).toEqual(['api']);
    expect(incidentDate(r)?.date).toBe('2030-02-10');
  });

  it('reads the date of structured data (JSON-LD), and checks it', () => {
    const page = (d: string) => `<html><head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"${d}"}</script></head><body><p>${story}</p></body></html>`;
    expect(readArticle({ id: 'x', content: page('2030-02-11T06:00:00Z'), format: 'html' }).date).toBe('2030-02-11');
    expect(() => validateArticle({ id: 'x', content: page('2030-02-30'), format: 'html' })).toThrow(/json-ld datePublished/);
    expect(validateArticle({ id: 'x', content: story, date: '2030-02-11' })).toEqual({ date: '2030-02-11' });
  });

  it('resolves "yesterday" only when the article has a date, and never to a default day', () => {
    expect(incidentDate(extract([{ id: 'x', content: story }]))).toMatchObject({ date: null, time_precision: 3 });
    expect(readArticle({ id: 'x', content: story }).date).toBeNull();
    expect(incidentDate(extract([{ id: 'x', content: story, date: '2030-02-11' }]))).toMatchObject({ date: '2030-02-10', time_precision: 1 });
  });

  it('reads a date: line of front matter in plain text, and keeps it out of the text', () => {
    const a = readArticle({ id: 'x', content: `---\ndate: 2030-02-11\n---\n${story}\n`, format: 'text' });
    expect([a.date, a.dateSource]).toEqual(['2030-02-11', 'metadata']);
    expect(a.text).not.toContain('---');
  });

  it('takes --date, and a JSON sidecar before it, in the extract command', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-date-'));
    writeFileSync(join(dir, 'a.txt'), story + '\n');
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ date: '2030-02-11' }));
    writeFileSync(join(dir, 'b.txt'), story + '\n');
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdin: process.stdin, stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) } } as never;
    expect(await runExtract([join(dir, 'a.txt'), join(dir, 'b.txt'), '--date', '2030-03-03'], io)).toBe(0);
    const dates = JSON.parse(out.join('')).features.map((f: { properties: { date: string } }) => f.properties.date).sort();
    expect(dates).toEqual(['2030-02-10', '2030-03-02']);
    expect(await runExtract([join(dir, 'b.txt'), '--date', '2030-02-30'], io)).toBe(2);
    expect(err.join('')).toMatch(/--date: '2030-02-30' is not a calendar date/);
    writeFileSync(join(dir, 'b.json'), '{"date": "2030-13-01"}');
    expect(await runExtract([join(dir, 'b.txt')], io)).toBe(1);
    expect(err.join('')).toMatch(/sidecar b\.json: invalid date/);
  });

  it('reads standard input with -, and never writes over an input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-io-'));
    writeFileSync(join(dir, 'a.txt'), story + '\n');
    const out: string[] = [];
    const err: string[] = [];
    const io = (stdin: NodeJS.ReadableStream) => ({ stdin, stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) } }) as never;
    expect(await runExtract(['-', '--date', '2030-02-11'], io(Readable.from([Buffer.from(story)])))).toBe(0);
    expect(JSON.parse(out.join('')).features[0].properties.date).toBe('2030-02-10');
    expect(await runExtract([join(dir, 'a.txt'), '-o', join(dir, 'a.txt')], io(process.stdin))).toBe(2);
    expect(err.join('')).toMatch(/one of the inputs/);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(story + '\n');
  });
});

describe('sentences and numbers', () => {
  it('splits with exact offsets and keeps abbreviations together', () => {
    const text = 'Brig. Gen. Kevin Bergner spoke in the U.S. Army base. He said “We left.” Then 3.5 km later, Maj. Gen. Lynch arrived!\n\nNew paragraph here.';
    const s = splitSentences(text);
    expect(s.map((x) => x.text)).toEqual(['Brig. Gen. Kevin Bergner spoke in the U.S. Army base.', 'He said “We left.”', 'Then 3.5 km later, Maj. Gen. Lynch arrived!', 'New paragraph here.']);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
    expect(s[3].paragraph).toBe(1);
  });

  it('parses numbers in words', () => {
    expect([parseNumber('sixteen'), parseNumber('twenty-six'), parseNumber('one hundred and five'), parseNumber('1,200'), parseNumber('a dozen'), parseNumber('many')]).toEqual([16, 26, 105, 1200, 12, null]);
  });
});
