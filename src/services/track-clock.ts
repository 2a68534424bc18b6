import type { ReceiveStats } from '../livekit.js';

export interface TrackClockOptions {
  /** A disagreement between media position and arrival beyond this is corrected at once (µs; default 20 ms). */
  boundUs?: number;
  /** Arrivals are judged by their earliest in windows this long (µs; default 500 ms). */
  windowUs?: number;
  /** The receive delay to assume until one is measured (µs; default 0). */
  initialDelayUs?: number;
}

/**
 * Puts one track's media on the session clock. A frame's media position (its RTP-derived time for
 * video, its sample count for audio) runs smoothly, but the stream it comes from can slip against
 * real time: a stall of the process, lost packets, or the jitter buffer growing or shrinking. The
 * clock keeps `anchor + position` equal to the time the media was captured, estimated as its
 * arrival minus its receive delay (the jitter buffer's), judged by the earliest arrival of each
 * window (a busy event loop only ever delays arrivals). Once they disagree by more than the bound,
 * the clock re-anchors there: a step that the recorder fills with silence or drops, as a gap.
 */
export class TrackClock {
  private anchorUs: number | undefined;
  /** Arrival-minus-position errors of the current window, kept as a monotone queue for a sliding minimum. */
  private readonly window: { arrivalUs: number; errorUs: number }[] = [];
  private windowStartUs = 0;
  private lastArrivalUs = Infinity;
  /** Arrival (µs) of the first media after the newest stall. */
  private stallEndUs = -Infinity;
  private settled = false;
  /** The first judgment after a stall (and after the jitter buffer drained what waited) settles the anchor afresh, as the first window did. */
  private resettle = false;
  private readonly boundUs: number;
  private readonly windowUs: number;
  private delay: number;
  /** Re-anchors after the first window, and their summed size (µs). */
  corrections = 0;
  correctedUs = 0;
  /** Media the jitter buffer played out faster or slower than real time, and late media it filled in, as moved into the clock (µs). */
  playoutShiftUs = 0;

  /** Told of each re-anchor (µs the clock moved), for the log. */
  onCorrection: (slipUs: number) => void = () => undefined;

  constructor(options: TrackClockOptions = {}) {
    this.boundUs = options.boundUs ?? 20_000;
    this.windowUs = options.windowUs ?? 500_000;
    this.delay = options.initialDelayUs ?? 0;
  }

  /** The receive delay subtracted from arrivals, µs. */
  get delayUs(): number {
    return this.delay;
  }

  /**
   * A new measure of the receive delay. One that moved by more than half the bound means the jitter
   * buffer is growing or draining: arrivals are judged afresh over a whole window from here, while
   * `playout` accounts for what the buffer does.
   */
  set delayUs(delayUs: number) {
    if (Math.abs(delayUs - this.delay) > this.boundUs / 2) this.restartWindow(this.lastArrivalUs === Infinity ? 0 : this.lastArrivalUs);
    this.delay = delayUs;
  }

  /**
   * What the jitter buffer did to the media since the last call, from its counters: it skipped
   * `skippedUs` of media to catch up (negative when it stretched media to slow down), and filled in
   * `concealedUs` where media was missing. The media position of what follows moves with it. Filled-in
   * time counts as media that came late (not lost): all of it just after a stall of this process (the
   * jitter buffer was asked for the stalled time at once, before the packets that waited were read),
   * and otherwise `lateUs` of it (packets that came after their time and were played after it, see
   * `ReceiveMonitor.update`). Lost media or a muted track are concealed in real time, and their
   * time did pass. (A jitter
   * buffer settles by stretching and compressing its first second, which the first window takes in.)
   */
  playout(skippedUs: number, concealedUs: number, nowUs: number, lateUs = 0): void {
    // Just after a stall, or during one that no frame has come out of yet.
    const stalled = nowUs - this.stallEndUs < LATE_CONCEALMENT_US || nowUs - this.lastArrivalUs > STALL_US;
    const shiftUs = skippedUs - (stalled ? concealedUs : Math.min(lateUs, concealedUs));
    if (this.settled && Math.abs(skippedUs) > PLAYOUT_MOVING_US) {
      // The jitter buffer is draining or filling (after a stall, for seconds): its delay statistics,
      // means over an interval, lag behind, and judging arrivals by them re-anchors by ±20 ms and
      // back. Its skipped and stretched media are counted instead until it has held for a window.
      // After a stall, the anchor is settled afresh once it has drained: the statistics of packets
      // that waited in the socket and came in one burst say less than their delay.
      if (nowUs - this.stallEndUs < DRAIN_AFTER_STALL_US) this.resettle = true;
      this.restartWindow(nowUs);
    }
    // Until the first window settles the anchor, it takes in whatever the jitter buffer did.
    if (this.anchorUs === undefined || !this.settled || shiftUs === 0) return;
    this.anchorUs += shiftUs;
    this.playoutShiftUs += shiftUs;
    for (const entry of this.window) entry.errorUs -= shiftUs;
  }

