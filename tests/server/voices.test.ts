import { describe, expect, it } from 'vitest'
import type { ToolVersionDoc } from '../../dialogs/contract/tool-version'
import type { KindVoicesOut, VoiceListOut } from '../../dialogs/contract/voices'
import { m4a, mp3, oggOpus, png, webmOpus } from '../helpers/audio'
import { captureLog, HttpUser, startGesprek } from '../helpers/server'
import { sendTooBig } from '../helpers/too-big'
import { useServers } from '../helpers/use-servers'

const { startSeeded } = useServers()
const TOOL = '/api/voices/tools/stoplicht/1'

async function upload(user: HttpUser, path: string, type: string, bytes: Uint8Array) {
  const res = await fetch(user.base + path, {
    method: 'PUT',
    headers: { cookie: user.cookie, 'content-type': type },
    body: Buffer.from(bytes),
  })
  return { status: res.status, body: (await res.json()) as { error?: string; etag?: string; durationMs?: number } }
}

async function audio(base: string, path: string, headers: Record<string, string>) {
  const res = await fetch(base + path, { headers })
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) }
}

async function setup() {
  const logs = captureLog()
  const { server, sanne } = await startSeeded({ log: logs.log })
  const login = (name: string) => HttpUser.login(server.url, name)
  return {
    server,
    sanne,
    logs,
    joris: await login('joris'),
    adminA: await login('admin-a'),
    adminB: await login('admin-b'),
  }
}

const list = async (u: HttpUser) => (await u.get(TOOL)).body as VoiceListOut

