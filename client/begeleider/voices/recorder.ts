/**
 * The microphone through MediaRecorder, in the first container this browser records that the server
 * takes: WebM/Opus (Chromium, Firefox), Ogg/Opus, MP4/AAC (Safari). The stream is ended when the
 * recording stops, so the browser's microphone light goes off at once.
 */
const PREFERRED = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/mp4', 'audio/webm']

export type Recording = { stop: () => Promise<Blob> }

export async function startRecording(): Promise<Recording> {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true })
  const mimeType = PREFERRED.find((m) => MediaRecorder.isTypeSupported(m))
  const rec = new MediaRecorder(stream, mimeType ? { mimeType, audioBitsPerSecond: 48_000 } : undefined)
  const chunks: Blob[] = []
  rec.ondataavailable = (e) => {
    if (e.data.size > 0) chunks.push(e.data)
  }
  rec.start()
  return {
    stop: () =>
      new Promise<Blob>((resolve) => {
        rec.onstop = () => {
          for (const track of stream.getTracks()) track.stop()
          resolve(new Blob(chunks, { type: (rec.mimeType || mimeType || 'audio/webm').split(';')[0] }))
        }
        rec.stop()
      }),
  }
}
