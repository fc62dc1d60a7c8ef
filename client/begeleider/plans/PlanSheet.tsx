import { useEffect, useState } from 'react'
import type { ErrorCode } from '../../../dialogs/contract/errors'
import type { ActieplanOut, CitedItem, VeiligheidsplanOut } from '../../../dialogs/contract/plans'
import { ApiError } from '../../net/api'
import { apiClient } from '../../net/api-client'
import { formatDay, ItemWords, useWorkspaceT, withToolLabels } from '../words'
import './plans.css'

/**
 * The printed plan for the talk with the parent. It reads the oudergesprek projection (the route does):
 * only answers the child agreed may reach a parent can be on it. Loading it is logged as a print.
 */
export function PlanSheet({
  childId,
  type,
  go,
}: {
  childId: string
  type: 'actieplan' | 'veiligheidsplan'
  go: (path: string) => void
}) {
  const { t, i18n } = useWorkspaceT()
  const [data, setData] = useState<ActieplanOut | VeiligheidsplanOut | null>(null)
  const [error, setError] = useState<ErrorCode | null>(null)
  useEffect(() => {
    ;(type === 'actieplan'
      ? apiClient.plans.actieplanPrint(childId)
      : apiClient.plans.veiligheidsplanPrint(childId)
    ).then(
      (d) => setData(withToolLabels(d)),
      (e: unknown) => setError(e instanceof ApiError ? e.code : 'internal'),
    )
  }, [childId, type])
  if (error) return <p className="form-error">{t(`errors:${error}`)}</p>
  if (!data) return <p className="muted">{t('common:loading')}</p>
  const name = data.child.nickname
  const quotes = (cs: CitedItem[]) =>
    cs.length > 0 && (
      <ul className="sheet-quotes">
        {cs.map((c) => (
          <li key={`${c.gesprekId}:${c.item.id}`}>
            <ItemWords item={c.item} toolId={c.toolId} gesprekId={c.gesprekId} compact />
          </li>
        ))}
      </ul>
    )
  return (
    <main className="handout-page">
      <nav className="handout-toolbar">
        <button type="button" className="btn btn--quiet" onClick={() => go(`/begeleider/kind/${childId}/${type}`)}>
          <span className="dir-arrow" aria-hidden="true">
            ←
          </span>{' '}
          {t('workspace:handout.back')}
        </button>
        <button type="button" className="btn btn--primary" onClick={() => window.print()}>
          {t('workspace:handout.printNow')}
        </button>
      </nav>
      <article className="handout" data-testid="plan-sheet">
        <header className="handout__head">
          <h1>{t(`workspace:plans.${type}.title`, { name })}</h1>
          <p>{t('workspace:handout.for', { name, date: formatDay(new Date().toISOString(), i18n.language) })}</p>
        </header>
        {'goals' in data ? (
          <ol>
            {data.goals.map((g) => (
              <li key={g.id} className="handout__block">
                <h2>{g.text}</h2>
                <p>
                  {t('workspace:plans.progress.label')}: {t(`workspace:plans.progress.${g.progress}`)}
                </p>
                {quotes(g.citations)}
              </li>
            ))}
          </ol>
        ) : (
          <>
            {(
              [
                ['worries', data.plan.worries],
                ['mustHappen', data.plan.mustHappen],
              ] as const
            ).map(([k, lines]) => (
              <section key={k} className="handout__block">
                <h2>{t(`workspace:plans.veiligheidsplan.${k}`)}</h2>
                <ul>
                  {lines.map((l, i) => (
                    <li key={i}>{l}</li>
                  ))}
                </ul>
              </section>
            ))}
            <section className="handout__block">
              <h2>{t('workspace:plans.veiligheidsplan.whoDoesWhat')}</h2>
              <ul>
                {data.plan.whoDoesWhat.map((w, i) => (
                  <li key={i}>
                    <strong>{w.who}</strong>: {w.what}
                  </li>
                ))}
              </ul>
            </section>
            <section className="handout__block">
              <h2>{t('workspace:plans.veiligheidsplan.childSays', { name })}</h2>
              {quotes(data.plan.citations)}
            </section>
            <section className="handout__block">
              <h2>{t('workspace:plans.veiligheidsplan.agreed')}</h2>
              <ul>
                {data.plan.agreements.map((a, i) => (
                  <li key={i}>
                    {t(`workspace:plans.veiligheidsplan.agreer.${a.who}`)}: {formatDay(a.on, i18n.language)}
                  </li>
                ))}
              </ul>
            </section>
          </>
        )}
        <footer className="handout__foot">{t('workspace:plans.sheetNote', { name })}</footer>
      </article>
    </main>
  )
}
