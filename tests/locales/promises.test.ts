import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CATALOG } from '../../dialogs/catalog'

/**
 * Promises the product cannot keep, kept out of every text (docs/deelafspraak.md, "The safety override").
 * A begeleider must share a worry about safety with the team and sometimes the parent [000:667-668,
 * 710-722], and in acute danger may act before telling the child; an admin's inzage export holds "alleen
 * ik" too. So no text may say that what a child tells stays put, that parents never hear, or that the
 * child always hears first. Each phrase here was once in the product.
 */
const FORBIDDEN: Record<string, RegExp[]> = {
  nl: [
    /blijft bij ons/i,
    /je ouders niet\./i,
    /je hoort het eerst/i,
    /vertelt je begeleider je dan eerst/i,
    /je begeleider vertelt je dat dan eerst/i,
    /bespreekt je begeleider dan eerst met jou/i,
    /niemand anders (ziet|kan|leest)/i,
    /leest niemand anders/i,
    /alleen jij ziet het/i,
    /niets gaat naar je ouders/i,
    /je ouders horen alleen iets als/i,
    /blijft altijd geheim|helemaal geheim|niemand (zal|mag) het (ooit )?weten/i,
    /wat kun je zelf doen als je je niet veilig voelt/i,
  ],
  en: [
    /stays with us/i,
    /not your parents\./i,
    /you hear it first/i,
    /will tell you first/i,
    /will talk it through with you first/i,
    /nobody else (sees|can see|reads)/i,
    /read by no one else/i,
    /only you can see it/i,
    /nothing goes to your parents/i,
    /always (stays )?secret|completely secret|no one will ever know/i,
    /what can you do yourself when you do not feel safe/i,
    // English drift: dismissive, praising the disclosure, or a second word for the begeleider
    /who cares\?/i,
    /that was brave/i,
    /counsellor/i,
  ],
}

type Tree = { [k: string]: string | Tree }
const flatten = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) => {
    const key = prefix ? `${prefix}.${k}` : k
    return typeof v === 'string' ? [[key, v] as [string, string]] : flatten(v, key)
  })
const ROOT = join(process.cwd(), 'locales')
const texts = (lng: string) =>
  readdirSync(join(ROOT, lng)).flatMap((file) =>
    flatten(JSON.parse(readFileSync(join(ROOT, lng, file), 'utf8')) as Tree).map(
      ([k, v]) => [`${file}:${k}`, v] as const,
    ),
  )

describe('no absolute promises', () => {
  for (const [lng, phrases] of Object.entries(FORBIDDEN))
    it(`${lng}: no text promises what the product cannot keep`, () => {
      const all = texts(lng)
      expect(all.length).toBeGreaterThan(300) // the scan itself reads the files
      const found = all.flatMap(([where, text]) => phrases.filter((p) => p.test(text)).map((p) => `${where} ${p}`))
      expect(found).toEqual([])
    })

  it('the list catches the old wording (so the test can fail)', () => {
    const old = [
      'Wat je vertelt, blijft bij ons.',
      'Je begeleider mag het zien, en soms een collega die helpt. Je ouders niet.',
      'Dat gebeurt niet stiekem: je hoort het eerst.',
      "Wat op 'alleen ik' staat, leest niemand anders.",
    ]
    for (const text of old)
      expect(
        FORBIDDEN.nl!.some((p) => p.test(text)),
        text,
      ).toBe(true)
  })

  for (const lng of ['nl', 'en'])
    it(`${lng}: every tool a child or jongere operates says where secrecy ends, and that it is not their fault`, () => {
      const all = new Map(texts(lng))
      for (const tool of CATALOG.filter((t) => t.operator === 'kind')) {
        const intro = tool.steps.find((s) => s.id === 'intro')!
        expect(intro.prompts, tool.id).toContain('honest')
        expect(all.get(`${tool.namespace}.json:intro.honest`), tool.id).toMatch(lng === 'nl' ? /veilig/ : /safe/)
        // the no-blame line: on the intro of every child tool (Drie huizen calls it `fault`)
        const blame = intro.prompts!.find((p) => p === 'schuld' || p === 'fault')
        expect(blame, `${tool.id} no-blame`).toBeTruthy()
        expect(all.get(`${tool.namespace}.json:intro.${blame}`), tool.id).toMatch(lng === 'nl' ? /schuld/ : /fault/)
      }
    })

  it('nl: the jongere can say they feel scared or alone, and feelings are allowed', () => {
    const kamer = CATALOG.find((t) => t.id === 'mijn-kamer')!
    const mood = kamer.steps.find((s) => s.type === 'modules')!.questions!['hoe-gaat-het']![0]!
    expect(mood.pictures).toEqual(expect.arrayContaining(['scared', 'alone']))
    const all = new Map(texts('nl'))
    expect(all.get('tool-mijn-kamer.json:modules.about.hoe-gaat-het')).toMatch(/het mag er zijn/)
    expect(all.get('tool-drie-huizen.json:huis-zorgen.prompt')).toMatch(/heel gewoon/)
    // safety is the adults' job, never the child's
    expect(all.get('tool-stoplicht.json:nodig.prompt')).toMatch(/Grote mensen moeten zorgen/)
  })

  it('Stoplicht and Mijn netwerk carry a strengths or future prompt', () => {
    const stoplicht = CATALOG.find((t) => t.id === 'stoplicht')!.steps.find((s) => s.id === 'nodig')!
    expect(stoplicht.prompts).toEqual(expect.arrayContaining(['trots', 'straks']))
    const netwerk = CATALOG.find((t) => t.id === 'mijn-netwerk')!.steps.find((s) => s.id === 'belangrijk')!
    expect(netwerk.followUps).toContain('samen-doen')
  })
})
