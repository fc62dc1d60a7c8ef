import { describe, expect, it } from 'vitest'
import { HttpUser } from '../helpers/server'
import { setUpKamer } from '../helpers/kamer'
import { useServers } from '../helpers/use-servers'

const { startSeeded } = useServers()

const contacts = [
  { who: 'Karin, je nieuwe begeleider', number: '06-12345678', what: 'Als je wilt praten over thuis' },
  { who: 'De Kindertelefoon', number: '0800-0432', what: '' },
]

describe('afscheid contacts in the jongere’s own kamer', () => {
  it('a kamer token gets the list once the begeleider entered it; empty before; another kamer nothing', async () => {
    const { server, sanne } = await startSeeded()
    const sam = await setUpKamer(server.url, sanne)
    const other = await setUpKamer(server.url, sanne, '12-15')
    const mine = (token: string | undefined) => new HttpUser(server.url, token).get('/api/method/mine/contacten')

    // Before the begeleider entered anything: an empty list, not an error.
    const before = await mine(sam.token)
    expect(before.status).toBe(200)
    expect(before.body).toEqual({ contacts: [] })

    const put = await sanne.request('PUT', `/api/method/children/${sam.childId}/contacten`, { contacts })
    expect(put.status).toBe(200)

    // The jongere's own kamer gets the list, and nothing else of the record (no recordedBy, no time).
    const after = await mine(sam.token)
    expect(after.status).toBe(200)
    expect(after.body).toEqual({ contacts })

    // Another jongere's kamer (same team) gets its own (empty) list, never Sam's.
    const theirs = await mine(other.token)
    expect(theirs.status).toBe(200)
    expect(theirs.body).toEqual({ contacts: [] })
    expect(JSON.stringify(theirs.body)).not.toContain('Karin')

    // No token, a made-up token, and a begeleider session (a cookie, no bearer) get nothing.
    expect((await mine(undefined)).status).toBe(401)
    expect((await mine('not-a-token')).status).toBe(401)
    const begeleider = await sanne.get('/api/method/mine/contacten')
    expect(begeleider.status).toBe(401)
    expect(JSON.stringify(begeleider.body)).not.toContain('Karin')

    // An update shows at once; an empty list clears it.
    await sanne.request('PUT', `/api/method/children/${sam.childId}/contacten`, { contacts: [contacts[1]] })
    expect((await mine(sam.token)).body).toEqual({ contacts: [contacts[1]] })
    await sanne.request('PUT', `/api/method/children/${sam.childId}/contacten`, { contacts: [] })
    expect((await mine(sam.token)).body).toEqual({ contacts: [] })
  })

  it('a locked kamer (the jongere locked it) gets nothing', async () => {
    const { server, sanne } = await startSeeded()
    const sam = await setUpKamer(server.url, sanne)
    await sanne.request('PUT', `/api/method/children/${sam.childId}/contacten`, { contacts })
    const lock = await new HttpUser(server.url, sam.token).post('/api/kamer/lock', {})
    expect(lock.status).toBeLessThan(300)
    expect((await new HttpUser(server.url, sam.token).get('/api/method/mine/contacten')).status).toBe(401)
  })
})
