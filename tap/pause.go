package main

import "time"

// pauseState is where a recording stands between pause and resume commands.
type pauseState int

const (
	running pauseState = iota
	// pausing: asked to pause while a video frame was half written; its remaining packets go to the file
	// first (the writers put frames together from packets: half a frame followed by the next one after
	// the pause would be one broken frame).
	pausing
	// paused: nothing of the track is written.
	paused
	// resuming: a video that was resumed waits for a keyframe (a frame that refers to one from before
	// the pause would not decode).
	resuming
)

// pauseTimeline takes paused spans out of a track's RTP timeline, so that a file recorded with pauses
// plays as one continuous file: every timestamp written after a pause is moved earlier by the RTP time
// the pause lasted. For IVF that is the PTS; for Ogg it keeps the gap filling from filling the pause
// (the Ogg writer counts granules by the samples written, so they continue from where they were).
//
// The RTP time at a command's instant is estimated from the latest packet that arrived and the wall
// clock since then, so a pause is measured on the track's own clock and keeps audio and video in step.
type pauseTimeline struct {
	clockRate uint32
	state     pauseState

	offset      uint32        // RTP ticks taken out of the timestamps so far
	pausedTotal time.Duration // the time taken out of the file so far (ended pauses)

	pauseStart    uint32 // estimated RTP time when the current pause began
	pauseStartSet bool
	pausedAt      time.Time

	seen   bool // a packet arrived: lastTS and lastAt hold the newest
	lastTS uint32
	lastAt time.Time

	wrote     bool   // a packet went to the file: nextMin is where the next one may start at the earliest
	nextMin   uint32 // (timestamps as written)
	checkNext bool   // the first packet written after a resume must not go back before nextMin
}

// saw notes a packet's arrival (newest timestamp only: a late packet tells nothing about the clock now).
func (p *pauseTimeline) saw(ts uint32, at time.Time) {
	if !p.seen || int32(ts-p.lastTS) > 0 {
		p.seen = true
		p.lastTS = ts
		p.lastAt = at
	}
}

// rtpAt estimates the track's RTP time at instant t.
func (p *pauseTimeline) rtpAt(t time.Time) uint32 {
	d := t.Sub(p.lastAt)
	if d < 0 {
		d = 0
	}
	return p.lastTS + uint32(int64(d)*int64(p.clockRate)/int64(time.Second))
}

// begin starts a pause at instant at.
func (p *pauseTimeline) begin(at time.Time) {
	p.pausedAt = at
	p.pauseStartSet = p.seen
	if p.seen {
		p.pauseStart = p.rtpAt(at)
	}
}

// end ends the pause at instant at, and returns how long it lasted.
func (p *pauseTimeline) end(at time.Time) time.Duration {
	wall := at.Sub(p.pausedAt)
	if wall < 0 {
		wall = 0
	}
	if !p.pauseStartSet || !p.seen || p.clockRate == 0 {
		// Nothing had arrived when it began: nothing written either, so no timestamp needs moving.
		p.pausedTotal += wall
		return wall
	}
	span := int32(p.rtpAt(at) - p.pauseStart)
	if span < 0 {
		span = 0
	}
	p.offset += uint32(span)
	p.checkNext = true
	d := time.Duration(int64(span) * int64(time.Second) / int64(p.clockRate))
	p.pausedTotal += d
	return d
}

// cancel drops a pause that never took effect (a video resumed before its half-written frame ended).
func (p *pauseTimeline) cancel() {
	p.pauseStartSet = false
}

// out is the timestamp a packet is written with. The first packet after a resume is kept from going
// back before the end of what was written before the pause (the estimate of the pause can be off by
// a packet's jitter).
func (p *pauseTimeline) out(ts uint32) uint32 {
	t := ts - p.offset
	if p.checkNext {
		p.checkNext = false
		if p.wrote && int32(t-p.nextMin) < 0 {
			p.offset -= p.nextMin - t
			t = p.nextMin
		}
	}
	return t
}

// written notes that a packet went to the file and that whatever follows starts at next at the earliest.
func (p *pauseTimeline) written(next uint32) {
	p.wrote = true
	p.nextMin = next
}
