import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { LangCode } from '../../../dialogs/contract/languages'
import type { GesprekCommand } from '../../../dialogs/framework/events'
import { KamerTexts, type KamerTextsSource } from '../../kamer/kamer-texts'
import { ShareScreen } from '../../kamer/ShareScreen'
import { ToolScreen } from '../../kamer/ToolScreen'
import { LanguagePicker } from '../../ui/LanguagePicker'
import { QuickExit } from '../../ui/QuickExit'
import { ReadAloudLook } from '../../ui/ReadAloud'
import { useWorkspaceT } from '../words'
import type { Running } from './preview-machine'
import '../../kamer/kamer.css'

/** The one gesprek of the preview: never on a server, so it needs no real id. */
const PREVIEW_GESPREK = 'voorbeeld'

type Screen = 'tool' | 'home' | 'share'

/**
 * A kamer tool's preview (ADR 0146): the kamer's own ToolScreen, and its "Klaar voor mijn afspraak",
 * exactly as the jongere has them in the kamer (the adult register, the quiet read-aloud, "back to the
 * kamer", the notes as one page with the intro's lines, the ways to help, the signal question), with the
 * draft's words given through the `KamerTexts` seam instead of asked from the kamer's route. The
 * draft's machine runs in this page (PreviewFrame): no gesprek, no kamer, no token, nothing sent.
 */
export function KamerPreview({
  running,
  send,
  lang,
}: {
  running: Running
  send: (event: GesprekCommand) => void
  lang: LangCode
}) {
  const source = useMemo<KamerTextsSource>(() => ({ from: 'draft', tool: running.tool }), [running.tool])
  // Back on the tool screen whenever the trainer opens a step in the editor (a jump starts a new run).
  const [at, setAt] = useState<{ jump: number; screen: Screen }>({ jump: running.jump, screen: 'tool' })
  const screen = at.jump === running.jump ? at.screen : 'tool'
  const go = (next: Screen) => setAt({ jump: running.jump, screen: next })
  const toolId = running.tool.id

  return (
    <div className="app app--kamer" data-testid="tool-preview" data-screen="kamer" lang={lang}>
      <header className="kamer-bar">
        <QuickExit />
        {/* The kamer's bar as the jongere has it; the language itself is picked on the editor's tabs. */}
        <LanguagePicker only={[lang]} />
      </header>
      <ReadAloudLook.Provider value="adult">
        <KamerTexts.Provider value={source}>
          {/* Fresh screens for a new run only: new words keep the trainer's focus in the editor. */}
          <main className="kamer-main" key={running.run}>
            {screen === 'tool' && (
              <ToolScreen
                gesprekId={PREVIEW_GESPREK}
                toolId={toolId}
                view={running.view}
                pending={[]}
                send={send}
                onHome={() => go('home')}
                begeleider={{}}
              />
            )}
            {screen === 'home' && <PreviewHome toolId={toolId} go={go} />}
            {screen === 'share' && (
              <ShareScreen
                gesprekken={[{ id: PREVIEW_GESPREK, toolId }]}
                views={{ [PREVIEW_GESPREK]: running.view }}
                send={(_, event) => send(event)}
                onHome={() => go('home')}
              />
            )}
          </main>
        </KamerTexts.Provider>
      </ReadAloudLook.Provider>
    </div>
  )
}

/**
 * Where "back to the kamer" leads in the preview: the kamer's home has the jongere's other tools, their
 * contacts and the begeleider's plans, none of which a draft has. So the preview shows the kamer's own
 * tiles for this tool and for "Klaar voor mijn afspraak", under one line saying it is the preview.
 */
function PreviewHome({ toolId, go }: { toolId: string; go: (screen: Screen) => void }) {
  const { t } = useTranslation(['kamer', 'common'])
  const { t: w } = useWorkspaceT()
  return (
    <section className="kamer-home">
      <div className="kamer-home__head">
        <h1>{t('kamer:room.title')}</h1>
      </div>
      <p className="kamer-note" data-testid="preview-home-note">
        {w('workspace:tools.previewKamerHome')}
      </p>
      <ul className="kamer-tiles">
        <li>
          <button type="button" className="kamer-tile" onClick={() => go('tool')}>
            <strong>{t(`kamer:tool.${toolId}.title`)}</strong>
            <span>{t(`kamer:tool.${toolId}.text`)}</span>
          </button>
        </li>
        <li>
          <button type="button" className="kamer-tile kamer-tile--share" onClick={() => go('share')}>
            <strong>{t('kamer:room.share')}</strong>
            <span>{t('kamer:room.shareText')}</span>
          </button>
        </li>
      </ul>
    </section>
  )
}
