import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ApiError } from '../../client/net/api'
import { apiClient } from '../../client/net/api-client'
import { KAMER_PIN } from '../helpers/kamer'
import { PASSWORD, seedOrganisations, startTestServer, type TestServer } from '../helpers/server'

/**
 * The typed API client (client/net/api-client.ts) against the real server: every call the converted screens
 * make goes out as the browser sends it and its answer is parsed with the contract schema the client
 * holds. An answer with a field too many or too few would fail here as `internal`, not on a screen.
 */
let server: TestServer
const realFetch = globalThis.fetch
let cookie = ''

/** The browser's same-origin fetch: relative paths on the server, and its cookie jar for the session. */
function browserFetch(base: string) {
  return async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const headers = new Headers(init.headers)
    if (cookie) headers.set('cookie', cookie)
    const path = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    const res = await realFetch(new URL(path, base), { ...init, headers })
    const set = res.headers.get('set-cookie')
    if (set) cookie = set.split(';')[0]!
    return res
  }
}

beforeAll(async () => {
  server = await startTestServer()
  await seedOrganisations(server)
  globalThis.fetch = browserFetch(server.url)
}, 60_000)
afterEach(() => {
  cookie = ''
})
afterAll(async () => {
  globalThis.fetch = realFetch
  await server?.stop()
})

const login = (username: string) => apiClient.auth.login({ username, password: PASSWORD })

describe('the typed API client reads every answer with the contract', () => {
  it('logs in, and a wrong password is its stable code', async () => {
    expect(await apiClient.auth.session()).toEqual({ me: null })
    await expect(apiClient.auth.login({ username: 'sanne', password: 'not the password' })).rejects.toEqual(
      new ApiError('wrong_credentials'),
    )
    expect(await login('sanne')).toEqual({ ok: true })
    expect((await apiClient.auth.session()).me?.displayName).toBe('Sanne')
    expect(await apiClient.auth.setPicture(null)).toEqual({ picture: null })
  })

  it('the caseload, a child page and a new gesprek', async () => {
    await login('sanne')
    const made = await apiClient.workspace.newChild({ nickname: 'Typed', ageBand: '8-12', newFamily: 'Gezin T' })
    expect(made.nickname).toBe('Typed')
    const caseload = await apiClient.workspace.caseload()
    expect(caseload.families.flatMap((f) => f.children).map((c) => c.id)).toContain(made.id)
    expect((await apiClient.workspace.child(made.id)).id).toBe(made.id)
    expect((await apiClient.workspace.updateChild(made.id, { phase: 2 })).phase).toBe(2)
    const today = new Date().toISOString().slice(0, 10)
    expect((await apiClient.workspace.evaluationHeld(made.id, today)).id).toBe(made.id)
    const started = await apiClient.gesprekken.create({ childId: made.id, toolId: 'drie-huizen', lang: 'en' })
    expect(started.join?.lang).toBe('en')
    expect((await apiClient.workspace.gesprekken(made.id)).map((g) => g.id)).toEqual([started.gesprek.id])
    expect((await apiClient.gesprekken.detail(started.gesprek.id)).child.id).toBe(made.id)
    // A fresh code ends the first one; the child's screen joins with the fresh one below.
    const fresh = await apiClient.gesprekken.joinCode(started.gesprek.id, 'tr')
    expect(fresh.lang).toBe('tr')
    expect(await apiClient.signals.caseload()).toEqual({ children: {} })
    expect((await apiClient.signals.child(made.id)).signals).toEqual([])
    expect(await apiClient.signals.talkHandled(made.id)).toEqual({ ok: true })
    // A signal the begeleider cannot see cannot be recorded against: a stable code, not a crash.
    const followUp = { gesprekId: started.gesprek.id, itemId: 'item-niet-gezien', with: 'kind' as const, on: today }
    await expect(apiClient.signals.followUp(made.id, followUp)).rejects.toEqual(new ApiError('not_allowed_now'))
    expect(await apiClient.workspace.otherParent(made.id)).toEqual({ current: null, earlier: [] })
    const other = await apiClient.workspace.addOtherParent(made.id, { text: 'Via de voogd', agreedOn: today })
    expect(other.current?.text).toBe('Via de voogd')
    // The child's screen joins with the code (no session: a fresh browser).
    cookie = ''
    const joined = await apiClient.kind.join(fresh.code)
    expect(joined).toMatchObject({ gesprekId: started.gesprek.id, nickname: 'Typed', begeleider: 'Sanne' })
  })

  it("another team's child is not_found, exactly like one that does not exist", async () => {
    await login('sanne')
    const made = await apiClient.workspace.newChild({ nickname: 'Eigen', ageBand: '4-7' })
    cookie = ''
    await login('joris')
    await expect(apiClient.workspace.child(made.id)).rejects.toEqual(new ApiError('not_found'))
    await expect(apiClient.workspace.gesprekken(made.id)).rejects.toEqual(new ApiError('not_found'))
  })

  it('the kamer: invite, setup, open, and what the begeleider sees', async () => {
    await login('sanne')
    const jongere = await apiClient.workspace.newChild({ nickname: 'Kamer', ageBand: '16-18' })
    const invite = await apiClient.kamer.invite(jongere.id)
    expect(invite.qrSvg).toContain('<svg')
    const begeleider = cookie
    cookie = ''
    expect(await apiClient.kamer.checkInvite(invite.code)).toEqual({ ok: true })
    const name = `getypt ${Math.random().toString(36).slice(2, 8)}`
    expect((await apiClient.kamer.setup({ code: invite.code, name, secret: KAMER_PIN })).token).toBeTruthy()
    expect((await apiClient.kamer.open({ name, secret: KAMER_PIN })).idleMs).toBeGreaterThan(0)
    cookie = begeleider
    expect(await apiClient.kamer.overview(jongere.id)).toMatchObject({ available: true, open: true, shared: [] })
    expect(await apiClient.kamer.notices()).toEqual([])
  })

  it('beheer: teams, accounts, a warm handover and the AVG rights', async () => {
    await login('sanne')
    const child = await apiClient.workspace.newChild({ nickname: 'Beheer', ageBand: '8-12' })
    cookie = ''
    await login('admin-a')
    const overview = await apiClient.beheer.overview()
    expect(overview.children.map((c) => c.id)).toContain(child.id)
    const team = await apiClient.beheer.newTeam('Typed team')
    const person = await apiClient.beheer.newBegeleider({
      teamId: team.id,
      username: 'typed',
      displayName: 'Typed',
      password: PASSWORD,
      admin: false,
    })
    expect(await apiClient.beheer.deactivate(person.id)).toEqual({ ok: true })
    expect(await apiClient.beheer.activate(person.id)).toEqual({ ok: true })
    expect(await apiClient.beheer.endSessions(person.id)).toEqual({ ok: true })
    expect(await apiClient.beheer.setPassword(person.id, `${PASSWORD} anders`)).toEqual({ ok: true })
    expect(await apiClient.beheer.moveChild(child.id, { teamId: team.id, begeleiderId: person.id })).toEqual({
      ok: true,
    })
    expect(await apiClient.beheer.exportChild(child.id)).toMatchObject({ child: { id: child.id } })
    expect(await apiClient.beheer.closeChild(child.id)).toEqual({ ok: true })
    expect(await apiClient.beheer.eraseChild(child.id)).toEqual({ ok: true })
    await expect(apiClient.beheer.exportChild(child.id)).rejects.toEqual(new ApiError('not_found'))
  })
})
