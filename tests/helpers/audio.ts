/**
 * Small, structurally real recordings for the voice tests, built byte by byte (no encoder on the test
 * machine): the containers and codec headers are exact, the sound inside is silence-shaped filler.
 */

const u8 = (...parts: (Uint8Array | number[])[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}
const text = (s: string) => [...Buffer.from(s, 'latin1')]
const be = (v: number, n: number) => Array.from({ length: n }, (_, i) => Math.floor(v / 256 ** (n - 1 - i)) % 256)
const le = (v: number, n: number) => be(v, n).reverse()

// --- Ogg Opus -------------------------------------------------------------------------------------

function crc(data: Uint8Array): number {
  let c = 0
  for (const byte of data) {
    c ^= byte << 24
    for (let j = 0; j < 8; j++) c = c & 0x80000000 ? (c << 1) ^ 0x04c11db7 : c << 1
    c >>>= 0
  }
  return c
}

function oggPage(serial: number, seq: number, type: number, granule: number, packets: Uint8Array[]) {
  const lacing: number[] = []
  for (const p of packets) {
    let n = p.length
    while (n >= 255) {
      lacing.push(255)
      n -= 255
    }
    lacing.push(n)
  }
  const page = u8(
    text('OggS'),
    [0, type],
    le(granule, 8),
    le(serial, 4),
    le(seq, 4),
    [0, 0, 0, 0],
    [lacing.length],
    lacing,
    ...packets,
  )
  const sum = crc(page)
  page.set(le(sum, 4), 22)
  return page
}

export function oggOpus(seconds: number, opts: { serials?: number } = {}): Uint8Array {
  const preSkip = 312
  const head = u8(text('OpusHead'), [1, 1], le(preSkip, 2), le(48000, 4), [0, 0, 0])
  const tags = u8(text('OpusTags'), le(4, 4), text('test'), le(0, 4))
  const pages = [oggPage(7, 0, 2, 0, [head]), oggPage(7, 1, 0, 0, [tags])]
  const frames = Math.round(seconds * 50)
  let seq = 2
  for (let f = 0; f < frames; f += 50) {
    const n = Math.min(50, frames - f)
    const packets = Array.from({ length: n }, () => new Uint8Array([0xf8, 0xff, 0xfe]))
    pages.push(oggPage(7, seq++, f + n >= frames ? 4 : 0, (f + n) * 960 + preSkip, packets))
  }
  // A second logical stream (as a video beside the sound would be).
  if (opts.serials === 2) pages.push(oggPage(9, 0, 2, 0, [u8(text('\x80theora'), [3, 2, 0])]))
  return u8(...pages)
}

// --- WebM Opus (what MediaRecorder writes: unknown-size Segment and Clusters, no Duration) ---------

const UNKNOWN = [0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]
/** An EBML size in eight bytes: the marker, then the value. */
const size = (n: number) => [0x01, ...be(n, 7)]
const el = (id: number[], payload: Uint8Array | number[]) => u8(id, size(payload.length), payload)

export function webmOpus(seconds: number, codec = 'A_OPUS'): Uint8Array {
  const header = el([0x1a, 0x45, 0xdf, 0xa3], u8(el([0x42, 0x82], text('webm'))))
  const info = el([0x15, 0x49, 0xa9, 0x66], u8(el([0x2a, 0xd7, 0xb1], be(1_000_000, 3))))
  const track = el([0xae], u8(el([0xd7], [1]), el([0x83], [codec.startsWith('V_') ? 1 : 2]), el([0x86], text(codec))))
  const tracks = el([0x16, 0x54, 0xae, 0x6b], track)
  const clusters: Uint8Array[] = []
  const totalMs = Math.round(seconds * 1000)
  for (let start = 0; start < totalMs; start += 1000) {
    const blocks: Uint8Array[] = [el([0xe7], be(start, 4))]
    for (let rel = 0; rel < 1000 && start + rel < totalMs; rel += 20)
      blocks.push(el([0xa3], u8([0x81], be(rel, 2), [0x80], [0xf8, 0xff, 0xfe])))
    clusters.push(u8([0x1f, 0x43, 0xb6, 0x75], UNKNOWN, ...blocks))
  }
  return u8(header, [0x18, 0x53, 0x80, 0x67], UNKNOWN, info, tracks, ...clusters)
}

// --- MP3 (MPEG-1 layer III, 128 kbit/s, 44.1 kHz: 417-byte frames of 26.1 ms) ----------------------

export function mp3(seconds: number): Uint8Array {
  const frames = Math.ceil((seconds * 44100) / 1152)
  const frame = new Uint8Array(417)
  frame.set([0xff, 0xfb, 0x90, 0x00])
  return u8(text('ID3'), [4, 0, 0], [0, 0, 0, 0], ...Array.from({ length: frames }, () => frame))
}

// --- MP4 / M4A with AAC ---------------------------------------------------------------------------

const box = (type: string, ...payload: (Uint8Array | number[])[]) => {
  const body = u8(...payload)
  return u8(be(body.length + 8, 4), text(type), body)
}

export function m4a(seconds: number, opts: { video?: boolean } = {}): Uint8Array {
  const track = (handler: string, entry: string) =>
    box(
      'trak',
      box(
        'mdia',
        box('mdhd', [0, 0, 0, 0], be(0, 4), be(0, 4), be(48000, 4), be(seconds * 48000, 4), [0, 0, 0, 0]),
        box('hdlr', [0, 0, 0, 0], be(0, 4), text(handler), new Uint8Array(13)),
        box(
          'minf',
          box(
            'stbl',
            box('stsd', [0, 0, 0, 0], be(1, 4), box(entry, new Uint8Array(28))),
            box('stsz', [0, 0, 0, 0], be(0, 4), be(Math.ceil((seconds * 48000) / 1024), 4)),
          ),
        ),
      ),
    )
  const moov = box(
    'moov',
    box('mvhd', [0, 0, 0, 0], be(0, 4), be(0, 4), be(1000, 4), be(seconds * 1000, 4), new Uint8Array(80)),
    track('soun', 'mp4a'),
    ...(opts.video ? [track('vide', 'avc1')] : []),
  )
  return u8(box('ftyp', text('M4A '), be(0, 4), text('isomM4A ')), moov, box('mdat', new Uint8Array(256)))
}

/** The first bytes of a PNG: a picture, whatever its Content-Type says. */
export const png = () =>
  u8([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], box('IHDR', new Uint8Array(13)), new Uint8Array(2000))
