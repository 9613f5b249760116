// Vite builds the front end into dist/, which `gongkai serve` serves at /app/ (--web DIR).
// `npm run dev` serves it with hot reload and sends /api and /portal to a running
// `gongkai serve` (GONGKAI_URL, by default http://127.0.0.1:8080).
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

const server = process.env.GONGKAI_URL || 'http://127.0.0.1:8080'

export default defineConfig({
  base: '/app/',
  plugins: [vue()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Element Plus is imported whole: one large chunk that the browser caches (hashed name).
    chunkSizeWarningLimit: 1600,
  },
  server: {
    proxy: {
      '/api': server,
      '/portal': server,
    },
  },
})
