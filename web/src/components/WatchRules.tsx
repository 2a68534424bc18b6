import { useEffect, useState } from 'react';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { DeleteWatchRuleMutation, UpdateWatchRuleMutation, WatchRulesQuery } from '../documents';
import type { CreateWatchRuleInput, LiveViewWatchRuleFragment } from '../gql/graphql';
import { useReport } from '../report';
import { WatchRuleForm } from './WatchRuleForm';

type WatchRule = LiveViewWatchRuleFragment;

/** updateWatchRule replaces every field: a toggle sends the others unchanged. */
function inputOf(rule: WatchRule): CreateWatchRuleInput {
  const { roomPattern, record, includeIdentities, excludeIdentities, sources, maxRecordingSec, emptyRoomSec, enabled } = rule;
  return { roomPattern, record, includeIdentities, excludeIdentities, sources, maxRecordingSec, emptyRoomSec, enabled };
}

function summary(rule: WatchRule): string {
  const whom = [
    rule.includeIdentities.length ? `only ${rule.includeIdentities.join(', ')}` : 'everyone',
    rule.excludeIdentities.length ? `not ${rule.excludeIdentities.join(', ')}` : '',
  ].filter(Boolean);
  const recorded = rule.record ? `records ${whom.join(', ')}: ${rule.sources.map((s) => s.toLowerCase()).join(', ')}` : 'watches';
  const limit = rule.maxRecordingSec ? `, at most ${rule.maxRecordingSec} s` : '';
  return `${recorded}${limit}; ends ${rule.emptyRoomSec} s after the room empties`;
}

/** The rules that say which rooms haven-live watches by itself: add, change, switch off, delete. */
export function WatchRules() {
  const report = useReport();
  const [{ data, error }, refetch] = useQuery({ query: WatchRulesQuery });
  const [, update] = useMutation(UpdateWatchRuleMutation);
  const [, remove] = useMutation(DeleteWatchRuleMutation);
  const [editing, setEditing] = useState<string>();
  const [saved, setSaved] = useState(0);
  const refresh = () => refetch({ requestPolicy: 'network-only' });

  useEffect(() => report(error), [error]);

  const run = async (action: Promise<{ error?: CombinedError }>) => {
    report((await action).error);
    refresh();
  };

  const rules = data?.watchRules ?? [];
  const edited = rules.find((rule) => rule.id === editing);

  return (
    <section className="rules" data-testid="watch-rules" aria-label="Watch rules">
      <h2>Watch rules</h2>
      <ul>
        {rules.length === 0 && <li className="hint">none: rooms are watched only when you start them</li>}
        {rules.map((rule) => (
          <li key={rule.id} data-testid="watch-rule" data-pattern={rule.roomPattern} data-enabled={rule.enabled ? 'true' : 'false'}>
            <label className="inline">
              <input
                type="checkbox"
                checked={rule.enabled}
                onChange={() => run(update({ id: rule.id, input: { ...inputOf(rule), enabled: !rule.enabled } }))}
                aria-label={`Rule ${rule.roomPattern} enabled`}
                data-testid="rule-toggle"
              />
              <code>{rule.roomPattern}</code>
            </label>
            <span className="hint">{summary(rule)}</span>
            <span className="actions">
              <button type="button" onClick={() => setEditing(rule.id)} aria-label={`Edit rule ${rule.roomPattern}`} data-testid="rule-edit">
                Edit
              </button>
              <button
                type="button"
                onClick={() => {
                  if (editing === rule.id) setEditing(undefined);
                  void run(remove({ id: rule.id }));
                }}
                aria-label={`Delete rule ${rule.roomPattern}`}
                data-testid="rule-delete"
              >
                Delete
              </button>
            </span>
          </li>
        ))}
      </ul>
      <WatchRuleForm
        key={edited?.id ?? `new-${saved}`}
        rule={edited}
        onDone={() => {
          setEditing(undefined);
          setSaved((count) => count + 1);
          refresh();
        }}
      />
    </section>
  );
}
