import { useState } from 'react';
import { useMutation } from 'urql';
import { CreateWatchRuleMutation, UpdateWatchRuleMutation } from '../documents';
import { describeError, type ShownError } from '../errors';
import type { CreateWatchRuleInput, LiveViewWatchRuleFragment, TrackSource } from '../gql/graphql';

const SOURCES: { value: TrackSource; label: string }[] = [
  { value: 'CAMERA', label: 'camera' },
  { value: 'MICROPHONE', label: 'microphone' },
  { value: 'SCREEN_SHARE', label: 'screen share' },
  { value: 'SCREEN_SHARE_AUDIO', label: 'screen share audio' },
];

function globs(text: string): string[] {
  return text
    .split(',')
    .map((glob) => glob.trim())
    .filter(Boolean);
}

/** A blank field is left out, so the server's default (or "no limit") applies. */
function seconds(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text);
}

/**
 * A new watch rule, or a change to `rule`; its owner gives it a new key once saved, to start over.
 * The server validates every field: what it refuses (VALIDATION_FAILED naming the field,
 * LIMIT_EXCEEDED past its rule limit) is shown beside the form.
 */
export function WatchRuleForm({ rule, onDone }: { rule?: LiveViewWatchRuleFragment; onDone(): void }) {
  const [roomPattern, setRoomPattern] = useState(rule?.roomPattern ?? '');
  const [record, setRecord] = useState(rule?.record ?? false);
  const [include, setInclude] = useState(rule?.includeIdentities.join(', ') ?? '');
  const [exclude, setExclude] = useState(rule?.excludeIdentities.join(', ') ?? '');
  const [sources, setSources] = useState<ReadonlySet<TrackSource>>(new Set(rule?.sources ?? SOURCES.map((s) => s.value)));
  const [maxRecordingSec, setMaxRecordingSec] = useState(rule?.maxRecordingSec?.toString() ?? '');
  const [emptyRoomSec, setEmptyRoomSec] = useState(rule?.emptyRoomSec.toString() ?? '');
  const [enabled, setEnabled] = useState(rule?.enabled ?? true);
  const [problem, setProblem] = useState<ShownError>();
  const [, create] = useMutation(CreateWatchRuleMutation);
  const [, update] = useMutation(UpdateWatchRuleMutation);

  const toggleSource = (source: TrackSource) =>
    setSources((current) => {
      const next = new Set(current);
      if (!next.delete(source)) next.add(source);
      return next;
    });

  const submit = async () => {
    const input: CreateWatchRuleInput = {
      roomPattern: roomPattern.trim(),
      record,
      includeIdentities: globs(include),
      excludeIdentities: globs(exclude),
      sources: SOURCES.map((s) => s.value).filter((source) => sources.has(source)),
      maxRecordingSec: seconds(maxRecordingSec),
      emptyRoomSec: seconds(emptyRoomSec),
      enabled,
    };
    const result = rule ? await update({ id: rule.id, input }) : await create({ input });
    setProblem(result.error && describeError(result.error));
    if (!result.error) onDone();
  };

  return (
    <form
      className="rule-form"
      data-testid="rule-form"
      aria-label={rule ? `Edit rule ${rule.roomPattern}` : 'New watch rule'}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label>
        Room pattern
        <input value={roomPattern} onChange={(e) => setRoomPattern(e.target.value)} placeholder="class-*" data-testid="rule-pattern" />
      </label>
      <label className="inline">
        <input type="checkbox" checked={record} onChange={(e) => setRecord(e.target.checked)} data-testid="rule-record" />
        Record
      </label>
      <label>
        Record only (identity globs, comma-separated; empty: everyone)
        <input value={include} onChange={(e) => setInclude(e.target.value)} placeholder="teacher-*, guest-?" data-testid="rule-include" />
      </label>
      <label>
        Never record (identity globs, comma-separated)
        <input value={exclude} onChange={(e) => setExclude(e.target.value)} placeholder="bot-*" data-testid="rule-exclude" />
      </label>
      <fieldset>
        <legend>Sources</legend>
        {SOURCES.map((source) => (
          <label key={source.value} className="inline">
            <input type="checkbox" checked={sources.has(source.value)} onChange={() => toggleSource(source.value)} data-testid="rule-source" data-source={source.value} />
            {source.label}
          </label>
        ))}
      </fieldset>
      <label>
        Longest recording, s (empty: no limit)
        <input type="number" min={1} value={maxRecordingSec} onChange={(e) => setMaxRecordingSec(e.target.value)} data-testid="rule-max-recording" />
      </label>
      <label>
        End when empty for, s (empty: 30)
        <input type="number" min={0} value={emptyRoomSec} onChange={(e) => setEmptyRoomSec(e.target.value)} data-testid="rule-empty-room" />
      </label>
      <label className="inline">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} data-testid="rule-enabled" />
        Enabled
      </label>
      {problem && (
        <p className="error-text" role="alert" data-testid="rule-form-error" data-code={problem.code}>
          <strong>{problem.code}</strong> {problem.message}
        </p>
      )}
      <span className="actions">
        <button type="submit" data-testid="rule-save">
          {rule ? 'Save rule' : 'Add rule'}
        </button>
        {rule && (
          <button type="button" onClick={onDone} data-testid="rule-cancel">
            Cancel
          </button>
        )}
      </span>
    </form>
  );
}
