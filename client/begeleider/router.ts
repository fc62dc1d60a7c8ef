import { useEffect, useState } from 'react'

/** Just enough routing for the workspace: ids in the path, never child content. */
export type Route =
  | { name: 'caseload' }
  | { name: 'beheer' }
  | { name: 'tools' }
  | { name: 'toolPreview' }
  | { name: 'child'; childId: string }
  | { name: 'history'; childId: string }
  | { name: 'oudergesprek'; childId: string }
  | { name: 'handout'; childId: string }
  | { name: 'ouderfolder'; childId: string }
  | { name: 'actieplan'; childId: string }
  | { name: 'veiligheidsplan'; childId: string }
  | { name: 'evaluatie'; childId: string }
  | { name: 'actieplanSheet'; childId: string }
  | { name: 'veiligheidsplanSheet'; childId: string }
  | { name: 'gesprek'; gesprekId: string }
  | { name: 'family'; familyId: string }
  | { name: 'voices'; toolId: string | null }

const CHILD_VIEWS = {
  '': 'child',
  '/geschiedenis': 'history',
  '/oudergesprek': 'oudergesprek',
  '/afdruk': 'handout',
  '/ouderfolder': 'ouderfolder',
  '/actieplan': 'actieplan',
  '/veiligheidsplan': 'veiligheidsplan',
  '/evaluatie': 'evaluatie',
  '/actieplan/afdruk': 'actieplanSheet',
  '/veiligheidsplan/afdruk': 'veiligheidsplanSheet',
} as const

export function parseRoute(fullPath: string): Route {
  // A query (the oudergesprek's ?since= date) never decides the route.
  const path = fullPath.split('?')[0]!
  if (path === '/begeleider/beheer') return { name: 'beheer' }
  if (path === '/begeleider/beheer/gesprekken') return { name: 'tools' }
  if (path === '/begeleider/beheer/voorbeeld') return { name: 'toolPreview' }
  const voices = /^\/begeleider\/stemmen(?:\/([a-z-]{2,30}))?$/.exec(path)
  if (voices) return { name: 'voices', toolId: voices[1] ?? null }
  const child =
    /^\/begeleider\/kind\/([A-Za-z0-9_-]+)(|\/geschiedenis|\/oudergesprek|\/afdruk|\/ouderfolder|\/actieplan(?:\/afdruk)?|\/veiligheidsplan(?:\/afdruk)?|\/evaluatie)$/.exec(
      path,
    )
  if (child) return { name: CHILD_VIEWS[child[2] as keyof typeof CHILD_VIEWS], childId: child[1]! }
  const family = /^\/begeleider\/gezin\/([A-Za-z0-9_-]+)\/oudergesprek$/.exec(path)
  if (family) return { name: 'family', familyId: family[1]! }
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

/** A same-tab link that keeps the browser's own behaviour for middle-click and new tabs. */
export const linkProps = (go: (path: string) => void, href: string) => ({
  href,
  onClick: (e: { preventDefault: () => void; ctrlKey?: boolean; metaKey?: boolean; button?: number }) => {
    if (e.ctrlKey || e.metaKey || (e.button ?? 0) !== 0) return
    e.preventDefault()
    go(href)
  },
})
