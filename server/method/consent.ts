import { ConsentBody, type ConsentOut } from '../../dialogs/contract/method'
import type { Deps } from '../deps'
import { loadParents, saveParents } from '../workspace/parents'
import { otherParentRecords } from '../workspace/records'
import { addRecord, latest, type ChildRow } from './records'

type Child = ChildRow & { age_band: string }

export const twelvePlus = (band: string) => band === '12-15' || band === '16-18'

/**
 * Where consent stands. Refused: a parent with (or possibly with) gezag said no, which never blocks a
 * gesprek but points to the Juridische richtlijn [000:264-272]. Complete: every parent known to have
 * gezag agreed, at least one parent is known to have it, and a jongere of 12+ agreed too [000:1216-1222].
 */
export function consentStatus(c: ConsentBody, band: string): ConsentOut['status'] {
  const parents = [c.present, c.other]
  if (parents.some((p) => p.gezag !== 'nee' && p.decision === 'geweigerd')) return 'geweigerd'
  const withGezag = parents.filter((p) => p.gezag === 'ja')
  const unknown = parents.some((p) => p.gezag === 'onbekend')
  const parentsDone = withGezag.length > 0 && !unknown && withGezag.every((p) => p.decision === 'gegeven')
  const jongereDone = !twelvePlus(band) || c.jongere.decision === 'gegeven'
  return parentsDone && jongereDone ? 'compleet' : 'open'
}

export async function loadConsent(deps: Deps, child: Child): Promise<ConsentOut> {
  const [stored, parents, informed] = await Promise.all([
    latest(deps, child, 'consent', ConsentBody),
    loadParents(deps, child),
    otherParentRecords(deps, child),
  ])
  const body = stored?.body ?? ConsentBody.parse({ present: {}, other: {}, jongere: {}, told: {} })
  // The other parent's gezag has one home, the parents record; the consent shows it from there.
  const merged: ConsentBody = { ...body, other: { ...body.other, gezag: parents.other.gezag } }
  return {
    ...merged,
    status: consentStatus(merged, child.age_band),
    twelvePlus: twelvePlus(child.age_band),
    parents: {
      present: parents.present,
      otherInformed: informed.current ? { text: informed.current.text, agreedOn: informed.current.agreedOn } : null,
    },
    recordedAt: stored?.recordedAt ?? null,
    recordedBy: stored?.recordedBy ?? null,
  }
}

export async function saveConsent(deps: Deps, child: Child, begeleiderId: string, input: ConsentBody): Promise<void> {
  const parents = await loadParents(deps, child)
  if (parents.other.gezag !== input.other.gezag)
    await saveParents(deps, child, begeleiderId, {
      present: parents.present,
      other: { ...parents.other, gezag: input.other.gezag },
      flags: parents.flags,
    })
  // Stored without the other parent's gezag, so two records can never disagree about it.
  const { gezag: _moved, ...other } = input.other
  await addRecord(deps, child, begeleiderId, 'consent', { ...input, other })
}
