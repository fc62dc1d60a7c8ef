import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import i18next, { type Resource } from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import type { AgeBand, Living } from '../../dialogs/contract/ids'
import { registerT } from '../../client/kind/steps/register'

const LANGS = ['nl', 'en', 'ar', 'tr', 'pl', 'uk', 'ti', 'fa'] as const
const NS = ['tool-kennismaking', 'tool-kennismaking-jongere', 'tool-afscheid'] as const
const load = (lng: string, ns: string) =>
  JSON.parse(readFileSync(join(process.cwd(), 'locales', lng, `${ns}.json`), 'utf8')) as Record<string, unknown>

/**
 * An ambulant child stays in its own home [000:381-387, 1101-1107]: the kennismaking does not say the
 * begeleider shows where it sleeps and plays, and the afscheid does not say it leaves "here".
 */
describe('the texts follow the living situation where the seeds say it differs', () => {
  const i18n = i18next.createInstance()
  beforeAll(async () => {
    const resources: Resource = {}
    for (const lng of LANGS) resources[lng] = Object.fromEntries(NS.map((ns) => [ns, load(lng, ns)]))
    await i18n.init({ resources, lng: 'nl', fallbackLng: false, interpolation: { escapeValue: false } })
  })
  const say = (lng: string, ns: string, band: AgeBand, living: Living | undefined, key: string) =>
    registerT(i18n.getFixedT<string>(lng, ns), band, living)(key, { name: 'Sanne' })

  it('kennismaking: residential is shown where it sleeps and plays; ambulant is asked', () => {
    for (const band of ['4-7', '8-12'] as const) {
      expect(say('nl', 'tool-kennismaking', band, 'residentieel', 'slapen.prompt')).toMatch(/laat je zien/)
      expect(say('nl', 'tool-kennismaking', band, undefined, 'slapen.prompt')).toMatch(/laat je zien/)
      for (const key of ['slapen.prompt', 'spelen.prompt'])
        expect(say('nl', 'tool-kennismaking', band, 'ambulant', key), key).not.toMatch(/laat je zien/)
    }
  })

  it('afscheid: an ambulant child does not leave "here"; the jongere keeps the adult register', () => {
    expect(say('nl', 'tool-afscheid', '8-12', 'residentieel', 'intro.prompt')).toMatch(/hier straks weg/)
    const child = say('nl', 'tool-afscheid', '8-12', 'ambulant', 'intro.prompt')
    const jongere = say('nl', 'tool-afscheid', '16-18', 'ambulant', 'intro.prompt')
    for (const text of [child, jongere]) expect(text).not.toMatch(/hier (straks )?weg|vertrekt hier/)
    expect(jongere).not.toBe(child)
    expect(say('nl', 'tool-afscheid', '8-12', 'ambulant', 'nieuwe-plek.prompt')).not.toMatch(/gaat wonen/)
    expect(say('nl', 'tool-afscheid', '4-7', 'ambulant', 'terugkijken.prompt')).not.toMatch(/hier/)
  })

  it('every language has each ambulant variant, and names the begeleider where the Dutch does', () => {
    const nl = (ns: string, key: string) => say('nl', ns, '8-12', 'ambulant', key)
    const cases: [string, string, AgeBand][] = [
      ['tool-kennismaking', 'slapen.prompt', '8-12'],
      ['tool-kennismaking', 'spelen.prompt', '8-12'],
      ['tool-afscheid', 'intro.prompt', '8-12'],
      ['tool-afscheid', 'intro.prompt', '16-18'],
      ['tool-afscheid', 'terugkijken.prompt', '8-12'],
      ['tool-afscheid', 'nieuwe-plek.prompt', '8-12'],
      ['tool-afscheid', 'afsluiting.next', '8-12'],
    ]
    for (const lng of LANGS)
      for (const [ns, key, band] of cases) {
        const residential = say(lng, ns, band, 'residentieel', key)
        const ambulant = say(lng, ns, band, 'ambulant', key)
        expect(ambulant, `${lng} ${ns} ${key} ${band}`).not.toBe(residential)
        expect(ambulant.includes('Sanne'), `${lng} ${ns} ${key}`).toBe(nl(ns, key).includes('Sanne'))
      }
  })
})
