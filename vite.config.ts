import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import pkg from './package.json' with { type: 'json' };

// The version shown in device health; VITE_APP_VERSION lets a test build "version 2" of the same code.
const APP_VERSION = process.env.VITE_APP_VERSION || pkg.version;

// The API, the venue hub, webhooks and the demo pages are never served from the service worker:
// a scan result must never come from a stale cache, and /api/ answers are the outbox's proof of delivery.
const NETWORK_ONLY = [/^\/api\//, /^\/demo\//, /^\/hub\//, /^\/hooks\//];

export default defineConfig({
  build: { target: 'es2022', sourcemap: false },
  define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(APP_VERSION) },
  worker: { format: 'es' },
  server: { proxy: { '/api': 'http://localhost:8080', '/demo': 'http://localhost:8080', '/hub': 'http://localhost:8080' } },
  plugins: [
    react(),
    {
      // iOS reads its home-screen icon only from this link (the manifest's icons are ignored there).
      name: 'kontrol-apple-touch-icon',
      transformIndexHtml: () => [{ tag: 'link', attrs: { rel: 'apple-touch-icon', href: '/apple-touch-icon.png' }, injectTo: 'head' }],
    },
    VitePWA({
      // 'prompt' from day one: switching strategies later strands installed users.
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'favicon-32.png', 'apple-touch-icon.png', 'icons/*.png'],
      manifest: {
        id: '/',
        name: 'Контроль — проверка билетов Qtickets',
        short_name: 'Контроль',
        description: 'Проверка билетов на входе без сети: камера, сканер, ручной ввод.',
        lang: 'ru',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: '#111827',
        background_color: '#111827',
        categories: ['business', 'productivity'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest,wasm,woff2,mp3,ogg,wav}'],
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
        navigateFallback: 'index.html',
        navigateFallbackDenylist: NETWORK_ONLY,
        cleanupOutdatedCaches: true,
        // The first visit's page is controlled as soon as the worker is ready, so the screens that
        // load on demand come from its cache offline without a reload. Updates still wait for the
        // person ('prompt'): claiming only matters when no worker controlled the page before.
        clientsClaim: true,
      },
    }),
  ],
});
