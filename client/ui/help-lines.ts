import { useEffect, useState } from 'react'
import { DEFAULT_HELP_LINES, HelpLines } from '../../dialogs/contract/help-lines'

/**
 * The organisation's numbers, fetched once per page; until they arrive (or without network) the
 * bundled defaults show, so a ways-to-help block is never empty. Held in memory only.
 */
let known: HelpLines = DEFAULT_HELP_LINES
let asked: Promise<void> | null = null

function ask(): Promise<void> {
  asked ??= fetch('/api/help-lines', { credentials: 'same-origin', cache: 'no-store' })
    .then((r) => (r.ok ? r.json() : null))
    .then((data: unknown) => {
      const parsed = HelpLines.safeParse(data)
      if (parsed.success) known = parsed.data
    })
    .catch(() => undefined)
  return asked
}

export function useHelpLines(): HelpLines {
  const [lines, setLines] = useState(known)
  useEffect(() => {
    let live = true
    void ask().then(() => live && setLines(known))
    return () => {
      live = false
    }
  }, [])
  return lines
}
