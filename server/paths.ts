import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The repository's root: the nearest folder above this module whose package.json is kindgesprek's.
 * A path relative to one module breaks once the server runs bundled (the reliability tests bundle it
 * into node_modules/.cache), so files the server reads beside its code are found from here.
 */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const pkg = join(dir, 'package.json')
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: unknown }).name === 'kindgesprek')
      return dir
    const up = dirname(dir)
    if (up === dir) throw new Error('kindgesprek: package.json not found above the server code')
    dir = up
  }
}

export const ROOT = findRoot()
/** The locales the client bundles; the server reads the built-in tools' texts from the same files. */
export const LOCALES_DIR = join(ROOT, 'locales')
