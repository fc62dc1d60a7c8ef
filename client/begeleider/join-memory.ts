import type { JoinCodeOut } from '../../dialogs/contract/http'

/** The join code just made, handed from "start" to the live page in memory only. */
const fresh = new Map<string, JoinCodeOut>()
export const rememberJoin = (gesprekId: string, join: JoinCodeOut) => fresh.set(gesprekId, join)
export const takeJoin = (gesprekId: string) => fresh.get(gesprekId) ?? null
