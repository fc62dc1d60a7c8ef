import type { LangCode } from '../../dialogs/contract/languages'
import type { Deps } from '../deps'

export type Published = { organisationId: string; toolId: string; version: number; languages: LangCode[] }
type Listener = (published: Published) => Promise<void> | void

/**
 * Who wants to know that a version was published (recordings carried forward from the draft, ADR 0075).
 * Listeners run after the version has committed; one that fails never undoes the publish.
 */
class ToolEvents {
  private listeners: Listener[] = []
  onPublished(listener: Listener): void {
    this.listeners.push(listener)
  }
  async published(p: Published, onError: (err: unknown) => void): Promise<void> {
    for (const l of this.listeners) await Promise.resolve(l(p)).catch(onError)
  }
}

const byServer = new WeakMap<Deps, ToolEvents>()
/** The events of one server (its deps), made on first use: no other room has to wire them. */
export function toolEvents(deps: Deps): ToolEvents {
  let events = byServer.get(deps)
  if (!events) byServer.set(deps, (events = new ToolEvents()))
  return events
}
