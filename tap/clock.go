package main

import (
	"math"
	"sort"
	"sync"
)

const (
	// The first reports of a track, averaged, are its reference: one report is off by the sender's
	// jitter when it made it (audio reports here: up to ±7 ms).
	referenceReports = 3
	// The drift of a track is the median of its last reports against the reference.
	recentReports = 3
	// A change of the video's correction smaller than this is the reports' jitter: left alone.
	correctionDeadBandMs = 15.0
	// How far the correction moves per video frame: frames keep their order and a step is unseen.
	correctionSlewMs = 1.0
)

// senderClock follows one track's RTCP sender reports: how far its RTP clock has run apart from its
// sender's NTP clock since a reference (a publisher's audio clock may run slow or fast against the
// clock its video is stamped by; the reports say by how much).
type senderClock struct {
	mu        sync.Mutex
	clockRate uint32
	first     []senderPoint // the reports that make the reference
	reference senderPoint
	haveRef   bool
	recent    []float64 // ms the RTP clock ran behind the NTP clock since the reference, per report
	driftMs   float64   // the median of recent, kept as reports come (read for every video frame)
}

type senderPoint struct {
	ntpMs float64
	rtp   uint32
}

func newSenderClock(clockRate uint32) *senderClock {
	return &senderClock{clockRate: clockRate}
}

// ticksMs is the signed distance from one RTP timestamp to another in ms (across the 32-bit wrap).
func (c *senderClock) ticksMs(from, to uint32) float64 {
	return float64(int32(to-from)) * 1000 / float64(c.clockRate)
}

// add takes one sender report.
func (c *senderClock) add(ntpMs float64, rtp uint32) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.clockRate == 0 {
		return
	}
	if !c.haveRef {
		c.first = append(c.first, senderPoint{ntpMs, rtp})
		if len(c.first) < referenceReports {
			return
		}
		// At the last report's RTP time: the mean of what each report says of its NTP time.
		last := c.first[len(c.first)-1]
		sum := 0.0
		for _, p := range c.first {
			sum += (p.ntpMs - last.ntpMs) + c.ticksMs(p.rtp, last.rtp)
		}
		c.reference = senderPoint{last.ntpMs + sum/float64(len(c.first)), last.rtp}
		c.haveRef = true
		c.first = nil
		return
	}
	drift := (ntpMs - c.reference.ntpMs) - c.ticksMs(c.reference.rtp, rtp)
	c.recent = append(c.recent, drift)
	if len(c.recent) > recentReports {
		c.recent = c.recent[len(c.recent)-recentReports:]
	}
	sorted := append([]float64(nil), c.recent...)
	sort.Float64s(sorted)
	n := len(sorted)
	c.driftMs = sorted[n/2]
	if n%2 == 0 {
		c.driftMs = (sorted[n/2-1] + sorted[n/2]) / 2
	}
}

// drift is how far (ms) the RTP clock has fallen behind the sender's NTP clock since the
// reference, by the median of the last reports; false before there is a reference.
func (c *senderClock) drift() (float64, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.driftMs, c.haveRef
}

// referencePoint is the reference as a sender report (NTP ms, RTP timestamp); false before there is one.
func (c *senderClock) referencePoint() (senderPoint, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.reference, c.haveRef
}

// clockPair is a participant's video and the audio it is combined with (camera and microphone, or
// screen share and its audio): the video is retimed to follow the audio's clock, so that the two
// stay together in the combined file when the publisher's audio clock runs apart from its video's.
type clockPair struct {
	mu           sync.Mutex
	video, audio *senderClock
}

func (p *clockPair) set(video bool, clock *senderClock) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if video {
		p.video = clock
	} else {
		p.audio = clock
	}
}

// target is how far (ms) the video should be moved against its RTP time: its own clock's drift less
// the audio's; false while either has no reference.
func (p *clockPair) target() (float64, bool) {
	p.mu.Lock()
	video, audio := p.video, p.audio
	p.mu.Unlock()
	if video == nil || audio == nil {
		return 0, false
	}
	v, okVideo := video.drift()
	a, okAudio := audio.drift()
	if !okVideo || !okAudio {
		return 0, false
	}
	return v - a, true
}

// correction moves a video's times toward a target, past a dead band and a little per frame.
type correction struct {
	goalMs, appliedMs float64
}

// step takes the target for the next frame and gives the correction (ms) to apply to it.
func (c *correction) step(targetMs float64, ok bool) float64 {
	if ok && math.Abs(targetMs-c.goalMs) >= correctionDeadBandMs {
		c.goalMs = targetMs
	}
	delta := math.Max(-correctionSlewMs, math.Min(correctionSlewMs, c.goalMs-c.appliedMs))
	c.appliedMs += delta
	return c.appliedMs
}

// pairKey names the pair a track belongs to: its participant and its family.
func pairKey(identity string, source string) (string, bool) {
	switch source {
	case "CAMERA", "MICROPHONE":
		return identity + "\x00camera", true
	case "SCREEN_SHARE", "SCREEN_SHARE_AUDIO":
		return identity + "\x00screen", true
	}
	return "", false
}
