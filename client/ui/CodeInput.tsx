import { useEffect, useEffectEvent, useRef } from 'react'

/** A join or invite code as the begeleider shows it ("ABCD-1234"): typed in capitals, never autocorrected. */
export function CodeInput({ value, onChange, id }: { value: string; onChange: (code: string) => void; id?: string }) {
  return (
    <input
      id={id}
      className="code-input"
      // A code reads left to right in every language
      dir="ltr"
      value={value}
      onChange={(e) => onChange(e.target.value.toUpperCase())}
      autoComplete="off"
      autoCapitalize="characters"
      spellCheck={false}
      inputMode="text"
      maxLength={12}
      placeholder="ABCD-1234"
    />
  )
}

/**
 * A scanned QR carries the code in the #fragment. It is taken out of the address bar and history at
 * once, and handed over once (React's strict mode runs effects twice).
 */
export function useCodeFromQr(take: (code: string) => void): void {
  const taken = useRef(false)
  // Once, on arrival: the code is handed to the caller of that moment, not again when it re-renders.
  const hand = useEffectEvent(take)
  useEffect(() => {
    const code = location.hash.slice(1)
    if (code) history.replaceState(null, '', location.pathname + location.search)
    if (code && !taken.current) {
      taken.current = true
      hand(code)
    }
  }, [])
}
