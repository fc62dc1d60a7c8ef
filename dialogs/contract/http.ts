import * as z from 'zod'
import { AgeBand, ChildId, GesprekId, Id, Lang, Setting } from './ids'
import { GesprekView } from './view'

export const LoginBody = z.strictObject({
  username: z.string().trim().min(1).max(80),
  password: z.string().min(1).max(200),
})
/**
 * The pictures a begeleider may choose to show children beside their name: calm, friendly things
 * from the bundled set (client/ui/pictures.ts), no faces of real people and no upload.
 */
export const BEGELEIDER_PICTURES = [
  'sun',
  'star',
  'heart',
  'light',
  'music',
  'read',
  'draw',
  'build',
  'sport',
  'pet',
  'play',
  'laugh',
] as const
export const BegeleiderPicture = z.enum(BEGELEIDER_PICTURES)
export type BegeleiderPicture = z.output<typeof BegeleiderPicture>
export const MyPictureBody = z.strictObject({ picture: BegeleiderPicture.nullable() })
export const Me = z.strictObject({
  id: Id,
  displayName: z.string(),
  /** The picture this begeleider chose to show children; null until chosen. */
  picture: BegeleiderPicture.nullable(),
  role: z.enum(['begeleider', 'admin']),
  organisation: z.string(),
  team: z.string(),
})
export type Me = z.output<typeof Me>
/** GET /api/auth/session: who is logged in in this browser, or null (never a 401). */
export const SessionOut = z.strictObject({ me: Me.nullable() })
export type SessionOut = z.output<typeof SessionOut>
/** A begeleider's open sessions: an old one does not end by itself at a new login, so it can be seen and ended. */
export const SessionsOut = z.strictObject({
  sessions: z.array(
    z.strictObject({ id: z.string(), createdAt: z.string(), lastSeenAt: z.string(), current: z.boolean() }),
  ),
})
export type SessionsOut = z.output<typeof SessionsOut>

export const ChildSummary = z.strictObject({
  id: ChildId,
  nickname: z.string(),
  ageBand: AgeBand,
  createdAt: z.string(),
})
export type ChildSummary = z.output<typeof ChildSummary>

/** `lang`: the gesprek's language, chosen by the begeleider; the join link and QR carry it to the child. */
export const NewGesprekBody = z.strictObject({
  childId: ChildId,
  toolId: z.string().regex(/^[a-z-]{2,30}$/),
  lang: Lang.optional(),
})
export const JoinCodeBody = z.strictObject({ lang: Lang.optional() })
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
  /** SVG of a QR code for `<origin>/kind?lang=<lang>#<code>`; the code travels in the fragment, never to a server log. */
  qrSvg: z.string(),
  /** The language the link opens in (absent: Dutch, the source language). */
  lang: Lang.optional(),
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
  /** False: a later screen that sees what a begeleider sees plus its own, until the child's screen says yes. */
  trusted: z.boolean().optional(),
  /** The child's own begeleider by the name colleagues and children know (a trusted, consistent face). */
  begeleider: z.string().max(80).optional(),
  /** The picture the begeleider chose to show beside their name (the kennismaking's "this is ..."). */
  begeleiderPicture: BegeleiderPicture.optional(),
})
export type KindJoinOut = z.output<typeof KindJoinOut>

/** The answer of a call that only says it worked. */
export const OkOut = z.strictObject({ ok: z.literal(true) })
/** `POST /api/gesprekken`: the new gesprek, and a join code when a child's screen joins it. */
export const NewGesprekOut = z.strictObject({ gesprek: GesprekSummary, join: JoinCodeOut.nullable() })
export type NewGesprekOut = z.output<typeof NewGesprekOut>
