import { lazy, Suspense, useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Me } from '../../dialogs/contract/http'
import { apiClient } from '../net/api-client'
import { Caseload } from './Caseload'
import { ChildPage } from './ChildPage'
import { LiveGesprek } from './LiveGesprek'
import { Login } from './Login'
import { KamerNotice } from './KamerNotice'
import { MyPicture } from './MyPicture'
import { linkProps, useRoute } from './router'
import './workspace.css'
import { WORKSPACE_LANGUAGES } from '../../dialogs/contract/languages'
import { LanguagePicker } from '../ui/LanguagePicker'

// The tool editor and its preview (the machine builder, xstate) load only for the admin who opens them.
const ToolsPage = lazy(() => import('./beheer/ToolsPage'))
const PreviewFrame = lazy(() => import('./beheer/PreviewFrame'))
// The pages after the caseload and the child's page load when first opened: the first screen (login,
// caseload) stays within its script budget (tests/client/bundle-budget.test.ts).
const Beheer = lazy(() => import('./Beheer').then((m) => ({ default: m.Beheer })))
const FamilyOudergesprek = lazy(() => import('./FamilyOudergesprek').then((m) => ({ default: m.FamilyOudergesprek })))
const Handout = lazy(() => import('./Handout').then((m) => ({ default: m.Handout })))
const Ouderfolder = lazy(() => import('./Ouderfolder').then((m) => ({ default: m.Ouderfolder })))
const History = lazy(() => import('./History').then((m) => ({ default: m.History })))
const Oudergesprek = lazy(() => import('./Oudergesprek').then((m) => ({ default: m.Oudergesprek })))
const Actieplan = lazy(() => import('./plans/Actieplan').then((m) => ({ default: m.Actieplan })))
const Evaluatie = lazy(() => import('./plans/Evaluatie').then((m) => ({ default: m.Evaluatie })))
const PlanSheet = lazy(() => import('./plans/PlanSheet').then((m) => ({ default: m.PlanSheet })))
const Veiligheidsplan = lazy(() => import('./plans/Veiligheidsplan').then((m) => ({ default: m.Veiligheidsplan })))
const VoicesPage = lazy(() => import('./voices/VoicesPage').then((m) => ({ default: m.VoicesPage })))

export default function BegeleiderApp() {
  const { t } = useTranslation(['common', 'workspace'])
  const [me, setMe] = useState<Me | null | undefined>(undefined)
  const [route, go] = useRoute()
  const loadMe = useCallback(() => {
    apiClient.auth.session().then(
      (r) => setMe(r.me),
      () => setMe(null),
    )
  }, [])
  useEffect(loadMe, [loadMe])
  useEffect(() => {
    document.title = t('begeleider.title')
  }, [t])

  if (me === undefined) return <p className="muted">{t('loading')}</p>
  if (me === null) return <Login onLoggedIn={loadMe} />
  // The print page is the sheet alone: no bar, no menus.
  const loading = <p className="muted">{t('loading')}</p>
  if (route.name === 'handout')
    return (
      <Suspense fallback={loading}>
        <Handout key={route.childId} childId={route.childId} go={go} />
      </Suspense>
    )
  if (route.name === 'ouderfolder')
    return (
      <Suspense fallback={loading}>
        <Ouderfolder key={route.childId} childId={route.childId} go={go} />
      </Suspense>
    )
  if (route.name === 'actieplanSheet' || route.name === 'veiligheidsplanSheet')
    return (
      <Suspense fallback={loading}>
        <PlanSheet
          key={route.name + route.childId}
          childId={route.childId}
          type={route.name === 'actieplanSheet' ? 'actieplan' : 'veiligheidsplan'}
          go={go}
        />
      </Suspense>
    )
  // The tool preview is the child's phone alone, inside the editor's frame.
  if (route.name === 'toolPreview' && me.role === 'admin')
    return (
      <Suspense fallback={<p className="loading">…</p>}>
        <PreviewFrame />
      </Suspense>
    )
  const logout = (everywhere: boolean) =>
    void (everywhere ? apiClient.auth.logoutEverywhere() : apiClient.auth.logout()).finally(() => setMe(null))
  return (
    <div className="app app--begeleider">
      <header className="topbar">
        <a className="topbar__home" {...linkProps(go, '/begeleider')}>
          {me.organisation} · {me.team}
        </a>
        {me.role === 'admin' && (
          <a className="btn btn--quiet" {...linkProps(go, '/begeleider/beheer')}>
            {t('workspace:account.beheer')}
          </a>
        )}
        <a className="btn btn--quiet" {...linkProps(go, '/begeleider/stemmen')}>
          {t('workspace:voices.link')}
        </a>
        <LanguagePicker only={WORKSPACE_LANGUAGES} />
        <span className="topbar__me">{me.displayName}</span>
        <MyPicture picture={me.picture} onChange={loadMe} />
        <button type="button" className="btn btn--quiet" onClick={() => logout(false)}>
          {t('begeleider.logout')}
        </button>
        <button
          type="button"
          className="btn btn--quiet btn--small"
          title={t('workspace:account.logoutEverywhereHint')}
          onClick={() => logout(true)}
        >
          {t('workspace:account.logoutEverywhere')}
        </button>
      </header>
      <main className="workspace">
        <Suspense fallback={loading}>
          {route.name === 'caseload' && <Caseload go={go} team={me.team} />}
          {route.name === 'beheer' && me.role === 'admin' && <Beheer meId={me.id} go={go} />}
          {route.name === 'tools' && me.role === 'admin' && <ToolsPage />}
          {route.name === 'voices' && <VoicesPage key={route.toolId} toolId={route.toolId} go={go} />}
          {route.name === 'child' && <ChildPage key={route.childId} childId={route.childId} go={go} />}
          {route.name === 'history' && <History key={route.childId} childId={route.childId} go={go} />}
          {route.name === 'oudergesprek' && <Oudergesprek key={route.childId} childId={route.childId} go={go} />}
          {route.name === 'family' && <FamilyOudergesprek key={route.familyId} familyId={route.familyId} go={go} />}
          {route.name === 'actieplan' && <Actieplan key={route.childId} childId={route.childId} go={go} />}
          {route.name === 'veiligheidsplan' && <Veiligheidsplan key={route.childId} childId={route.childId} go={go} />}
          {route.name === 'evaluatie' && <Evaluatie key={route.childId} childId={route.childId} go={go} />}
          {route.name === 'gesprek' && <LiveGesprek key={route.gesprekId} gesprekId={route.gesprekId} go={go} />}
        </Suspense>
        <KamerNotice route={route} go={go} />
      </main>
    </div>
  )
}