  /** Session-clock time (µs) of media at `positionUs` that arrived at `arrivalUs` (session clock). */
  stamp(positionUs: number, arrivalUs: number): number {
    const capturedUs = arrivalUs - this.delay;
    if (this.anchorUs === undefined) {
      this.anchorUs = capturedUs - positionUs;
      this.windowStartUs = arrivalUs;
    }
    const window = this.window;
    if (arrivalUs - this.lastArrivalUs > STALL_US) {
      // Nothing arrived for a while (the process or the network stalled): what arrives next comes in
      // a burst, before the receive delay is measured again. The position goes on from where it
      // was, so the anchor stays; judge it afresh over two windows from now on, so that the jitter
      // buffer's delay is measured again before anything is decided.
      this.stallEndUs = arrivalUs;
      this.resettle = true;
      this.restartWindow(arrivalUs + this.windowUs);
    }
    this.lastArrivalUs = arrivalUs;
    const errorUs = capturedUs - (this.anchorUs + positionUs);
    // Arrivals before the window starts (a burst after a stall) are not judged.
    if (arrivalUs < this.windowStartUs) return Math.round(this.anchorUs + positionUs);
    while (window.length && window[window.length - 1].errorUs >= errorUs) window.pop();
    window.push({ arrivalUs, errorUs });
    while (window[0].arrivalUs < arrivalUs - this.windowUs) window.shift();
    if (this.settled && arrivalUs - this.windowStartUs >= GROSS_SPAN_US && window[0].errorUs < -GROSS_SLIP_US) {
      // Media arrived far earlier than its stamp says (concealment the jitter buffer's counters did
      // not account for, after a stall): while it drains, windows start afresh with every
      // statistics and never complete, so a slip this large is corrected on the arrivals so far
      // instead of waiting seconds for a whole window. Only early arrivals are evidence this soon:
      // a busy event loop delays every arrival of a short span, never advances one.
      this.correct(window[0].errorUs);
      this.restartWindow(arrivalUs);
    } else if (arrivalUs - this.windowStartUs >= this.windowUs) {
      // The earliest arrival of the last window is the best estimate of the slip. The first window
      // only settles the anchor; later, a slip beyond the bound is corrected at once. After a stall,
      // what the jitter buffer did is counted in whole packets and may leave up to a bound's worth
      // of error: the first window once media flows again settles the anchor as the first window
      // did (what a stall leaves is then that window's own error, measured at up to 10 ms).
      const slipUs = window[0].errorUs;
      const resettle = this.resettle;
      this.resettle = false;
      if (!this.settled || Math.abs(slipUs) > (resettle ? RESETTLE_BOUND_US : this.boundUs)) {
        if (this.settled) this.correct(slipUs);
        else this.anchorUs! += slipUs;
        this.settled = true;
        this.restartWindow(arrivalUs);
      }
    }
    return Math.round(this.anchorUs! + positionUs);
  }

  private correct(slipUs: number): void {
    this.anchorUs! += slipUs;
    this.corrections++;
    this.correctedUs += slipUs;
    this.onCorrection(slipUs);
  }

  private restartWindow(startUs: number): void {
    this.window.length = 0;
    this.windowStartUs = Math.max(this.windowStartUs, startUs);
  }
}

/** Media arriving this much (µs) earlier than its stamp says is corrected once arrivals have covered GROSS_SPAN_US, without waiting for a whole window. */
const GROSS_SLIP_US = 30_000;

/** Arrivals (µs) that judge a slip beyond GROSS_SLIP_US. */
const GROSS_SPAN_US = 100_000;

/** Arrivals further apart than this (µs) mean the stream stalled. */
const STALL_US = 150_000;

/** Media skipped or stretched between two statistics (µs) beyond which the jitter buffer counts as draining or filling. */
const PLAYOUT_MOVING_US = 5_000;

/** For this long (µs) after a stall, the jitter buffer draining what waited defers the fresh settling. */
const DRAIN_AFTER_STALL_US = 10_000_000;

/** The smallest slip (µs) that the first window after a stall corrects. */
const RESETTLE_BOUND_US = 1_000;

/** For this long (µs) after a stall, concealment is taken for late media (see `TrackClock.playout`). */
const LATE_CONCEALMENT_US = 1_000_000;

/** An interval without packets, in ms since the epoch; `endMs` is undefined while it lasts. */
export interface SilentSpan {
  startMs: number;
  endMs: number | undefined;
}

/** Packets must stop for this long before it counts as a gap. */
const GAP_MIN_MS = 400;
/** How long statistics may take to come (ms; `receiveStats` gives up after this). */
const STATS_TIMEOUT_MS = 2_000;
/** Clock skew allowed between libwebrtc's last-packet time and this process's (ms). */
const REPORTED_SLACK_MS = 50;

