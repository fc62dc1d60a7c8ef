import '@fontsource/atkinson-hyperlegible/400.css'
import '@fontsource/atkinson-hyperlegible/700.css'
import { Component, lazy, startTransition, StrictMode, Suspense, type ComponentType, type ReactNode } from 'react'
import { createRoot } from 'react-dom/client'
import { i18nReady } from './i18n'
import './styles.css'

/**
 * Each route's screen, in a chunk of its own (ADR 0008); the route's HTML names it, so it loads beside
 * this entry. `whole`: the HTML names everything the first screen paints with, so the first render waits
 * for it (below). The begeleider's first screen waits for its session and its own namespaces after that:
 * it renders at once, and the loading dots are its first paint.
 */
type Screen = { load: () => Promise<{ default: ComponentType }>; whole: boolean }
const SCREENS: Record<string, Screen> = {
  '/kind': { load: () => import('./kind/KindApp'), whole: true },
  '/kamer': { load: () => import('./kamer/KamerApp'), whole: true },
  '/begeleider': { load: () => import('./begeleider/BegeleiderApp'), whole: false },
}

/** Shows a calm message instead of a white page, and never the error's text (it may quote input). */
class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false }
  static getDerivedStateFromError() {
    return { failed: true }
  }
  render() {
    if (this.state.failed)
      return (
        <main className="rest">
          <h1>Er ging iets mis. / Something went wrong.</h1>
          <button type="button" className="btn btn--primary" onClick={() => location.reload()}>
            ↻
          </button>
        </main>
      )
    return this.props.children
  }
}

function Home() {
  return (
    <main className="rest">
      <h1>Gesprek</h1>
      <p>
        <a href="/kind">Kind</a> · <a href="/begeleider">Begeleider</a>
      </p>
    </main>
  )
}

/**
 * The first render of a whole screen waits for its chunk and its first words. Rendered at once, the screen
 * suspended on them: the loading dots painted first, and React then held the real screen back for up to
 * 300 ms after them (its fallback throttle), after everything had arrived (docs/performance.md). When
 * the screen's chunk fails to load, it is asked for again lazily, and the error boundary says so calmly.
 */
async function start() {
  const screen = SCREENS[location.pathname.startsWith('/begeleider') ? '/begeleider' : location.pathname]
  let Screen: ComponentType = Home
  if (screen?.whole)
    try {
      Screen = (await Promise.all([screen.load(), i18nReady]))[0].default
    } catch {
      Screen = lazy(screen.load)
    }
  else if (screen) Screen = lazy(screen.load)
  const root = createRoot(document.getElementById('root')!)
  const app = (
    <StrictMode>
      <ErrorBoundary>
        {/* A div, not a p: a paragraph's margin moved the whole body down and back (layout shift). */}
        <Suspense fallback={<div className="loading">…</div>}>
          <Screen />
        </Suspense>
      </ErrorBoundary>
    </StrictMode>
  )
  // A whole screen's render as a transition yields to the browser every few milliseconds instead of
  // holding the main thread for all of it (a long task on a slow phone). One that suspends renders
  // plainly, so its loading dots paint at once.
  if (screen?.whole) startTransition(() => root.render(app))
  else root.render(app)
}
void start()
