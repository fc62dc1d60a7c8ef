import { useCallback, useEffect, useState } from 'react'
import type { ErrorCode } from '../../../dialogs/contract/errors'
import {
  GOAL_PROGRESS,
  GOED_GENOEG,
  type EvaluationPlanBody,
  type EvaluationsOut,
  type GoalProgress,
} from '../../../dialogs/contract/plans'
import { ApiError } from '../../net/api'
import { apiClient } from '../../net/api-client'
import { linkProps } from '../router'
import { formatDay, useWorkspaceT } from '../words'
import { today } from './Cited'
import { EvaluationTrend } from './EvaluationTrend'
import './plans.css'

const CHECK = ['ja', 'deels', 'nee', 'onbekend'] as const

/**
 * The 6-weekly evaluation with parent and child [000:588-592]: progress per goal of the actieplan, the
 * Signs-of-Safety questions with the 0-10 scale as the begeleider's assessment [000:669-684] beside the
 * child's own scale, and the "goed genoeg" checklist. Prefilled: the goals and their last progress, the
 * worries and what must happen from the veiligheidsplan.
 */
export function Evaluatie({ childId, go }: { childId: string; go: (path: string) => void }) {
  const { t, i18n } = useWorkspaceT()
  const [data, setData] = useState<EvaluationsOut | null>(null)
  const [form, setForm] = useState<EvaluationPlanBody | null>(null)
  const [saved, setSaved] = useState(false)
  const [error, setError] = useState<ErrorCode | null>(null)
  const fail = useCallback((e: unknown) => setError(e instanceof ApiError ? e.code : 'internal'), [])
  const load = useCallback(async () => {
    try {
      const [d, plan] = await Promise.all([
        apiClient.plans.evaluations(childId),
        apiClient.plans.veiligheidsplan(childId),
      ])
      setData(d)
      const last = d.evaluations.at(-1)
      setForm({
        heldOn: today(),
        withParent: true,
        withChild: true,
        goals: d.goals.map((g) => ({ goalId: g.id, progress: g.progress, note: '' })),
        sos: {
          worries: plan.plan.worries.join('\n'),
          mustHappen: plan.plan.mustHappen.join('\n'),
          scale: last?.sos.scale ?? null,
        },
        goedGenoeg: last?.goedGenoeg ?? {},
      })
    } catch (e) {
      fail(e)
    }
  }, [childId, fail])
  useEffect(() => void load(), [load])

  if (!data || !form) return error ? <p className="form-error">{t(`errors:${error}`)}</p> : <p>{t('common:loading')}</p>
  const name = data.child.nickname
  const edit = (patch: Partial<EvaluationPlanBody>) => {
    setSaved(false)
    setForm({ ...form, ...patch })
  }
  const save = () => {
    setError(null)
    apiClient.plans.recordEvaluation(childId, form).then(() => {
      setSaved(true)
      void load()
    }, fail)
  }
  const lastChild = data.childScale.at(-1)

  return (
    <div className="plan-page">
      <a className="btn btn--quiet" {...linkProps(go, `/begeleider/kind/${childId}`)}>
        <span className="dir-arrow" aria-hidden="true">
          ←
        </span>{' '}
        {t('workspace:plans.backTo', { name })}
      </a>
      <header className="plan-head">
        <h1>{t('workspace:plans.evaluatie.title', { name })}</h1>
        <p className="muted">{t('workspace:plans.evaluatie.intro')}</p>
      </header>
      <div className="plan-grid">
        <div className="stack">
          <section className="panel">
            <div className="inline-form">
              <label>
                {t('workspace:plans.evaluatie.heldOn')}
                <input
                  type="date"
                  value={form.heldOn}
                  max={today()}
                  onChange={(e) => edit({ heldOn: e.target.value })}
                />
              </label>
              <label>
                <input
                  type="checkbox"
                  checked={form.withParent}
                  onChange={(e) => edit({ withParent: e.target.checked })}
                />{' '}
                {t('workspace:plans.evaluatie.withParent')}
              </label>
              <label>
                <input
                  type="checkbox"
                  checked={form.withChild}
                  onChange={(e) => edit({ withChild: e.target.checked })}
                />{' '}
                {t('workspace:plans.evaluatie.withChild', { name })}
              </label>
            </div>
          </section>
          <section className="panel">
            <h2>{t('workspace:plans.evaluatie.goals')}</h2>
            {data.goals.length === 0 && (
              <p className="muted">
                {t('workspace:plans.evaluatie.noGoals')}{' '}
                <a {...linkProps(go, `/begeleider/kind/${childId}/actieplan`)}>{t('workspace:child.actieplan')}</a>
              </p>
            )}
            <ol className="goals">
              {data.goals.map((g, i) => {
                const row = form.goals[i]!
                const set = (patch: Partial<typeof row>) =>
                  edit({ goals: form.goals.map((x, j) => (j === i ? { ...x, ...patch } : x)) })
                return (
                  <li key={g.id} className="goal">
                    <p className="goal__text">{g.text}</p>
                    <label className="inline-form">
                      {t('workspace:plans.progress.label')}
                      <select value={row.progress} onChange={(e) => set({ progress: e.target.value as GoalProgress })}>
                        {GOAL_PROGRESS.map((p) => (
                          <option key={p} value={p}>
                            {t(`workspace:plans.progress.${p}`)}
                          </option>
                        ))}
                      </select>
                    </label>
                    <label>
                      {t('workspace:plans.evaluatie.note')}
                      <input value={row.note} maxLength={500} onChange={(e) => set({ note: e.target.value })} />
                    </label>
                  </li>
                )
              })}
            </ol>
          </section>
          <section className="panel">
            <h2>{t('workspace:plans.evaluatie.sos')}</h2>
            <label>
              {t('workspace:plans.evaluatie.worries')}
              <textarea
                rows={3}
                value={form.sos.worries}
                onChange={(e) => edit({ sos: { ...form.sos, worries: e.target.value } })}
              />
            </label>
            <label>
              {t('workspace:plans.evaluatie.mustHappen')}
              <textarea
                rows={3}
                value={form.sos.mustHappen}
                onChange={(e) => edit({ sos: { ...form.sos, mustHappen: e.target.value } })}
              />
            </label>
            <fieldset className="scale-field">
              <legend>{t('workspace:plans.evaluatie.scale')}</legend>
              <div className="scale-row" role="radiogroup">
                {Array.from({ length: 11 }, (_, n) => (
                  <label key={n} className={form.sos.scale === n ? 'scale-dot scale-dot--on' : 'scale-dot'}>
                    <input
                      type="radio"
                      name="sos-scale"
                      checked={form.sos.scale === n}
                      onChange={() => edit({ sos: { ...form.sos, scale: n } })}
                    />
                    {n}
                  </label>
                ))}
              </div>
              <p className="scale-anchors">
                <span>0: {t('workspace:plans.evaluatie.anchor0')}</span>
                <span>10: {t('workspace:plans.evaluatie.anchor10')}</span>
              </p>
              <p className="muted" data-testid="child-scale">
                {lastChild
                  ? t('workspace:plans.evaluatie.childScale', {
                      name,
                      value: lastChild.value,
                      date: formatDay(lastChild.at, i18n.language),
                      tool: t(`common:tools.${lastChild.toolId}`),
                    })
                  : t('workspace:plans.evaluatie.noChildScale', { name })}
              </p>
            </fieldset>
          </section>
          <section className="panel">
            <h2>{t('workspace:plans.evaluatie.goedGenoeg')}</h2>
            <p className="muted">{t('workspace:plans.evaluatie.goedGenoegHint')}</p>
            <table className="check-table">
              <tbody>
                {GOED_GENOEG.map((k) => (
                  <tr key={k}>
                    <th scope="row">{t(`workspace:plans.evaluatie.criteria.${k}`)}</th>
                    <td>
                      <select
                        aria-label={t(`workspace:plans.evaluatie.criteria.${k}`)}
                        value={form.goedGenoeg[k] ?? 'onbekend'}
                        onChange={(e) =>
                          edit({ goedGenoeg: { ...form.goedGenoeg, [k]: e.target.value as (typeof CHECK)[number] } })
                        }
                      >
                        {CHECK.map((c) => (
                          <option key={c} value={c}>
                            {t(`workspace:plans.evaluatie.check.${c}`)}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <div className="plan-actions">
            <button type="button" className="btn btn--primary" onClick={save}>
              {t('workspace:plans.evaluatie.record')}
            </button>
            {saved && <span className="badge">{t('workspace:child.saved')}</span>}
          </div>
          {error && <p className="form-error">{t(`errors:${error}`)}</p>}
        </div>
        <section className="panel">
          <h2>{t('workspace:plans.evaluatie.trend')}</h2>
          <EvaluationTrend data={data} />
          <ul className="eval-list">
            {[...data.evaluations].reverse().map((e) => (
              <li key={e.id}>
                <strong>{formatDay(e.heldOn, i18n.language)}</strong> · {e.by}
                {e.sos.scale !== null && <> · {t('workspace:plans.evaluatie.scaleShort', { value: e.sos.scale })}</>}
                {' · '}
                {t('workspace:plans.evaluatie.reached', {
                  n: e.goals.filter((g) => g.progress === 'bereikt').length,
                  total: e.goals.length,
                })}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  )
}
