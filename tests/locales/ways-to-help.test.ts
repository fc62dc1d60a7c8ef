import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { DEFAULT_HELP_LINES, HelpLines } from '../../dialogs/contract/help-lines'
import { startTestServer, type TestServer } from '../helpers/server'

const ROOT = join(process.cwd(), 'locales')
const read = (p: string) => readFileSync(join(process.cwd(), p), 'utf8')

/**
 * The screens a jongere sees alone: the kamer home, the safety page, every step of the notes and
 * Mijn kamer's safety module. Each must render the ways-to-help block; a screen added to the kamer
 * without it fails here (the list of kamer screens is read from Room.tsx).
 */
describe('ways to help now', () => {
  for (const lng of readdirSync(ROOT))
    it(`${lng}: the block has every line, and the numbers come from the setting, not the text`, () => {
      const help = (
        JSON.parse(readFileSync(join(ROOT, lng, 'common.json'), 'utf8')) as { help?: Record<string, string> }
      ).help
      expect(help, lng).toBeTruthy()
      for (const k of ['title', 'notNow', 'danger', 'call', 'talk', 'talkCall', 'suicide'])
        expect(help![k]?.trim(), `${lng} help.${k}`).toBeTruthy()
      expect(help!.call).toContain('{{number}}')
      expect(help!.talkCall).toContain('{{number}}')
      // A number written into a sentence would not follow the organisation's setting.
      for (const v of Object.values(help!)) expect(v).not.toMatch(/\b(112|113|0800)\b/)
    })

  it('defaults to 112, De Kindertelefoon 0800-0432 and 113 / 0800-0113 (to be checked locally)', () => {
    expect(DEFAULT_HELP_LINES).toEqual({ danger: '112', talk: '0800-0432', suicide: '113', suicideFree: '0800-0113' })
    expect(HelpLines.safeParse(DEFAULT_HELP_LINES).success).toBe(true)
    expect(HelpLines.safeParse({ ...DEFAULT_HELP_LINES, danger: 'javascript:alert(1)' }).success).toBe(false)
  })

  it('is on every kamer screen a jongere sees alone', () => {
    const room = read('client/kamer/Room.tsx')
    const screens = [...room.matchAll(/screen\.name === '([a-z]+)'/g)].map((m) => m[1])
    expect(new Set(screens)).toEqual(new Set(['safety', 'home', 'tool', 'share', 'receipt', 'plan']))
    // the jongere's veiligheidsplan (docs/plans.md): a safety screen, so the ways to help are beside it
    expect(room.slice(room.indexOf("screen.name === 'plan'"))).toContain('<WaysToHelp')
    // home: in Room itself; safety: the SafetyNote page
    expect(room.slice(room.indexOf("screen.name === 'home'"), room.indexOf("screen.name === 'tool'"))).toContain(
      '<WaysToHelp',
    )
    expect(read('client/kamer/SafetyNote.tsx')).toContain('<WaysToHelp')
    // the notes, on every step; Mijn kamer's safety module
    const tool = read('client/kamer/ToolScreen.tsx')
    expect(tool).toMatch(/NOTES_TOOL = 'kamer-notities'/)
    expect(tool).toMatch(/toolId === NOTES_TOOL && <WaysToHelp/)
    const modules = read('client/kind/steps/ModulesStep.tsx')
    expect(modules).toMatch(/SAFETY_MODULE = 'veiligheid'/)
    expect(modules).toMatch(/open === SAFETY_MODULE && <WaysToHelp/)
    // "Klaar voor mijn afspraak" and the receipt are about sharing: they carry the honest line instead.
  })

  let server: TestServer | undefined
  afterAll(async () => server?.stop())
  it('the organisation sets its own numbers; without a setting the defaults are served', async () => {
    server = await startTestServer({
      helpLines: { ...DEFAULT_HELP_LINES, own: { label: 'Opvang 24/7', number: '010-1234567' } },
    })
    const res = await fetch(`${server.url}/api/help-lines`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ...DEFAULT_HELP_LINES, own: { label: 'Opvang 24/7', number: '010-1234567' } })
    await server.stop()
    server = await startTestServer()
    expect(await (await fetch(`${server.url}/api/help-lines`)).json()).toEqual(DEFAULT_HELP_LINES)
  }, 30_000)
})
