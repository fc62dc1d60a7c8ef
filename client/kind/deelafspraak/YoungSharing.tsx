import type { TFunction } from 'i18next'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import childPic from 'openmoji/color/svg/1F9D2.svg?url'
import dadPic from 'openmoji/color/svg/1F468.svg?url'
import eyesPic from 'openmoji/color/svg/1F440.svg?url'
import familyPic from 'openmoji/color/svg/1F46A.svg?url'
import lockPic from 'openmoji/color/svg/1F512.svg?url'
import mumPic from 'openmoji/color/svg/1F469.svg?url'
import noPic from 'openmoji/color/svg/1F645.svg?url'
import carerPic from 'openmoji/color/svg/1F9D1-200D-2695-FE0F.svg?url'
import talkPic from 'openmoji/color/svg/1F5E3.svg?url'
import yesPic from 'openmoji/color/svg/1F646.svg?url'
import type { ParentRole } from '../../../dialogs/contract/parents'
import type { GesprekView, ItemView } from '../../../dialogs/contract/view'
import type { ToolInfo } from '../../../dialogs/framework/tool'
import { isParentLevel, type ShareLevel } from '../../../dialogs/sharing'
import { answersOf, levelFromAnswers, type ParentAnswer, type WhoAnswer } from '../../../dialogs/sharing-questions'
import { ItemSummary } from '../../ui/ItemSummary'
import { Prompt, ReadAloud } from '../../ui/ReadAloud'
import { ShareIcon } from '../../ui/ShareIcon'

type Stage = { at: 'parent' } | { at: 'who'; parent: ParentAnswer } | { at: 'done'; level?: ShareLevel }

/**
 * The deelafspraak for the youngest (4-7, guided), done with the begeleider beside the child: per answer
 * "Mag mama dit weten?", then "who tells it" or "who may still see it". One question per screen, a
 * picture and read-aloud on the question and on both answers. The answers stand for one of the same
 * four levels (dialogs/sharing-questions.ts), so what the server enforces does not change.
 */
