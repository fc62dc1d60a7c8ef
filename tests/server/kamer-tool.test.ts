import { describe, expect, it } from 'vitest'
import type { JoinCodeOut, KindJoinOut, NewGesprekOut } from '../../dialogs/contract/http'
import type { KamerTokenOut, KamerToolOut } from '../../dialogs/contract/kamer'
import type { KindVoicesOut } from '../../dialogs/contract/voices'
import { oggOpus } from '../helpers/audio'
import { KAMER_PIN, setUpKamer } from '../helpers/kamer'
import { localeTexts, publishKamerVersion } from '../helpers/kamer-version'
import { HttpUser, startGesprek } from '../helpers/server'
import { useServers } from '../helpers/use-servers'

const { startSeeded } = useServers()

/** A jongere's kamer with one gesprek of `toolId` made the way the kamer makes it (first use). */
async function kamerWith(url: string, sanne: HttpUser, toolId: string) {
  const kamer = await setUpKamer(url, sanne, '16-18')
  const jongere = new HttpUser(url, kamer.token)
  const made = await jongere.post('/api/kamer/gesprekken', { toolId })
  expect(made.status).toBe(200)
  return { ...kamer, jongere, gesprekId: (made.body as { id: string }).id }
}

async function get(url: string, path: string, headers: Record<string, string>) {
  const res = await fetch(url + path, { headers })
  return { status: res.status, headers: res.headers, body: (await res.json().catch(() => null)) as unknown }
}
const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

