import { CodedError } from '../../dialogs/contract/errors'
import { VOICE_MAX_BYTES, VOICE_MAX_MS } from '../../dialogs/contract/voices'

/**
 * What an uploaded recording really is, read from its bytes: the declared type only picks which
 * container we expect. A file that says audio/ogg but is a PNG, a WebM with a video track, or a
 * recording longer than a prompt is refused here, before anything is stored.
 */
export type Container = 'webm' | 'ogg' | 'mp3' | 'mp4'
export type Codec = 'opus' | 'vorbis' | 'mp3' | 'aac'
export type Inspected = { container: Container; codec: Codec; durationMs: number; mime: string }

/** The declared types we accept (what MediaRecorder and common files say), by container. */
const DECLARED: Record<string, Container> = {
  'audio/webm': 'webm',
  'audio/ogg': 'ogg',
  'audio/opus': 'ogg',
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
  'audio/mp4': 'mp4',
  'audio/x-m4a': 'mp4',
}

const SERVED: Record<Container, string> = {
  webm: 'audio/webm',
  ogg: 'audio/ogg',
  mp3: 'audio/mpeg',
  mp4: 'audio/mp4',
}

/** The container a Content-Type names, or null: `audio/webm;codecs=opus` → webm. */
export function declaredContainer(contentType: string | undefined): Container | null {
  const base = (contentType ?? '').split(';')[0]!.trim().toLowerCase()
  return DECLARED[base] ?? null
}

const notAudio = () => new CodedError('voice_not_audio', 422)
const badCodec = () => new CodedError('voice_codec_unsupported', 415)

export function inspectAudio(contentType: string | undefined, bytes: Uint8Array): Inspected {
  const declared = declaredContainer(contentType)
  if (!declared) throw new CodedError('voice_type_unsupported', 415)
  if (bytes.length > VOICE_MAX_BYTES) throw new CodedError('voice_too_large', 413)
  const found = parse(declared, bytes)
  if (!(found.durationMs > 0)) throw notAudio()
  if (found.durationMs > VOICE_MAX_MS) throw new CodedError('voice_too_long', 422)
  return { container: declared, ...found, durationMs: Math.round(found.durationMs), mime: SERVED[declared] }
}

function parse(c: Container, b: Uint8Array): { codec: Codec; durationMs: number } {
  try {
    if (c === 'webm') return webm(b)
    if (c === 'ogg') return ogg(b)
    if (c === 'mp3') return mp3(b)
    return mp4(b)
  } catch (err) {
    if (err instanceof CodedError) throw err
    // A read past the end or a malformed number: not a recording we can vouch for.
    throw notAudio()
  }
}

function need(ok: boolean): void {
  if (!ok) throw notAudio()
}

const ascii = (b: Uint8Array, at: number, n: number) => String.fromCharCode(...b.subarray(at, at + n))

// ---------------------------------------------------------------------------------------------------
// WebM (Matroska/EBML): what MediaRecorder writes in Chromium and Firefox. Segment and Cluster often
// have an unknown size there, and no Duration: the length is the last block's timecode.

const EBML = 0x1a45dfa3
const DOCTYPE = 0x4282
const SEGMENT = 0x18538067
const INFO = 0x1549a966
const TIMECODE_SCALE = 0x2ad7b1
const DURATION = 0x4489
const TRACKS = 0x1654ae6b
const TRACK_ENTRY = 0xae
const CODEC_ID = 0x86
const CLUSTER = 0x1f43b675
const CLUSTER_TIMECODE = 0xe7
const SIMPLE_BLOCK = 0xa3
const BLOCK_GROUP = 0xa0
const BLOCK = 0xa1
/** Children of a Segment: where an unknown-size Cluster ends. */
const SEGMENT_CHILDREN = new Set([
  CLUSTER,
  INFO,
  TRACKS,
  0x114d9b74, // SeekHead
  0x1c53bb6b, // Cues
  0x1254c367, // Tags
  0x1043a770, // Chapters
  0x1941a469, // Attachments
])

