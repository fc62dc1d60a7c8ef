import { describe, expect, it } from 'vitest'
import { inspectAudio } from '../../server/voices/container'
import { m4a, mp3, oggOpus, png, webmOpus } from '../helpers/audio'

const code = (type: string, bytes: Uint8Array) => {
  try {
    inspectAudio(type, bytes)
    return 'accepted'
  } catch (err) {
    return (err as { code: string }).code
  }
}

describe('a recording is read from its bytes', () => {
  it('knows each container, its codec and its length', () => {
    expect(inspectAudio('audio/ogg', oggOpus(2.5))).toEqual({
      container: 'ogg',
      codec: 'opus',
      durationMs: 2500,
      mime: 'audio/ogg',
    })
    expect(inspectAudio('audio/webm;codecs=opus', webmOpus(4))).toMatchObject({ codec: 'opus', durationMs: 4000 })
    expect(inspectAudio('audio/mpeg', mp3(2)).durationMs).toBeGreaterThanOrEqual(2000)
    expect(inspectAudio('audio/x-m4a', m4a(5))).toMatchObject({ container: 'mp4', codec: 'aac', durationMs: 5000 })
  })

  it('refuses what is not one plain sound track, whatever the header says', () => {
    expect(code('image/png', png())).toBe('voice_type_unsupported')
    expect(code('audio/ogg', png())).toBe('voice_not_audio')
    expect(code('audio/mp4', png())).toBe('voice_not_audio')
    expect(code('audio/mpeg', png())).toBe('voice_not_audio')
    expect(code('audio/webm', png())).toBe('voice_not_audio')
    // Cut in half: the Ogg pages no longer add up.
    const ogg = oggOpus(2)
    expect(code('audio/ogg', ogg.subarray(0, ogg.length - 10))).toBe('voice_not_audio')
    // A sound file with something hiding after it.
    expect(code('audio/mpeg', new Uint8Array([...mp3(1), ...png()]))).toBe('voice_not_audio')
    expect(code('audio/webm', webmOpus(1, 'V_VP8'))).toBe('voice_codec_unsupported')
    expect(code('audio/mp4', m4a(1, { video: true }))).toBe('voice_codec_unsupported')
    expect(code('audio/ogg', oggOpus(61))).toBe('voice_too_long')
    expect(code('audio/webm', webmOpus(60))).toBe('accepted')
  })
})
