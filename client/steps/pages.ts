import { createContext, useContext, useLayoutEffect } from 'react'

/**
 * Pages inside one step: the youngest get an intro as one idea per screen (docs/tools/drie-huizen.md,
 * "For 4-7"). A step that has pages says how many; Verder and Terug turn them before they move the
 * gesprek, and nothing of a page is stored (the pages are only how the screen shows its lines).
 */
export type Pages = { count: number; page: number; setCount: (n: number) => void }
export const PagesContext = createContext<Pages>({ count: 1, page: 0, setCount: () => {} })

/** Used by a step: shows `count` pages one at a time; returns the page to show now. */
export function useStepPages(count: number): number {
  const pages = useContext(PagesContext)
  const { setCount } = pages
  useLayoutEffect(() => {
    setCount(count)
    return () => setCount(1)
  }, [count, setCount])
  return Math.min(pages.page, count - 1)
}