function vint(b: Uint8Array, at: number, keepMarker: boolean): { value: number; len: number; unknown: boolean } {
  const first = b[at]
  need(first !== undefined && first !== 0)
  let len = 1
  while (len <= 8 && !(first! & (0x80 >> (len - 1)))) len++
  need(len <= 8 && at + len <= b.length)
  let value = keepMarker ? first! : first! & (0xff >> len)
  let allOnes = value === 0xff >> len
  for (let i = 1; i < len; i++) {
    value = value * 256 + b[at + i]!
    if (b[at + i] !== 0xff) allOnes = false
  }
  return { value, len, unknown: !keepMarker && allOnes }
}

function uint(b: Uint8Array, at: number, n: number): number {
  need(at + n <= b.length && n <= 8)
  let v = 0
  for (let i = 0; i < n; i++) v = v * 256 + b[at + i]!
  return v
}

function webm(b: Uint8Array): { codec: Codec; durationMs: number } {
  const head = vint(b, 0, true)
  need(head.value === EBML)
  const headSize = vint(b, head.len, false)
  const headEnd = head.len + headSize.len + headSize.value
  need(headEnd <= b.length)
  let docType = ''
  let at = head.len + headSize.len
  while (at < headEnd) {
    const id = vint(b, at, true)
    const size = vint(b, at + id.len, false)
    const data = at + id.len + size.len
    if (id.value === DOCTYPE) docType = ascii(b, data, size.value)
    at = data + size.value
  }
  need(docType === 'webm' || docType === 'matroska')

  let scale = 1_000_000
  let statedMs = 0
  let lastMs = 0
  let blocks = 0
  const codecs: string[] = []
  let clusterTc = 0

  const walk = (from: number, to: number, parent: number): number => {
    let pos = from
    while (pos < to) {
      const id = vint(b, pos, true)
      // An unknown-size Cluster ends where the next Segment child begins.
      if (parent === CLUSTER && SEGMENT_CHILDREN.has(id.value)) return pos
      const size = vint(b, pos + id.len, false)
      const data = pos + id.len + size.len
      const end = size.unknown ? to : data + size.value
      // The last element of a recording cut by the recorder may end past the bytes; its blocks before count.
      need(end <= b.length || id.value === SEGMENT || id.value === CLUSTER)
      const stop = Math.min(end, b.length)
      switch (id.value) {
        case SEGMENT:
        case INFO:
        case TRACKS:
        case TRACK_ENTRY:
        case BLOCK_GROUP:
          pos = walk(data, stop, id.value)
          continue
        case CLUSTER:
          pos = walk(data, stop, CLUSTER)
          continue
        case TIMECODE_SCALE:
          scale = uint(b, data, size.value)
          break
        case DURATION: {
          const view = new DataView(b.buffer, b.byteOffset + data, size.value)
          const units = size.value === 4 ? view.getFloat32(0) : view.getFloat64(0)
          statedMs = (units * scale) / 1e6
          break
        }
        case CODEC_ID:
          codecs.push(ascii(b, data, size.value).replace(/\0+$/, ''))
          break
        case CLUSTER_TIMECODE:
          clusterTc = uint(b, data, size.value)
          break
        case SIMPLE_BLOCK:
        case BLOCK: {
          const track = vint(b, data, false)
          need(data + track.len + 2 <= b.length)
          const rel = new DataView(b.buffer, b.byteOffset + data + track.len, 2).getInt16(0)
          lastMs = Math.max(lastMs, ((clusterTc + rel) * scale) / 1e6)
          blocks++
          break
        }
      }
      pos = end
    }
    return Math.min(pos, to)
  }
  walk(headEnd, b.length, 0)

  need(codecs.length > 0 && blocks > 0)
  if (codecs.some((c) => c !== 'A_OPUS' && c !== 'A_VORBIS')) throw badCodec()
  // A block's own length is not in the container; a prompt's last 20 ms frame does not matter.
  const durationMs = Math.max(statedMs, lastMs + 20)
  return { codec: codecs[0] === 'A_OPUS' ? 'opus' : 'vorbis', durationMs }
}

// ---------------------------------------------------------------------------------------------------
// Ogg: every page's checksum is checked, and the file must be pages from start to end.

