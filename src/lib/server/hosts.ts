/**
 * Which Host names the server answers to. A page on another site can make its own name resolve to 127.0.0.1
 * (DNS rebinding) and then talk to this server as if it were same-origin; the Host header still carries that
 * other name, so requests naming any host but the loopback names and the configured ones are refused.
 */

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];
const WILDCARD = new Set(['', '0.0.0.0', '::', '[::]']);

/** A Host header's name: lower case, without port or trailing dot; IPv6 addresses keep their brackets. */
export function hostName(host: string): string {
  let h = host.trim().toLowerCase();
  if (h.startsWith('[')) {
    const end = h.indexOf(']');
    return end < 0 ? h : h.slice(0, end + 1);
  }
  // A bare IPv6 address (no brackets) has more than one colon.
  if ((h.match(/:/g) ?? []).length > 1) return `[${h}]`;
  h = h.replace(/:\d*$/, '');
  return h.replace(/\.$/, '');
}

/** The names accepted: loopback, ATLAS_ALLOWED_HOSTS (comma-separated), the HOST the server binds to and ORIGIN's host. */
export function allowedHosts(env: NodeJS.ProcessEnv = process.env): Set<string> {
  const names = new Set(LOOPBACK);
  for (const n of (env.ATLAS_ALLOWED_HOSTS ?? '').split(',')) if (n.trim()) names.add(hostName(n));
  const bound = hostName(env.HOST ?? '');
  if (!WILDCARD.has(bound)) names.add(bound);
  if (env.ORIGIN) {
    try {
      names.add(hostName(new URL(env.ORIGIN).host));
    } catch {
      // adapter-node refuses an invalid ORIGIN itself
    }
  }
  return names;
}

/**
 * Why a request must be refused, or null when its Host (and Origin, on writes) are allowed. A write's Origin must
 * be this server as the request names it, or ORIGIN (the public address behind a proxy).
 */
export function refusal(method: string, headers: Headers, allowed = allowedHosts(), publicOrigin = process.env.ORIGIN): string | null {
  const host = headers.get('host');
  const list = [...allowed].join(', ');
  if (!host) return `A Host header is required; this server answers to ${list} (ATLAS_ALLOWED_HOSTS adds names)`;
  const name = hostName(host);
  if (!allowed.has(name)) return `Host "${name}" is not served here; this server answers to ${list} (ATLAS_ALLOWED_HOSTS adds names)`;
  if (!['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase())) {
    const origin = headers.get('origin');
    if (origin && origin !== 'null') {
      let originHost: string;
      try {
        originHost = new URL(origin).host;
      } catch {
        return `Origin "${origin}" is not a URL`;
      }
      const sameServer = originHost.toLowerCase() === host.trim().toLowerCase();
      let proxied = false;
      try {
        proxied = Boolean(publicOrigin) && new URL(publicOrigin!).origin === new URL(origin).origin;
      } catch {
        proxied = false;
      }
      if (!sameServer && !proxied)
        return `Writes from the page at ${origin} are not accepted; only pages served by this server may write`;
    } else if (origin === 'null') return 'Writes from an opaque origin are not accepted';
  }
  return null;
}
