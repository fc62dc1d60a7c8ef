import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'

type Tree = { [k: string]: string | Tree }

/** A locale string as the test's source of truth: tests in Arabic or Tigrinya read the same files the app does. */
export function words(lng: string, ns: string): (key: string, vars?: Record<string, string | number>) => string {
  const tree = JSON.parse(readFileSync(join(process.cwd(), 'locales', lng, `${ns}.json`), 'utf8')) as Tree
  return (key, vars = {}) => {
    let node: string | Tree | undefined = tree
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined
    if (typeof node !== 'string') throw new Error(`no ${lng}/${ns}:${key}`)
    return node.replace(/\{\{(\w+)\}\}/g, (_, v: string) => String(vars[v] ?? ''))
  }
}

/** The demo begeleider logs in (in Dutch) and adds a child. */
export async function loginAndAddChild(beg: Page, url: string, nickname: string, band: string): Promise<void> {
  await beg.goto(`${url}/begeleider`)
  await beg.getByLabel('Gebruikersnaam').fill('demo')
  await beg.getByLabel('Wachtwoord').fill('demo-begeleider')
  await beg.getByRole('button', { name: 'Inloggen' }).click()
  await beg.getByLabel('Roepnaam').fill(nickname)
  await beg.getByLabel('Leeftijd').selectOption(band)
  await beg.getByRole('button', { name: 'Opslaan' }).click()
  await beg
    .getByRole('link', { name: new RegExp(nickname) })
    .first()
    .click()
}

/** Starts a tool in the given language; returns the join code as shown and the raw code the QR carries. */
export async function startTool(beg: Page, tool: string, lang: string): Promise<{ shown: string; raw: string }> {
  await beg.getByLabel('Taal van het gesprek').selectOption(lang)
  await beg.getByRole('button', { name: tool }).click()
  const shown = (await beg.getByTestId('join-code').textContent())!.trim()
  return { shown, raw: shown.replace('-', '') }
}