const CRC_TABLE = (() => {
  const t = new Uint32Array(256)
  for (let i = 0; i < 256; i++) {
    let r = i << 24
    for (let j = 0; j < 8; j++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1
    t[i] = r >>> 0
  }
  return t
})()

export function oggCrc(page: Uint8Array): number {
  let crc = 0
  for (const byte of page) crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ byte) & 0xff]!) >>> 0
  return crc
}

function ogg(b: Uint8Array): { codec: Codec; durationMs: number } {
  let at = 0
  let serial: number | null = null
  let codec: Codec | null = null
  let rate = 48_000
  let preSkip = 0
  let granule = 0
  let pages = 0
  while (at < b.length) {
    need(at + 27 <= b.length && ascii(b, at, 4) === 'OggS' && b[at + 4] === 0)
    const view = new DataView(b.buffer, b.byteOffset + at)
    const segments = b[at + 26]!
    need(at + 27 + segments <= b.length)
    let bodyLen = 0
    for (let i = 0; i < segments; i++) bodyLen += b[at + 27 + i]!
    const end = at + 27 + segments + bodyLen
    need(end <= b.length)
    const page = b.slice(at, end)
    const stated = view.getUint32(22, true)
    page.fill(0, 22, 26)
    need(oggCrc(page) === stated)
    const pageSerial = view.getUint32(14, true)
    // A second logical stream (a video beside the sound, say) is not a plain recording.
    if (serial !== null && pageSerial !== serial) throw badCodec()
    const body = at + 27 + segments
    if (serial === null) {
      serial = pageSerial
      if (ascii(b, body, 8) === 'OpusHead') {
        codec = 'opus'
        preSkip = new DataView(b.buffer, b.byteOffset + body).getUint16(10, true)
      } else if (b[body] === 1 && ascii(b, body + 1, 6) === 'vorbis') {
        codec = 'vorbis'
        rate = new DataView(b.buffer, b.byteOffset + body).getUint32(12, true)
        need(rate > 0)
      } else throw badCodec()
    }
    const g = view.getBigInt64(6, true)
    if (g > 0n) granule = Number(g)
    pages++
    at = end
  }
  need(codec !== null && pages >= 2)
  return { codec: codec!, durationMs: ((granule - (codec === 'opus' ? preSkip : 0)) / rate) * 1000 }
}

// ---------------------------------------------------------------------------------------------------
// MP3: MPEG audio layer III frames, walked one by one (an ID3 tag before and after is allowed).

const BITRATES = {
  1: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
}
const RATES = { 1: [44100, 48000, 32000], 2: [22050, 24000, 16000], 25: [11025, 12000, 8000] }

