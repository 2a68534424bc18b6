import { useEffect, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { RecordingsQuery } from '../documents';
import type { LiveViewRecordingsQuery } from '../gql/graphql';
import { useReport } from '../report';
import { Timeline } from './Timeline';

const STORAGE_LABELS = { LOCAL: 'on disk', UPLOADING: '⇡ uploading', STORED: '☁ stored', UPLOAD_FAILED: '⚠ upload failed' } as const;

type Recording = LiveViewRecordingsQuery['recordings']['edges'][number]['node'];

/** Camera and microphone make one file family, screen share and its audio the other. */
function familyOf(source: string): 'CAMERA' | 'SCREEN' {
  return source.startsWith('SCREEN') ? 'SCREEN' : 'CAMERA';
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function formatDuration(seconds: number): string {
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** The room's recordings, newest first, each playable and seekable from its download path. */
export function Recordings({ roomName, changes }: { roomName: string; changes: number }) {
  const report = useReport();
  const [{ data, error }, refetch] = useQuery({ query: RecordingsQuery, variables: { roomName } });
  const recordings = (data?.recordings.edges ?? []).map((edge) => edge.node);
  const busy = recordings.some(
    (r) => r.state === 'RECORDING' || r.state === 'PAUSED' || r.state === 'FINALIZING' || r.files.some((f) => f.storage === 'UPLOADING' || f.storage === 'UPLOAD_FAILED'),
  );

  useEffect(() => report(error), [error]);
  useEffect(() => {
    if (changes > 0) refetch({ requestPolicy: 'network-only' });
  }, [changes]);
  // Sizes grow while recording, files appear once finalized, and uploads move on.
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(() => refetch({ requestPolicy: 'network-only' }), 1_500);
    return () => clearInterval(timer);
  }, [busy]);

  return (
    <section className="recordings">
      <h3>Recordings</h3>
      <ul data-testid="recordings">
        {recordings.length === 0 && <li className="hint">none</li>}
        {recordings.map((recording) => (
          <RecordingItem key={recording.id} recording={recording} />
        ))}
      </ul>
    </section>
  );
}

/** Seconds paused in all, an open pause counted up to now. */
function pausedSec(pauses: Recording['pauses']): number {
  return pauses.reduce((sum, pause) => sum + ((pause.end ? Date.parse(pause.end) : Date.now()) - Date.parse(pause.start)) / 1000, 0);
}

function RecordingItem({ recording }: { recording: Recording }) {
  const video = useRef<HTMLVideoElement>(null);
  const [position, setPosition] = useState(0);
  const playable = recording.files.find((f) => f.kind === 'COMBINED' && f.source === 'CAMERA') ?? recording.files.find((f) => f.kind === 'COMBINED') ?? recording.files.find((f) => f.kind === 'VIDEO');
  const duration = Math.max(0, ...recording.files.map((f) => f.durationSec ?? 0));
  const size = recording.files.reduce((sum, f) => sum + f.sizeBytes, 0);
  return (
    <li data-testid="recording" data-id={recording.id} data-state={recording.state} data-participant={recording.participantIdentity}>
      <div>
        <strong>{recording.participantIdentity}</strong> <span className={`state state-${recording.state}`}>{recording.state}</span>{' '}
        <span data-testid="recording-duration">{duration ? formatDuration(duration) : '–'}</span> ·{' '}
        <span data-testid="recording-size">{formatBytes(size)}</span>
        <span className="hint" data-testid="recording-mode" title={recording.mode === 'PASSTHROUGH' ? 'as sent, not re-encoded' : 'decoded and encoded again'}>
          {' '}
          {recording.mode === 'PASSTHROUGH' ? 'as sent' : 'transcoded'}
        </span>
        {recording.stopReason && <span className="hint"> {recording.stopReason}</span>}
        {recording.pauses.length > 0 && (
          <span className="hint" data-testid="recording-pauses" data-count={recording.pauses.length}>
            {' '}
            paused {recording.pauses.length}× ({formatDuration(pausedSec(recording.pauses))}, left out)
          </span>
        )}
        {recording.gaps.length > 0 && (
          <span className="hint" data-testid="recording-gaps">
            {' '}
            {recording.gaps.length} gap{recording.gaps.length === 1 ? '' : 's'}
          </span>
        )}
        {recording.error && <span className="error-text"> {recording.error}</span>}
      </div>
      {playable && (
        <>
          <video
            ref={video}
            src={playable.signedDownloadPath}
            controls
            preload="auto"
            muted
            playsInline
            width={playable.width ?? 320}
            height={playable.height ?? 180}
            data-testid="recording-video"
            onTimeUpdate={(event) => setPosition(event.currentTarget.currentTime)}
            onSeeked={(event) => setPosition(event.currentTarget.currentTime)}
          />
          <Timeline
            duration={playable.durationSec ?? duration}
            position={position}
            gaps={recording.gaps.filter((gap) => familyOf(gap.source) === familyOf(playable.source))}
            onSeek={(seconds) => video.current && (video.current.currentTime = seconds)}
          />
          <div className="files">
            {recording.files.map((file) => (
              <a key={file.downloadPath} href={file.signedDownloadPath} download data-testid="recording-file" data-kind={file.kind}>
                {file.kind.toLowerCase()} {file.source.toLowerCase()} ({formatBytes(file.sizeBytes)})
                {file.storage !== 'LOCAL' && (
                  <span className={`storage ${file.storage.toLowerCase()}`} data-testid="file-storage" title={file.storageError ?? undefined}>
                    {' '}
                    {STORAGE_LABELS[file.storage]}
                    {file.storageError ? `: ${file.storageError}` : ''}
                  </span>
                )}
              </a>
            ))}
          </div>
        </>
      )}
    </li>
  );
}