describe('recorded voices: uploads through the real server', () => {
  it('stores a valid recording of every accepted kind, and refuses the rest with a clear code, storing nothing', async () => {
    const { sanne } = await setup()
    const before = await list(sanne)
    expect(before.keys).toContain('intro.prompt')
    expect(before.keys).toContain('plekken.prompts.school')
    expect(before.recordings).toEqual([])

    const big = await sendTooBig(sanne, 'PUT', `${TOOL}/nl/intro.prompt`, 'audio/mpeg', mp3(70))
    expect([big.status, big.body.error]).toEqual([413, 'voice_too_large'])
    const refused: [string, Uint8Array, number, string][] = [
      ['image/png', png(), 415, 'voice_type_unsupported'],
      ['text/plain', new TextEncoder().encode('hello'), 415, 'voice_type_unsupported'],
      // The header says audio, the bytes say otherwise.
      ['audio/ogg', png(), 422, 'voice_not_audio'],
      ['audio/webm', oggOpus(2), 422, 'voice_not_audio'],
      ['audio/mpeg', new Uint8Array(5000).fill(0x41), 422, 'voice_not_audio'],
      ['audio/ogg', oggOpus(0), 422, 'voice_not_audio'],
      ['audio/webm', webmOpus(2, 'V_VP8'), 415, 'voice_codec_unsupported'],
      ['audio/mp4', m4a(2, { video: true }), 415, 'voice_codec_unsupported'],
      ['audio/ogg', oggOpus(2, { serials: 2 }), 415, 'voice_codec_unsupported'],
      ['audio/ogg', oggOpus(75), 422, 'voice_too_long'],
      ['audio/webm', webmOpus(61), 422, 'voice_too_long'],
    ]
    for (const [type, bytes, status, code] of refused) {
      const r = await upload(sanne, `${TOOL}/nl/intro.prompt`, type, bytes)
      expect([r.status, r.body.error], `${type} ${code}`).toEqual([status, code])
    }
    // A broken page checksum is not a recording either.
    const broken = oggOpus(2)
    broken[broken.length - 1] = broken.at(-1)! ^ 0xff
    expect((await upload(sanne, `${TOOL}/nl/intro.prompt`, 'audio/ogg', broken)).body.error).toBe('voice_not_audio')
    expect((await list(sanne)).recordings).toEqual([])

    // Unknown texts, tools and languages are not places to store anything.
    expect((await upload(sanne, `${TOOL}/nl/intro.nope`, 'audio/ogg', oggOpus(2))).status).toBe(404)
    expect(
      (await upload(sanne, '/api/voices/tools/bestaat-niet/1/nl/intro.prompt', 'audio/ogg', oggOpus(2))).status,
    ).toBe(404)
    expect((await upload(sanne, `${TOOL}/xx/intro.prompt`, 'audio/ogg', oggOpus(2))).status).toBe(404)
    expect((await upload(new HttpUser(sanne.base), `${TOOL}/nl/intro.prompt`, 'audio/ogg', oggOpus(2))).status).toBe(
      401,
    )

    const ok: [string, string, Uint8Array][] = [
      ['ti', 'audio/ogg', oggOpus(3)],
      ['nl', 'audio/webm;codecs=opus', webmOpus(2)],
      ['ar', 'audio/mpeg', mp3(2)],
      ['en', 'audio/mp4', m4a(2)],
    ]
    for (const [lang, type, bytes] of ok) {
      const r = await upload(sanne, `${TOOL}/${lang}/intro.prompt`, type, bytes)
      expect(r.status, type).toBe(201)
      expect(r.body.etag).toMatch(/^[a-f0-9]{32}$/)
    }
    const after = await list(sanne)
    expect(after.recordings.map((r) => [r.lang, r.key, r.mime]).sort()).toEqual(
      [
        ['ar', 'intro.prompt', 'audio/mpeg'],
        ['en', 'intro.prompt', 'audio/mp4'],
        ['nl', 'intro.prompt', 'audio/webm'],
        ['ti', 'intro.prompt', 'audio/ogg'],
      ].sort(),
    )
    expect(after.recordings.find((r) => r.lang === 'ti')).toMatchObject({
      durationMs: 3000,
      recordedBy: 'Sanne',
      mayRemove: true,
    })
  })

  it('serves a voice to the organisation and to its own child, with an ETag; nothing to another organisation', async () => {
    const { server, sanne, joris, adminB, logs } = await setup()
    const bytes = oggOpus(2)
    const { etag } = (await upload(sanne, `${TOOL}/ti/intro.prompt`, 'audio/ogg', bytes)).body
    const path = `${TOOL}/ti/intro.prompt/${etag}`

    // Begeleiders of the same organisation (another team too): long-cached, named by its content.
    const heard = await audio(server.url, path, { cookie: joris.cookie })
    expect(heard.status).toBe(200)
    expect(heard.bytes).toEqual(bytes)
    expect(heard.headers.get('content-type')).toBe('audio/ogg')
    expect(heard.headers.get('etag')).toBe(`"${etag}"`)
    expect(heard.headers.get('cache-control')).toBe('private, max-age=31536000, immutable')
    const again = await audio(server.url, path, { cookie: joris.cookie, 'if-none-match': `"${etag}"` })
    expect(again.status).toBe(304)
    expect(again.headers.get('cache-control')).toBe('private, max-age=31536000, immutable')
    expect((await audio(server.url, path, {})).status).toBe(401)

    // The child of this organisation with a Stoplicht gesprek: its index and the voice itself.
    const child = await startGesprek(server.url, sanne, { toolId: 'stoplicht' })
    const bearer = { authorization: `Bearer ${child.token}` }
    const index = (await (
      await fetch(`${server.url}/api/voices/gesprek/${child.gesprekId}/ti`, { headers: bearer })
    ).json()) as KindVoicesOut
    expect(index).toEqual({ toolId: 'stoplicht', version: 1, lang: 'ti', voices: [{ key: 'intro.prompt', etag }] })
    const kindPath = `/api/voices/gesprek/${child.gesprekId}/ti/intro.prompt/${etag}`
    const played = await audio(server.url, kindPath, bearer)
    expect(played.status).toBe(200)
    expect(played.bytes).toEqual(bytes)
    expect(played.headers.get('etag')).toBe(`"${etag}"`)
    // A shared phone keeps no trace: the child's copy lives in memory only.
    expect(played.headers.get('cache-control')).toBe('no-store')
    // The child's token is not a begeleider's login.
    expect((await audio(server.url, path, bearer)).status).toBe(401)
    const nlIndex = (await (
      await fetch(`${server.url}/api/voices/gesprek/${child.gesprekId}/nl`, { headers: bearer })
    ).json()) as KindVoicesOut
    expect(nlIndex.voices).toEqual([])

    // A child of this organisation in another tool: not this tool's voices.
    const other = await startGesprek(server.url, sanne, { toolId: 'drie-huizen', nickname: 'Ada' })
    const otherBearer = { authorization: `Bearer ${other.token}` }
    expect(
      (await audio(server.url, `/api/voices/gesprek/${other.gesprekId}/ti/intro.prompt/${etag}`, otherBearer)).status,
    ).toBe(404)
    expect((await audio(server.url, kindPath, otherBearer)).status).toBe(404)

    // Another organisation: its begeleider and its child get nothing.
    expect((await audio(server.url, path, { cookie: adminB.cookie })).status).toBe(404)
    expect((await list(adminB)).recordings).toEqual([])
    const childB = await startGesprek(server.url, adminB, { toolId: 'stoplicht', nickname: 'Bo' })
    const bearerB = { authorization: `Bearer ${childB.token}` }
    expect((await audio(server.url, kindPath, bearerB)).status).toBe(404)
    expect(
      (await audio(server.url, `/api/voices/gesprek/${childB.gesprekId}/ti/intro.prompt/${etag}`, bearerB)).status,
    ).toBe(404)
    const indexB = (await (
      await fetch(`${server.url}/api/voices/gesprek/${childB.gesprekId}/ti`, { headers: bearerB })
    ).json()) as KindVoicesOut
    expect(indexB.voices).toEqual([])

    // Never in a log: not the address, not the bytes.
    const b64 = Buffer.from(bytes).toString('base64').slice(0, 40)
    for (const line of logs.lines) {
      expect(line).not.toContain(etag!)
      expect(line).not.toContain(b64)
    }
  })

  it('the admin or the one who recorded it may replace or remove a voice; other begeleiders only listen', async () => {
    const { server, sanne, joris, adminA, adminB } = await setup()
    const first = (await upload(sanne, `${TOOL}/ti/schaal.prompt`, 'audio/ogg', oggOpus(2))).body.etag!
    expect((await joris.request('DELETE', `${TOOL}/ti/schaal.prompt`)).status).toBe(403)
    expect((await upload(joris, `${TOOL}/ti/schaal.prompt`, 'audio/ogg', oggOpus(3))).status).toBe(403)
    expect((await list(joris)).recordings[0]).toMatchObject({ etag: first, mayRemove: false })
    expect((await adminB.request('DELETE', `${TOOL}/ti/schaal.prompt`)).status).toBe(404)

    // Sanne re-records: a new address; the old one is gone.
    const second = (await upload(sanne, `${TOOL}/ti/schaal.prompt`, 'audio/ogg', oggOpus(3))).body.etag!
    expect(second).not.toBe(first)
    expect((await audio(server.url, `${TOOL}/ti/schaal.prompt/${first}`, { cookie: sanne.cookie })).status).toBe(404)

    expect((await adminA.request('DELETE', `${TOOL}/ti/schaal.prompt`)).status).toBe(200)
    expect((await list(sanne)).recordings).toEqual([])
    expect((await audio(server.url, `${TOOL}/ti/schaal.prompt/${second}`, { cookie: sanne.cookie })).status).toBe(404)
    expect((await sanne.request('DELETE', `${TOOL}/ti/schaal.prompt`)).status).toBe(404)

    // Her own she may remove herself.
    await upload(sanne, `${TOOL}/nl/schaal.prompt`, 'audio/ogg', oggOpus(1))
    expect((await sanne.request('DELETE', `${TOOL}/nl/schaal.prompt`)).status).toBe(200)
    expect((await list(sanne)).recordings).toEqual([])
  })

  it("an organisation's own published version takes voices of its own, in Tigrinya too, and keeps those whose words did not change", async () => {
    const { sanne, adminA, adminB } = await setup()
    // Two voices of version 1: one for a text the trainer will change, one for a text she keeps.
    expect((await upload(sanne, `${TOOL}/ti/intro.prompt`, 'audio/webm', webmOpus(2))).status).toBe(201)
    const kept = (await upload(sanne, `${TOOL}/ti/schaal.prompt`, 'audio/ogg', oggOpus(2))).body.etag!
    const draft = (await adminA.get('/api/tool-versions/stoplicht/draft')).body as { doc: ToolVersionDoc }
    const texts = Object.fromEntries(
      Object.entries(draft.doc.texts).map(([lang, map]) => [
        lang,
        { ...map, 'intro.prompt': `Eigen woorden (${lang})` },
      ]),
    )
    expect(
      (await adminA.request('PUT', '/api/tool-versions/stoplicht/draft', { doc: { ...draft.doc, texts } })).status,
    ).toBe(200)
    expect((await adminA.post('/api/tool-versions/stoplicht/publish', { note: 'eigen woorden' })).body).toMatchObject({
      version: 2,
    })

    const V2 = '/api/voices/tools/stoplicht/2'
    const own = (await sanne.get(V2)).body as VoiceListOut
    expect(own.keys).toContain('intro.prompt')
    // The unchanged text kept its voice; the changed one waits for a new recording.
    expect(own.recordings.map((r) => [r.lang, r.key, r.etag])).toEqual([['ti', 'schaal.prompt', kept]])
    const put = await upload(sanne, `${V2}/ti/intro.prompt`, 'audio/webm', webmOpus(3))
    expect(put.status).toBe(201)
    expect(((await sanne.get(V2)).body as VoiceListOut).recordings.map((r) => [r.lang, r.key])).toEqual([
      ['ti', 'intro.prompt'],
      ['ti', 'schaal.prompt'],
    ])
    // Version 1 keeps exactly its own two.
    expect((await list(sanne)).recordings).toHaveLength(2)
    // Organisation B has no version 2 of its own.
    expect((await adminB.get(V2)).status).toBe(404)
    expect((await upload(adminB, `${V2}/ti/intro.prompt`, 'audio/webm', webmOpus(2))).status).toBe(404)
    // A key the version does not have is not a place to store a voice.
    expect((await upload(sanne, `${V2}/ti/bestaat-niet.prompt`, 'audio/webm', webmOpus(2))).status).toBe(404)
  })
})
