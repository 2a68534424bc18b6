package main

import (
	"math"
	"testing"
)

// reports feeds a clock one report a second for n s, its RTP clock running at rate ticks per
// second of the sender's NTP clock, each report jitter(i) ms late.
func feed(c *senderClock, from, n int, rate float64, jitter func(int) float64) {
	for i := from; i < from+n; i++ {
		c.add(1.7e12+float64(i)*1000+jitter(i), uint32(int64(math.Round(float64(i)*rate))+4294000000))
	}
}

func none(int) float64 { return 0 }

func TestSenderClockHasNoDriftWhenItsClocksAgree(t *testing.T) {
	c := newSenderClock(48000)
	if _, ok := c.drift(); ok {
		t.Fatal("a drift before any report")
	}
	feed(c, 0, referenceReports-1, 48000, none)
	if _, ok := c.drift(); ok {
		t.Fatal("a drift before the reference is made")
	}
	// Across the 32-bit wrap of the RTP timestamp (4294000000 + 48000 i wraps in the first minute).
	feed(c, referenceReports-1, 60, 48000, func(i int) float64 { return float64(i%3) * 2 })
	drift, ok := c.drift()
	if !ok || math.Abs(drift) > 2.5 {
		t.Fatalf("drift %v (ok %v), want about 0", drift, ok)
	}
}

func TestSenderClockMeasuresAnAudioClockThatRunsSlow(t *testing.T) {
	c := newSenderClock(48000)
	// 0.1 % slow: 60 ms behind the sender's NTP clock after a minute.
	feed(c, 0, 61, 48000*0.999, none)
	drift, _ := c.drift()
	// The reference is at the third report (2 s in, the mean of the first three).
	if math.Abs(drift-58) > 1.5 {
		t.Fatalf("drift %v ms, want about 58", drift)
	}
}

func TestSenderClockMedianLeavesOneLateReport(t *testing.T) {
	c := newSenderClock(90000)
	feed(c, 0, 10, 90000, func(i int) float64 {
		if i == 8 {
			return 12
		}
		return 0
	})
	if drift, _ := c.drift(); math.Abs(drift) > 0.01 {
		t.Fatalf("drift %v, want 0: one late report among the last three", drift)
	}
}

func TestPairTargetsTheVideoAgainstItsAudio(t *testing.T) {
	pair := &clockPair{}
	video, audio := newSenderClock(90000), newSenderClock(48000)
	pair.set(true, video)
	if _, ok := pair.target(); ok {
		t.Fatal("a target without audio")
	}
	pair.set(false, audio)
	feed(video, 0, 31, 90000, none)
	feed(audio, 0, 31, 48000*0.999, none)
	target, ok := pair.target()
	// The audio fell 28 ms behind: the video moves 28 ms earlier with it.
	if !ok || math.Abs(target+28) > 1 {
		t.Fatalf("target %v (ok %v), want about -28", target, ok)
	}
}

func TestCorrectionIgnoresJitterAndSlewsToAStep(t *testing.T) {
	var c correction
	for i := 0; i < 100; i++ {
		if got := c.step(float64(i%2)*4, true); got != 0 {
			t.Fatalf("frame %d: corrected %v for jitter within the dead band", i, got)
		}
	}
	if _, ok := (&clockPair{}).target(); ok {
		t.Fatal("an empty pair has a target")
	}
	previous := 0.0
	for i := 0; i < 40; i++ {
		got := c.step(-30, true)
		if previous-got > correctionSlewMs+1e-9 || got > previous {
			t.Fatalf("frame %d: moved from %v to %v", i, previous, got)
		}
		previous = got
	}
	if previous != -30 {
		t.Fatalf("reached %v, want -30", previous)
	}
	// Without a target the correction stays where it is.
	if got := c.step(0, false); got != -30 {
		t.Fatalf("without a target: %v", got)
	}
}

func TestPairKeys(t *testing.T) {
	camera, _ := pairKey("ann", "CAMERA")
	microphone, _ := pairKey("ann", "MICROPHONE")
	screen, _ := pairKey("ann", "SCREEN_SHARE")
	screenAudio, _ := pairKey("ann", "SCREEN_SHARE_AUDIO")
	other, _ := pairKey("bob", "CAMERA")
	if camera != microphone || screen != screenAudio || camera == screen || camera == other {
		t.Fatalf("keys: %q %q %q %q %q", camera, microphone, screen, screenAudio, other)
	}
	if _, ok := pairKey("ann", "UNKNOWN"); ok {
		t.Fatal("a key for a track of no family")
	}
}
