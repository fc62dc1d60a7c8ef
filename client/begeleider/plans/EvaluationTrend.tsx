import { useEffect, useState } from 'react'
import type { EvaluationsOut } from '../../../dialogs/contract/plans'
import { apiClient } from '../../net/api-client'
import { formatDay, useWorkspaceT } from '../words'

const W = 520
const H = 180
const PAD = 28

/**
 * Trends over the evaluations in one picture: the begeleider's 0-10 assessment per evaluation (a line of
 * circles), the child's own scale as shared (squares), and how many goals were reached (bars). Shape and
 * words, never colour alone.
 */
export function EvaluationTrend({ data }: { data: EvaluationsOut }) {
  const { t, i18n } = useWorkspaceT()
  const times = [
    ...data.evaluations.map((e) => Date.parse(`${e.heldOn}T12:00:00Z`)),
    ...data.childScale.map((s) => Date.parse(s.at)),
  ]
  if (times.length === 0) return <p className="muted">{t('workspace:plans.evaluatie.noTrend')}</p>
  const min = Math.min(...times)
  const max = Math.max(...times)
  const x = (ms: number) => (max === min ? W / 2 : PAD + ((ms - min) / (max - min)) * (W - 2 * PAD))
  const y = (v: number) => H - PAD - (v / 10) * (H - 2 * PAD)
  const own = data.evaluations.filter((e) => e.sos.scale !== null)
  const path = own
    .map((e, i) => `${i === 0 ? 'M' : 'L'}${x(Date.parse(`${e.heldOn}T12:00:00Z`))},${y(e.sos.scale!)}`)
    .join(' ')
  const label = t('workspace:plans.evaluatie.trendLabel', { evaluations: data.evaluations.length })
  return (
    <figure className="eval-trend" data-testid="evaluation-trend">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        <line x1={PAD} x2={W - PAD} y1={y(0)} y2={y(0)} className="eval-trend__axis" />
        <line x1={PAD} x2={W - PAD} y1={y(10)} y2={y(10)} className="eval-trend__axis eval-trend__axis--top" />
        <text x={4} y={y(0) + 4} className="eval-trend__tick">
          0
        </text>
        <text x={4} y={y(10) + 4} className="eval-trend__tick">
          10
        </text>
        {data.evaluations.map((e) => {
          const reached = e.goals.filter((g) => g.progress === 'bereikt').length
          const h = e.goals.length ? (reached / e.goals.length) * (H - 2 * PAD) : 0
          return (
            <rect
              key={`bar-${e.id}`}
              x={x(Date.parse(`${e.heldOn}T12:00:00Z`)) - 6}
              y={H - PAD - h}
              width={12}
              height={h}
              className="eval-trend__bar"
            >
              <title>{t('workspace:plans.evaluatie.reached', { n: reached, total: e.goals.length })}</title>
            </rect>
          )
        })}
        <path d={path} className="eval-trend__line" />
        {own.map((e) => (
          <circle
            key={e.id}
            cx={x(Date.parse(`${e.heldOn}T12:00:00Z`))}
            cy={y(e.sos.scale!)}
            r={6}
            className="eval-trend__own"
          >
            <title>
              {formatDay(e.heldOn, i18n.language)}: {t('workspace:plans.evaluatie.scaleShort', { value: e.sos.scale })}
            </title>
          </circle>
        ))}
        {data.childScale.map((s) => (
          <rect
            key={`${s.gesprekId}-${s.at}`}
            x={x(Date.parse(s.at)) - 5}
            y={y(s.value) - 5}
            width={10}
            height={10}
            className="eval-trend__child"
          >
            <title>
              {formatDay(s.at, i18n.language)}: {t('workspace:plans.evaluatie.childShort', { value: s.value })}
            </title>
          </rect>
        ))}
      </svg>
      <figcaption className="eval-trend__legend">
        <span>● {t('workspace:plans.evaluatie.legendOwn')}</span>
        <span>■ {t('workspace:plans.evaluatie.legendChild', { name: data.child.nickname })}</span>
        <span>▮ {t('workspace:plans.evaluatie.legendGoals')}</span>
      </figcaption>
    </figure>
  )
}

/** The same picture inside the history page, loaded on its own. */
export function EvaluationTrendPanel({ childId }: { childId: string }) {
  const { t } = useWorkspaceT()
  const [data, setData] = useState<EvaluationsOut | null>(null)
  useEffect(() => {
    apiClient.plans.evaluations(childId).then(setData, () => setData(null))
  }, [childId])
  if (!data || data.evaluations.length === 0) return null
  return (
    <section className="panel">
      <h2>{t('workspace:plans.evaluatie.trend')}</h2>
      <EvaluationTrend data={data} />
    </section>
  )
}
