import { newMsgId } from '../../net/outbox'
import { Ladder } from '../../ui/Ladder'
import { Prompt } from '../../ui/ReadAloud'
import { FollowUps } from './ItemCard'
import { isAdultBand, registerT } from './register'
import { stepItems } from './step-items'
import type { StepProps } from './types'

/**
 * A 0-10 scale on a ladder with the tool's two anchors (`<step>.anchors.low/high`). One answer per
 * step: a new tap moves the child on the ladder rather than adding a second place.
 */
export function ScaleStep({ view, step, send, pending, t: toolT }: StepProps) {
  const t = registerT(toolT, view.ageBand)
  const [item] = stepItems(view, step, pending)
  const choose = (scale: number) => {
    if (!item) send({ type: 'item.add', item: { id: newMsgId(), scale } })
    else if (item.scale !== scale && !item.pending) send({ type: 'item.update', itemId: item.id, patch: { scale } })
  }
  return (
    <section className="step step--scale">
      <Prompt as="h1" text={t(`${step.id}.title`)} />
      <Prompt text={t(`${step.id}.prompt`)} />
      <div className="scale-layout">
        <Ladder
          value={item?.scale}
          onChange={choose}
          low={t(`${step.id}.anchors.low`)}
          high={t(`${step.id}.anchors.high`)}
          label={t(`${step.id}.title`)}
          adult={isAdultBand(view.ageBand)}
        />
        {item && !item.pending && followUpsFor(view.ageBand, item.scale, step.followUps).length > 0 && (
          <FollowUps
            className="follow-ups scale-layout__follow"
            keys={followUpsFor(view.ageBand, item.scale, step.followUps)}
            answers={item.followUps}
            question={(key) => t(`${step.id}.followUps.${key}`)}
            onSave={(key, text) =>
              send({ type: 'item.update', itemId: item.id, patch: { followUps: { [key]: text } } })
            }
          />
        )}
      </div>
    </section>
  )
}

/**
 * No written follow-ups for 4-7 (the begeleider asks aloud: one idea per screen), and no "… en niet
 * lager?" at the bottom rung, where it makes no sense.
 */
export function followUpsFor(band: string, scale: number | undefined, keys: readonly string[] = []): string[] {
  if (band === '4-7') return []
  return keys.filter((k) => !(k === 'waarom-hier' && scale === 0))
}
