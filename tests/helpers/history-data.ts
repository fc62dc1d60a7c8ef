import type { KindJoinOut, NewGesprekOut } from '../../dialogs/contract/http'
import type { Person } from '../../dialogs/framework/items'
import type { ShareLevel } from '../../dialogs/sharing'
import { connected, connect, emitAck, HttpUser, msgId, type TestServer } from './server'

type Step = { next: true } | { add: Record<string, unknown>; share?: ShareLevel }

/**
 * One gesprek of a tool done by the child through its own socket, the way the child's screen sends
 * it: a join code, the child's token, then every step as a command. Each added answer gets its
 * share level right after it (the child's choice); `next` turns the step.
 */
export async function childDoes(
  server: TestServer,
  begeleider: HttpUser,
  childId: string,
  toolId: string,
  steps: readonly Step[],
): Promise<string> {
  const g = await begeleider.post<NewGesprekOut>('/api/gesprekken', { childId, toolId })
  if (g.status !== 201) throw new Error(`gesprek not started: ${g.status} ${JSON.stringify(g.body)}`)
  const { gesprek, join } = g.body as { gesprek: { id: string }; join: { code: string } }
  const joined = await new HttpUser(server.url).post<KindJoinOut>('/api/kind/join', { code: join.code })
  const socket = connect(server.url, { token: (joined.body as { token: string }).token })
  try {
    await connected(socket)
    const send = async (event: unknown) => {
      const ack = await emitAck(socket, 'gesprek:command', { gesprekId: gesprek.id, clientMsgId: msgId(), event })
      if (!ack?.ok) throw new Error(`${JSON.stringify(event)}: ${JSON.stringify(ack)}`)
    }
    let n = 0
    for (const step of steps) {
      if ('next' in step) {
        await send({ type: 'nav.next' })
        continue
      }
      const id = `item-${toolId}-${++n}-${Math.random().toString(36).slice(2, 8)}`
      await send({ type: 'item.add', item: { id, pictures: [], ...step.add } })
      if (step.share) await send({ type: 'share.set', itemIds: [id], level: step.share })
    }
  } finally {
    socket.disconnect()
  }
  return gesprek.id
}

export const next = { next: true } as const
export const person = (name: string, circle: 1 | 2 | 3, extra: Partial<Person> = {}): Step => ({
  add: { person: { name, category: 'familie', circle, gives: [], mustNotKnow: false, ...extra } },
})
