/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { Plugin } from 'vite'

const r = (p: string) => fileURLToPath(new URL(p, import.meta.url))
const serverPort = process.env.PORT ?? '3000'

/**
 * Precompressed copies of every text asset (brotli and gzip, highest levels), written next to it at
 * build time, so the server sends compressed bytes without compressing per request (docs/performance.md).
 */
function precompress(outDir: string): Plugin {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]))
  return {
    name: 'kindgesprek-precompress',
    apply: 'build',
    closeBundle() {
      for (const file of walk(outDir)) {
        if (!/\.(js|css|html|svg|json|txt)$/.test(file) || file.includes('/.vite/')) continue
        const data = readFileSync(file)
        if (data.length < 512) continue
        writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }))
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }))
      }
    },
  }
}

export default defineConfig({
  root: r('./client'),
  plugins: [react(), precompress(r('./dist/client'))],
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
    // Cheap password hashing in the test processes only (server/auth/passwords.ts).
    setupFiles: ['tests/setup.ts'],
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
