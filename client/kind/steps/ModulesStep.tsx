import { useState } from 'react'
import { WaysToHelp } from '../../ui/WaysToHelp'
import { useTranslation } from 'react-i18next'
import type { QuestionSpec } from '../../../dialogs/framework/build'
import { newMsgId } from '../../net/outbox'
import { ItemSummary } from '../../ui/ItemSummary'
import { Ladder } from '../../ui/Ladder'
import { pictureUrl } from '../../ui/pictures'
import { Prompt, ReadAloud } from '../../ui/ReadAloud'
import { isAdultBand, registerT } from './register'
import { stepItems, type ShownItem } from './step-items'
import type { StepProps } from './types'

/** The module about safety shows the ways to help now beside its questions (docs/kamer.md). */
const SAFETY_MODULE = 'veiligheid'

/** A free answer: own words first, pictures where the question offers them (the mood check). */
function TextAnswer({
  pictures,
  onAdd,
}: {
  pictures: readonly string[]
  onAdd: (text: string | undefined, pictures: string[]) => void
}) {
  const { t } = useTranslation(['steps', 'common'])
  const [text, setText] = useState('')
  const [chosen, setChosen] = useState<string[]>([])
  const ok = text.trim().length > 0 || chosen.length > 0
  return (
    <form
      className="module-answer"
      onSubmit={(e) => {
        e.preventDefault()
        if (!ok) return
        onAdd(text.trim() || undefined, chosen)
        setText('')
        setChosen([])
      }}
    >
      {pictures.length > 0 && (
        <div className="choices__row">
          {pictures.map((p) => (
            <button
              key={p}
              type="button"
              className={chosen.includes(p) ? 'chip is-on' : 'chip'}
              aria-pressed={chosen.includes(p)}
              onClick={() => setChosen((c) => (c.includes(p) ? c.filter((x) => x !== p) : [...c, p].slice(0, 6)))}
            >
              <img src={pictureUrl(p)} alt="" />
              {t(`common:pictures.${p}`)}
            </button>
          ))}
        </div>
      )}
      <div className="composer__row">
        <textarea
          value={text}
          rows={2}
          maxLength={1000}
          placeholder={t('steps:modules.placeholder')}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="btn btn--primary" disabled={!ok}>
          {t('steps:modules.save')}
        </button>
      </div>
    </form>
  )
}

/**
 * Room-of-my-own style modules: the jongere picks a topic, answers what they want, goes back to
 * the list and picks another; a module's questions are `step.questions[module]`.
 */
export function ModulesStep({ view, step, send, pending, t: toolT }: StepProps) {
  const t = registerT(toolT, view.ageBand)
  const { t: ts } = useTranslation(['steps', 'common'])
  const items = stepItems(view, step, pending)
  const [open, setOpen] = useState<string | undefined>()
  const modules = step.prompts ?? []
  const questionsOf = (m: string): readonly QuestionSpec[] => step.questions?.[m] ?? [{ id: '', answer: 'text' }]
  const key = (m: string, q: QuestionSpec) => (q.id ? `${m}.${q.id}` : m)
  const answersTo = (prompt: string) => items.filter((i) => i.prompt === prompt)
  const countFor = (m: string) => items.filter((i) => i.prompt === m || i.prompt?.startsWith(`${m}.`)).length

  if (!open)
    return (
      <section className="step step--modules">
        <Prompt as="h1" text={t(`${step.id}.title`)} />
        <Prompt text={t(`${step.id}.prompt`)} />
        <ul className="module-grid">
          {modules.map((m) => (
            <li key={m}>
              <button type="button" className="module-card" onClick={() => setOpen(m)}>
                <strong>{t(`${step.id}.prompts.${m}`)}</strong>
                <span className="module-card__about">{t(`${step.id}.about.${m}`)}</span>
                {countFor(m) > 0 && (
                  <span className="badge">{ts('steps:modules.answers', { count: countFor(m) })}</span>
                )}
              </button>
            </li>
          ))}
        </ul>
      </section>
    )

  const remove = (item: ShownItem) => send({ type: 'item.remove', itemId: item.id })
  return (
    <section className="step step--modules">
      <button type="button" className="btn btn--quiet module-back" onClick={() => setOpen(undefined)}>
        <span className="dir-arrow" aria-hidden="true">
          ←
        </span>{' '}
        {t(`${step.id}.back`)}
      </button>
      <Prompt as="h1" text={t(`${step.id}.prompts.${open}`)} />
      <Prompt text={t(`${step.id}.about.${open}`)} />
      {open === SAFETY_MODULE && <WaysToHelp compact />}
      {questionsOf(open).map((q) => {
        const prompt = key(open, q)
        const answers = answersTo(prompt)
        const label = q.id ? t(`${step.id}.questions.${open}.${q.id}`) : t(`${step.id}.prompts.${open}`)
        return (
          <div key={prompt} className="module-question">
            <h2 className="module-question__q">
              {label} <ReadAloud text={label} small />
            </h2>
            {q.answer === 'scale' ? (
              <Ladder
                value={answers[0]?.scale}
                label={label}
                low={t(`${step.id}.anchors.${open}.${q.id}.low`)}
                high={t(`${step.id}.anchors.${open}.${q.id}.high`)}
                disabled={answers[0]?.pending}
                adult={isAdultBand(view.ageBand)}
                onChange={(scale) =>
                  answers[0]
                    ? send({ type: 'item.update', itemId: answers[0].id, patch: { scale } })
                    : send({ type: 'item.add', item: { id: newMsgId(), prompt, scale } })
                }
              />
            ) : (
              <>
                {answers.length > 0 && (
                  <ul className="item-list">
                    {answers.map((a) => (
                      <li key={a.id} className={a.pending ? 'item-card is-pending' : 'item-card'}>
                        <div className="item-card__body">
                          <ItemSummary item={a} step={step} t={t} showPrompt={false} />
                          {!a.pending && (
                            <button type="button" className="btn btn--quiet btn--small" onClick={() => remove(a)}>
                              {ts('common:item.remove')}
                            </button>
                          )}
                        </div>
                      </li>
                    ))}
                  </ul>
                )}
                <TextAnswer
                  pictures={q.pictures ?? []}
                  onAdd={(text, pictures) =>
                    send({ type: 'item.add', item: { id: newMsgId(), prompt, text, pictures } })
                  }
                />
              </>
            )}
          </div>
        )
      })}
    </section>
  )
}
