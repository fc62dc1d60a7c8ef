import type { TFunction } from 'i18next'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { GesprekView, ItemView } from '../../../dialogs/contract/view'
import type { GesprekCommand } from '../../../dialogs/framework/events'
import { OWN_SUBJECT } from '../../../dialogs/framework/items'
import type { ToolInfo } from '../../../dialogs/framework/tool'
import { SHARE_LEVELS, shareBand, type ShareLevel } from '../../../dialogs/sharing'
import { ItemSummary } from '../../ui/ItemSummary'
import { Prompt } from '../../ui/ReadAloud'
import { ShareChoice } from '../../ui/ShareChoice'
import { ShareIcon } from '../../ui/ShareIcon'
import { otherRole } from '../../../dialogs/contract/parents'
import { usePresentParent } from '../../net/present-parent'
import { registerT } from '../steps/register'
import { shareTo, YoungSharing } from './YoungSharing'
import './deelafspraak.css'

export type SharingMode = 'one' | 'all'

/**
 * The deelafspraak itself: every answer of this gesprek with the four equal choices (issue 4).
 * The child picks one by one or all at once (grouped per house/step, with "the same for all here"),
 * and can switch. Used by the sharing step and by the "Wie mag het weten?" panel on every step.
 */
export function SharingView({
  view,
  tool,
  send,
  t: toolT,
  intro = true,
}: {
  view: GesprekView
  tool: ToolInfo
  send: (event: GesprekCommand) => void
  t: TFunction
  /** False in the sharing step, whose own prompt already says it: one sentence before the first choice. */
  intro?: boolean
}) {
  const { t } = useTranslation(['deelafspraak', 'common'])
  const t2 = registerT(toolT, view.ageBand)
  // The deelafspraak's words follow the actual age, also when the screens follow a development band.
  const band = shareBand(view.legalBand ?? view.ageBand)
  // Young children see one thing at a time; older ones get the overview first. Either can switch.
  const [mode, setMode] = useState<SharingMode>(band === 'onder-12' ? 'one' : 'all')
  // Under 8: one answer at a time only (eight answers at once would be 32 targets), the choices
  // straight under the answer, and the explanations after them.
  const young = view.ageBand === '4-7'
  const groups = tool.steps
    .filter((s) => s.type !== 'info' && s.type !== 'share')
    .map((s) => ({ step: s, items: view.items.filter((i) => i.stepId === s.id) }))
    .filter((g) => g.items.length > 0)
  const flat = groups.flatMap((g) => g.items.map((item) => ({ item, step: g.step })))
  // Each parent apart: the two parent levels name the parent of the oudergesprek ("aan mama"), and the
  // other parent is told apart as someone these choices never reach (docs/deelafspraak.md).
  const present = usePresentParent()
  const ouder = present
    ? t(`deelafspraak:parent.${present}`)
    : t(band === 'onder-12' ? 'deelafspraak:parent.unknown' : 'deelafspraak:parent.unknown_jongere')
  const labels = Object.fromEntries(
    SHARE_LEVELS.map((l) => [
      l,
      l === 'begeleider-vertelt' || l === 'zelf-vertellen'
        ? t(`deelafspraak:parentLabel.${l}`, { ouder })
        : t(`deelafspraak:band.${band}.label.${l}`),
    ]),
  ) as Record<ShareLevel, string>
  // A parent level names the parent the screen named, so the choice stays with that parent.
  const setLevel = (itemIds: string[], level: ShareLevel) =>
    send({ type: 'share.set', itemIds, level, ...shareTo(level, present) })
  // What a screen reader says for each group of four choices: the child's words, never internal ids.
  const nameOf = (item: ItemView) =>
    item.text ??
    item.person?.name ??
    (item.subject && item.subject !== OWN_SUBJECT ? t2(`${item.stepId}.prompts.${item.subject}`) : undefined) ??
    (item.pictures.length > 0
      ? item.pictures.map((p) => t(`common:pictures.${p}`)).join(', ')
      : t2(`${item.stepId}.title`))

  // Who else never hears it, and (guided) that the begeleider saw it. Under 8 these come straight after
  // the four choices, so the choices stay above the fold on a small phone and the lines stay beside them.
  const lines = (
    <>
      <Prompt
        text={
          present
            ? t('deelafspraak:otherParent', { ander: t(`deelafspraak:parentCapital.${otherRole(present)}`) })
            : t('deelafspraak:otherParentUnknown')
        }
        className="prompt--line prompt--other-parent"
      />
      {/* In a guided gesprek the begeleider saw the answers live: say so beside the choice, not folded away. */}
      {view.setting === 'begeleid' && (
        <Prompt text={t(`deelafspraak:band.${band}.seen`)} className="prompt--line prompt--seen" />
      )}
    </>
  )

  // The youngest, beside their begeleider: two questions per answer instead of four choices.
  if (young && view.setting === 'begeleid')
    return (
      <div className="deelafspraak deelafspraak--young" data-testid="sharing-view">
        {flat.length === 0 ? (
          <>
            <Prompt text={t('deelafspraak:nothing')} className="deelafspraak__nothing" />
            {lines}
          </>
        ) : (
          <YoungSharing
            view={view}
            entries={flat}
            t2={t2}
            present={present}
            labels={labels}
            onChoose={(id, level) => setLevel([id], level)}
          />
        )}
        <Prompt text={t(`deelafspraak:band.${band}.change`)} />
      </div>
    )

  return (
    <div className="deelafspraak" data-testid="sharing-view">
      {intro && <Prompt text={t(`deelafspraak:band.${band}.intro`)} />}
      {!young && <Prompt text={t(`deelafspraak:band.${band}.honest`)} className="prompt--line" />}
      {!young && lines}
      {!young && <Explanation band={band} showSeen={view.setting !== 'begeleid'} />}
      {flat.length === 0 ? (
        <>
          <Prompt text={t('deelafspraak:nothing')} className="deelafspraak__nothing" />
          {young && lines}
        </>
      ) : (
        <>
          {!young && (
            <div className="mode-switch" role="group" aria-label={t('deelafspraak:mode.label')}>
              {(['one', 'all'] as const).map((m) => (
                <button
                  key={m}
                  type="button"
                  aria-pressed={mode === m}
                  className={mode === m ? 'mode-switch__btn is-on' : 'mode-switch__btn'}
                  onClick={() => setMode(m)}
                >
                  {t(m === 'one' ? 'deelafspraak:mode.one' : 'deelafspraak:mode.all')}
                </button>
              ))}
            </div>
          )}
          {mode === 'one' || young ? (
            <OneByOne
              big={young}
              setting={view.setting}
              entries={flat}
              t2={t2}
              labels={labels}
              nameOf={nameOf}
              onChange={(id, level) => setLevel([id], level)}
              after={young ? lines : undefined}
            />
          ) : (
            groups.map(({ step: s, items }) => {
              const title = t2(`${s.id}.title`)
              return (
                <section key={s.id} className="share-group">
                  <h2>{title}</h2>
                  {items.length > 1 && (
                    <div className="share-group__all">
                      <Prompt text={t('deelafspraak:sameFor', { group: title })} />
                      <ShareChoice
                        compact
                        name={t('deelafspraak:sameFor', { group: title })}
                        value={
                          items.every((i) => i.chosen && i.share === items[0]!.share) ? items[0]!.share : undefined
                        }
                        onChange={(level) =>
                          setLevel(
                            items.map((i) => i.id),
                            level,
                          )
                        }
                      />
                    </div>
                  )}
                  <ul className="share-list">
                    {items.map((item) => (
                      <li key={item.id} className="share-item" data-testid="share-item">
                        <div className="share-item__what">
                          <ItemSummary item={item} step={s} t={t2} />
                        </div>
                        <NotChosen item={item} setting={view.setting} />
                        <ShareChoice
                          name={nameOf(item)}
                          value={chosenLevel(item)}
                          labels={labels}
                          onChange={(level) => setLevel([item.id], level)}
                        />
                      </li>
                    ))}
                  </ul>
                </section>
              )
            })
          )}
        </>
      )}
      {young && (
        <>
          <Prompt text={t(`deelafspraak:band.${band}.honest`)} className="prompt--honest" />
          <Explanation band={band} showSeen={view.setting !== 'begeleid'} />
        </>
      )}
      <Prompt text={t(`deelafspraak:band.${band}.change`)} />
    </div>
  )
}

