import type { TFunction } from 'i18next'
import { useEffect, useState } from 'react'
import type { ErrorCode } from '../../dialogs/contract/errors'
import type { HistoryOut } from '../../dialogs/contract/workspace'
import type { Colour } from '../../dialogs/framework/items'
import { api, ApiError } from '../net/api'
import { linkProps } from './router'
import { columnLabels, wrapLabel } from './plot-labels'
import { HISTORY_RINGS as RINGS, placePeople } from '../ui/netwerk-layout'
import { formatDay, stepTitle, subjectLabel, useWorkspaceT, withToolLabels } from './words'
import { EvaluationTrendPanel } from './plans/EvaluationTrend'
import { pictureUrl } from '../ui/pictures'

type Props = { childId: string; go: (path: string) => void }

/** History with pictures: the timeline, and trends drawn where looking beats reading (each with words beside). */
export function History({ childId, go }: Props) {
  const { t, i18n } = useWorkspaceT()
  const [data, setData] = useState<HistoryOut | null>(null)
  const [error, setError] = useState<ErrorCode | null>(null)
  useEffect(() => {
    api<HistoryOut>(`/api/workspace/children/${childId}/history`).then(
      (d) => setData(withToolLabels(d)),
      (e: unknown) => setError(e instanceof ApiError ? e.code : 'internal'),
    )
  }, [childId])
  const lng = i18n.language
  if (error) return <p className="form-error">{t(`errors:${error}`)}</p>
  if (!data) return <p className="muted">{t('common:loading')}</p>

  return (
    <div className="history">
      <a className="btn btn--quiet" {...linkProps(go, `/begeleider/kind/${childId}`)}>
        <span className="dir-arrow" aria-hidden="true">
          ←
        </span>{' '}
        {data.child.nickname}
      </a>
      <h1>{t('workspace:history.title', { name: data.child.nickname })}</h1>
      <p className="muted">{t('workspace:history.onlyShared')}</p>
      <div className="history__grid">
        <section className="panel">
          <h2>{t('workspace:history.stoplicht')}</h2>
          {data.stoplicht.length === 0 ? (
            <p className="muted">{t('workspace:history.stoplichtEmpty')}</p>
          ) : (
            <StoplichtPlot data={data} t={t} lng={lng} />
          )}
        </section>
        <section className="panel">
          <h2>{t('workspace:history.scale')}</h2>
          {data.scales.length === 0 ? (
            <p className="muted">{t('workspace:history.scaleEmpty')}</p>
          ) : (
            data.scales.map((s) => <ScalePlot key={`${s.toolId}:${s.stepId}`} series={s} t={t} lng={lng} />)
          )}
        </section>
      </div>
      <section className="panel">
        <h2>{t('workspace:history.drieHuizen')}</h2>
        {data.drieHuizen.length === 0 ? (
          <p className="muted">{t('workspace:history.drieHuizenEmpty')}</p>
        ) : (
          <DrieHuizenPlot data={data} t={t} lng={lng} />
        )}
      </section>
      <EvaluationTrendPanel childId={childId} />
      <section className="panel">
        <h2>{t('workspace:history.netwerk')}</h2>
        {data.netwerk.now ? (
          <Netwerk data={data} t={t} lng={lng} />
        ) : (
          <p className="muted">{t('workspace:history.netwerkEmpty')}</p>
        )}
      </section>
      <section className="panel">
        <h2>{t('workspace:child.timeline')}</h2>
        <ol className="timeline">
          {data.timeline.map((g) => (
            <li key={g.gesprekId}>
              <a {...linkProps(go, `/begeleider/gesprek/${g.gesprekId}`)}>
                <span className="timeline__date">{formatDay(g.createdAt, lng)}</span>
                <strong>{t(`common:tools.${g.toolId}`)}</strong>
                {g.setting === 'kamer' && <span className="muted">{t('workspace:timeline.kamer')}</span>}
                <span className={`phase phase--${g.phase}`}>{t(`common:begeleider.phase.${g.phase}`)}</span>
                <span className="muted">
                  {t('workspace:timeline.items', { count: g.items })} ·{' '}
                  {t('workspace:timeline.notes', { count: g.notes })}
                </span>
                {g.worries > 0 && (
                  <span className="badge badge--worry">{t('workspace:timeline.worries', { count: g.worries })}</span>
                )}
                {g.skipped.length > 0 && (
                  <span className="muted">
                    {t('workspace:timeline.skipped', {
                      steps: g.skipped.map((s) => stepTitle(t, g.toolId, s, g.gesprekId)).join(', '),
                    })}
                  </span>
                )}
              </a>
            </li>
          ))}
        </ol>
      </section>
    </div>
  )
}

