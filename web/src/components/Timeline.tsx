/** A stretch of a recording with no media, in seconds from its start. */
export interface TimelineGap {
  startSec: number;
  endSec: number;
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
          key={gap.startSec}
          className="gap"
          data-testid="timeline-gap"
          title={`no media ${gap.startSec.toFixed(1)}–${gap.endSec.toFixed(1)} s`}
          style={{ left: percent(gap.startSec), width: percent(gap.endSec - gap.startSec) }}
        />
      ))}
      <span className="position" style={{ left: percent(props.position) }} />
    </div>
  );
}
