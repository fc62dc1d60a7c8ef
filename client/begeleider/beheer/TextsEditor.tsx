import { language, SOURCE_LANGUAGE, type LangCode } from '../../../dialogs/contract/languages'
import type { StepDoc, TextSlot, ToolProblem, ToolVersionDoc } from '../../../dialogs/contract/tool-version'
import { ADULT_SUFFIX, isHonestKey, nameKeys, type VersionKeys } from '../../../dialogs/framework/texts'
import { useWorkspaceT } from '../words'
import { TextField } from './TextField'

/**
 * A texts-only tool's editor (the kamer tools, docs/decisions/0140-kamer-tools-texts-only.md): every text
 * of the version, listed by step and, inside Mijn kamer's modules step, by module, as the screen groups
 * them. No structure controls: the steps are the built-in's and the server refuses any change of them.
 */
export function TextsEditor(props: {
  doc: ToolVersionDoc
  keys: VersionKeys
  lang: LangCode
  missing: ReadonlySet<string>
  problems: ToolProblem[]
  selected: string
  onSelect: (stepId: string) => void
  onText: (key: string, text: string) => void
}) {
  const { t } = useWorkspaceT()
  const { doc, keys, lang } = props
  const texts = doc.texts[lang] ?? {}
  const source = doc.texts[SOURCE_LANGUAGE] ?? {}
  const named = nameKeys(doc.steps)
  const dir = language(lang)?.dir

  const field = (key: string, slot: TextSlot) => (
    <TextField
      key={key}
      id={`t-${key}`.replace(/[^a-zA-Z0-9-]/g, '-')}
      textKey={key}
      slot={slot}
      value={texts[key] ?? ''}
      lang={lang}
      dir={dir}
      source={source}
      long={slot === 'prompt' || slot === 'line' || slot === 'moduleAbout'}
      missing={props.missing.has(key)}
      required={isHonestKey(key)}
      adult={key.endsWith(ADULT_SUFFIX)}
      named={named.has(key)}
      onText={props.onText}
    />
  )

  return (
    <div className="tool-editor__steps">
      <p className="muted" data-testid="texts-only">
        {t('workspace:tools.textsOnlyHint')}
      </p>
      {doc.steps.map((step, index) => {
        const own = keysOfStep(keys, step, index === 0)
        const open = props.selected === step.id
        const missingHere = own.filter(([k]) => props.missing.has(k)).length
        const problems = props.problems.filter((p) => p.stepId === step.id || own.some(([k]) => k === p.key))
        return (
          <section
            key={step.id}
            className={`step-editor panel${open ? ' is-selected' : ''}${problems.length ? ' has-problem' : ''}`}
            data-testid={`step-${step.id}`}
          >
            <header className="step-editor__head">
              <button
                type="button"
                className="btn btn--quiet"
                onClick={() => props.onSelect(step.id)}
                aria-pressed={open}
              >
                {index + 1}. {texts[`steps.${step.id}`] || source[`steps.${step.id}`] || step.id}
              </button>
              <span className="badge">{t(`workspace:tools.type.${step.type}`)}</span>
              {missingHere > 0 && (
                <span className="badge badge--warn">{t('workspace:tools.missingHere', { count: missingHere })}</span>
              )}
            </header>
            {open && (
              <div className="step-editor__body">
                {groups(own, step).map((g) => (
                  <div
                    key={g.id}
                    className={g.id ? 'texts-group' : undefined}
                    data-testid={g.id ? `group-${g.id}` : undefined}
                  >
                    {g.id && (
                      <h4>
                        {t('workspace:tools.group', {
                          name: texts[`${step.id}.prompts.${g.id}`] || source[`${step.id}.prompts.${g.id}`] || g.id,
                        })}
                      </h4>
                    )}
                    {g.keys.map(([k, slot]) => field(k, slot))}
                  </div>
                ))}
                {problems.length > 0 && (
                  <ul className="step-editor__problems">
                    {problems.map((p, i) => (
                      <li key={i} className="form-error">
                        {t(`workspace:tools.rule.${p.rule}`)} {p.key && <span className="muted">· {p.key}</span>}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            )}
          </section>
        )
      })}
    </div>
  )
}

/** A step's keys: its label, its own texts; the tool's name goes with the first step, as the screen shows it. */
function keysOfStep(keys: VersionKeys, step: StepDoc, first: boolean): VersionKeys {
  return keys.filter(([k]) => k === `steps.${step.id}` || k.startsWith(`${step.id}.`) || (first && !k.includes('.')))
}

/** Inside a modules step: one group per module (its name, its explanation, its questions, a scale's ends). */
function groups(keys: VersionKeys, step: StepDoc): { id: string | null; keys: VersionKeys }[] {
  if (step.type !== 'modules') return [{ id: null, keys }]
  const moduleOf = (k: string) => {
    const parts = k.split('.')
    return parts.length >= 3 && step.prompts?.includes(parts[2]!.replace(ADULT_SUFFIX, '')) ? parts[2]! : null
  }
  const out: { id: string | null; keys: VersionKeys }[] = [{ id: null, keys: keys.filter(([k]) => !moduleOf(k)) }]
  for (const m of step.prompts ?? []) out.push({ id: m, keys: keys.filter(([k]) => moduleOf(k) === m) })
  return out
}
