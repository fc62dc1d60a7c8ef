import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const honest = (lng: string, ns: string) =>
  (JSON.parse(readFileSync(join(process.cwd(), 'locales', lng, `${ns}.json`), 'utf8')) as { intro: { honest: string } })
    .intro.honest

/**
 * The honest line of the kennismaking and the afscheid, as the method review proposes for under 12
 * (review §2.1 items 1-2, §2.4): a worry about safety may not be kept secret; the begeleider says what
 * they will do and why (no "first"); and "your parent", not "mama or papa" as one audience.
 */
describe('the 4-12 kennismaking and afscheid say honestly where secrecy ends', () => {
  const tools = ['tool-kennismaking', 'tool-afscheid']
  it('nl', () => {
    for (const ns of tools) {
      const text = honest('nl', ns)
      expect(text, ns).toMatch(/niet geheimhouden/)
      expect(text, ns).toMatch(/wat hij of zij gaat doen, en waarom/)
      expect(text, ns).not.toMatch(/mama of papa|eerst/)
    }
  })
  it('en', () => {
    for (const ns of tools) {
      const text = honest('en', ns)
      expect(text, ns).toMatch(/may not keep that secret/)
      expect(text, ns).toMatch(/what they are going to do, and why/)
      expect(text, ns).not.toMatch(/mum or dad|first/)
    }
  })
  it('every language says the same in both tools', () => {
    for (const lng of ['nl', 'en', 'ar', 'tr', 'pl', 'uk', 'ti', 'fa'])
      expect(honest(lng, 'tool-kennismaking'), lng).toBe(honest(lng, 'tool-afscheid'))
  })
})
