import { useEffect, useRef, useState } from 'react';
import { useClient } from 'urql';
import { AudioOutput, pcm16ToFloat, type AudioLevel } from '../audio/audio-output';
import { base64ToBytes } from '../base64';
import { AudioFramesSubscription } from '../documents';
import type { PlayoutClock } from '../playout-clock';
import { useReport } from '../report';

let output: AudioOutput | undefined;
/** The page's one AudioContext, made on first use. */
function audioOutput(): AudioOutput {
  output ??= new AudioOutput();
  return output;
}

/** Plays the chosen participant's audio, scheduled on the same clock as their picture. */
export function AudioListener(props: { roomName: string; identity?: string; muted: boolean; clock: PlayoutClock; sessionId?: string }) {
  const client = useClient();
  const report = useReport();
  // A track that is not there yet (or any more) is asked for again a little later.
  const [attempt, setAttempt] = useState(0);
  const [level, setLevel] = useState<AudioLevel>();
  const started = useRef(false);

  useEffect(() => {
    if (!props.identity) return;
    const audio = audioOutput();
    started.current = true;
    const unlisten = audio.onLevel(setLevel);
    let subscription: { unsubscribe(): void } | undefined;
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    void audio.resume().then(() => {
      if (stopped) return;
      audio.clear();
      const options = { channels: 1, sampleRate: audio.preferredSampleRate, chunkMs: 20 };
      subscription = client
        .subscription(AudioFramesSubscription, { roomName: props.roomName, participantIdentity: props.identity, options })
        .subscribe((result) => {
          if (result.error) {
            report(result.error);
            if (!stopped) retry = setTimeout(() => setAttempt((value) => value + 1), 2_000);
            return;
          }
          const chunk = result.data?.audioFrames;
          if (!chunk) return;
          const samples = pcm16ToFloat(base64ToBytes(chunk.data));
          audio.schedule(samples, chunk.channels, chunk.sampleRate, props.clock.due(chunk.timestampUs));
        });
    });
    return () => {
      stopped = true;
      clearTimeout(retry);
      subscription?.unsubscribe();
      unlisten();
      audio.clear();
    };
  }, [client, props.roomName, props.identity, props.sessionId, attempt]);

  useEffect(() => {
    if (started.current) audioOutput().setMuted(props.muted);
  }, [props.muted, props.identity]);

  return (
    <div
      className="audio"
      data-testid="audio-level"
      data-listening={props.identity ?? ''}
      data-peak-hz={level ? level.peakHz.toFixed(1) : ''}
      data-rms={level ? level.rms.toFixed(4) : ''}
      data-state={level?.state ?? ''}
    >
      {props.identity ? (
        <>
          Hearing <strong>{props.identity}</strong>
          {props.muted && ' (muted)'}: <meter min={0} max={0.5} value={level?.rms ?? 0} /> {level ? `${Math.round(level.peakHz)} Hz` : ''}
          {level && <span className="hint"> buffer {Math.round(level.bufferedMs)} ms</span>}
        </>
      ) : (
        <span className="hint">Pick a participant to hear.</span>
      )}
    </div>
  );
}
