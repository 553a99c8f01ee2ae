import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

// The API and the demo pages are never served from the service worker: a scan result must never
// come from a stale cache, and /api/ answers are the outbox's proof of delivery.
const NETWORK_ONLY = [/^\/api\//, /^\/demo\//];

export default defineConfig({
  build: { target: 'es2022', sourcemap: false },
  worker: { format: 'es' },
  server: { proxy: { '/api': 'http://localhost:8080', '/demo': 'http://localhost:8080' } },
  plugins: [
    react(),
    VitePWA({
      // 'prompt' from day one: switching strategies later strands installed users.
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'icons/*.png'],
      manifest: {
        name: 'Контроль — проверка билетов Qtickets',
        short_name: 'Контроль',
        description: 'Проверка билетов на входе без сети: камера, сканер, ручной ввод.',
        lang: 'ru',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: '#111827',
        background_color: '#111827',
        icons: [{ src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest,wasm,woff2}'],
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
        navigateFallback: 'index.html',
        navigateFallbackDenylist: NETWORK_ONLY,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
});
