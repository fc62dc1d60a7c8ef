import { useState } from 'react'
import { House, type HouseVariant } from '../../ui/House'
import { Prompt } from '../../ui/ReadAloud'
import { ItemCard } from './ItemCard'
import { ContactList } from './contacts'
import { ItemComposer } from './ItemComposer'
import { drawsBand, isAdultBand, registerT } from './register'
import { stepItems } from './step-items'
import type { StepProps } from './types'

const HOUSE_OF: Record<string, HouseVariant> = {
  'huis-goed': 'goed',
  'huis-zorgen': 'zorgen',
  'huis-dromen': 'dromen',
  sterktes: 'sterk',
}

/** A step where the child adds things: the house fills up as they go. */
export function ItemsStep({ view, step, send, pending, t: toolT }: StepProps) {
  const t = registerT(toolT, view.ageBand, view.living)
  const [subPrompt, setSubPrompt] = useState(step.prompts?.[0])
  // Stored items plus what is still in the outbox, merged in one place for every step (step-items).
  const shown = stepItems(view, step, pending)
  const young = view.ageBand === '4-7'
  const variant = HOUSE_OF[step.id]

  return (
    <section className="step step--items">
      <div className="step__head">
        {variant && (
          <House
            variant={variant}
            pictures={shown.flatMap((i) => i.pictures).slice(0, 4)}
            count={shown.length}
            label={t(`${step.id}.title`)}
          />
        )}
        <div>
          <Prompt as="h1" text={t(`${step.id}.title`)} />
          <Prompt text={t(`${step.id}.prompt`)} />
        </div>
      </div>
      {step.showsContacts && <ContactList t={toolT} ageBand={view.ageBand} stepId={step.id} />}
      {step.prompts && (
        <div className="tabs" role="tablist">
          {step.prompts.map((p) => (
            <button
              key={p}
              type="button"
              role="tab"
              aria-selected={subPrompt === p}
              className={subPrompt === p ? 'tab is-active' : 'tab'}
              onClick={() => setSubPrompt(p)}
            >
              {t(`${step.id}.prompts.${p}`)}
            </button>
          ))}
        </div>
      )}
      <ItemComposer
        // 12-18 answer in words: the adult register has no cartoon pictures (docs/tools/README.md).
        pictures={isAdultBand(view.ageBand) ? [] : (step.pictures ?? [])}
        young={young}
        allowDrawing={drawsBand(view.ageBand)}
        extra={subPrompt ? { prompt: subPrompt } : undefined}
        onAdd={(item) => send({ type: 'item.add', item })}
      />
      {shown.length > 0 && (
        <ul className="item-list" aria-live="polite">
          {shown.map((item) => (
            <ItemCard
              key={item.id}
              item={item}
              pending={item.pending}
              followUps={young ? [] : (step.followUps ?? [])}
              tTool={(k) => t(`${step.id}.followUps.${k}`)}
              onRemove={() => send({ type: 'item.remove', itemId: item.id })}
              onFollowUp={(key, text) =>
                send({ type: 'item.update', itemId: item.id, patch: { followUps: { [key]: text } } })
              }
            />
          ))}
        </ul>
      )}
    </section>
  )
}
