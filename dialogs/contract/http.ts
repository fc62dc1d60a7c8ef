import * as z from 'zod'
import { AgeBand, ChildId, GesprekId, Id, Nickname, Setting } from './ids'
import { GesprekView } from './view'

export const LoginBody = z.strictObject({
  username: z.string().trim().min(1).max(80),
  password: z.string().min(1).max(200),
})
export const Me = z.strictObject({
  id: Id,
  displayName: z.string(),
  role: z.enum(['begeleider', 'admin']),
  organisation: z.string(),
  team: z.string(),
})
export type Me = z.output<typeof Me>

export const NewChildBody = z.strictObject({ nickname: Nickname, ageBand: AgeBand })
export const ChildSummary = z.strictObject({
  id: ChildId,
  nickname: z.string(),
  ageBand: AgeBand,
  createdAt: z.string(),
})
export type ChildSummary = z.output<typeof ChildSummary>

export const NewGesprekBody = z.strictObject({ childId: ChildId, toolId: z.string().regex(/^[a-z-]{2,30}$/) })
export const GesprekSummary = z.strictObject({
  id: GesprekId,
  childId: ChildId,
  toolId: z.string(),
  createdAt: z.string(),
  seq: z.int(),
  phase: z.string(),
  /** 'kamer': the jongere's own long-lived gesprek (docs/kamer.md); the child page labels it. */
  setting: Setting,
})
export type GesprekSummary = z.output<typeof GesprekSummary>

export const JoinCodeOut = z.strictObject({
  code: z.string(),
  expiresAt: z.string(),
  /** SVG of a QR code for `<origin>/kind#<code>`; the code travels in the fragment, never to a server log. */
  qrSvg: z.string(),
})
export type JoinCodeOut = z.output<typeof JoinCodeOut>

export const GesprekDetail = z.strictObject({
  gesprek: GesprekSummary,
  child: ChildSummary,
  seq: z.int(),
  view: GesprekView,
})
export type GesprekDetail = z.output<typeof GesprekDetail>

/** Join codes are 8 symbols of Crockford base32 (40 bits), shown as XXXX-XXXX; input is forgiving. */
export const JoinCodeInput = z
  .string()
  .max(20)
  .transform((s) => s.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1'))
  .pipe(z.string().regex(/^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{8}$/))
export const KindJoinBody = z.strictObject({ code: JoinCodeInput })
export const KindJoinOut = z.strictObject({
  token: z.string(),
  gesprekId: GesprekId,
  toolId: z.string(),
  nickname: z.string(),
})
export type KindJoinOut = z.output<typeof KindJoinOut>
