package main

import (
	"encoding/binary"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pion/rtp"
	"github.com/pion/webrtc/v4"
	"github.com/pion/webrtc/v4/pkg/media/ivfwriter"
	"github.com/pion/webrtc/v4/pkg/media/oggwriter"
)

var t0 = time.Unix(1_700_000_000, 0)

func at(seconds float64) time.Time { return t0.Add(time.Duration(seconds * float64(time.Second))) }

func TestPauseTimelineTakesThePausedRTPTimeOut(t *testing.T) {
	p := pauseTimeline{clockRate: 90000}
	// A frame every 1/30 s, from a timestamp that wraps past 2^32 on the way, as RTP clocks do.
	base := uint32(0xffff_0000)
	for i := 0; i < 30; i++ {
		p.saw(base+uint32(i*3000), at(float64(i)/30))
	}
	if got := p.out(base + 29*3000); got != base+29*3000 {
		t.Fatalf("before any pause a timestamp is written as it is: got %d", got)
	}
	p.written(base + 30*3000)
	p.begin(at(0.98)) // 0.98 s: RTP time 88200 past base
	for i := 30; i < 90; i++ {
		p.saw(base+uint32(i*3000), at(float64(i)/30))
	}
	paused := p.end(at(2.98))
	if paused != 2*time.Second {
		t.Fatalf("paused for %v, want 2s", paused)
	}
	if p.offset != 180000 {
		t.Fatalf("offset %d, want 180000 (2 s at 90 kHz)", p.offset)
	}
	if got, want := p.out(base+92*3000), base+92*3000-180000; got != want {
		t.Fatalf("frame 92 written at %d, want %d", got, want)
	}
	if p.pausedTotal != 2*time.Second {
		t.Fatalf("pausedTotal %v", p.pausedTotal)
	}
}

func TestPauseTimelineNeverGoesBackBeforeWhatWasWritten(t *testing.T) {
	// The safety net: should the estimate of the pause be too long (here the clock jumped during it),
	// the first packet after it still goes right after the last one written, not over it.
	q := pauseTimeline{clockRate: 48000}
	q.saw(0, at(0))
	q.out(0)
	q.written(960)
	q.begin(at(0))
	q.saw(96000, at(0.001)) // a jump in the clock during the pause: the estimate overshoots
	q.end(at(0.002))
	if got := q.out(960); got != 960 {
		t.Fatalf("the first packet after the pause went back to %d, want 960", got)
	}
	if got := q.out(1920); got != 1920 {
		t.Fatalf("the packet after it went to %d, want 1920", got)
	}
}

func TestPauseBeforeAnyPacketMovesNothing(t *testing.T) {
	p := pauseTimeline{clockRate: 90000}
	p.begin(at(0))
	if d := p.end(at(1.5)); d != 1500*time.Millisecond {
		t.Fatalf("paused %v", d)
	}
	if got := p.out(12345); got != 12345 {
		t.Fatalf("got %d", got)
	}
}

// vp8Packet is one VP8 frame in one packet, or with cont the start (false) or rest (true) of one in two.
func vp8Packet(seq uint16, ts uint32, key, marker, cont bool) *rtp.Packet {
	descriptor := byte(0x10) // S=1, PID 0
	if cont {
		descriptor = 0x00
	}
	frame := []byte{0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0} // an interframe
	if key {
		frame = []byte{0x00, 0, 0, 0x9d, 0x01, 0x2a, 0x80, 0x02, 0x68, 0x01}
	}
	return &rtp.Packet{
		Header:  rtp.Header{Version: 2, SequenceNumber: seq, Timestamp: ts, Marker: marker},
		Payload: append([]byte{descriptor}, frame...),
	}
}

type ivfFrame struct {
	pts uint64
	key bool
}

func readIVF(t *testing.T, path string) (frames []ivfFrame, headerCount uint32) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	headerCount = binary.LittleEndian.Uint32(data[24:])
	for rest := data[32:]; len(rest) >= 12; {
		size := binary.LittleEndian.Uint32(rest)
		frames = append(frames, ivfFrame{pts: binary.LittleEndian.Uint64(rest[4:]), key: rest[12]&0x01 == 0})
		rest = rest[12+size:]
	}
	return frames, headerCount
}

