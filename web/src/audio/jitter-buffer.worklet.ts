// Runs on the audio rendering thread: plays each chunk at the frame it was scheduled for.
export {};
declare const sampleRate: number;
declare const currentFrame: number;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}
declare function registerProcessor(name: string, processor: new () => AudioWorkletProcessor): void;

interface Scheduled {
  startFrame: number;
  frames: number;
  channels: number;
  samples: Float32Array;
}

/** At most two seconds ahead: anything later is a clock jump, not jitter. */
const MAX_AHEAD_SECONDS = 2;

class JitterBuffer extends AudioWorkletProcessor {
  private chunks: Scheduled[] = [];
  private underruns = 0;
  private lastReport = 0;

  constructor() {
    super();
    this.port.onmessage = (event: MessageEvent) => {
      const message = event.data as { type: 'chunk'; chunk: Scheduled } | { type: 'clear' };
      if (message.type === 'clear') {
        this.chunks = [];
        return;
      }
      const chunk = message.chunk;
      if (chunk.startFrame + chunk.frames <= currentFrame) return;
      if (chunk.startFrame > currentFrame + MAX_AHEAD_SECONDS * sampleRate) this.chunks = [];
      let at = this.chunks.length;
      while (at > 0 && this.chunks[at - 1].startFrame > chunk.startFrame) at--;
      this.chunks.splice(at, 0, chunk);
    };
  }

  process(_inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    const output = outputs[0];
    const length = output[0].length;
    const start = currentFrame;
    const end = start + length;
    while (this.chunks.length && this.chunks[0].startFrame + this.chunks[0].frames <= start) this.chunks.shift();
    let covered = 0;
    for (const chunk of this.chunks) {
      if (chunk.startFrame >= end) break;
      const from = Math.max(start, chunk.startFrame);
      const to = Math.min(end, chunk.startFrame + chunk.frames);
      covered += to - from;
      for (let channel = 0; channel < output.length; channel++) {
        const source = Math.min(channel, chunk.channels - 1);
        const out = output[channel];
        for (let frame = from; frame < to; frame++) {
          out[frame - start] = chunk.samples[(frame - chunk.startFrame) * chunk.channels + source];
        }
      }
    }
    if (covered < length && this.chunks.length) this.underruns++;
    if (start - this.lastReport >= sampleRate) {
      this.lastReport = start;
      const buffered = this.chunks.length ? this.chunks[this.chunks.length - 1].startFrame + this.chunks[this.chunks.length - 1].frames - start : 0;
      this.port.postMessage({ type: 'stats', bufferedMs: (Math.max(0, buffered) / sampleRate) * 1000, underruns: this.underruns });
    }
    return true;
  }
}

registerProcessor('jitter-buffer', JitterBuffer);
