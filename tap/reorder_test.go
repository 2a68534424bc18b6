package main

import (
	"reflect"
	"testing"
	"time"

	"github.com/pion/rtp"
)

func packet(seq uint16) *rtp.Packet {
	return &rtp.Packet{Header: rtp.Header{SequenceNumber: seq}}
}

func collect(out *[]uint16) func(*rtp.Packet) {
	return func(p *rtp.Packet) { *out = append(*out, p.SequenceNumber) }
}

func TestReorderPutsLatePacketsBackInOrder(t *testing.T) {
	b := newReorderBuffer(300*time.Millisecond, 500)
	var got []uint16
	now := time.Unix(0, 0)
	var lost uint64
	for _, seq := range []uint16{65534, 65535, 1, 2, 0, 3, 3, 2} { // wraps, one late, then duplicates
		lost += b.push(packet(seq), now, collect(&got))
	}
	if want := []uint16{65534, 65535, 0, 1, 2, 3}; !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	if lost != 0 {
		t.Fatalf("lost %d, want 0", lost)
	}
}

func TestReorderGivesUpOnAGapAfterWaiting(t *testing.T) {
	b := newReorderBuffer(300*time.Millisecond, 500)
	var got []uint16
	start := time.Unix(0, 0)
	b.push(packet(10), start, collect(&got))
	b.push(packet(13), start, collect(&got)) // 11 and 12 missing
	b.push(packet(14), start.Add(100*time.Millisecond), collect(&got))
	if want := []uint16{10}; !reflect.DeepEqual(got, want) {
		t.Fatalf("before the wait: got %v, want %v", got, want)
	}
	if lost := b.expire(start.Add(400*time.Millisecond), collect(&got)); lost != 2 {
		t.Fatalf("lost %d, want 2", lost)
	}
	if want := []uint16{10, 13, 14}; !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	b.push(packet(11), start.Add(500*time.Millisecond), collect(&got)) // too late now: dropped
	if len(got) != 3 {
		t.Fatalf("a packet from before the gap was let through: %v", got)
	}
}

func TestReorderFlushCountsWhatNeverCame(t *testing.T) {
	b := newReorderBuffer(time.Second, 500)
	var got []uint16
	now := time.Unix(0, 0)
	b.push(packet(1), now, collect(&got))
	b.push(packet(3), now, collect(&got))
	b.push(packet(6), now, collect(&got))
	if lost := b.flush(collect(&got)); lost != 3 {
		t.Fatalf("lost %d, want 3", lost)
	}
	if want := []uint16{1, 3, 6}; !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
}

func TestOpusTimelineFillsGapsWithEmptyFrames(t *testing.T) {
	var o opusTimeline
	toc := byte(0xfc) // CELT fullband 20 ms, one frame
	at := func(ts uint32) *rtp.Packet {
		return &rtp.Packet{Header: rtp.Header{Timestamp: ts}, Payload: []byte{toc, 1, 2, 3}}
	}
	if f := o.fillers(at(1000)); len(f) != 0 {
		t.Fatalf("first packet: %d fillers", len(f))
	}
	if f := o.fillers(at(1960)); len(f) != 0 {
		t.Fatalf("next packet on time: %d fillers", len(f))
	}
	f := o.fillers(at(1960 + 960*4)) // three packets (60 ms) missing
	if len(f) != 3 {
		t.Fatalf("got %d fillers, want 3", len(f))
	}
	for i, p := range f {
		if len(p.Payload) != 1 || p.Payload[0] != toc&^0x03 || p.Timestamp != 2920+uint32(i)*960 {
			t.Fatalf("filler %d: payload %x at %d", i, p.Payload, p.Timestamp)
		}
	}
	if o.filledSamples != 3*960 {
		t.Fatalf("filled %d samples", o.filledSamples)
	}
}

func TestH264Keyframes(t *testing.T) {
	cases := map[string]struct {
		payload []byte
		want    bool
	}{
		"IDR slice":         {[]byte{0x65, 0x88}, true},
		"P slice":           {[]byte{0x41, 0x9a}, false},
		"STAP-A SPS PPS":    {[]byte{0x78, 0x00, 0x02, 0x67, 0x42, 0x00, 0x02, 0x68, 0xce}, true},
		"FU-A start of IDR": {[]byte{0x7c, 0x85, 0x88}, true},
		"FU-A middle":       {[]byte{0x7c, 0x05, 0x88}, false},
	}
	for name, c := range cases {
		if got := startsKeyframe("h264", c.payload); got != c.want {
			t.Errorf("%s: got %v, want %v", name, got, c.want)
		}
	}
}

func TestNtpToUnixMs(t *testing.T) {
	// 2024-01-01T00:00:00.5Z
	ntp := uint64(1704067200+2208988800)<<32 | 1<<31
	if got := ntpToUnixMs(ntp); got != 1704067200500 {
		t.Fatalf("got %d", got)
	}
}
