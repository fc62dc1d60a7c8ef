import * as z from 'zod'
import { GesprekId, ChildId, Lang } from './ids'
import { BegeleiderPicture, JoinCodeInput } from './http'
import { ItemView } from './view'

/**
 * The jongere's kamer (12-18): an invite from the begeleider, then a kamer name and a PIN or
 * passphrase chosen by the jongere. Names are matched without case or extra spaces.
 */
export const KamerName = z
  .string()
  .trim()
  .min(3)
  .max(30)
  .regex(/^[\p{L}\p{N} _-]+$/u)
export const normalizeKamerName = (name: string) => name.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ')

export const KamerSecret = z.string().min(1).max(100)

export type SecretProblem = 'te-kort' | 'te-makkelijk'

/**
 * The minimum for a kamer PIN or passphrase, the same rule on phone and server.
 * Six or more digits that are not a row or a repeat, or a passphrase of ten or more characters.
 * With a lockout after a few wrong tries this keeps a guesser far away (docs/kamer.md).
 */
export function secretProblem(secret: string): SecretProblem | null {
  const s = secret.normalize('NFKC')
  if (/^\d+$/.test(s)) {
    if (s.length < 6) return 'te-kort'
    const digits = [...s].map(Number)
    const steps = new Set(digits.slice(1).map((d, i) => (d - digits[i]! + 10) % 10))
    // 111111, 123456, 987654 and 121212-like repeats are the first things anyone tries.
    if (steps.size === 1) return 'te-makkelijk'
    if (/^(\d{1,3})\1+$/.test(s)) return 'te-makkelijk'
    return null
  }
  if ([...s].length < 10) return 'te-kort'
  if (new Set(s.toLowerCase()).size < 4) return 'te-makkelijk'
  return null
}

export const KamerInviteCheckBody = z.strictObject({ code: JoinCodeInput })
export const KamerSetupBody = z.strictObject({ code: JoinCodeInput, name: KamerName, secret: KamerSecret })
export const KamerOpenBody = z.strictObject({ name: z.string().max(60), secret: KamerSecret })
export const KamerTokenOut = z.strictObject({
  token: z.string(),
  /** After this long without activity the server locks the kamer. */
  idleMs: z.int(),
})
export type KamerTokenOut = z.output<typeof KamerTokenOut>

export const KamerGesprek = z.strictObject({ id: GesprekId, toolId: z.string() })
export type KamerGesprek = z.output<typeof KamerGesprek>
export const KamerMe = z.strictObject({
  idleMs: z.int(),
  /** Tools the jongere may open in the kamer (catalog tools with the 'kamer' setting for their band). */
  tools: z.array(z.string()),
  gesprekken: z.array(KamerGesprek),
  /** The jongere's own begeleider, as on the child's join (display name, chosen picture): a known face. */
  begeleider: z.string().optional(),
  begeleiderPicture: BegeleiderPicture.optional(),
})
export type KamerMe = z.output<typeof KamerMe>
export const NewKamerGesprekBody = z.strictObject({ toolId: z.string().regex(/^[a-z-]{2,30}$/) })

/**
 * The words of one kamer gesprek's tool version in one language (ADR 0145): the built-in's texts from
 * the locales, or the organisation's own texts-only version. Flat i18n keys of the tool's namespace, as
 * the screens read them (`modules.questions.hoe-gaat-het.stemming`, `intro.prompt_jongere`). Organisation
 * content, never answers; the kamer keeps it in memory only.
 */
export const KamerToolOut = z.strictObject({
  gesprekId: GesprekId,
  toolId: z.string().regex(/^[a-z-]{2,30}$/),
  /** 1 is the built-in tool; 2, 3, … the organisation's own versions (ADR 0075). */
  version: z.int().min(1),
  /** The languages the version is complete in. */
  languages: z.array(Lang),
  /** The language the texts are in: the one asked for, or Dutch when the version is not complete in it. */
  lang: Lang,
  texts: z.record(z.string().max(200), z.string()),
})
export type KamerToolOut = z.output<typeof KamerToolOut>

/** What the begeleider sees of a kamer: only what the jongere shared, through the one projection. */
export const KamerOverview = z.strictObject({
  /** The child is 12 or older: a kamer may be offered. */
  available: z.boolean(),
  /** The jongere has set up a kamer (a name and PIN exist). */
  open: z.boolean(),
  shared: z.array(z.strictObject({ gesprekId: GesprekId, toolId: z.string(), items: z.array(ItemView) })),
  /** Item ids that were not shared the last time this begeleider looked. */
  newItemIds: z.array(z.string()),
})
export type KamerOverview = z.output<typeof KamerOverview>

/** A kamer with answers shared since this begeleider last looked; `count` is how many (ids only, no content). */
export const KamerNotice = z.strictObject({ childId: ChildId, nickname: z.string(), count: z.int().min(1) })
export type KamerNotice = z.output<typeof KamerNotice>
