import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ApiError } from '../../client/net/api'
import { apiClient } from '../../client/net/api-client'
import { toolApi } from '../../client/begeleider/beheer/tool-api'
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

  it("the tool editor's calls: a saved draft shows in the overview until it is discarded", async () => {
    await login('admin-a')
    const drafted = async (toolId: string) =>
      (await toolApi.overview()).tools.find((t) => t.toolId === toolId)?.hasDraft
    const toolId = (await toolApi.overview()).tools[0]!.toolId
    expect(await drafted(toolId)).toBe(false)
    const draft = await toolApi.draft(toolId)
    expect((await toolApi.saveDraft(toolId, draft.doc)).doc.toolId).toBe(toolId)
    expect(await drafted(toolId)).toBe(true)
    expect(await toolApi.discardDraft(toolId)).toEqual({ ok: true })
    expect(await drafted(toolId)).toBe(false)
    const v = (await toolApi.overview()).tools[0]!.versions[0]!.version
    expect((await toolApi.version(toolId, v)).summary.version).toBe(v)
    expect((await toolApi.compare(toolId, v, v)).steps.from).toEqual((await toolApi.compare(toolId, v, v)).steps.to)
  })

  it("a child's page: history, tasks, parents, method, oudergesprek and plans", async () => {
    await login('sanne')
    const child = await apiClient.workspace.newChild({ nickname: 'Pagina', ageBand: '8-12', newFamily: 'Gezin P' })
    const today = new Date().toISOString().slice(0, 10)
    expect((await apiClient.workspace.history(child.id)).child.id).toBe(child.id)
    expect(await apiClient.workspace.tasks(child.id)).toEqual({ tasks: [] })
    const parents = await apiClient.parents.get(child.id)
    expect(parents.updatedAt).toBeNull()
    const { present, other, flags } = parents
    expect(await apiClient.parents.save(child.id, { present, other, flags })).toEqual({ ok: true })
    expect((await apiClient.parents.get(child.id)).updatedAt).not.toBeNull()
    const method = await apiClient.method.get(child.id)
    expect((await apiClient.method.oudergesprek(child.id, { heldOn: today })).rhythm).toBeTruthy()
    expect((await apiClient.method.fase1(child.id, { ticks: [] })).consent).toEqual(method.consent)
    expect((await apiClient.workspace.oudergesprek(child.id, '')).child.id).toBe(child.id)
    expect((await apiClient.workspace.oudergesprekPrint(child.id, '')).child.id).toBe(child.id)
    const draft = { talkingPoints: 'Rustig beginnen', tips: '' }
    expect(await apiClient.workspace.saveOudergesprekDraft(child.id, '', draft)).toEqual({ ok: true })
    expect((await apiClient.plans.actieplan(child.id)).goals).toEqual([])
    expect(await apiClient.plans.saveActieplan(child.id, { goals: [] })).toEqual({ ok: true })
    expect((await apiClient.plans.actieplanPrint(child.id)).goals).toEqual([])
    expect((await apiClient.plans.veiligheidsplan(child.id)).child.id).toBe(child.id)
    expect((await apiClient.plans.veiligheidsplanPrint(child.id)).child.id).toBe(child.id)
    expect((await apiClient.plans.evaluations(child.id)).evaluations).toEqual([])
    const familyId = (await apiClient.workspace.caseload()).families.find((f) =>
      f.children.some((c) => c.id === child.id),
    )?.id
    expect((await apiClient.method.family(familyId!, '')).children.map((c) => c.child.id)).toEqual([child.id])
    expect(await apiClient.method.familyTalk(familyId!, { heldOn: today })).toEqual({ recorded: 1 })
    expect((await apiClient.toolVersions.overview()).tools.length).toBeGreaterThan(0)
    expect((await apiClient.voices.list('drie-huizen', 1)).toolId).toBe('drie-huizen')
    expect((await apiClient.helpLines()).danger).toBeTruthy()
    expect(await apiClient.auth.logout()).toEqual({ ok: true })
    expect(await apiClient.auth.session()).toEqual({ me: null })
  })

  it("the kamer's own calls with its token: me, a gesprek, touch, talk, receipt and the child's own lists", async () => {
    await login('sanne')
    const jongere = await apiClient.workspace.newChild({ nickname: 'Eigen kamer', ageBand: '16-18' })
    const invite = await apiClient.kamer.invite(jongere.id)
    cookie = ''
    const name = `eigen ${Math.random().toString(36).slice(2, 8)}`
    const { token } = await apiClient.kamer.setup({ code: invite.code, name, secret: KAMER_PIN })
    const me = await apiClient.kamer.me(token)
    const toolId = me.tools[0]!
    const made = await apiClient.kamer.newGesprek(token, toolId)
    expect(made.toolId).toBe(toolId)
    expect((await apiClient.kamer.me(token)).gesprekken).toContainEqual(made)
    expect(await apiClient.kamer.touch(token)).toEqual({ ok: true })
    expect(await apiClient.kamer.talk(token)).toEqual({ ok: true })
    expect(Array.isArray((await apiClient.kamer.receipt(token)).entries)).toBe(true)
    expect(await apiClient.mine.presentParent(token)).toEqual({ present: null })
    expect(await apiClient.mine.contacts(token)).toEqual({ contacts: [] })
    expect((await apiClient.mine.safetyPlan(token)).lines).toEqual([])
    await expect(apiClient.kamer.me('not-a-token')).rejects.toBeInstanceOf(ApiError)
  })
})
