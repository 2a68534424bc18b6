import { useEffect, useRef, useState } from 'react';
import { useClient } from 'urql';
import { VideoFramesSubscription } from '../documents';
import { FrameAssembler } from '../frames';
import type { PlayoutClock } from '../playout-clock';
import { useReport } from '../report';

interface Decoded {
  seq: number;
  due: number;
  bitmap: ImageBitmap;
}

/** Frames decoded ahead of their instant; more means the tab cannot keep up, so drop the oldest. */
const MAX_QUEUED = 12;

/** The frame rate to ask for: small tiles need fewer pictures. */
function rateFor(width: number, height: number): number {
  const area = width * height;
  return area <= 320 * 240 ? 10 : area <= 640 * 480 ? 15 : 30;
}

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(max, Math.round(value)));

/**
 * A participant's video on a canvas: JPEG frames at the tile's size, reassembled from their chunks,
 * decoded off the main thread by createImageBitmap and drawn at their instant on the playout clock.
 */
export function VideoTile(props: { roomName: string; identity: string; name: string; clock: PlayoutClock; sessionId: string; videoTrackSid?: string }) {
  const client = useClient();
  const report = useReport();
  // A track that is not there yet (or any more) is asked for again a little later.
  const [attempt, setAttempt] = useState(0);
  const wrap = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState({ width: 320, height: 180 });
  const [fps, setFps] = useState(0);
  const [picture, setPicture] = useState('');

  // The tile's size, in 32-pixel steps so that a resize does not resubscribe at every pixel.
  useEffect(() => {
    const element = wrap.current!;
    const observer = new ResizeObserver(([entry]) => {
      const width = Math.max(32, Math.round(entry.contentRect.width / 32) * 32);
      const height = Math.max(32, Math.round((width * 9) / 16 / 2) * 2);
      setSize((current) => (current.width === width && current.height === height ? current : { width, height }));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const element = canvas.current!;
    const scale = window.devicePixelRatio || 1;
    element.width = Math.round(size.width * scale);
    element.height = Math.round(size.height * scale);
    const context = element.getContext('2d')!;
    context.fillStyle = '#000';
    context.fillRect(0, 0, element.width, element.height);

    const frames = new FrameAssembler();
    const queue: Decoded[] = [];
    let lastDrawn = -1;
    let drawnThisSecond = 0;
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const options = {
      format: 'JPEG' as const,
      maxWidth: clamp(element.width, 16, 7680),
      maxHeight: clamp(element.height, 16, 4320),
      maxFps: rateFor(element.width, element.height),
      quality: 70,
    };
    const subscription = client
      .subscription(VideoFramesSubscription, { roomName: props.roomName, participantIdentity: props.identity, options })
      .subscribe((result) => {
        if (result.error) {
            report(result.error);
            if (!stopped) retry = setTimeout(() => setAttempt((value) => value + 1), 2_000);
            return;
          }
        const chunk = result.data?.videoFrames;
        if (!chunk) return;
        const frame = frames.add(chunk);
        if (!frame) return;
        const due = props.clock.due(frame.timestampUs);
        createImageBitmap(new Blob([frame.bytes], { type: 'image/jpeg' })).then(
          (bitmap) => {
            if (stopped || frame.seq <= lastDrawn) return bitmap.close();
            let at = queue.length;
            while (at > 0 && queue[at - 1].seq > frame.seq) at--;
            queue.splice(at, 0, { seq: frame.seq, due, bitmap });
            while (queue.length > MAX_QUEUED) queue.shift()!.bitmap.close();
            setPicture((current) => (current === `${frame.width}×${frame.height}` ? current : `${frame.width}×${frame.height}`));
          },
          () => undefined,
        );
      });

    let raf = 0;
    const draw = () => {
      raf = requestAnimationFrame(draw);
      const now = performance.now();
      let next: Decoded | undefined;
      while (queue.length && queue[0].due <= now) {
        next?.bitmap.close();
        next = queue.shift();
      }
      if (!next) return;
      const { bitmap } = next;
      const fit = Math.min(element.width / bitmap.width, element.height / bitmap.height);
      const width = bitmap.width * fit;
      const height = bitmap.height * fit;
      context.fillRect(0, 0, element.width, element.height);
      context.drawImage(bitmap, (element.width - width) / 2, (element.height - height) / 2, width, height);
      bitmap.close();
      lastDrawn = next.seq;
      drawnThisSecond++;
    };
    raf = requestAnimationFrame(draw);
    const meter = setInterval(() => {
      setFps(drawnThisSecond);
      drawnThisSecond = 0;
    }, 1_000);

    return () => {
      stopped = true;
      clearTimeout(retry);
      subscription.unsubscribe();
      cancelAnimationFrame(raf);
      clearInterval(meter);
      for (const item of queue.splice(0)) item.bitmap.close();
    };
  }, [client, props.roomName, props.identity, props.sessionId, props.videoTrackSid, size.width, size.height, attempt]);

  return (
    <figure className="tile" ref={wrap} data-testid="video-tile" data-identity={props.identity}>
      <canvas ref={canvas} style={{ width: size.width, height: size.height }} data-testid="video-canvas" data-identity={props.identity} />
      <figcaption>
        {props.name}{' '}
        <span className="fps" data-testid="fps" data-fps={fps}>
          {fps} fps
        </span>{' '}
        <span className="hint">{picture}</span>
      </figcaption>
    </figure>
  );
}
