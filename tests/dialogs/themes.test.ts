import { describe, expect, it } from 'vitest'
import { CATALOG } from '../../dialogs/catalog'
import { THEME_BY_TYPE, THEME_BY_STEP, themeOf } from '../../dialogs/themes'

describe('oudergesprek themes', () => {
  it('every step that holds answers is mapped on purpose, not by guessing from its id', () => {
    for (const tool of CATALOG)
      for (const step of tool.steps) {
        if (step.type === 'info' || step.type === 'share') continue
        const mapped = `${tool.id}:${step.id}` in THEME_BY_STEP || step.type in THEME_BY_TYPE
        expect(mapped, `${tool.id}:${step.id} (${step.type}) needs a theme in dialogs/themes.ts`).toBe(true)
      }
  })

  it('maps the Drie huizen houses and the kinds as documented', () => {
    expect(themeOf('drie-huizen', 'huis-goed', 'items')).toBe('goed')
    expect(themeOf('drie-huizen', 'huis-zorgen', 'items')).toBe('zorgen')
    expect(themeOf('drie-huizen', 'huis-dromen', 'items')).toBe('dromen')
    expect(themeOf('stoplicht', 'plekken', 'stoplicht')).toBe('veiligheid')
    expect(themeOf('mijn-netwerk', 'mensen', 'netwerk')).toBe('netwerk')
    expect(themeOf('observatie', 'met-ouder', 'observe')).toBe('observatie')
    // Modules answer under their own prompt.
    expect(themeOf('mijn-kamer', 'modules', 'modules', 'veiligheid.zorgen')).toBe('veiligheid')
    expect(themeOf('mijn-kamer', 'modules', 'modules', 'toekomst.later')).toBe('dromen')
    expect(themeOf('mijn-kamer', 'modules', 'modules', 'school-werk.trots')).toBe('goed')
    expect(themeOf('some-new-tool', 'zorgen-thuis', 'items')).toBe('zorgen')
  })
})
