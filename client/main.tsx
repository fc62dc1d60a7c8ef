import '@fontsource/atkinson-hyperlegible/400.css'
import '@fontsource/atkinson-hyperlegible/700.css'
import { Component, lazy, startTransition, StrictMode, Suspense, type ComponentType, type ReactNode } from 'react'
import { createRoot } from 'react-dom/client'
import { i18nReady } from './i18n'
import './styles.css'

/** Each route's screen, in a chunk of its own (ADR 0008); the route's HTML names it, so it loads beside this entry. */
const SCREENS: Record<string, () => Promise<{ default: ComponentType }>> = {
  '/kind': () => import('./kind/KindApp'),
  '/kamer': () => import('./kamer/KamerApp'),
  '/begeleider': () => import('./begeleider/BegeleiderApp'),
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
 * The first render waits for the route's screen and its first words. Rendered at once, the screen
 * suspended on them: the loading dots painted first, and React then held the real screen back for up to
 * 300 ms after them (its fallback throttle), after everything had arrived (docs/performance.md). When
 * the screen's chunk fails to load, it is asked for again lazily, and the error boundary says so calmly.
 */
async function start() {
  const load = SCREENS[location.pathname.startsWith('/begeleider') ? '/begeleider' : location.pathname]
  let Screen: ComponentType = Home
  if (load)
    try {
      Screen = (await Promise.all([load(), i18nReady]))[0].default
    } catch {
      Screen = lazy(load)
    }
  const root = createRoot(document.getElementById('root')!)
  // As a transition the first render yields to the browser every few milliseconds instead of holding
  // the main thread for all of it (a long task on a slow phone).
  startTransition(() =>
    root.render(
      <StrictMode>
        <ErrorBoundary>
          {/* A div, not a p: a paragraph's margin moved the whole body down and back (layout shift). */}
          <Suspense fallback={<div className="loading">…</div>}>
            <Screen />
          </Suspense>
        </ErrorBoundary>
      </StrictMode>,
    ),
  )
}
void start()
