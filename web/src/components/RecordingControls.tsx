import { useMutation, type CombinedError } from 'urql';
import { PauseRecordingMutation, ResumeRecordingMutation, StartRecordingMutation, StopRecordingMutation } from '../documents';
import type { RecordingState } from '../gql/graphql';
import { useReport } from '../report';

/** Record, pause, resume and stop recording one room's session, with a badge for what it does now. */
export function RecordingControls({ roomName, states, onChanged }: { roomName: string; states: readonly RecordingState[]; onChanged(): void }) {
  const report = useReport();
  const [, startRecording] = useMutation(StartRecordingMutation);
  const [, stopRecording] = useMutation(StopRecordingMutation);
  const [, pauseRecording] = useMutation(PauseRecordingMutation);
  const [, resumeRecording] = useMutation(ResumeRecordingMutation);
  const recording = states.includes('RECORDING');
  const paused = !recording && states.includes('PAUSED');

  const run = async (action: Promise<{ error?: CombinedError }>) => {
    report((await action).error);
    onChanged();
  };

  return (
    <>
      {recording && (
        <span className="rec" data-testid="recording-badge">
          ● REC
        </span>
      )}
      {paused && (
        <span className="paused" data-testid="paused-badge">
          ❚❚ PAUSED
        </span>
      )}
      <span className="actions">
        {recording && (
          <button type="button" onClick={() => run(pauseRecording({ roomName }))} data-testid="pause-recording" aria-label={`Pause recording ${roomName}`}>
            Pause
          </button>
        )}
        {paused && (
          <button type="button" onClick={() => run(resumeRecording({ roomName }))} data-testid="resume-recording" aria-label={`Resume recording ${roomName}`}>
            Resume
          </button>
        )}
        {recording || paused ? (
          <button type="button" onClick={() => run(stopRecording({ roomName }))} data-testid="stop-recording">
            Stop recording
          </button>
        ) : (
          <button type="button" onClick={() => run(startRecording({ roomName }))} data-testid="start-recording">
            Record
          </button>
        )}
      </span>
    </>
  );
}
