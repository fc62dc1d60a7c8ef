import { useCallback, useEffect, useState } from 'react'
import type { ErrorCode } from '../../../dialogs/contract/errors'
import { GOAL_PROGRESS, type ActieplanOut, type CitedItem, type GoalProgress } from '../../../dialogs/contract/plans'
import { api, ApiError } from '../../net/api'
import { linkProps } from '../router'
import { formatDay, useWorkspaceT, withToolLabels } from '../words'
import { Cited, citeKey, newPlanId } from './Cited'
import './plans.css'

type Goal = { id: string; text: string; progress: GoalProgress; citations: CitedItem[] }

/**
 * The actieplan [000:442-444, 756-758]: the child's goals in the family's own words, each able to point at
 * answers the child shared. The draft is what the child already said (dreams, worries, what helps): one
 * click makes a goal of it, and the begeleider writes the goal in the family's words beside it.
 */
export function Actieplan({ childId, go }: { childId: string; go: (path: string) => void }) {
  const { t, i18n } = useWorkspaceT()
  const [data, setData] = useState<ActieplanOut | null>(null)
  const [goals, setGoals] = useState<Goal[]>([])
  const [saved, setSaved] = useState(false)
  const [error, setError] = useState<ErrorCode | null>(null)
  const fail = useCallback((e: unknown) => setError(e instanceof ApiError ? e.code : 'internal'), [])
  const load = useCallback(
    () =>
      api<ActieplanOut>(`/api/plans/children/${childId}/actieplan`).then((d) => {
        setData(withToolLabels(d))
        setGoals(d.goals)
      }, fail),
    [childId, fail],
  )
  useEffect(() => void load(), [load])

  const change = (id: string, patch: Partial<Goal>) => {
    setSaved(false)
    setGoals((gs) => gs.map((g) => (g.id === id ? { ...g, ...patch } : g)))
  }
  const cite = (id: string, c: CitedItem) =>
    change(id, {
      citations: [...(goals.find((g) => g.id === id)?.citations ?? []), c].filter(
        (x, i, all) => all.findIndex((y) => citeKey(y) === citeKey(x)) === i,
      ),
    })
  const addGoal = (from?: CitedItem) => {
    setSaved(false)
    setGoals((gs) => [...gs, { id: newPlanId(), text: '', progress: 'nog-niet', citations: from ? [from] : [] }])
  }
  const incomplete = goals.some((g) => g.text.trim() === '')
  const save = () => {
    setError(null)
    api(`/api/plans/children/${childId}/actieplan`, {
      method: 'PUT',
      body: {
        goals: goals.map((g) => ({
          id: g.id,
          text: g.text,
          progress: g.progress,
          citations: g.citations.map((c) => ({ gesprekId: c.gesprekId, itemId: c.item.id })),
        })),
      },
    }).then(() => {
      setSaved(true)
      void load()
    }, fail)
  }
  if (!data) return error ? <p className="form-error">{t(`errors:${error}`)}</p> : <p>{t('common:loading')}</p>
  const name = data.child.nickname
  const cited = new Set(goals.flatMap((g) => g.citations.map(citeKey)))

  return (
    <div className="plan-page">
      <a className="btn btn--quiet" {...linkProps(go, `/begeleider/kind/${childId}`)}>
        <span className="dir-arrow" aria-hidden="true">
          ←
        </span>{' '}
        {t('workspace:plans.backTo', { name })}
      </a>
      <header className="plan-head">
        <h1>{t('workspace:plans.actieplan.title', { name })}</h1>
        <p className="muted">{t('workspace:plans.actieplan.intro')}</p>
        {data.updatedAt && (
          <p className="muted">
            {t('workspace:plans.updated', { name: data.updatedBy, date: formatDay(data.updatedAt, i18n.language) })}
          </p>
        )}
      </header>
      <div className="plan-grid">
        <section className="panel" aria-labelledby="goals-title">
          <h2 id="goals-title">{t('workspace:plans.actieplan.goals')}</h2>
          {goals.length === 0 && <p className="muted">{t('workspace:plans.actieplan.none')}</p>}
          <ol className="goals">
            {goals.map((g, i) => (
              <li key={g.id} className="goal" data-testid="goal">
                <label>
                  {t('workspace:plans.actieplan.goalText', { n: i + 1 })}
                  <textarea
                    rows={2}
                    maxLength={500}
                    value={g.text}
                    autoFocus={g.text === '' && i === goals.length - 1}
                    placeholder={t('workspace:plans.actieplan.goalPlaceholder')}
                    onChange={(e) => change(g.id, { text: e.target.value })}
                  />
                </label>
                <label className="inline-form">
                  {t('workspace:plans.progress.label')}
                  <select
                    value={g.progress}
                    onChange={(e) => change(g.id, { progress: e.target.value as GoalProgress })}
                  >
                    {GOAL_PROGRESS.map((p) => (
                      <option key={p} value={p}>
                        {t(`workspace:plans.progress.${p}`)}
                      </option>
                    ))}
                  </select>
                </label>
                {g.citations.length > 0 && (
                  <ul className="cited-list">
                    {g.citations.map((c) => (
                      <Cited key={citeKey(c)} cited={c}>
                        <button
                          type="button"
                          className="btn btn--quiet btn--small"
                          onClick={() =>
                            change(g.id, { citations: g.citations.filter((x) => citeKey(x) !== citeKey(c)) })
                          }
                        >
                          {t('workspace:plans.uncite')}
                        </button>
                      </Cited>
                    ))}
                  </ul>
                )}
                <button
                  type="button"
                  className="btn btn--quiet btn--small"
                  onClick={() => setGoals((gs) => gs.filter((x) => x.id !== g.id))}
                >
                  {t('workspace:plans.actieplan.remove')}
                </button>
              </li>
            ))}
          </ol>
          <div className="plan-actions">
            <button type="button" className="btn btn--soft" onClick={() => addGoal()}>
              {t('workspace:plans.actieplan.add')}
            </button>
            <button type="button" className="btn btn--primary" disabled={incomplete} onClick={save}>
              {t('workspace:plans.save')}
            </button>
            {saved && <span className="badge">{t('workspace:child.saved')}</span>}
            <a className="btn btn--soft" {...linkProps(go, `/begeleider/kind/${childId}/actieplan/afdruk`)}>
              {t('workspace:plans.printForParent')}
            </a>
          </div>
          {incomplete && <p className="muted">{t('workspace:plans.actieplan.writeFirst')}</p>}
          {error && <p className="form-error">{t(`errors:${error}`)}</p>}
        </section>
        <section className="panel" aria-labelledby="from-child">
          <h2 id="from-child">{t('workspace:plans.actieplan.fromChild', { name })}</h2>
          <p className="muted">{t('workspace:plans.actieplan.fromChildHint')}</p>
          {data.suggestions.length === 0 && <p className="muted">{t('workspace:plans.nothingShared')}</p>}
          <ul className="cited-list">
            {data.suggestions.map((s) => (
              <Cited key={citeKey(s)} cited={s}>
                <span className="cited__actions">
                  <button type="button" className="btn btn--soft btn--small" onClick={() => addGoal(s)}>
                    {t('workspace:plans.actieplan.makeGoal')}
                  </button>
                  {goals.length > 0 && (
                    <select
                      aria-label={t('workspace:plans.actieplan.linkTo')}
                      value=""
                      onChange={(e) => e.target.value && cite(e.target.value, s)}
                    >
                      <option value="">{t('workspace:plans.actieplan.linkTo')}</option>
                      {goals.map((g, i) => (
                        <option key={g.id} value={g.id}>
                          {t('workspace:plans.actieplan.goalN', { n: i + 1 })}
                        </option>
                      ))}
                    </select>
                  )}
                  {cited.has(citeKey(s)) && <span className="badge">{t('workspace:plans.inPlan')}</span>}
                </span>
              </Cited>
            ))}
          </ul>
        </section>
      </div>
    </div>
  )
}
