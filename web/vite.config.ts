/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// The C++ server; `npm run dev` proxies the API (and the notification WebSocket) to it.
// The Host header is passed through unchanged so that the server's same-origin check on
// /api/v1/ws sees the browser's Origin naming the host it was sent to.
const apiTarget = process.env.MINQING_API ?? 'http://127.0.0.1:8080'

export default defineConfig({
  plugins: [vue()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  define: {
    __VUE_I18N_FULL_INSTALL__: false,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  server: {
    proxy: {
      '/api/v1/ws': { target: apiTarget, ws: true },
      '/api': { target: apiTarget },
      '/healthz': { target: apiTarget },
    },
  },
  build: {
    outDir: 'dist',
    // Everything is served by the server itself: no CDN, no remote fonts.
    assetsInlineLimit: 4096,
    chunkSizeWarningLimit: 1200,
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'eslint-rules/**/*.test.ts'],
  },
})
