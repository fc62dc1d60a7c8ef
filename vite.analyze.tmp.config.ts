import base from './vite.config.ts'
import { mergeConfig } from 'vite'
export default mergeConfig(base, {
  build: {
    outDir: '/tmp/analyze-dist', emptyOutDir: true,
    rollupOptions: { output: { manualChunks(id: string) {
      const m = id.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)
      if (m) return 'pkg-' + m[1].replace('/', '_')
    } } },
  },
})