export function YoungSharing({
  view,
  entries,
  t2,
  present,
  labels,
  onChoose,
}: {
  view: GesprekView
  entries: { item: ItemView; step: ToolInfo['steps'][number] }[]
  t2: TFunction
  present: ParentRole | null
  labels: Record<ShareLevel, string>
  onChoose: (itemId: string, level: ShareLevel) => void
}) {
  const { t } = useTranslation(['deelafspraak', 'common'])
  const [index, setIndex] = useState(0)
  const at = Math.min(index, entries.length - 1)
  const { item, step } = entries[at]!
  const fresh = (i: ItemView): Stage => (i.chosen ? { at: 'done' } : { at: 'parent' })
  const [stage, setStage] = useState<Stage>(() => fresh(item))
  const go = (to: number) => {
    setIndex(to)
    setStage(fresh(entries[to]!.item))
  }
  const answer = (parent: ParentAnswer, who: WhoAnswer) => {
    const level = levelFromAnswers({ parent, who })
    onChoose(item.id, level)
    setStage({ at: 'done', level })
  }
  // Until the server's view confirms it, the screen shows the level the child just chose.
  const level = stage.at === 'done' ? (stage.level ?? (item.chosen ? item.share : undefined)) : undefined
  // Per parent, not a word filled in: several languages say "to mama" in a form of its own.
  const role = present ?? 'unknown'
  const parentPic = present === 'mama' ? mumPic : present === 'papa' ? dadPic : familyPic
  const chosenParent = level ? answersOf(level).parent : undefined

  return (
    <section className="young-share" aria-live="polite" data-testid="young-share">
      <p className="one-by-one__where">
        {t2(`${step.id}.title`)} · {t('deelafspraak:oneOf', { n: at + 1, count: entries.length })}
      </p>
      <div className="one-by-one__card" data-testid="share-item">
        <ItemSummary item={item} step={step} t={t2} />
      </div>

      {stage.at === 'parent' && (
        <>
          <Question picture={parentPic} text={t(`deelafspraak:young.parentQuestion.${role}`)} />
          <div className="young-choices" data-testid="young-choices">
            <Choice
              picture={yesPic}
              text={t('deelafspraak:young.yes')}
              onTap={() => setStage({ at: 'who', parent: 'ja' })}
            />
            <Choice
              picture={noPic}
              text={t('deelafspraak:young.no')}
              onTap={() => setStage({ at: 'who', parent: 'nee' })}
            />
          </div>
          <Prompt
            text={
              present
                ? t('deelafspraak:otherParent', {
                    ander: t(`deelafspraak:parentCapital.${present === 'mama' ? 'papa' : 'mama'}`),
                  })
                : t('deelafspraak:otherParentUnknown')
            }
            className="prompt--line prompt--other-parent"
          />
        </>
      )}

      {stage.at === 'who' && stage.parent === 'ja' && (
        <>
          <Question picture={talkPic} text={t(`deelafspraak:young.whoTells.${role}`)} />
          <div className="young-choices" data-testid="young-choices">
            <Choice picture={childPic} text={t('deelafspraak:young.tellSelf')} onTap={() => answer('ja', 'kind')} />
            <Choice
              picture={carerPic}
              text={t('deelafspraak:young.tellBegeleider')}
              onTap={() => answer('ja', 'begeleider')}
            />
          </div>
        </>
      )}

      {stage.at === 'who' && stage.parent === 'nee' && (
        <>
          <Question picture={eyesPic} text={t('deelafspraak:young.whoSees')} />
          <div className="young-choices" data-testid="young-choices">
            <Choice
              picture={carerPic}
              text={t('deelafspraak:young.seeBoth')}
              onTap={() => answer('nee', 'begeleider')}
            />
            <Choice picture={lockPic} text={t('deelafspraak:young.seeMe')} onTap={() => answer('nee', 'kind')} />
          </div>
          {/* The begeleider sat beside the child: said here, beside the choice, not folded away. */}
          {view.setting === 'begeleid' && (
            <Prompt
              text={t(present ? `deelafspraak:young.seen.${present}` : 'deelafspraak:band.onder-12.seen')}
              className="prompt--line prompt--seen"
            />
          )}
        </>
      )}

      {stage.at === 'who' && (
        <button type="button" className="btn btn--soft young-share__back" onClick={() => setStage({ at: 'parent' })}>
          <span className="dir-arrow" aria-hidden="true">
            ←
          </span>{' '}
          {t('deelafspraak:young.back')}
        </button>
      )}

      {stage.at === 'done' && level && (
        <div className="young-done" data-testid="young-done">
          <div className="young-done__choice">
            <ShareIcon level={level} size={56} />
            <Prompt text={t('deelafspraak:young.chosen', { choice: labels[level] })} />
          </div>
          <Prompt
            text={t(
              isParentLevel(level) ? `deelafspraak:young.means.${level}.${role}` : `deelafspraak:young.means.${level}`,
            )}
            className="prompt--line"
          />
          {chosenParent === 'nee' && (
            <Prompt text={t('deelafspraak:band.onder-12.honest')} className="prompt--line prompt--honest" />
          )}
          <div className="young-done__nav">
            <button type="button" className="btn btn--soft" onClick={() => setStage({ at: 'parent' })}>
              {t('deelafspraak:young.again')}
            </button>
            {at + 1 < entries.length && (
              <button type="button" className="btn btn--primary" onClick={() => go(at + 1)}>
                {t('deelafspraak:next')}{' '}
                <span className="dir-arrow" aria-hidden="true">
                  →
                </span>
              </button>
            )}
          </div>
          {at + 1 >= entries.length && <Prompt text={t('deelafspraak:young.allDone')} className="prompt--line" />}
        </div>
      )}

      {at > 0 && stage.at !== 'who' && (
        <button type="button" className="btn btn--quiet young-share__prev" onClick={() => go(at - 1)}>
          <span className="dir-arrow" aria-hidden="true">
            ←
          </span>{' '}
          {t('deelafspraak:prev')}
        </button>
      )}
    </section>
  )
}

/** The question with its picture; the heading a screen reader lands on. */
function Question({ picture, text }: { picture: string; text: string }) {
  return (
    <div className="young-question" data-testid="young-question">
      <img src={picture} alt="" width={72} height={72} />
      <Prompt as="h2" text={text} />
    </div>
  )
}

/** One of two equal, big answers: a picture and the words, with its own read-aloud. */
function Choice({ picture, text, onTap }: { picture: string; text: string; onTap: () => void }) {
  return (
    <div className="young-choice__wrap">
      <button type="button" className="young-choice" onClick={onTap}>
        <img src={picture} alt="" width={64} height={64} />
        <span>{text}</span>
      </button>
      <ReadAloud text={text} small />
    </div>
  )
}

/** The parent level sent with the parent the screen named, so the choice stays with that parent. */
export function shareTo(level: ShareLevel, present: ParentRole | null): { to: ParentRole } | Record<string, never> {
  return isParentLevel(level) && present ? { to: present } : {}
}
