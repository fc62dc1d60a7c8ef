/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'

const r = (p: string) => fileURLToPath(new URL(p, import.meta.url))
const serverPort = process.env.PORT ?? '3000'

export default defineConfig({
  root: r('./client'),
  plugins: [react()],
  build: { outDir: r('./dist/client'), emptyOutDir: true, sourcemap: false, manifest: true },
  server: {
    proxy: {
      '/api': `http://127.0.0.1:${serverPort}`,
      '/socket.io': { target: `ws://127.0.0.1:${serverPort}`, ws: true },
    },
  },
  test: {
    root: r('.'),
    include: ['tests/**/*.test.ts'],
    // KG_STORE=postgres: the same tests on a real PostgreSQL + Redis (tests/helpers/global-services.ts).
    globalSetup: ['tests/helpers/global-services.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // expect.poll waits for a condition; its default of one second fails on a busy machine, not a broken product.
    expect: { poll: { timeout: 15_000, interval: 50 } },
    // Server tests spawn processes and bind ports: two workers fit a 2-core machine.
    maxWorkers: 2,
  },
})
