import { useState } from 'react'
import { language, SOURCE_LANGUAGE, type LangCode } from '../../../dialogs/contract/languages'
import type { StepDoc, ToolProblem, ToolVersionDoc } from '../../../dialogs/contract/tool-version'
import {
  CLOSING_STEP,
  HONEST_LINE,
  INTRO_STEP,
  nameKeys,
  newSlotId,
  textKeys,
  type TextSlot,
} from '../../../dialogs/framework/texts'
import { PICTURES, pictureUrl } from '../../ui/pictures'
import { useWorkspaceT } from '../words'
import { TextField } from './TextField'

/** Steps the framework needs in every tool: they stay (ADR 0075). */
const FIXED = new Set([INTRO_STEP, CLOSING_STEP])
const ADDABLE: StepDoc['type'][] = ['items', 'stoplicht', 'scale', 'info']

/** One step of the draft: its texts in the chosen language, its prompts, follow-ups and pictures. */
export function StepEditor(props: {
  doc: ToolVersionDoc
  step: StepDoc
  index: number
  lang: LangCode
  selected: boolean
  problems: ToolProblem[]
  onSelect: () => void
  onText: (key: string, text: string) => void
  onStep: (step: StepDoc) => void
  onMove: (by: -1 | 1) => void
  onRemove: () => void
  onAdd: (step: StepDoc) => void
}) {
  const { t } = useWorkspaceT()
  const { doc, step, index, lang } = props
  const [newType, setNewType] = useState<StepDoc['type']>('items')
  const [showPictures, setShowPictures] = useState(false)
  const texts = doc.texts[lang] ?? {}
  const source = doc.texts[SOURCE_LANGUAGE] ?? {}
  const keys = textKeys([step]).filter(([k]) => k !== 'title' || step.id === INTRO_STEP)
  const lang_ = language(lang)
  const last = index === doc.steps.length - 1
  const movable = !FIXED.has(step.id)
  const lineStem = step.type === 'info' ? 'regel' : 'vraag'
  const named = nameKeys([step])

  const field = (key: string, slot: TextSlot) => (
    <TextField
      key={key}
      id={`t-${step.id}-${key}`.replace(/[^a-zA-Z0-9-]/g, '-')}
      textKey={key}
      slot={slot}
      value={texts[key] ?? ''}
      lang={lang}
      dir={lang_?.dir}
      source={source}
      long={slot === 'prompt' || slot === 'line'}
      missing={!(texts[key] ?? '').trim()}
      required={key === `${INTRO_STEP}.${HONEST_LINE}`}
      adult={false}
      named={named.has(key)}
      onText={props.onText}
    />
  )

  const list = (which: 'prompts' | 'followUps') => {
    const ids = step[which] ?? []
    const set = (next: string[]) => props.onStep({ ...step, [which]: next })
    const taken = doc.steps.flatMap((s) => [s.id, ...(s.prompts ?? []), ...(s.followUps ?? [])])
    return (
      <div className="slot-list">
        <h4>
          {t(
            which === 'prompts'
              ? `workspace:tools.list.${step.type === 'info' ? 'lines' : 'prompts'}`
              : 'workspace:tools.list.followUps',
          )}
        </h4>
        <ul>
          {ids.map((p, i) => (
            <li key={p}>
              <code>{p}</code>
              <button
                type="button"
                className="btn btn--quiet btn--small"
                disabled={i === 0}
                onClick={() => set(swap(ids, i, i - 1))}
                aria-label={t('workspace:tools.up')}
              >
                ↑
              </button>
              <button
                type="button"
                className="btn btn--quiet btn--small"
                disabled={i === ids.length - 1}
                onClick={() => set(swap(ids, i, i + 1))}
                aria-label={t('workspace:tools.down')}
              >
                ↓
              </button>
              {!(step.id === INTRO_STEP && p === HONEST_LINE) && (
                <button
                  type="button"
                  className="btn btn--quiet btn--small"
                  onClick={() => set(ids.filter((x) => x !== p))}
                >
                  {t('workspace:tools.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
        <button
          type="button"
          className="btn btn--quiet btn--small"
          onClick={() => set([...ids, newSlotId(which === 'prompts' ? lineStem : 'door', taken)])}
        >
          +{' '}
          {t(
            which === 'prompts'
              ? `workspace:tools.add.${step.type === 'info' ? 'line' : 'prompt'}`
              : 'workspace:tools.add.followUp',
          )}
        </button>
      </div>
    )
  }

  return (
    <section
      className={`step-editor panel${props.selected ? ' is-selected' : ''}${props.problems.length ? ' has-problem' : ''}`}
      data-testid={`step-${step.id}`}
    >
      <header className="step-editor__head">
        <button type="button" className="btn btn--quiet" onClick={props.onSelect} aria-pressed={props.selected}>
          {index + 1}. {texts[`steps.${step.id}`] || source[`steps.${step.id}`] || step.id}
        </button>
        <span className="badge">{t(`workspace:tools.type.${step.type}`)}</span>
        {movable && (
          <>
            <button
              type="button"
              className="btn btn--quiet btn--small"
              disabled={index <= 1}
              onClick={() => props.onMove(-1)}
              aria-label={t('workspace:tools.up')}
            >
              ↑
            </button>
            <button
              type="button"
              className="btn btn--quiet btn--small"
              disabled={index >= doc.steps.length - 2}
              onClick={() => props.onMove(1)}
              aria-label={t('workspace:tools.down')}
            >
              ↓
            </button>
          </>
        )}
        {movable && step.type !== 'share' && (
          <button type="button" className="btn btn--quiet btn--small" onClick={props.onRemove}>
            {t('workspace:tools.removeStep')}
          </button>
        )}
      </header>
      {props.selected && (
        <div className="step-editor__body">
          {keys.map(([key, slot]) => field(key, slot))}
          {(step.type === 'info' || step.type === 'items' || step.type === 'stoplicht') && list('prompts')}
          {step.type !== 'info' && step.type !== 'share' && list('followUps')}
          {(step.type === 'items' || step.type === 'stoplicht') && (
            <div className="slot-list">
              <button
                type="button"
                className="btn btn--quiet btn--small"
                onClick={() => setShowPictures((v) => !v)}
                aria-expanded={showPictures}
              >
                {t('workspace:tools.pictures', { count: step.pictures?.length ?? 0 })}
              </button>
              {showPictures && (
                <div className="picture-pick">
                  {Object.keys(PICTURES).map((id) => {
                    const on = step.pictures?.includes(id) ?? false
                    return (
                      <label key={id} className={`picture-pick__one${on ? ' is-on' : ''}`}>
                        <input
                          type="checkbox"
                          checked={on}
                          onChange={() =>
                            props.onStep({
                              ...step,
                              pictures: on
                                ? (step.pictures ?? []).filter((p) => p !== id)
                                : [...(step.pictures ?? []), id].slice(0, 16),
                            })
                          }
                        />
                        <img
                          src={pictureUrl(id)}
                          alt={t(`common:pictures.${id}`, { defaultValue: id })}
                          width={36}
                          height={36}
                        />
                      </label>
                    )
                  })}
                </div>
              )}
            </div>
          )}
          {props.problems.length > 0 && (
            <ul className="step-editor__problems">
              {props.problems.map((p, i) => (
                <li key={i} className="form-error">
                  {t(`workspace:tools.rule.${p.rule}`)} {p.key && <span className="muted">· {p.key}</span>}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {step.type === 'share' && !last && (
        <div className="step-editor__add">
          <label>
            {t('workspace:tools.addStep')}{' '}
            <select value={newType} onChange={(e) => setNewType(e.target.value as StepDoc['type'])}>
              {ADDABLE.map((k) => (
                <option key={k} value={k}>
                  {t(`workspace:tools.type.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="btn btn--quiet btn--small"
            onClick={() =>
              props.onAdd({
                id: newSlotId(
                  'stap',
                  doc.steps.map((s) => s.id),
                ),
                type: newType,
                ...(newType === 'stoplicht' ? { prompts: [newSlotId('vraag', [])] } : {}),
              })
            }
          >
            + {t('workspace:tools.addStepBefore')}
          </button>
        </div>
      )}
    </section>
  )
}

function swap<T>(list: readonly T[], a: number, b: number): T[] {
  const out = [...list]
  ;[out[a], out[b]] = [out[b]!, out[a]!]
  return out
}
