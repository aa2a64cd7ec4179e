// A client-rendered dashboard; the server serves the shell, the API and the static basemap.
// (Set here, not in +page.ts: Kit 2.70 turns every 404 into a 500 when a page sets it.)
export const ssr = false;
export const prerender = false;
