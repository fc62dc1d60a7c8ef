import type * as z from 'zod'
import { TalkBody, type RhythmOut, type TalkRecord } from '../../dialogs/contract/method'
import { CodedError } from '../../dialogs/contract/errors'
import type { Deps } from '../deps'
import { cadenceItem } from '../workspace/cadence'
import { addRecord, records, type ChildRow, type Stored } from './records'

type Child = ChildRow & { created_at: string }
type Talk = 'oudergesprek' | 'samen'

/** A day read as noon UTC, so no time zone moves it to the day before (as the evaluations do). */
export const noon = (day: string | null | undefined) => (day ? `${day}T12:00:00.000Z` : null)

const talk = (r: Stored<{ gesprekId?: string; note: string }>): TalkRecord => ({
  heldOn: r.heldOn!,
  gesprekId: r.body.gesprekId ?? null,
  note: r.body.note,
  recordedBy: r.recordedBy,
})

/** A day more than a day ahead is a typo, not a talk that was held. */
export function assertHeld(deps: Deps, day: string): void {
  if (Date.parse(`${day}T00:00:00Z`) > deps.clock.now() + 24 * 60 * 60_000) throw new CodedError('invalid_payload', 400)
}

export async function recordTalk(
  deps: Deps,
  child: ChildRow,
  begeleiderId: string,
  type: Talk,
  input: z.output<typeof TalkBody>,
) {
  assertHeld(deps, input.heldOn)
  if (input.gesprekId) {
    // A joint conversation can only follow a gesprek of this child.
    const g = await deps.db
      .selectFrom('gesprekken')
      .select('id')
      .where('id', '=', input.gesprekId)
      .where('child_id', '=', child.id)
      .executeTakeFirst()
    if (!g) throw new CodedError('not_found', 404)
  }
  await addRecord(deps, child, begeleiderId, type, input, input.heldOn)
}

/**
 * The weekly rhythm [000:430-434, 798-804]: when the next oudergesprek is due, and whether the last
 * guided kind-gesprek still waits for its joint conversation with the parent (the method says "meestal":
 * a reminder, never a block).
 */
export async function loadRhythm(deps: Deps, child: Child): Promise<RhythmOut> {
  const [ouder, samen, lastGesprek] = await Promise.all([
    records(deps, child, 'oudergesprek', TalkBody, 8),
    records(deps, child, 'samen', TalkBody, 8),
    deps.db
      .selectFrom('gesprekken')
      .select(['id', 'created_at'])
      .where('child_id', '=', child.id)
      .where('setting', '=', 'begeleid')
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst(),
  ])
  const lastSamen = samen[0]
  const pending =
    lastGesprek !== undefined &&
    !samen.some((s) => s.body.gesprekId === lastGesprek.id) &&
    (lastSamen?.heldOn ?? '') < lastGesprek.created_at.slice(0, 10)
  return {
    oudergesprek: cadenceItem('oudergesprek', deps.clock.now(), noon(ouder[0]?.heldOn), child.created_at),
    oudergesprekken: ouder.map(talk),
    samen: {
      lastGesprekId: lastGesprek?.id ?? null,
      lastGesprekAt: lastGesprek?.created_at ?? null,
      lastAt: noon(lastSamen?.heldOn),
      pending,
    },
    samenRecords: samen.map(talk),
  }
}
