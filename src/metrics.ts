import { readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { SubscriberActivity } from './activity-log.js';
import type { MediaService } from './services/media.js';
import { FILE_NAMES } from './services/recording-model.js';
import type { RecordingService } from './services/recordings.js';
import type { SessionService } from './services/sessions.js';
import { renditionTally } from './services/video-renditions.js';

export interface MetricsSources {
  sessions: SessionService;
  media: MediaService;
  recordings: RecordingService;
  subscribers: SubscriberActivity;
}

/** Longest operation name kept as a label; longer ones are cut. */
const MAX_OPERATION_NAME = 64;
/** Distinct operation names kept as labels; past it, new names are counted as "other". */
const MAX_OPERATION_NAMES = 200;

/**
 * The Prometheus registry of one server: gauges and counters read from the services' own numbers
 * when scraped, process metrics, and the GraphQL operation durations that the plugin observes.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly operationSeconds: Histogram<'operation_type' | 'operation_name'>;
  /** Bytes on disk of each recording being written, as last seen. */
  private readonly recordingBytes = new Map<string, number>();
  /** Bytes of recordings that have stopped since the process started. */
  private finishedRecordingBytes = 0;
  private readonly operationNames = new Set<string>();

  constructor(private readonly sources: MetricsSources) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    const { sessions, media, subscribers } = sources;

    new Gauge({
      name: 'haven_sessions_active',
      help: 'Sessions connecting, connected or reconnecting',
      registers,
      collect() {
        this.set(sessions.active().length);
      },
    });
    new Gauge({
      name: 'haven_subscribers',
      help: 'Subscriptions open now, by kind (EVENTS: sessionEvents, VIDEO: videoFrames, AUDIO: audioFrames)',
      labelNames: ['kind'],
      registers,
      collect() {
        const stats = media.stats();
        this.set({ kind: 'VIDEO' }, stats.videoSubscribers);
        this.set({ kind: 'AUDIO' }, stats.audioSubscribers);
        this.set({ kind: 'EVENTS' }, subscribers.count('EVENTS'));
      },
    });
    new Gauge({
      name: 'haven_video_encoders_running',
      help: 'Live video encoders (one ffmpeg each) running now',
      registers,
      collect() {
        this.set(media.stats().runningEncoders);
      },
    });
    const renditionCounter = (name: string, help: string, pick: (counts: { received: number; encoded: number; sent: number; dropped: number }) => number) =>
      new Counter({
        name,
        help,
        labelNames: ['rendition'],
        registers,
        collect() {
          this.reset();
          for (const [rendition, counts] of renditionTally.frames) this.inc({ rendition }, pick(counts));
        },
      });
    renditionCounter('haven_rendition_frames_received_total', 'Video frames that reached a rendition, by rendition (format|maxWidth|maxHeight|maxFps|quality)', (c) => c.received);
    renditionCounter('haven_rendition_frames_encoded_total', 'Video frames a rendition encoded', (c) => c.encoded);
    renditionCounter('haven_rendition_frames_sent_total', 'Encoded video frames handed to subscribers', (c) => c.sent);
    renditionCounter('haven_rendition_frames_dropped_total', 'Video frames a rendition skipped because its encoder was still busy', (c) => c.dropped);
    new Histogram({
      name: 'haven_video_encode_seconds',
      help: 'Time from a raw frame entering a live encoder (ffmpeg) to its encoded frame coming back',
      labelNames: ['format'],
      buckets: [0.002, 0.005, 0.01, 0.02, 0.035, 0.05, 0.075, 0.1, 0.2, 0.5, 1],
      registers,
      collect() {
        for (const sample of renditionTally.takeEncodeTimes()) this.observe({ format: sample.format }, sample.seconds);
      },
    });
    new Counter({
      name: 'haven_ffmpeg_restarts_total',
      help: 'Live video encoders started again for a new input size',
      registers,
      collect() {
        this.reset();
        this.inc(renditionTally.encoderRestarts);
      },
    });
    new Counter({
      name: 'haven_video_subscriber_dropped_frames_total',
      help: 'Encoded frames a slow video subscriber skipped (it keeps only the newest), of subscriptions that have ended',
      registers,
      collect() {
        this.reset();
        this.inc(media.stats().droppedVideoFrames);
      },
    });
    new Counter({
      name: 'haven_audio_dropped_samples_total',
      help: 'Audio samples slow audio subscribers lost, of subscriptions that have ended',
      registers,
      collect() {
        this.reset();
        this.inc(media.stats().droppedAudioSamples);
      },
    });
    const metrics = this;
    new Counter({
      name: 'haven_recording_bytes_written_total',
      help: 'Bytes of recording files written since the process started (measured on disk)',
      registers,
      async collect() {
        this.reset();
        this.inc(await metrics.recordingBytesWritten());
      },
    });
    new Counter({
      name: 'haven_upload_bytes_total',
      help: 'Bytes of recording files uploaded to object storage since the process started',
      registers,
      collect() {
        this.reset();
        this.inc(metrics.sources.recordings.uploads?.bytesUploaded ?? 0);
      },
    });
    new Gauge({
      name: 'haven_uploads_pending',
      help: 'Finished recordings waiting for, or in, their upload to object storage',
      registers,
      collect() {
        this.set(metrics.sources.recordings.uploads?.pending ?? 0);
      },
    });
    new Counter({
      name: 'haven_upload_failures_total',
      help: 'Uploads to object storage that failed (each is tried again) since the process started',
      registers,
      collect() {
        this.reset();
        this.inc(metrics.sources.recordings.uploads?.failures ?? 0);
      },
    });
    this.operationSeconds = new Histogram({
      name: 'haven_graphql_operation_duration_seconds',
      help: 'Execution time of GraphQL operations (for a subscription: until its stream is set up)',
      labelNames: ['operation_type', 'operation_name'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15],
      registers,
    });

    // Recordings are followed from start to stop through the session events.
    sessions.events.listen((event) => {
      if (event.type === 'RecordingStarted') this.recordingBytes.set(event.recording.id, 0);
      else if (event.type === 'RecordingStopped' || event.type === 'RecordingFailed') {
        const id = event.recording.id;
        const seen = this.recordingBytes.get(id) ?? 0;
        this.recordingBytes.delete(id);
        const files = event.type === 'RecordingStopped' ? event.recording.files.reduce((sum, file) => sum + file.sizeBytes, 0) : 0;
        this.finishedRecordingBytes += Math.max(seen, files);
      }
    });
  }

  /** Finished recordings' bytes plus what the running ones have on disk now. */
  private async recordingBytesWritten(): Promise<number> {
    let running = 0;
    for (const id of this.recordingBytes.keys()) {
      const bytes = await this.folderBytes(id);
      const seen = Math.max(bytes, this.recordingBytes.get(id) ?? 0);
      if (this.recordingBytes.has(id)) this.recordingBytes.set(id, seen);
      running += seen;
    }
    return this.finishedRecordingBytes + running;
  }

  private async folderBytes(recordingId: string): Promise<number> {
    const paths = await Promise.all([...FILE_NAMES].map((name) => this.sources.recordings.filePath(recordingId, name).catch(() => undefined)));
    const anyFile = paths.find((path) => path !== undefined);
    if (!anyFile) return 0;
    const folder = dirname(anyFile);
    let total = 0;
    for (const name of await readdir(folder).catch(() => [] as string[])) {
      total += await stat(join(folder, name)).then(
        (info) => (info.isFile() ? info.size : 0),
        () => 0,
      );
    }
    return total;
  }

  /** Times every GraphQL operation, over HTTP and graphql-ws alike. */
  plugin(): Plugin {
    const observe = (document: Parameters<typeof getOperationAST>[0], operationName: string | null | undefined, started: number) => {
      const operation = getOperationAST(document, operationName);
      let name = (operationName ?? operation?.name?.value ?? 'anonymous').slice(0, MAX_OPERATION_NAME);
      // Names come from clients: a bounded set of them, so that labels cannot grow without end.
      if (!this.operationNames.has(name)) {
        if (this.operationNames.size >= MAX_OPERATION_NAMES) name = 'other';
        else this.operationNames.add(name);
      }
      this.operationSeconds.observe({ operation_type: operation?.operation ?? 'unknown', operation_name: name }, (performance.now() - started) / 1000);
    };
    return {
      onExecute: ({ args }) => {
        const started = performance.now();
        return { onExecuteDone: () => observe(args.document, args.operationName, started) };
      },
      onSubscribe: ({ args }) => {
        const started = performance.now();
        return { onSubscribeResult: () => observe(args.document, args.operationName, started) };
      },
    };
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
