/** A stretch of a recording with no media of one kind, in seconds from its start. */
export interface TimelineGap {
  start: number;
  end: number;
  kind: 'AUDIO' | 'VIDEO';
  reason: string;
}

/** The recording's length, where the player is, and its gaps; a click seeks. */
export function Timeline(props: { duration: number; position: number; gaps: readonly TimelineGap[]; onSeek(seconds: number): void }) {
  const duration = props.duration > 0 ? props.duration : 1;
  const percent = (seconds: number) => `${Math.max(0, Math.min(100, (seconds / duration) * 100))}%`;
  return (
    <div
      className="timeline"
      data-testid="timeline"
      data-gaps={props.gaps.length}
      role="slider"
      aria-valuemin={0}
      aria-valuemax={duration}
      aria-valuenow={props.position}
      tabIndex={0}
      onClick={(event) => {
        const box = event.currentTarget.getBoundingClientRect();
        props.onSeek(((event.clientX - box.left) / box.width) * duration);
      }}
    >
      {props.gaps.map((gap) => (
        <span
          key={`${gap.kind}-${gap.start}`}
          className={`gap gap-${gap.kind.toLowerCase()}`}
          data-testid="timeline-gap"
          data-kind={gap.kind}
          data-reason={gap.reason}
          title={`no ${gap.kind.toLowerCase()} ${gap.start.toFixed(1)}–${gap.end.toFixed(1)} s (${gap.reason.toLowerCase().replace('_', ' ')})`}
          style={{ left: percent(gap.start), width: percent(gap.end - gap.start) }}
        />
      ))}
      <span className="position" style={{ left: percent(props.position) }} />
    </div>
  );
}
