import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ItemView } from '../../../dialogs/contract/view'
import { DrawingView } from '../../ui/DrawingView'
import { pictureUrl } from '../../ui/pictures'
import { ReadAloud } from '../../ui/ReadAloud'

/** One of the child's items, with optional follow-up questions ("wie weet dit al?"). */
export function ItemCard({
  item,
  pending,
  followUps,
  tTool,
  onRemove,
  onFollowUp,
}: {
  item: Pick<ItemView, 'id' | 'text' | 'pictures' | 'followUps' | 'drawing'>
  pending: boolean
  followUps: readonly string[]
  tTool: (key: string) => string
  onRemove?: () => void
  onFollowUp?: (key: string, text: string) => void
}) {
  const { t } = useTranslation(['common', 'steps'])
  return (
    <li className={pending ? 'item-card is-pending' : 'item-card'}>
      <div className="item-card__body">
        {item.pictures.map((p) => (
          <img key={p} src={pictureUrl(p)} alt={t(`pictures.${p}`)} className="item-card__picture" />
        ))}
        {item.drawing && item.drawing.length > 0 && (
          <DrawingView
            drawing={item.drawing}
            label={t('steps:drawing.alt')}
            className="drawing-view drawing-view--small"
          />
        )}
        {item.text && (
          <p className="item-card__text" dir="auto">
            {item.text}
          </p>
        )}
        {pending && <span className="badge badge--pending">{t('item.pending')}</span>}
        {onRemove && !pending && (
          <button type="button" className="btn btn--quiet btn--small" onClick={onRemove}>
            {t('item.remove')}
          </button>
        )}
      </div>
      {!pending && onFollowUp && followUps.length > 0 && (
        <FollowUps keys={followUps} answers={item.followUps} question={tTool} onSave={onFollowUp} />
      )}
    </li>
  )
}

/** One follow-up question with its own small answer field; saves on blur or enter. */
/** The follow-up questions under one answer ("wie weet dit al?"), each saved on its own. */
export function FollowUps({
  keys,
  answers,
  question,
  onSave,
  className = 'follow-ups',
}: {
  keys: readonly string[]
  answers: Readonly<Record<string, string>>
  question: (key: string) => string
  onSave: (key: string, text: string) => void
  className?: string
}) {
  return (
    <div className={className}>
      {keys.map((key) => (
        <FollowUp
          key={key}
          question={question(key)}
          initial={answers[key] ?? ''}
          onSave={(text) => onSave(key, text)}
        />
      ))}
    </div>
  )
}

function FollowUp({
  question,
  initial,
  onSave,
}: {
  question: string
  initial: string
  onSave: (text: string) => void
}) {
  const [text, setText] = useState(initial)
  const { t } = useTranslation()
  return (
    <form
      className="follow-up"
      onSubmit={(e) => {
        e.preventDefault()
        if (text.trim() !== initial) onSave(text.trim())
      }}
    >
      <label>
        <span className="follow-up__q">
          {question} <ReadAloud text={question} small />
        </span>
        <input
          value={text}
          maxLength={1000}
          onChange={(e) => setText(e.target.value)}
          onBlur={() => text.trim() !== initial && onSave(text.trim())}
        />
      </label>
      <button type="submit" className="visually-hidden">
        {t('nav.done')}
      </button>
    </form>
  )
}