func TestIVFContinuesWithoutAHoleAfterAPauseAndFromAKeyframe(t *testing.T) {
	path, w, rec := vp8Recording(t)
	const first = uint32(4_000_000_000) // wraps during the test
	seq := uint16(65000)
	// Frames at 30 fps; keyframes at 0 and 92. Frame 29 comes in two packets, the pause arriving between
	// them: its second half must still be written. Paused from 0.98 s to 2.98 s.
	frame := func(i int, when float64) {
		ts := first + uint32(i*3000)
		key := i == 0 || i == 92
		if i == 29 {
			p := vp8Packet(seq, ts, key, false, false)
			seq++
			rec.pause.saw(ts, at(when))
			rec.write(p)
			if _, problem := rec.pauseAt(at(0.98)); problem != "" {
				t.Fatal(problem)
			}
			if rec.pause.state != pausing {
				t.Fatalf("state %d, want pausing in the middle of a frame", rec.pause.state)
			}
			p = vp8Packet(seq, ts, false, true, true)
			seq++
			rec.write(p)
			if rec.pause.state != paused {
				t.Fatalf("state %d, want paused once the frame ended", rec.pause.state)
			}
			return
		}
		p := vp8Packet(seq, ts, key, true, false)
		seq++
		rec.pause.saw(ts, at(when))
		rec.write(p)
	}
	for i := 0; i < 90; i++ {
		frame(i, float64(i)/30)
	}
	resumed, problem := rec.resumeAt(at(2.98))
	if problem != "" {
		t.Fatal(problem)
	}
	if resumed["pausedMs"] != int64(2000) {
		t.Fatalf("resumed %v", resumed)
	}
	for i := 90; i < 150; i++ { // 90 and 91 are interframes: not written, the file resumes at 92
		frame(i, float64(i)/30)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	frames, count := readIVF(t, path)
	if want := 30 + (150 - 92); len(frames) != want || int(count) != want {
		t.Fatalf("%d frames (header %d), want %d", len(frames), count, want)
	}
	if !frames[30].key {
		t.Fatal("the first frame after the resume is not a keyframe")
	}
	for i := 1; i < len(frames); i++ {
		step := frames[i].pts - frames[i-1].pts
		want := uint64(3000)
		if i == 30 {
			// 29 → 92 unpaused: 0.9667 → 0.98 and 2.98 → 3.0667 s, three frame times.
			want = 9000
		}
		if step != want {
			t.Fatalf("frame %d: PTS step %d, want %d (PTS %d after %d)", i, step, want, frames[i].pts, frames[i-1].pts)
		}
	}
	// Frame 149 less the 2 s paused (60 frame times). Frames 90 and 91, not written while waiting for the
	// keyframe, are recorded time: they stay in the timeline (the picture before them lasts longer).
	if last := frames[len(frames)-1].pts; last != 89*3000 {
		t.Fatalf("last PTS %d, want %d", last, 89*3000)
	}
	if rec.pausedPackets != 62 { // frames 30..89 paused, 90 and 91 waiting for the keyframe
		t.Fatalf("pausedPackets %d, want 62", rec.pausedPackets)
	}
	if rec.packets != 151 {
		t.Fatalf("packets %d, want 151 (every packet counted, paused or not)", rec.packets)
	}
}

// oggGranules reads the granule position of every page of an Ogg file.
func oggGranules(t *testing.T, path string) []uint64 {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []uint64
	for len(data) >= 27 {
		if string(data[:4]) != "OggS" {
			t.Fatalf("no page at %q", data[:4])
		}
		segments := int(data[26])
		size := 27 + segments
		for _, s := range data[27 : 27+segments] {
			size += int(s)
		}
		out = append(out, binary.LittleEndian.Uint64(data[6:]))
		data = data[size:]
	}
	return out
}

func TestOggGranulesContinueAfterAPauseWithoutFillingIt(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.ogg")
	w, err := oggwriter.New(path, opusClockRate, opusChannels)
	if err != nil {
		t.Fatal(err)
	}
	rec := &recording{trackSid: "TR_a", codec: "opus", writer: w, events: discardEvents(t)}
	rec.pause.clockRate = opusClockRate
	const toc = 0xfc // CELT fullband 20 ms, stereo, one frame
	send := func(i int) {
		ts := uint32(123456 + i*960)
		rec.pause.saw(ts, at(float64(i)*0.02))
		rec.write(&rtp.Packet{Header: rtp.Header{Version: 2, SequenceNumber: uint16(i), Timestamp: ts}, Payload: []byte{toc, 1, 2, 3}})
	}
	for i := 0; i < 100; i++ { // 2 s
		send(i)
	}
	if _, problem := rec.pauseAt(at(1.99)); problem != "" {
		t.Fatal(problem)
	}
	for i := 100; i < 250; i++ { // 3 s paused
		send(i)
	}
	if _, problem := rec.resumeAt(at(4.99)); problem != "" {
		t.Fatal(problem)
	}
	for i := 250; i < 300; i++ { // 1 s
		send(i)
	}
	// Then the microphone goes quiet for half a second (not paused): that is filled, as before.
	for i := 325; i < 350; i++ {
		send(i)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	granules := oggGranules(t, path)
	last := granules[len(granules)-1]
	// 2 + 1 + 0.5 + 0.5 s written or filled: 4 s; the 3 s paused are not in the file.
	if want := uint64(4 * 48000); last != want {
		t.Fatalf("last granule %d, want %d (granules %v)", last, want, granules)
	}
	if filled := rec.opus.filledSamples; filled != 25*960 {
		t.Fatalf("filled %d samples, want %d (the quiet half second only, not the pause)", filled, 25*960)
	}
	if rec.pausedPackets != 150 {
		t.Fatalf("pausedPackets %d, want 150", rec.pausedPackets)
	}
	for i := 1; i < len(granules); i++ {
		if granules[i] < granules[i-1] {
			t.Fatalf("granules go back: %v", granules)
		}
	}
}

func TestPauseAndResumeAnswerTwiceWithAnError(t *testing.T) {
	rec := &recording{trackSid: "TR_x", codec: "opus", events: discardEvents(t)}
	if _, problem := rec.resumeAt(at(0)); problem == "" {
		t.Fatal("resume of a track that is not paused must fail")
	}
	if _, problem := rec.pauseAt(at(0)); problem != "" {
		t.Fatal(problem)
	}
	if _, problem := rec.pauseAt(at(1)); problem == "" {
		t.Fatal("a second pause must fail")
	}
	if e, problem := rec.resumeAt(at(2)); problem != "" || e["pausedMs"] != int64(2000) {
		t.Fatalf("resume: %v %q", e, problem)
	}
}

// discardEvents is an emitter whose lines go to a file of the test's: events read with readEvents.
func discardEvents(t *testing.T) *emitter {
	t.Helper()
	f, err := os.Create(filepath.Join(t.TempDir(), "events.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return newEmitter(f)
}

func readEvents(t *testing.T, e *emitter) []map[string]any {
	t.Helper()
	data, err := os.ReadFile(e.out.Name())
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if line == "" {
			continue
		}
		var ev map[string]any
		if err := json.Unmarshal([]byte(line), &ev); err != nil {
			t.Fatal(err)
		}
		out = append(out, ev)
	}
	return out
}

func TestASpanWithoutMediaIsAGapAndAPauseIsNot(t *testing.T) {
	_, w, rec := vp8Recording(t)
	seq := uint16(1)
	frame := func(i int, key bool) {
		ts := uint32(1000 + i*3000)
		rec.pause.saw(ts, at(float64(i)/30))
		rec.write(vp8Packet(seq, ts, key, true, false))
		seq++
	}
	frame(0, false) // before the first keyframe: not written, and the file starts later
	for i := 1; i < 30; i++ {
		frame(i, i == 1)
	}
	for i := 90; i < 120; i++ { // 2 s without media from 1 s (after frame 29)
		frame(i, false)
	}
	if _, problem := rec.pauseAt(at(4)); problem != "" {
		t.Fatal(problem)
	}
	for i := 120; i < 180; i++ {
		frame(i, false)
	}
	if _, problem := rec.resumeAt(at(6)); problem != "" {
		t.Fatal(problem)
	}
	for i := 180; i < 210; i++ {
		frame(i, i == 181)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	var gaps, writing []map[string]any
	for _, ev := range readEvents(t, rec.events) {
		switch ev["event"] {
		case "gap":
			gaps = append(gaps, ev)
		case "writing":
			writing = append(writing, ev)
		}
	}
	if len(writing) != 1 || writing[0]["rtpTimestamp"] != float64(4000) {
		t.Fatalf("writing events %v, want one at the first keyframe (RTP 4000)", writing)
	}
	if rec.beforeKeyframe != 1 {
		t.Fatalf("beforeKeyframe %d, want 1", rec.beforeKeyframe)
	}
	// File time 0 is frame 1; frame 29 ends at 29 frame times, frame 90 starts at 89.
	if len(gaps) != 1 || gaps[0]["fromMs"] != float64(966) || gaps[0]["toMs"] != float64(2966) {
		t.Fatalf("gap events %v, want one from 966 to 2966 ms (none for the pause)", gaps)
	}
}

// vp8Recording is a VP8 track's recording into a 640x360 IVF file as the tap makes it (PTS from the RTP clock).
func vp8Recording(t *testing.T) (string, *ivfwriter.IVFWriter, *recording) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "v.ivf")
	w, err := ivfwriter.New(path, ivfwriter.WithCodec(webrtc.MimeTypeVP8), ivfwriter.WithWidthAndHeight(640, 360),
		ivfwriter.WithFrameRate(1, 90000), ivfwriter.WithDirectPTS())
	if err != nil {
		t.Fatal(err)
	}
	rec := &recording{trackSid: "TR_v", codec: "vp8", video: true, writer: w, events: discardEvents(t)}
	rec.pause.clockRate = 90000
	return path, w, rec
}