function OneByOne({
  big,
  setting,
  entries,
  t2,
  labels,
  nameOf,
  onChange,
  after,
}: {
  big: boolean
  setting: GesprekView['setting']
  entries: { item: ItemView; step: ToolInfo['steps'][number] }[]
  t2: TFunction
  labels: Record<ShareLevel, string>
  nameOf: (item: ItemView) => string
  onChange: (itemId: string, level: ShareLevel) => void
  /** Lines said right after the choices (under 8). */
  after?: ReactNode
}) {
  const { t } = useTranslation(['deelafspraak', 'common'])
  const [index, setIndex] = useState(0)
  const at = Math.min(index, entries.length - 1)
  const { item, step } = entries[at]!
  return (
    <section className={big ? 'one-by-one one-by-one--big' : 'one-by-one'} aria-live="polite">
      <p className="one-by-one__where">
        {t2(`${step.id}.title`)} · {t('deelafspraak:oneOf', { n: at + 1, count: entries.length })}
      </p>
      <div className="one-by-one__card" data-testid="share-item">
        <ItemSummary item={item} step={step} t={t2} />
      </div>
      <ShareChoice
        name={nameOf(item)}
        value={chosenLevel(item)}
        labels={labels}
        onChange={(l) => onChange(item.id, l)}
      />
      <NotChosen item={item} setting={setting} />
      {after}
      <div className="one-by-one__nav">
        <button type="button" className="btn btn--soft" disabled={at === 0} onClick={() => setIndex(at - 1)}>
          <span className="dir-arrow" aria-hidden="true">
            ←
          </span>{' '}
          {t('deelafspraak:prev')}
        </button>
        <button
          type="button"
          className="btn btn--soft"
          disabled={at + 1 >= entries.length}
          onClick={() => setIndex(at + 1)}
        >
          {t('deelafspraak:next')}{' '}
          <span className="dir-arrow" aria-hidden="true">
            →
          </span>
        </button>
      </div>
    </section>
  )
}

