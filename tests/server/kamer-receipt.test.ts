import { describe, expect, it } from 'vitest'
import type { KamerTokenOut } from '../../dialogs/contract/kamer'
import type { ReceiptOut } from '../../dialogs/contract/receipt'
import { HttpUser } from '../helpers/server'
import { KAMER_PIN, setUpKamer } from '../helpers/kamer'
import { useServers } from '../helpers/use-servers'

const { startSeeded } = useServers()

describe('every way into a kamer is on the jongere receipt', () => {
  it('a setup and an open with name and PIN each stand on the receipt with their time', async () => {
    const { server, sanne } = await startSeeded()
    const { name } = await setUpKamer(server.url, sanne)
    const opened = await new HttpUser(server.url).post<KamerTokenOut>('/api/kamer/open', { name, secret: KAMER_PIN })
    expect(opened.status).toBe(200)
    const receipt = await new HttpUser(server.url, opened.body.token).get<ReceiptOut>('/api/kamer/receipt')
    expect(receipt.status).toBe(200)
    const whats = receipt.body.entries.map((e) => e.what)
    expect(whats).toContain('kamer-setup')
    expect(whats).toContain('kamer-open')
    // A wrong PIN opens nothing and adds no line.
    const wrong = await new HttpUser(server.url).post('/api/kamer/open', { name, secret: '000000' })
    expect(wrong.status).not.toBe(200)
    const again = await new HttpUser(server.url, opened.body.token).get<ReceiptOut>('/api/kamer/receipt')
    const opens = again.body.entries.filter((e) => e.what === 'kamer-open')
    expect(opens.length).toBe(1)
  })
})