/**
 * Follows a track's receive statistics, polled every few hundred ms: its jitter-buffer delay over
 * the last interval, and spans when no packet came (muted, a network outage, a reconnect).
 */
export class ReceiveMonitor {
  private last: (ReceiveStats & { atMs: number }) | undefined;
  private open: SilentSpan | undefined;
  /** When statistics last counted new packets (ms since the epoch). */
  private progressMs: number | undefined;
  /** Mean time media spent in the jitter buffer over the last interval, µs; undefined until measured. */
  delayUs: number | undefined;
  /** Time between packets lately, µs (smoothed): for audio, how much each packet holds. */
  packetIntervalUs: number | undefined;

  constructor(
    /** Packet duration used to date the first packet after a gap (ms; 20 for Opus). */
    private readonly packetMs: number,
    private readonly onSpan: (span: SilentSpan) => void,
    /** A span that began under an earlier stream of the same track (a reconnect): it ends here. */
    open?: SilentSpan,
  ) {
    this.open = open;
  }

  get silentSince(): number | undefined {
    return this.open?.startMs;
  }

  /** Takes in the newest statistics; returns what the jitter buffer did to the media since the last (see `TrackClock.playout`). */
  update(stats: ReceiveStats, atMs: number): PlayoutChange {
    const last = this.last;
    this.last = { ...stats, atMs };
    if (!last) {
      // The track may have streamed before (to another user): its mean so far is a first estimate.
      if (stats.jitterBufferEmitted > 0) this.delayUs = (stats.jitterBufferDelaySec / stats.jitterBufferEmitted) * 1e6;
      return { skippedUs: 0, concealedUs: 0, lateUs: 0 };
    }
    const emitted = stats.jitterBufferEmitted - last.jitterBufferEmitted;
    if (emitted > 0) {
      // The mean over the interval, as it is: the jitter buffer drains or fills by tens of ms per interval.
      const delayUs = ((stats.jitterBufferDelaySec - last.jitterBufferDelaySec) / emitted) * 1e6;
      if (delayUs >= 0 && delayUs < 5e6) this.delayUs = delayUs;
    }
    // Audio counters are in samples at the decoder's rate; video has none of them.
    const rate = stats.samplesOutSec > 0 ? stats.samplesOut / stats.samplesOutSec : 48_000;
    const samplesUs = (samples: number) => Math.max(0, (samples * 1e6) / rate);
    const concealedUs = samplesUs(stats.concealedSamples - last.concealedSamples);
    const packets = stats.packetsReceived - last.packetsReceived;
    // Concealment that packets of the same interval made up for came late, not lost: more media
    // arrived than was played (beyond what was filled in), and no packet was given up on for it.
    const packetUs = this.packetIntervalUs ?? this.packetMs * 1000;
    const lostUs = Math.max(0, stats.packetsLost - last.packetsLost) * packetUs;
    const unplayedUs = Math.max(0, packets) * packetUs - (samplesUs(stats.samplesOut - last.samplesOut) - concealedUs);
    const change = {
      skippedUs: samplesUs(stats.removedSamples - last.removedSamples) - samplesUs(stats.insertedSamples - last.insertedSamples),
      concealedUs,
      lateUs: Math.max(0, Math.min(concealedUs - lostUs, unplayedUs)),
    };
    if (packets > 0 && !this.open) {
      const intervalUs = ((atMs - last.atMs) * 1000) / packets;
      this.packetIntervalUs = this.packetIntervalUs === undefined ? intervalUs : this.packetIntervalUs * 0.8 + intervalUs * 0.2;
    }
    if (packets > 0) this.progressMs = atMs;
    if (packets > 0) {
      if (this.open) {
        // The first packet of this interval came `packets - 1` packet durations before the newest.
        const newest = stats.lastPacketReceivedMs ?? atMs;
        this.open.endMs = Math.max(last.atMs, newest - (packets - 1) * this.packetMs);
        this.onSpan({ ...this.open });
        this.open = undefined;
      }
      return change;
    }
    // The last packet came before the last statistics that counted new packets, and after the ones
    // before them (at most a poll timeout earlier). A time outside that (or none) is not trusted:
    // the gap is dated by those statistics instead, however late this one comes (statistics may go
    // unanswered while the network is down).
    const progressMs = this.progressMs ?? last.atMs;
    const reported = stats.lastPacketReceivedMs;
    const since = reported !== undefined && reported <= progressMs + REPORTED_SLACK_MS && reported >= progressMs - STATS_TIMEOUT_MS ? reported : progressMs;
    if (!this.open && atMs - since >= GAP_MIN_MS) {
      this.open = { startMs: since, endMs: undefined };
      this.onSpan({ ...this.open });
    }
    return change;
  }
}

/** Media the jitter buffer skipped (negative: stretched) and time it filled in, over an interval, µs. */
export interface PlayoutChange {
  skippedUs: number;
  concealedUs: number;
  /** Of the concealment, media that came late rather than lost (see `update`). */
  lateUs: number;
}