/** No level is highlighted until the child picks one itself (ui.md: none pre-highlighted). */
const chosenLevel = (item: ItemView): ShareLevel | undefined => (item.chosen ? item.share : undefined)

/** Where an answer stands before the child picks: the truth, said as a state, not as a choice. */
function NotChosen({ item, setting }: { item: ItemView; setting: GesprekView['setting'] }) {
  const { t } = useTranslation(['screens'])
  if (item.chosen) return null
  return (
    <p className="share-item__now" data-testid="not-chosen">
      {t(setting === 'kamer' ? 'screens:share.notChosenKamer' : 'screens:share.notChosenBegeleid')}
    </p>
  )
}

/** What the four choices mean, with their pictures, in the words of the child's age band. */
function Explanation({ band, showSeen }: { band: ReturnType<typeof shareBand>; showSeen: boolean }) {
  const { t } = useTranslation(['deelafspraak', 'common'])
  return (
    <details className="share-explain">
      <summary>{t('deelafspraak:whatMeans')}</summary>
      <ul>
        {SHARE_LEVELS.map((level) => (
          <li key={level}>
            <ShareIcon level={level} size={36} />
            <Prompt text={t(`deelafspraak:band.${band}.level.${level}`)} />
          </li>
        ))}
      </ul>
      {showSeen && <Prompt text={t(`deelafspraak:band.${band}.seen`)} className="prompt--honest" />}
    </details>
  )
}
