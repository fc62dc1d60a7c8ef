import { useEffect, useState } from 'react'
import { DEFAULT_HELP_LINES, type HelpLines } from '../../dialogs/contract/help-lines'
import { loadApiClient } from '../net/api'

/**
 * The organisation's numbers, fetched once per page; until they arrive (or without network) the
 * bundled defaults show, so a ways-to-help block is never empty. Held in memory only.
 */
let known: HelpLines = DEFAULT_HELP_LINES
let asked: Promise<void> | null = null

function ask(): Promise<void> {
  asked ??= loadApiClient()
    .then((c) => c.helpLines())
    .then(
      (lines) => void (known = lines),
      () => undefined,
    )
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
