import { useEffect, useState } from 'react'

/** Just enough routing for the workspace: ids in the path, never child content. */
export type Route = { name: 'caseload' } | { name: 'child'; childId: string } | { name: 'gesprek'; gesprekId: string }

export function parseRoute(path: string): Route {
  const child = /^\/begeleider\/kind\/([A-Za-z0-9_-]+)$/.exec(path)
  if (child) return { name: 'child', childId: child[1]! }
  const gesprek = /^\/begeleider\/gesprek\/([A-Za-z0-9_-]+)$/.exec(path)
  if (gesprek) return { name: 'gesprek', gesprekId: gesprek[1]! }
  return { name: 'caseload' }
}

export function useRoute(): [Route, (path: string) => void] {
  const [route, setRoute] = useState(() => parseRoute(location.pathname))
  useEffect(() => {
    const onPop = () => setRoute(parseRoute(location.pathname))
    window.addEventListener('popstate', onPop)
    return () => window.removeEventListener('popstate', onPop)
  }, [])
  const go = (path: string) => {
    history.pushState(null, '', path)
    setRoute(parseRoute(path))
    window.scrollTo(0, 0)
  }
  return [route, go]
}