const LIGHT_Y: Record<Colour, number> = { rood: 0, oranje: 1, groen: 2 }
const LIGHT_FILL: Record<Colour, string> = { rood: '#c0644f', oranje: '#e0a04a', groen: '#5f9b6a' }

/**
 * Stoplicht per place over time. Each cell is a small traffic light with one lamp lit: the lamp's
 * position (top red, middle orange, bottom green) says the colour without relying on colour alone.
 */
function StoplichtPlot({ data, t, lng }: { data: HistoryOut; t: TFunction; lng: string }) {
  const dates = [...new Map(data.stoplicht.flatMap((s) => s.points.map((p) => [p.gesprekId, p.at] as const))).entries()]
    .sort((a, b) => a[1].localeCompare(b[1]))
    .slice(-8)
  const labelW = 130
  const colW = 64
  const rowH = 54
  const w = labelW + dates.length * colW
  const h = 28 + data.stoplicht.length * rowH
  const columns = columnLabels(
    dates.map(([, at]) => at),
    lng,
  )
  return (
    <figure className="plot">
      <svg viewBox={`0 0 ${w} ${h}`} width="100%" style={{ maxWidth: w }} role="img" aria-labelledby="stoplicht-title">
        <title id="stoplicht-title">{t('workspace:history.stoplicht')}</title>
        {dates.map(([id, at], i) => (
          <text key={id} x={labelW + i * colW + colW / 2} y={16} textAnchor="middle" className="plot__axis">
            <title>{formatDay(at, lng)}</title>
            {columns[i]}
          </text>
        ))}
        {data.stoplicht.map((s, r) => (
          <g key={`${s.toolId}:${s.stepId}:${s.subject}`} transform={`translate(0 ${28 + r * rowH})`}>
            <text x={0} y={rowH / 2 - 4} className="plot__label">
              <title>{subjectLabel(t, s.toolId, s.stepId, s.subject, s.points.at(-1)?.gesprekId)}</title>
              {wrapLabel(subjectLabel(t, s.toolId, s.stepId, s.subject, s.points.at(-1)?.gesprekId), 18).map(
                (line, n) => (
                  <tspan key={n} x={0} dy={n === 0 ? 0 : 15}>
                    {line}
                  </tspan>
                ),
              )}
            </text>
            {dates.map(([id], i) => {
              const p = s.points.find((x) => x.gesprekId === id)
              const x = labelW + i * colW + colW / 2 - 9
              return (
                <g key={id} transform={`translate(${x} 4)`}>
                  <rect
                    width={18}
                    height={46}
                    rx={6}
                    fill={p ? '#3c4145' : 'none'}
                    stroke="#c9c2b6"
                    strokeDasharray={p ? undefined : '3 3'}
                  />
                  {p &&
                    (['rood', 'oranje', 'groen'] as const).map((c) => (
                      <circle
                        key={c}
                        cx={9}
                        cy={8 + LIGHT_Y[c] * 15}
                        r={5.5}
                        fill={c === p.colour ? LIGHT_FILL[c] : '#5a5f63'}
                      />
                    ))}
                </g>
              )
            })}
          </g>
        ))}
      </svg>
      <details className="plot__words">
        <summary>{t('workspace:history.textAlternative')}</summary>
        <ul>
          {data.stoplicht.map((s) => (
            <li key={`${s.toolId}:${s.stepId}:${s.subject}`}>
              <strong>{subjectLabel(t, s.toolId, s.stepId, s.subject, s.points.at(-1)?.gesprekId)}</strong>:{' '}
              {s.points
                .map((p) =>
                  t('workspace:history.colourAt', {
                    date: formatDay(p.at, lng),
                    colour: t(`workspace:history.colour.${p.colour}`),
                  }),
                )
                .join('; ')}
            </li>
          ))}
        </ul>
      </details>
    </figure>
  )
}

