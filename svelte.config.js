import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// Article text is untrusted: it is only ever rendered as text, and the Content Security Policy is the second
// line of defence. Everything is served from this origin; an online basemap style (PUBLIC_ATLAS_STYLE_URL, set
// when the app is built, as `npm start` does) opens connections and images to https origins.
const onlineStyle = Boolean(process.env.PUBLIC_ATLAS_STYLE_URL);
const remote = onlineStyle ? ['https:'] : [];

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter(),
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:', 'blob:', ...remote],
        'font-src': ['self', 'data:', ...remote],
        'connect-src': ['self', ...remote],
        'worker-src': ['self', 'blob:'],
        'child-src': ['self', 'blob:'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none']
      }
    }
  }
};
