import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AgeBand } from '../../dialogs/contract/ids'
import { ACCESS_TYPES } from '../../dialogs/contract/receipt'
import { SHARE_LEVELS, shareBand } from '../../dialogs/sharing'

/** The deelafspraak's texts are looked up by band, level and access type: every combination must exist. */
const load = (lng: string) =>
  JSON.parse(readFileSync(join(process.cwd(), 'locales', lng, 'deelafspraak.json'), 'utf8')) as {
    band: Record<string, Record<string, string | Record<string, string>>>
    receipt: { line: Record<string, string>; role: Record<string, string> }
  }

describe('deelafspraak texts', () => {
  it('nl: "Begeleider vertelt het aan …" in every band (never "vertelt het mijn ouder")', () => {
    const texts = load('nl')
    for (const band of new Set(AgeBand.options.map(shareBand)))
      expect((texts.band[band]!.label as Record<string, string>)['begeleider-vertelt'], band).toMatch(
        /^Begeleider vertelt het aan /,
      )
  })

  // The child's receipt names the person by name and role; an admin is a begeleider who also runs the
  // app, never a "beheerder" or "administrator" (a word a child cannot place).
  for (const lng of ['nl', 'en', 'ar', 'tr', 'pl', 'uk', 'ti', 'fa'])
    it(`${lng}: the receipt calls an admin a begeleider, never "beheerder"`, () => {
      const { role } = load(lng).receipt
      expect(role.admin).toContain(role.begeleider!)
      expect(role.admin).not.toMatch(/beheerder|administrator|admin/i)
    })

  it('maps every age band onto under 12, 12-15 or 16+', () => {
    expect(AgeBand.options.map(shareBand)).toEqual(['onder-12', 'onder-12', 'onder-12', '12-15', '16-plus'])
  })

  for (const lng of ['nl', 'en'])
    it(`${lng}: every band explains every level, and says honestly where secrecy ends`, () => {
      const texts = load(lng)
      for (const band of new Set(AgeBand.options.map(shareBand))) {
        const b = texts.band[band]!
        for (const key of ['intro', 'seen', 'honest', 'change']) expect(b[key], `${band}.${key}`).toBeTruthy()
        for (const level of SHARE_LEVELS) {
          expect((b.level as Record<string, string>)[level], `${band}.level.${level}`).toBeTruthy()
          expect((b.label as Record<string, string>)[level], `${band}.label.${level}`).toBeTruthy()
        }
        // The safety override is named in every band: no screen promises absolute secrecy.
        expect(b.honest as string).toMatch(lng === 'nl' ? /veilig/ : /safe/)
      }
      for (const what of ACCESS_TYPES) {
        // A kamer set up or opened is the jongere's own way in, with their name and PIN: no begeleider to name, but its time.
        if (what === 'kamer-setup' || what === 'kamer-open')
          expect(texts.receipt.line[what], what).toMatch(/\{\{day\}\}.*\{\{time\}\}/)
        else expect(texts.receipt.line[what], what).toMatch(/\{\{who\}\}.*\{\{day\}\}/)
      }
      for (const role of ['begeleider', 'admin']) expect(texts.receipt.role[role]).toBeTruthy()
    })
})