const HOUSE_COLOURS: Record<string, { wall: string; roof: string }> = {
  'huis-goed': { wall: '#dcebd6', roof: '#8fb58a' },
  'huis-zorgen': { wall: '#dde4ec', roof: '#8a9db3' },
  'huis-dromen': { wall: '#e9e0f0', roof: '#a690bf' },
}
const thingWords = (t: TFunction, thing: HistoryOut['drieHuizen'][number]['houses'][number]['things'][number]) =>
  [
    ...thing.pictures.map((pic) => t(`common:pictures.${pic}`)),
    ...(thing.text ? [`“${thing.text}”`] : []),
    ...(thing.drawing ? [t('workspace:history.drawing')] : []),
  ].join(' ')

/**
 * The Drie huizen per gesprek: a row per house, a column per gesprek, each cell the house the child
 * filled, with how many things it holds and the first pictures in it, so what grows or empties over
 * the weeks is seen at a glance. Only what reached the begeleider is in it (the history's projection).
 */
function DrieHuizenPlot({ data, t, lng }: { data: HistoryOut; t: TFunction; lng: string }) {
  const points = data.drieHuizen.slice(-8)
  const stepIds = points[0]!.houses.map((h) => h.stepId)
  const labelW = 130
  const colW = 64
  const rowH = 84
  const w = labelW + points.length * colW
  const h = 28 + stepIds.length * rowH
  const columns = columnLabels(
    points.map((p) => p.at),
    lng,
  )
  return (
    <figure className="plot">
      <svg viewBox={`0 0 ${w} ${h}`} width="100%" style={{ maxWidth: w }} role="img" aria-labelledby="huizen-title">
        <title id="huizen-title">{t('workspace:history.drieHuizen')}</title>
        {points.map((p, i) => (
          <text key={p.gesprekId} x={labelW + i * colW + colW / 2} y={16} textAnchor="middle" className="plot__axis">
            <title>{formatDay(p.at, lng)}</title>
            {columns[i]}
          </text>
        ))}
        {stepIds.map((stepId, r) => {
          const colour = HOUSE_COLOURS[stepId] ?? HOUSE_COLOURS['huis-goed']!
          const name = stepTitle(t, 'drie-huizen', stepId)
          return (
            <g key={stepId} transform={`translate(0 ${28 + r * rowH})`}>
              <text x={0} y={rowH / 2 - 8} className="plot__label">
                <title>{name}</title>
                {wrapLabel(name, 18).map((line, n) => (
                  <tspan key={n} x={0} dy={n === 0 ? 0 : 15}>
                    {line}
                  </tspan>
                ))}
              </text>
              {points.map((p, i) => {
                const things = p.houses.find((x) => x.stepId === stepId)?.things ?? []
                const pictures = [...new Set(things.flatMap((x) => x.pictures))].slice(0, 3)
                return (
                  <g
                    key={p.gesprekId}
                    transform={`translate(${labelW + i * colW + colW / 2} 4)`}
                    className="plot__house"
                    data-house={stepId}
                    data-count={things.length}
                  >
                    <title>{`${name}, ${formatDay(p.at, lng)}: ${t('workspace:history.things', { count: things.length })}`}</title>
                    <path d="M-24 20 L0 2 L24 20 Z" fill={colour.roof} />
                    <rect
                      x={-20}
                      y={20}
                      width={40}
                      height={30}
                      rx={3}
                      fill={things.length > 0 ? colour.wall : 'none'}
                      stroke={colour.roof}
                      strokeDasharray={things.length > 0 ? undefined : '3 3'}
                    />
                    <text y={41} textAnchor="middle" className="plot__value">
                      {things.length}
                    </text>
                    {pictures.map((pic, n) => {
                      const src = pictureUrl(pic)
                      return src ? <image key={pic} href={src} x={-27 + n * 19} y={54} width={16} height={16} /> : null
                    })}
                  </g>
                )
              })}
            </g>
          )
        })}
      </svg>
      <details className="plot__words">
        <summary>{t('workspace:history.textAlternative')}</summary>
        <ul>
          {points.map((p) => (
            <li key={p.gesprekId}>
              <strong>{formatDay(p.at, lng)}</strong>
              <ul>
                {p.houses.map((house) => (
                  <li key={house.stepId}>
                    {stepTitle(t, 'drie-huizen', house.stepId)}:{' '}
                    {house.things.length === 0
                      ? t('workspace:history.houseEmpty')
                      : house.things.map((x) => thingWords(t, x)).join('; ')}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </details>
    </figure>
  )
}

/** The 0-10 scale as a calm line; every point carries its number so nobody has to read the axis. */
function ScalePlot({ series, t, lng }: { series: HistoryOut['scales'][number]; t: TFunction; lng: string }) {
  const pts = series.points.slice(-12)
  const w = 420
  const h = 200
  const left = 28
  const top = 14
  const plotH = 150
  const step = pts.length > 1 ? (w - left - 56) / (pts.length - 1) : 0
  const xy = pts.map((p, i) => [left + 12 + i * step, top + plotH - (p.value / 10) * plotH] as const)
  const axis = columnLabels(
    pts.map((p) => p.at),
    lng,
  )
  const id = `scale-${series.toolId}-${series.stepId}`
  return (
    <figure className="plot">
      <figcaption className="muted">
        {t(`common:tools.${series.toolId}`)} ·{' '}
        {stepTitle(t, series.toolId, series.stepId, series.points.at(-1)?.gesprekId)}
      </figcaption>
      <svg viewBox={`0 0 ${w} ${h}`} width="100%" style={{ maxWidth: w }} role="img" aria-labelledby={id}>
        <title
          id={id}
        >{`${t(`common:tools.${series.toolId}`)} · ${stepTitle(t, series.toolId, series.stepId, series.points.at(-1)?.gesprekId)}`}</title>
        {[0, 5, 10].map((v) => (
          <g key={v}>
            <line
              x1={left}
              x2={w - 8}
              y1={top + plotH - (v / 10) * plotH}
              y2={top + plotH - (v / 10) * plotH}
              stroke="#e3ddd2"
            />
            <text x={left - 6} y={top + plotH - (v / 10) * plotH + 4} textAnchor="end" className="plot__axis">
              {v}
            </text>
          </g>
        ))}
        <polyline points={xy.map(([x, y]) => `${x},${y}`).join(' ')} fill="none" stroke="#3f6f7f" strokeWidth={2.5} />
        {xy.map(([x, y], i) => (
          <g key={pts[i]!.gesprekId}>
            <circle cx={x} cy={y} r={6} fill="#fff" stroke="#3f6f7f" strokeWidth={2.5} />
            <text x={x} y={y - 10} textAnchor="middle" className="plot__value">
              {pts[i]!.value}
            </text>
            <text x={x} y={h - 12} textAnchor="middle" className="plot__axis">
              {axis[i]}
            </text>
          </g>
        ))}
      </svg>
      <details className="plot__words">
        <summary>{t('workspace:history.textAlternative')}</summary>
        <p>
          {pts.map((p) => t('workspace:history.scaleAt', { date: formatDay(p.at, lng), value: p.value })).join('; ')}
        </p>
      </details>
    </figure>
  )
}

/** The network now, as circles around the child, and how it changed between network gesprekken. */
function Netwerk({ data, t, lng }: { data: HistoryOut; t: TFunction; lng: string }) {
  const now = data.netwerk.now!
  const latest = data.netwerk.changes[0]
  const fresh = new Set(
    latest && latest.toGesprekId === now.gesprekId ? latest.cameIn.map((n) => n.trim().toLocaleLowerCase('nl')) : [],
  )
  const size = RINGS.size
  const c = size / 2
  const byCircle = ([1, 2, 3] as const).map((n) => now.people.filter((p) => p.person.circle === n))
  const placed = new Map(
    placePeople(
      byCircle.map((ps) => ps.map((p) => ({ key: p.key, name: p.person.name, fresh: fresh.has(p.key) }))),
    ).map((p) => [p.key, p]),
  )
  return (
    <div className="netwerk">
      <figure className="plot">
        <svg
          viewBox={`0 0 ${size} ${size}`}
          width="100%"
          style={{ maxWidth: size }}
          role="img"
          aria-labelledby="netwerk-title"
        >
          <title id="netwerk-title">{t('workspace:history.netwerkNow', { date: formatDay(now.at, lng) })}</title>
          {([3, 2, 1] as const).map((n) => (
            <circle
              key={n}
              cx={c}
              cy={c}
              r={RINGS.rings[n]}
              fill={n === 1 ? '#f4efe4' : n === 2 ? '#f8f4ec' : '#fbf8f2'}
              stroke="#d8d0c2"
              data-ring={n}
            />
          ))}
          <circle cx={c} cy={c} r={RINGS.me} fill="#3f6f7f" />
          <text x={c} y={c + 4} textAnchor="middle" fill="#fff" className="plot__me">
            {t('workspace:history.me')}
          </text>
          {now.people.map((p) => {
            const at = placed.get(p.key)
            if (!at) return null
            const isNew = fresh.has(p.key)
            const unsafe = p.person.mustNotKnow || p.person.safe === 'nee'
            return (
              <g
                key={p.key}
                transform={`translate(${at.x.toFixed(1)} ${at.y.toFixed(1)})`}
                className="plot__person"
                data-circle={p.person.circle}
              >
                <title>{p.person.name}</title>
                <circle
                  r={RINGS.mark}
                  fill={unsafe ? '#fff' : '#3f6f7f'}
                  stroke="#3f6f7f"
                  strokeWidth={2}
                  strokeDasharray={isNew ? '3 2' : undefined}
                />
                {unsafe && <path d="M-4 -4 L4 4 M4 -4 L-4 4" stroke="#8a3b2c" strokeWidth={2} />}
                <text y={at.nameY} textAnchor="middle" className="plot__name">
                  {at.lines.map((line, n) => (
                    <tspan key={n} x={0} dy={n === 0 ? 0 : RINGS.lineHeight}>
                      {line}
                    </tspan>
                  ))}
                </text>
              </g>
            )
          })}
        </svg>
        <details className="plot__words" open>
          <summary>{t('workspace:history.textAlternative')}</summary>
          <ul>
            {byCircle.map((people, idx) =>
              people.length ? (
                <li key={idx}>
                  <strong>{t('workspace:history.circle', { n: idx + 1 })}</strong>:{' '}
                  {people
                    .map(
                      (p) =>
                        p.person.name +
                        (p.person.mustNotKnow ? ` (${t('workspace:history.mustNotKnow')})` : '') +
                        (p.person.safe === 'nee' ? ` (${t('workspace:history.unsafe')})` : ''),
                    )
                    .join(', ')}
                </li>
              ) : null,
            )}
          </ul>
        </details>
      </figure>
      <div className="netwerk__changes">
        <h3>{t('workspace:history.changes')}</h3>
        {data.netwerk.changes.length === 0 && <p className="muted">{t('workspace:history.noChanges')}</p>}
        {data.netwerk.changes.map((ch) => (
          <div key={ch.toGesprekId} className="change">
            <p className="muted">{formatDay(ch.at, lng)}</p>
            {ch.cameIn.length + ch.wentOut.length + ch.moved.length === 0 && <p>{t('workspace:history.noChanges')}</p>}
            {ch.cameIn.length > 0 && (
              <p>
                <span className="change__tag change__tag--in">+ {t('workspace:history.cameIn')}</span>{' '}
                {ch.cameIn.join(', ')}
              </p>
            )}
            {ch.wentOut.length > 0 && (
              <p>
                <span className="change__tag change__tag--out">− {t('workspace:history.wentOut')}</span>{' '}
                {ch.wentOut.join(', ')}
              </p>
            )}
            {ch.moved.length > 0 && (
              <p>
                <span className="change__tag">↔ {t('workspace:history.moved')}</span>{' '}
                {ch.moved
                  .map((m) => t('workspace:history.movedLine', { name: m.name, from: m.from, to: m.to }))
                  .join('; ')}
              </p>
            )}
          </div>
        ))}
      </div>
    </div>
  )
}
