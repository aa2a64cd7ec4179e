/**
 * HTML nested tens of thousands of levels deep (40,000 <div>s) costs the HTML parser time quadratic in the depth.
 * Before parsing, a linear scan finds such nesting and drops the opening and closing tags beyond a depth no
 * article needs; their text stays. Ordinary pages come back unchanged.
 */

const VOID = new Set(['br', 'hr', 'img', 'meta', 'link', 'input', 'source', 'track', 'wbr', 'area', 'base', 'col', 'param', 'embed', 'keygen']);
const RAW = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'iframe', 'noembed', 'noframes', 'plaintext']);
const TAG = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][\w:-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/g;

/** The deepest nesting of elements, counted the way the flattening below keeps it. */
function scan(html: string, limit: number, emit: ((piece: string) => void) | null): number {
  const stack: string[] = [];
  const open = new Map<string, number>();
  let deepest = 0;
  let at = 0;
  let lower: string | null = null;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    if (emit) emit(html.slice(at, m.index));
    at = m.index + m[0].length;
    const name = m[2]?.toLowerCase();
    if (!name) {
      if (emit) emit(m[0]); // a comment
      continue;
    }
    if (m[1]) {
      // A closing tag: it closes what is open up to its element; one closing nothing kept is dropped.
      if (!open.get(name)) continue;
      for (;;) {
        const top = stack.pop()!;
        open.set(top, open.get(top)! - 1);
        if (top === name) break;
      }
      if (emit) emit(m[0]);
      continue;
    }
    const selfClosing = VOID.has(name) || /\/\s*$/.test(m[3]);
    if (!selfClosing && stack.length >= limit && !RAW.has(name)) continue; // too deep: dropped
    if (emit) emit(m[0]);
    if (selfClosing) continue;
    if (RAW.has(name)) {
      // Its content is text up to its closing tag, never markup.
      lower ??= html.toLowerCase();
      const close = lower.indexOf(`</${name}`, at);
      const end = close < 0 ? html.length : close;
      if (emit) emit(html.slice(at, end));
      at = end;
      TAG.lastIndex = end;
    }
    stack.push(name);
    open.set(name, (open.get(name) ?? 0) + 1);
    if (stack.length > deepest) deepest = stack.length;
  }
  if (emit) emit(html.slice(at));
  return deepest;
}

/** The HTML with nesting beyond `limit` elements flattened, or the HTML itself when it is not that deep. */
export function flattenDeepHtml(html: string, limit = 512): string {
  if (scan(html, Number.MAX_SAFE_INTEGER, null) <= limit) return html;
  const pieces: string[] = [];
  scan(html, limit, (p) => pieces.push(p));
  return pieces.join('');
}
