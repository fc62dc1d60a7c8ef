import { describe, expect, it } from 'vitest'
import { ViewSeqs } from '../../client/net/join'
import type { GesprekView, ItemView } from '../../dialogs/contract/view'
import { RoomFrames } from '../../server/gesprek/delta'

const item = (id: string, text: string): ItemView => ({
  id,
  stepId: 's1',
  text,
  pictures: [],
  followUps: {},
  share: 'begeleider',
  worry: false,
})
const view = (items: ItemView[], phase: GesprekView['phase'] = 'actief'): GesprekView => ({
  toolId: 't',
  version: '1',
  ageBand: '8-12',
  setting: 'begeleid',
  phase,
  step: null,
  can: { next: true, back: false, skip: false, pause: true, resume: false, stop: true },
  items,
  notes: [],
  skipped: [],
})

/** The server's frames for one room, applied the way the client applies them. */
function follow(frames: RoomFrames, seqs: ViewSeqs, room: string, seq: number, v: GesprekView, quiet = false) {
  const f = frames.frame(room, seq, v, quiet)
  if (f.type === 'view') return seqs.accept('g', seq, f.view) ? 'view' : null
  if (quiet && !f.changed) return 'quiet'
  return seqs.patch('g', seq, f.base, f.patch)
}

describe('patches to screens (ADR 0027)', () => {
  it('a begeleider gets nothing for private work, then one patch that applies on the older view', () => {
    const frames = new RoomFrames()
    const seqs = new ViewSeqs()
    const a = item('a', 'gedeeld')
    seqs.accept('g', 3, view([a]))
    frames.joined('room', 3, view([a]))
    // Seqs 4 and 5 changed nothing this audience sees: no frame, the base stays at 3.
    expect(follow(frames, seqs, 'room', 4, view([a]), true)).toBe('quiet')
    expect(follow(frames, seqs, 'room', 5, view([a]), true)).toBe('quiet')
    const b = item('b', 'nieuw gedeeld')
    const r = follow(frames, seqs, 'room', 6, view([a, b]), true)
    expect(r).toEqual({ seq: 6, view: view([a, b]) })
  })

  it('a screen behind the base asks for a whole view; an old patch is ignored', () => {
    const frames = new RoomFrames()
    const seqs = new ViewSeqs()
    const a = item('a', 'een')
    frames.joined('room', 1, view([a]))
    const b = item('b', 'twee')
    frames.frame('room', 2, view([a, b]), false)
    seqs.accept('g', 1, view([a]))
    const f = frames.frame('room', 3, view([a, b, item('c', 'drie')]), false)
    expect(f.type).toBe('patch')
    if (f.type !== 'patch') return
    expect(f.base).toBe(2)
    expect(seqs.patch('g', 3, f.base, f.patch)).toBe('gap')
    seqs.accept('g', 3, view([a, b, item('c', 'drie')]))
    expect(seqs.patch('g', 3, f.base, f.patch)).toBeNull()
  })

  it('a commit this process did not see (another node, an empty room) sends a whole view', () => {
    const frames = new RoomFrames()
    frames.joined('room', 1, view([]))
    expect(frames.frame('room', 3, view([item('a', 'x')]), false).type).toBe('view')
  })

  it('patches during a join wait for its answer and apply on top of it', () => {
    const seqs = new ViewSeqs()
    const a = item('a', 'een')
    const b = item('b', 'twee')
    seqs.joining('g')
    const frames = new RoomFrames()
    frames.joined('room', 1, view([a]))
    const f = frames.frame('room', 2, view([a, b]), false)
    if (f.type !== 'patch') throw new Error('expected a patch')
    expect(seqs.patch('g', 2, f.base, f.patch)).toBeNull()
    expect(seqs.joined('g', 1, view([a]))).toEqual({ seq: 2, view: view([a, b]) })
  })

  it('removes what left the view, and forgets every view on clear (quick exit)', () => {
    const frames = new RoomFrames()
    const seqs = new ViewSeqs()
    const a = item('a', 'een')
    const b = item('b', 'twee')
    frames.joined('room', 1, view([a, b]))
    seqs.accept('g', 1, view([a, b]))
    expect(follow(frames, seqs, 'room', 2, view([b], 'gepauzeerd'))).toEqual({ seq: 2, view: view([b], 'gepauzeerd') })
    seqs.clear()
    expect(seqs.view('g')).toBeUndefined()
    expect(seqs.last('g')).toBeUndefined()
  })
})
