import workletUrl from './jitter-buffer.worklet.ts?worker&url';

export interface AudioLevel {
  /** Root mean square of the output, 0..1. */
  rms: number;
  /** Frequency of the loudest bin, in Hz (0 when silent). */
  peakHz: number;
  state: AudioContextState;
  sampleRate: number;
  bufferedMs: number;
  underruns: number;
}

declare global {
  interface Window {
    /** What the page plays, for tests and for curious people in the console. */
    __haven?: { audio?: AudioLevel; output?: { context: AudioContext; analyser: AnalyserNode } };
  }
}

/**
 * The page's one AudioContext: an AudioWorklet jitter buffer that plays PCM at the instants the
 * playout clock gives, a gain for muting, and an analyser on the output that reports its level.
 */
export class AudioOutput {
  readonly context: AudioContext;
  private readonly gain: GainNode;
  private readonly analyser: AnalyserNode;
  private node: AudioWorkletNode | undefined;
  private readonly ready: Promise<void>;
  private nextFrame: number | undefined;
  private stats = { bufferedMs: 0, underruns: 0 };
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly listeners = new Set<(level: AudioLevel) => void>();

  constructor() {
    this.context = new AudioContext({ latencyHint: 'interactive' });
    this.gain = this.context.createGain();
    this.analyser = this.context.createAnalyser();
    this.analyser.fftSize = 8192;
    this.analyser.smoothingTimeConstant = 0.3;
    this.gain.connect(this.analyser).connect(this.context.destination);
    this.ready = this.context.audioWorklet.addModule(workletUrl).then(() => {
      this.node = new AudioWorkletNode(this.context, 'jitter-buffer', { numberOfInputs: 0, outputChannelCount: [2] });
      this.node.port.onmessage = (event) => {
        if (event.data?.type === 'stats') this.stats = { bufferedMs: event.data.bufferedMs, underruns: event.data.underruns };
      };
      this.node.connect(this.gain);
    });
    this.timer = setInterval(() => this.measure(), 100);
    window.__haven = { ...window.__haven, output: { context: this.context, analyser: this.analyser } };
  }

  /** A sample rate the server can send (8000-48000) that needs no resampling here. */
  get preferredSampleRate(): number {
    const rate = this.context.sampleRate;
    return rate >= 8_000 && rate <= 48_000 ? rate : 48_000;
  }

  async resume(): Promise<void> {
    await this.ready;
    if (this.context.state !== 'running') await this.context.resume();
  }

  setMuted(muted: boolean): void {
    this.gain.gain.setTargetAtTime(muted ? 0 : 1, this.context.currentTime, 0.01);
  }

  /** Forgets what is queued (another participant chosen). */
  clear(): void {
    this.nextFrame = undefined;
    this.node?.port.postMessage({ type: 'clear' });
  }

  /** Queues interleaved samples to start at performance.now() time `dueMs`. */
  schedule(samples: Float32Array, channels: number, sampleRate: number, dueMs: number): void {
    if (!this.node || sampleRate !== this.context.sampleRate) return;
    const { contextTime, performanceTime } = this.context.getOutputTimestamp();
    const at =
      performanceTime && contextTime !== undefined
        ? contextTime + (dueMs - performanceTime) / 1000
        : this.context.currentTime + this.context.baseLatency + (dueMs - performance.now()) / 1000;
    let startFrame = Math.round(at * sampleRate);
    const frames = samples.length / channels;
    // Chunks that follow each other play back to back: no click from a timestamp's rounding.
    if (this.nextFrame !== undefined && Math.abs(startFrame - this.nextFrame) < sampleRate * 0.03) startFrame = this.nextFrame;
    this.nextFrame = startFrame + frames;
    this.node.port.postMessage({ type: 'chunk', chunk: { startFrame, frames, channels, samples } }, [samples.buffer]);
  }

  onLevel(listener: (level: AudioLevel) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private measure(): void {
    const time = new Float32Array(this.analyser.fftSize);
    this.analyser.getFloatTimeDomainData(time);
    let sum = 0;
    for (const value of time) sum += value * value;
    const rms = Math.sqrt(sum / time.length);
    const spectrum = new Float32Array(this.analyser.frequencyBinCount);
    this.analyser.getFloatFrequencyData(spectrum);
    let peak = 0;
    for (let bin = 1; bin < spectrum.length; bin++) if (spectrum[bin] > spectrum[peak]) peak = bin;
    const level: AudioLevel = {
      rms,
      peakHz: rms > 1e-4 ? (peak * this.context.sampleRate) / this.analyser.fftSize : 0,
      state: this.context.state,
      sampleRate: this.context.sampleRate,
      ...this.stats,
    };
    window.__haven = { ...window.__haven, audio: level };
    for (const listener of this.listeners) listener(level);
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.context.close();
  }
}

/** PCM s16le (interleaved) as floats -1..1. */
export function pcm16ToFloat(bytes: Uint8Array): Float32Array<ArrayBuffer> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(bytes.byteLength >> 1);
  for (let i = 0; i < out.length; i++) out[i] = view.getInt16(i * 2, true) / 32768;
  return out;
}
