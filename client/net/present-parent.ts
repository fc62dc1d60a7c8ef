import { useEffect, useState } from 'react'
import type { ParentRole } from '../../dialogs/contract/parents'
import { loadApiClient } from './api'

/**
 * Which parent the oudergesprek is with ('mama' / 'papa'), for the child's sharing choices ("aan mama";
 * "papa hoort dit hierdoor niet"). The screen that holds the child's token hands it over; it stays in
 * memory only, like the token itself.
 */
let token: string | null = null
let known: { token: string; present: ParentRole | null } | null = null
let asking: Promise<void> | null = null

export function rememberParentToken(t: string): void {
  if (token !== t) {
    token = t
    known = null
    asking = null
  }
}

function ask(): Promise<void> {
  const t = token
  if (!t) return Promise.resolve()
  asking ??= loadApiClient()
    .then((c) => c.mine.presentParent(t))
    .then(
      (r) => void (known = { token: t, present: r.present }),
      () => void (known = { token: t, present: null }),
    )
  return asking
}

export function usePresentParent(): ParentRole | null {
  const [present, setPresent] = useState<ParentRole | null>(known?.token === token ? (known?.present ?? null) : null)
  useEffect(() => {
    let live = true
    void ask().then(() => live && setPresent(known?.present ?? null))
    return () => {
      live = false
    }
  }, [])
  return present
}
