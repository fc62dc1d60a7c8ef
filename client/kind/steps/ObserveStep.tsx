import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { newMsgId } from '../../net/outbox'
import { stepItems } from './step-items'
import type { StepProps } from './types'

/** One column of an observation: its notes and a field to add one. */
function Column({
  title,
  notes,
  onAdd,
  onRemove,
}: {
  title: string
  notes: { id: string; text?: string; pending: boolean }[]
  onAdd: (text: string) => void
  onRemove: (id: string) => void
}) {
  const { t } = useTranslation(['steps', 'common'])
  const [text, setText] = useState('')
  return (
    <div className="observe-column">
      <h2>{title}</h2>
      {notes.length === 0 && <p className="muted">{t('steps:observe.empty')}</p>}
      <ul className="observe-notes">
        {notes.map((n) => (
          <li key={n.id} className={n.pending ? 'is-pending' : undefined}>
            <span>{n.text}</span>
            {!n.pending && (
              <button type="button" className="btn btn--quiet btn--small" onClick={() => onRemove(n.id)}>
                {t('common:item.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <form
        className="observe-add"
        onSubmit={(e) => {
          e.preventDefault()
          if (!text.trim()) return
          onAdd(text.trim())
          setText('')
        }}
      >
        <textarea
          value={text}
          rows={3}
          maxLength={1000}
          aria-label={title}
          placeholder={t('steps:observe.placeholder')}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="btn btn--soft" disabled={!text.trim()}>
          {t('steps:observe.add')}
        </button>
      </form>
    </div>
  )
}

/**
 * An observation step for the begeleider (0-4): the principle's look-fors, then one column per
 * sub-prompt (what I saw, what goes well, what worries). Words only, never a score.
 */
export function ObserveStep({ view, step, send, pending, t }: StepProps) {
  const items = stepItems(view, step, pending)
  return (
    <section className="step step--observe">
      <h1>{t(`${step.id}.title`)}</h1>
      <p className="observe-lookfor">{t(`${step.id}.prompt`)}</p>
      <div className="observe-columns">
        {(step.prompts ?? []).map((p) => (
          <Column
            key={p}
            title={t(`${step.id}.prompts.${p}`)}
            notes={items.filter((i) => i.prompt === p)}
            onAdd={(text) => send({ type: 'item.add', item: { id: newMsgId(), prompt: p, text } })}
            onRemove={(id) => send({ type: 'item.remove', itemId: id })}
          />
        ))}
      </div>
    </section>
  )
}