function mp3(b: Uint8Array): { codec: Codec; durationMs: number } {
  let at = 0
  if (ascii(b, 0, 3) === 'ID3') {
    need(b.length >= 10)
    const size = ((b[6]! & 0x7f) << 21) | ((b[7]! & 0x7f) << 14) | ((b[8]! & 0x7f) << 7) | (b[9]! & 0x7f)
    at = 10 + size + (b[5]! & 0x10 ? 10 : 0)
  }
  const start = at
  let frames = 0
  let seconds = 0
  while (at + 4 <= b.length) {
    const h = (b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!
    if (h >>> 21 !== 0x7ff) break
    const v = (h >>> 19) & 3 // 0: MPEG 2.5, 2: MPEG 2, 3: MPEG 1
    const layer = (h >>> 17) & 3 // 1: layer III
    const br = (h >>> 12) & 15
    const sr = (h >>> 10) & 3
    if (v === 1 || layer !== 1 || br === 0 || br === 15 || sr === 3) break
    const mpeg1 = v === 3
    const bitrate = BITRATES[mpeg1 ? 1 : 2][br]! * 1000
    const rate = RATES[mpeg1 ? 1 : v === 2 ? 2 : 25][sr]!
    const len = Math.floor(((mpeg1 ? 144 : 72) * bitrate) / rate) + ((h >>> 9) & 1)
    if (at + len > b.length) break
    seconds += (mpeg1 ? 1152 : 576) / rate
    frames++
    at += len
  }
  const rest = b.length - at
  // After the frames: nothing, an ID3v1 tag, or a few stray bytes; never a second file hiding there.
  need(frames >= 3 && (rest === 0 || (rest === 128 && ascii(b, at, 3) === 'TAG') || rest < 4))
  need(at > start)
  return { codec: 'mp3', durationMs: seconds * 1000 }
}

// ---------------------------------------------------------------------------------------------------
// MP4 / M4A: boxes from start to end; one sound track with AAC (mp4a) or Opus; Safari's MediaRecorder
// writes fragments, whose length is the sum of their samples' durations.

const CONTAINERS = new Set(['moov', 'trak', 'mdia', 'minf', 'stbl', 'mvex', 'moof', 'traf'])

function mp4(b: Uint8Array): { codec: Codec; durationMs: number } {
  const handlers: string[] = []
  const entries: string[] = []
  let movie = { duration: 0, scale: 0 }
  let trackScale = 0
  let defaultSample = 0
  let fragmentUnits = 0
  let samples = 0
  let first = true

  const walk = (from: number, to: number) => {
    let at = from
    while (at < to) {
      need(at + 8 <= to)
      const view = new DataView(b.buffer, b.byteOffset + at)
      let size = view.getUint32(0)
      const type = ascii(b, at + 4, 4)
      let head = 8
      if (size === 1) {
        need(at + 16 <= to)
        size = Number(view.getBigUint64(8))
        head = 16
      } else if (size === 0) size = to - at
      need(size >= head && at + size <= to)
      if (first) need(type === 'ftyp')
      first = false
      const data = at + head
      const box = new DataView(b.buffer, b.byteOffset + data, size - head)
      if (CONTAINERS.has(type)) walk(data, at + size)
      else if (type === 'mvhd') {
        const v1 = box.getUint8(0) === 1
        movie = {
          scale: box.getUint32(v1 ? 20 : 12),
          duration: v1 ? Number(box.getBigUint64(24)) : box.getUint32(16),
        }
      } else if (type === 'mdhd') trackScale = box.getUint32(box.getUint8(0) === 1 ? 20 : 12)
      else if (type === 'hdlr') handlers.push(ascii(b, data + 8, 4))
      else if (type === 'stsd') {
        const count = box.getUint32(4)
        let e = data + 8
        for (let i = 0; i < count; i++) {
          need(e + 8 <= at + size)
          entries.push(ascii(b, e + 4, 4))
          e += new DataView(b.buffer, b.byteOffset + e).getUint32(0)
        }
      } else if (type === 'trex') defaultSample = box.getUint32(12)
      else if (type === 'tfhd') {
        const flags = box.getUint32(0) & 0xffffff
        let o = 8
        if (flags & 0x01) o += 8
        if (flags & 0x02) o += 4
        if (flags & 0x08) defaultSample = box.getUint32(o)
      } else if (type === 'trun') {
        const flags = box.getUint32(0) & 0xffffff
        const count = box.getUint32(4)
        let o = 8 + (flags & 0x01 ? 4 : 0) + (flags & 0x04 ? 4 : 0)
        const per = [0x100, 0x200, 0x400, 0x800].filter((f) => flags & f).length * 4
        need(o + count * per <= size - head)
        for (let i = 0; i < count; i++) {
          fragmentUnits += flags & 0x100 ? box.getUint32(o) : defaultSample
          o += per
        }
        samples += count
      } else if (type === 'stsz') samples += box.getUint32(8)
      at += size
    }
  }
  walk(0, b.length)

  // Exactly the sound track: a video, a second track or an unknown handler is not a prompt recording.
  if (handlers.length !== 1 || handlers[0] !== 'soun') throw handlers.length === 0 ? notAudio() : badCodec()
  need(entries.length === 1)
  const codec: Codec | null = entries[0] === 'mp4a' ? 'aac' : entries[0] === 'Opus' ? 'opus' : null
  if (!codec) throw badCodec()
  need(samples > 0)
  const stated = movie.scale > 0 ? (movie.duration / movie.scale) * 1000 : 0
  const fragments = trackScale > 0 ? (fragmentUnits / trackScale) * 1000 : 0
  return { codec, durationMs: Math.max(stated, fragments) }
}
