import i18next, { type TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { CATALOG, toolInfo } from '../../dialogs/catalog'
import { language, type LangCode } from '../../dialogs/contract/languages'
import type { ToolLabels } from '../../dialogs/contract/tool-version'
import type { ItemView } from '../../dialogs/contract/view'
import { nestTexts, toolFromDoc } from '../../dialogs/framework/texts'
import type { ToolInfo } from '../../dialogs/framework/tool'
import { ensureFont } from '../i18n'
import { ItemSummary } from '../ui/ItemSummary'
import { ShareIcon } from '../ui/ShareIcon'

/** Every tool's namespace: the workspace shows answers of any tool side by side. */
export const TOOL_NAMESPACES = CATALOG.map((t) => t.namespace)

/** The workspace's translator: workspace first, then common, errors and every tool. */
export function useWorkspaceT() {
  return useTranslation(['workspace', 'common', 'errors', 'screens', ...TOOL_NAMESPACES])
}

/**
 * Which tool (steps and text namespace) a gesprek ran on, for the gesprekken of an organisation's own
 * version (ADR 0095): filled from the `labels` the server sends with a page's data. Memory only, for
 * the session; a gesprek that is not here ran on the built-in tool and reads the locales.
 */
const versionTools = new Map<string, ToolInfo>()

/**
 * Takes the labels of a page's data: each version's texts go into its own i18next namespace
 * (`tool-<id>~v<N>`, the same the live view and the child's screens use), and each gesprek is linked
 * to its version. Returns the data, so it reads `api(…).then((d) => setData(withToolLabels(d)))`.
 */
export function withToolLabels<T extends { labels?: ToolLabels | undefined }>(data: T, i18n = i18next): T {
  const labels = data.labels
  if (!labels) return data
  const tools = new Map<string, ToolInfo>()
  for (const [versionId, v] of Object.entries(labels.versions)) {
    const builtin = toolInfo(v.toolId)
    if (!builtin) continue
    const info = toolFromDoc(builtin, { toolId: v.toolId, steps: v.steps, texts: v.texts }, v.version)
    for (const [lang, texts] of Object.entries(v.texts) as [LangCode, Record<string, string>][])
      i18n.addResourceBundle(lang, info.namespace, nestTexts(texts), true, true)
    tools.set(versionId, info)
  }
  for (const [gesprekId, versionId] of Object.entries(labels.gesprekken)) {
    const info = tools.get(versionId)
    if (info) versionTools.set(gesprekId, info)
  }
  return data
}

/** The tool a gesprek's answers are labelled with: its organisation's version, else the built-in. */
export const toolOf = (toolId: string, gesprekId?: string): ToolInfo | undefined =>
  (gesprekId && versionTools.get(gesprekId)) || toolInfo(toolId)

const firstKnown = (t: TFunction, keys: string[], fallback: string): string => {
  for (const k of keys) {
    const v = t(k, { defaultValue: '' })
    if (v) return v
  }
  return fallback
}

/** A step's title in the words of the version the gesprek ran on (`gesprekId`), else the built-in's. */
export const stepTitle = (t: TFunction, toolId: string, stepId: string, gesprekId?: string) => {
  const ns = toolOf(toolId, gesprekId)?.namespace
  return ns ? firstKnown(t, [`${ns}:${stepId}.title`], stepId) : stepId
}

/** A sub-prompt (Stoplicht place, observation column, kamer module) by its key, or the key itself. */
export const promptLabel = (t: TFunction, toolId: string, stepId: string, key: string, gesprekId?: string) => {
  const ns = toolOf(toolId, gesprekId)?.namespace
  if (!ns) return key
  const [head, tail] = key.split('.') as [string, string | undefined]
  const keys = [`${ns}:${stepId}.prompts.${key}`, `${ns}:${stepId}.${key}`]
  if (tail) keys.push(`${ns}:${stepId}.questions.${head}.${tail}`, `${ns}:${stepId}.prompts.${head}`)
  return firstKnown(t, keys, key)
}

export const subjectLabel = (t: TFunction, toolId: string, stepId: string, subject: string, gesprekId?: string) =>
  promptLabel(t, toolId, stepId, subject, gesprekId)

export const formatDay = (iso: string, lng: string) =>
  new Date(iso).toLocaleDateString(lng === 'en' ? 'en-GB' : 'nl-NL', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  })

/** The child's sharing choice, always beside the item: shape + words, never colour alone. */
export function ShareBadge({
  item,
  undecided = false,
}: {
  item: Pick<ItemView, 'share'>
  /** The child has not picked this level itself yet (a guided gesprek the child operates). */
  undecided?: boolean
}) {
  const { t } = useTranslation(['common', 'screens'])
  // Until the child picks, the level is the setting's start (the begeleider sat beside the child):
  // shown as it is, and marked as not yet the child's choice.
  return (
    <span
      className={undecided ? 'share-badge share-badge--open' : 'share-badge'}
      title={t(`common:share.level.${item.share}`)}
    >
      <ShareIcon level={item.share} size={22} />
      <span>{t(`common:share.levelShort.${item.share}`)}</span>
      {undecided && <span className="share-badge__open">· {t('screens:share.notChosen')}</span>}
    </span>
  )
}

/**
 * One answer in the child's own words, drawn by the shared ItemSummary (one look for every kind of
 * item everywhere), plus the child's answers to follow-up questions.
 */
export function ItemWords({
  item,
  toolId,
  gesprekId,
  tool: given,
  compact = false,
}: {
  item: ItemView
  toolId: string
  /** The gesprek the answer belongs to: its version's words label it (withToolLabels). */
  gesprekId?: string
  /** The gesprek's tool when the page already has it (the live view). */
  tool?: ToolInfo
  compact?: boolean
}) {
  const tool = given ?? toolOf(toolId, gesprekId)
  const { t, i18n } = useTranslation([tool?.namespace ?? 'common', 'common'])
  const step = tool?.steps.find((s) => s.id === item.stepId)
  const followUps = Object.entries(item.followUps).filter(([, v]) => v)
  // Given in another language than the begeleider reads: the words stay as given, the prompt beside them
  // in the begeleider's language, and the script's font loads.
  const answered = language(item.lang)
  const other = answered && answered.code !== i18n.language ? answered : undefined
  ensureFont(other?.code)
  const own = answered ? { lang: answered.code, dir: answered.dir } : { dir: 'auto' as const }
  return (
    <div className="words">
      {other && (
        <p className="words__given">
          <span className="badge badge--lang" title={t('common:begeleider.answerLanguage')}>
            <span className="visually-hidden">{t('common:begeleider.answerLanguage')}: </span>
            <bdi lang={other.code}>{other.name}</bdi>
          </span>
          {!compact && step && step.type !== 'info' && (
            <span className="words__prompt">{firstKnown(t, [`${item.stepId}.prompt`], '')}</span>
          )}
        </p>
      )}
      <ItemSummary item={item} step={step} t={t} showPrompt={!compact} />
      {followUps.map(([k, v]) => (
        <p key={k} className="words__follow">
          <em>{firstKnown(t, [`${item.stepId}.followUps.${k}`], k)}</em> <bdi {...own}>{v}</bdi>
        </p>
      ))}
    </div>
  )
}
