import type { JoinCodeOut } from '../../dialogs/contract/http'
import type { KamerTokenOut } from '../../dialogs/contract/kamer'
import type { CaseloadChild } from '../../dialogs/contract/workspace'
import { randomUUID } from 'node:crypto'
import { expect } from 'vitest'
import type { AgeBand } from '../../dialogs/contract/ids'
import { HttpUser } from './server'

export const KAMER_PIN = '482915'

/** A child with a kamer, the way a jongere gets one: the begeleider invites, the jongere picks a name and PIN. */
export async function setUpKamer(url: string, begeleider: HttpUser, ageBand: AgeBand = '16-18') {
  const child = await begeleider.post<CaseloadChild>('/api/workspace/children', { nickname: 'Sam', ageBand })
  const childId = (child.body as { id: string }).id
  const invite = await begeleider.post<JoinCodeOut>(`/api/kamer/children/${childId}/invite`)
  const name = `kamer ${randomUUID().slice(0, 8)}`
  const setup = await new HttpUser(url).post<KamerTokenOut>('/api/kamer/setup', {
    code: invite.body.code,
    name,
    secret: KAMER_PIN,
  })
  expect(setup.status).toBe(200)
  return { childId, name, token: setup.body.token }
}