describe('the kamer reads its gesprek’s tool version (GET /api/kamer/gesprekken/:id/tool/:lang)', () => {
  it('a built-in kamer tool: exactly the locales’ texts, per language, served no-store', async () => {
    const { server, sanne } = await startSeeded()
    for (const toolId of ['kamer-notities', 'mijn-kamer', 'mijn-netwerk']) {
      const { token, gesprekId } = await kamerWith(server.url, sanne, toolId)
      for (const lang of ['nl', 'ar', 'ti'] as const) {
        const res = await get(server.url, `/api/kamer/gesprekken/${gesprekId}/tool/${lang}`, bearer(token))
        expect(res.status).toBe(200)
        expect(res.headers.get('cache-control')).toBe('no-store')
        const out = res.body as KamerToolOut
        expect(out).toMatchObject({ gesprekId, toolId, version: 1, lang })
        // The four-segment module questions and the adult register's `_jongere` keys are there too.
        expect(out.texts).toEqual({ ...localeTexts(toolId, 'nl'), ...localeTexts(toolId, lang) })
      }
    }
    const { token, gesprekId } = await kamerWith(server.url, sanne, 'mijn-kamer')
    const out = (await get(server.url, `/api/kamer/gesprekken/${gesprekId}/tool/nl`, bearer(token)))
      .body as KamerToolOut
    expect(out.texts['modules.questions.hoe-gaat-het.stemming']).toBe(
      localeTexts('mijn-kamer', 'nl')['modules.questions.hoe-gaat-het.stemming'],
    )
  })

  it('an organisation’s own version: its words, its languages, and its Dutch for a language it lacks', async () => {
    const { server, sanne } = await startSeeded()
    const admin = await HttpUser.login(server.url, 'admin-a')
    const before = await kamerWith(server.url, sanne, 'kennismaking-jongere')
    const v = await publishKamerVersion(admin, 'kennismaking-jongere', {
      nl: { 'wonen.prompt': 'Hoe is je kamer hier? Onze eigen woorden.' },
      en: { 'wonen.prompt': 'How is your room here? Our own words.' },
    })
    // A kamer gesprek made after the publish runs on it.
    const { token, gesprekId } = await kamerWith(server.url, sanne, 'kennismaking-jongere')
    const ask = async (lang: string) =>
      (await get(server.url, `/api/kamer/gesprekken/${gesprekId}/tool/${lang}`, bearer(token))).body as KamerToolOut
    const nl = await ask('nl')
    expect(nl).toMatchObject({ version: v.version, languages: ['nl', 'en'], lang: 'nl' })
    expect(nl.texts['wonen.prompt']).toBe('Hoe is je kamer hier? Onze eigen woorden.')
    expect(nl.texts['intro.honest']).toBe(localeTexts('kennismaking-jongere', 'nl')['intro.honest'])
    expect((await ask('en')).texts['wonen.prompt']).toBe('How is your room here? Our own words.')
    // Not complete in Arabic: the version's Dutch, never half its words and half the built-in's Arabic.
    const ar = await ask('ar')
    expect(ar.lang).toBe('nl')
    expect(ar.texts).toEqual(nl.texts)
    // The kamer gesprek made before the publish keeps the built-in words.
    const old = (await get(server.url, `/api/kamer/gesprekken/${before.gesprekId}/tool/nl`, bearer(before.token)))
      .body as KamerToolOut
    expect(old).toMatchObject({ version: 1, lang: 'nl' })
    expect(old.texts['wonen.prompt']).toBe(localeTexts('kennismaking-jongere', 'nl')['wonen.prompt'])
  })

  it('nobody else reads it: another kamer, an earlier kamer, a guided device, a begeleider, a locked visit', async () => {
    const { server, sanne } = await startSeeded()
    const mine = await kamerWith(server.url, sanne, 'kamer-notities')
    const path = (id: string, lang = 'nl') => `/api/kamer/gesprekken/${id}/tool/${lang}`
    const other = await kamerWith(server.url, sanne, 'kamer-notities')
    const notFound = { status: 404, body: { error: 'not_found' } }
    const answer = async (p: string, headers: Record<string, string>) => {
      const r = await get(server.url, p, headers)
      return { status: r.status, body: r.body }
    }
    // Another jongere's kamer: the same answer as for an id that does not exist.
    expect(await answer(path(mine.gesprekId), bearer(other.token))).toEqual(notFound)
    expect(await answer(path('bestaat-niet-1234'), bearer(other.token))).toEqual(notFound)
    expect(await answer(path(mine.gesprekId, 'xx'), bearer(mine.token))).toEqual(notFound)
    expect(await answer(path('../../me'), bearer(mine.token))).toEqual(notFound)
    // A guided gesprek of the same jongere, beside the begeleider, is not the kamer's.
    const g = await sanne.post<NewGesprekOut>('/api/gesprekken', { childId: mine.childId, toolId: 'mijn-netwerk' })
    const guided = {
      gesprekId: g.body.gesprek.id,
      token: (await new HttpUser(server.url).post<KindJoinOut>('/api/kind/join', { code: g.body.join!.code })).body
        .token,
    }
    expect(await answer(path(guided.gesprekId), bearer(mine.token))).toEqual(notFound)
    // The guided device's token is not a kamer token, for its own gesprek nor the kamer's.
    expect(await answer(path(guided.gesprekId), bearer(guided.token))).toEqual({
      status: 401,
      body: { error: 'session_expired' },
    })
    expect((await answer(path(mine.gesprekId), bearer(guided.token))).status).toBe(401)
    // The begeleider of the team, and the admin: the kamer route is the jongere's alone.
    const admin = await HttpUser.login(server.url, 'admin-a')
    for (const u of [sanne, admin])
      expect(await answer(path(mine.gesprekId), { cookie: u.cookie })).toEqual({
        status: 401,
        body: { error: 'session_expired' },
      })
    // A new invite starts a new kamer: its visit does not read the earlier kamer's gesprekken.
    const invite = await sanne.post<JoinCodeOut>(`/api/kamer/children/${mine.childId}/invite`)
    const fresh = await new HttpUser(server.url).post<KamerTokenOut>('/api/kamer/setup', {
      code: invite.body.code,
      name: 'nieuwe kamer',
      secret: KAMER_PIN,
    })
    expect(await answer(path(mine.gesprekId), bearer(fresh.body.token))).toEqual(notFound)
    // Locked: the token reads nothing any more.
    expect(await answer(path(other.gesprekId), bearer(other.token))).toMatchObject({ status: 200 })
    await other.jongere.post('/api/kamer/lock')
    expect(await answer(path(other.gesprekId), bearer(other.token))).toEqual({
      status: 401,
      body: { error: 'session_expired' },
    })
  })

  it('voices for a kamer text: for that gesprek, in that language, no-store; nobody else', async () => {
    const { server, sanne } = await startSeeded()
    const { token, gesprekId } = await kamerWith(server.url, sanne, 'kennismaking-jongere')
    const bytes = oggOpus(2)
    const put = async (version: number, lang: string, key: string, b = bytes) => {
      const res = await fetch(`${server.url}/api/voices/tools/kennismaking-jongere/${version}/${lang}/${key}`, {
        method: 'PUT',
        headers: { cookie: sanne.cookie, 'content-type': 'audio/ogg' },
        body: Buffer.from(b),
      })
      expect(res.status).toBe(201)
      return ((await res.json()) as { etag: string }).etag
    }
    const etag = await put(1, 'nl', 'wonen.prompt')
    const index = (lang: string, t = token) => get(server.url, `/api/voices/gesprek/${gesprekId}/${lang}`, bearer(t))
    const nl = await index('nl')
    expect(nl.status).toBe(200)
    expect(nl.headers.get('cache-control')).toBe('no-store')
    expect(nl.body).toEqual({
      toolId: 'kennismaking-jongere',
      version: 1,
      lang: 'nl',
      voices: [{ key: 'wonen.prompt', etag }],
    } satisfies KindVoicesOut)
    // Only that language.
    expect(((await index('ar')).body as KindVoicesOut).voices).toEqual([])
    const audioPath = `/api/voices/gesprek/${gesprekId}/nl/wonen.prompt/${etag}`
    const heard = await fetch(server.url + audioPath, { headers: bearer(token) })
    expect(heard.status).toBe(200)
    expect(heard.headers.get('cache-control')).toBe('no-store')
    expect(new Uint8Array(await heard.arrayBuffer())).toEqual(bytes)
    expect(
      (await fetch(`${server.url}/api/voices/gesprek/${gesprekId}/ar/wonen.prompt/${etag}`, { headers: bearer(token) }))
        .status,
    ).toBe(404)

    // Another jongere's kamer and a guided device get nothing of this gesprek's voices.
    const other = await kamerWith(server.url, sanne, 'kennismaking-jongere')
    expect(await index('nl', other.token)).toMatchObject({ status: 404, body: { error: 'not_found' } })
    expect((await fetch(server.url + audioPath, { headers: bearer(other.token) })).status).toBe(404)
    const guided = await startGesprek(server.url, sanne, { toolId: 'drie-huizen' })
    expect((await fetch(server.url + audioPath, { headers: bearer(guided.token) })).status).toBe(404)
    expect((await fetch(server.url + audioPath, { headers: { cookie: sanne.cookie } })).status).toBe(401)

    // On the organisation's own version, the kamer hears that version's voices, not version 1's: a kamer
    // gesprek made after the publish.
    const admin = await HttpUser.login(server.url, 'admin-a')
    const v = await publishKamerVersion(admin, 'kennismaking-jongere', {
      nl: { 'wonen.prompt': 'Hoe is je kamer hier? Onze eigen woorden.' },
    })
    const later = await kamerWith(server.url, sanne, 'kennismaking-jongere')
    const laterIndex = async () =>
      (await get(server.url, `/api/voices/gesprek/${later.gesprekId}/nl`, bearer(later.token))).body as KindVoicesOut
    expect(await laterIndex()).toMatchObject({ version: v.version, voices: [] })
    const own = await put(v.version, 'nl', 'wonen.prompt', oggOpus(3))
    expect((await laterIndex()).voices).toEqual([{ key: 'wonen.prompt', etag: own }])
    // The gesprek made before the publish still hears version 1's recording.
    expect(((await index('nl')).body as KindVoicesOut).voices).toEqual([{ key: 'wonen.prompt', etag }])
    // A locked visit hears nothing.
    await new HttpUser(server.url, token).post('/api/kamer/lock')
    expect((await index('nl')).status).toBe(401)
  })
})
