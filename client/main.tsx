import '@fontsource/atkinson-hyperlegible/400.css'
import '@fontsource/atkinson-hyperlegible/700.css'
import { Component, lazy, StrictMode, Suspense, type ReactNode } from 'react'
import { createRoot } from 'react-dom/client'
import './i18n'
import './styles.css'

const KindApp = lazy(() => import('./kind/KindApp'))
const BegeleiderApp = lazy(() => import('./begeleider/BegeleiderApp'))
const KamerApp = lazy(() => import('./kamer/KamerApp'))

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

function Root() {
  const path = location.pathname
  if (path === '/kind') return <KindApp />
  if (path === '/kamer') return <KamerApp />
  if (path.startsWith('/begeleider')) return <BegeleiderApp />
  return (
    <main className="rest">
      <h1>Gesprek</h1>
      <p>
        <a href="/kind">Kind</a> · <a href="/begeleider">Begeleider</a>
      </p>
    </main>
  )
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      {/* A div, not a p: a paragraph's margin moved the whole body down and back (layout shift). */}
      <Suspense fallback={<div className="loading">…</div>}>
        <Root />
      </Suspense>
    </ErrorBoundary>
  </StrictMode>,
)
