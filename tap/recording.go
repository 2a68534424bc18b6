package main

import (
	"errors"
	"fmt"
	"io/fs"
	"log"
	"math"
	"os"
	"sync"
	"time"

	lksdk "github.com/livekit/server-sdk-go/v2"
	"github.com/pion/rtcp"
	"github.com/pion/rtp"
	"github.com/pion/webrtc/v4"
	"github.com/pion/webrtc/v4/pkg/media"
	"github.com/pion/webrtc/v4/pkg/media/ivfwriter"
	"github.com/pion/webrtc/v4/pkg/media/oggwriter"
)

const (
	// Stats come often enough that the last one before a crash of the tap says within a quarter
	// second where its files end.
	statsInterval = 250 * time.Millisecond
	// Ask for a keyframe when none came for this long, so that a file can be cut or played from any
	// point a few seconds apart and a damaged picture heals soon.
	keyframeInterval = 3 * time.Second
	// Sequence gaps come in bursts: one keyframe request covers them.
	gapKeyframeInterval = 500 * time.Millisecond
	// How long a packet ahead of a gap waits for the gap to fill (a NACKed resend takes one round trip).
	reorderWait       = 300 * time.Millisecond
	reorderMaxPackets = 500
	// A span of RTP time at least this long without packets is reported as a gap (Opus DTX sends a
	// packet every 400 ms in silence: that is no gap).
	silenceMs     = 1000
	opusClockRate = 48000
	opusChannels  = 2
)

// recording writes one track into one file, as its packets arrive.
type recording struct {
	trackSid string
	path     string
	events   *emitter
	onDone   func(*recording)
	done     chan struct{}

	mu          sync.Mutex
	closed      bool
	file        *os.File // opened by the record command; the codec's writer takes it over
	writer      media.Writer
	pub         *lksdk.RemoteTrackPublication
	participant *lksdk.RemoteParticipant
	track       *webrtc.TrackRemote
	codec       string
	video       bool
	order       reorderBuffer
	opus        opusTimeline
	pause       pauseTimeline

	packets, bytes, keyframes, lost uint64
	firstAt, lastAt                 time.Time
	sawKeyframe                     bool
	lastKeyframeTimestamp           uint32
	lastKeyframeAt, lastRequestAt   time.Time
	haveSR                          bool
	srNtpMs                         int64
	srRtpTimestamp                  uint32
	badPackets                      int
	pausedPackets                   uint64 // received but not written: paused, or waiting for a keyframe after
	beforeKeyframe                  uint64 // video received before the first keyframe: not written (nothing decodes from it)
	framesReceived, framesWritten   uint64 // video frames (packets with the marker bit) that came, and that went to the file
	// The last packet that went to the writer (timestamp as received), and the frame step seen last.
	wroteAny          bool
	lastWrittenTS     uint32
	lastWrittenMarker bool
	frameStep         uint32
	fileStartTS       uint32 // the file's time line begins here (a timestamp as written)
	ioErr             error
	// The track's sender reports, and for a video the pair it is retimed in (nil: not retimed) and
	// the correction: ms added to each frame's time, and that of the frame being written in ticks.
	clock           *senderClock
	pair            *clockPair
	corr            correction
	frameCorrection int32
}

func newRecording(trackSid, path string, file *os.File, events *emitter, onDone func(*recording)) *recording {
	rec := &recording{
		trackSid: trackSid,
		path:     path,
		events:   events,
		onDone:   onDone,
		done:     make(chan struct{}),
		file:     file,
		order:    newReorderBuffer(reorderWait, reorderMaxPackets),
	}
	go rec.tick()
	return rec
}

func (rec *recording) isClosed() bool {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return rec.closed
}

// setPublication notes the track's publication; false when the recording was stopped meanwhile.
func (rec *recording) setPublication(pub *lksdk.RemoteTrackPublication, participant *lksdk.RemoteParticipant) bool {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	rec.pub = pub
	rec.participant = participant
	return !rec.closed
}

func (rec *recording) publication() *lksdk.RemoteTrackPublication {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return rec.pub
}

// attach starts reading a track the server has begun to send.
func (rec *recording) attach(track *webrtc.TrackRemote, pub *lksdk.RemoteTrackPublication, participant *lksdk.RemoteParticipant, pair *clockPair) {
	mimeType := track.Codec().MimeType
	rec.mu.Lock()
	if rec.closed || rec.track != nil {
		rec.mu.Unlock()
		return
	}
	rec.track = track
	rec.pub = pub
	rec.participant = participant
	rec.codec = codecName(mimeType)
	rec.video = track.Kind() == webrtc.RTPCodecTypeVideo
	rec.pause.clockRate = track.Codec().ClockRate
	rec.clock = newSenderClock(track.Codec().ClockRate)
	rec.pair = pair
	if rec.pair != nil {
		rec.pair.set(rec.video, rec.clock)
	}
	if rec.video && rec.codec != "" && rec.pause.state == running {
		rec.requestKeyframe(time.Now())
	}
	codec := rec.codec
	rec.mu.Unlock()

	pub.OnRTCP(rec.onRTCP)
	rec.events.emit("subscribed", event{
		"trackSid":            rec.trackSid,
		"participantIdentity": participant.Identity(),
		"kind":                track.Kind().String(),
		"mimeType":            mimeType,
	})
	if codec == "" {
		rec.fail(fmt.Errorf("cannot record %s: the tap writes VP8, VP9, H.264 and Opus", mimeType))
		return
	}
	go rec.read(track)
}

func (rec *recording) read(track *webrtc.TrackRemote) {
	for {
		packet, _, err := track.ReadRTP()
		if err != nil {
			if !rec.isClosed() {
				log.Printf("%s: the track ended (%v)", rec.trackSid, err)
			}
			rec.finish("ended", nil)
			return
		}
		more, err := rec.receive(packet)
		if err != nil {
			rec.fail(err)
			return
		}
		if !more {
			return
		}
	}
}

// receive takes one packet from the network; it returns false once the recording is over.
func (rec *recording) receive(packet *rtp.Packet) (bool, error) {
	now := time.Now()
	var first event
	rec.mu.Lock()
	if rec.closed {
		rec.mu.Unlock()
		return false, nil
	}
	if rec.firstAt.IsZero() {
		rec.firstAt = now
		first = event{
			"trackSid":          rec.trackSid,
			"codec":             rec.codec,
			"mimeType":          rec.track.Codec().MimeType,
			"clockRate":         rec.track.Codec().ClockRate,
			"ssrc":              uint32(rec.track.SSRC()),
			"firstPacketAtMs":   now.UnixMilli(),
			"firstRtpTimestamp": packet.Timestamp,
		}
		if rec.codec == "vp8" {
			if width, height, ok := vp8KeyframeSize(packet.Payload); ok {
				first["width"], first["height"] = width, height
			}
		}
		if err := rec.openWriter(packet); err != nil {
			rec.mu.Unlock()
			return false, err
		}
	}
	rec.lastAt = now
	rec.pause.saw(packet.Timestamp, now)
	if lost := rec.order.push(packet, now, rec.write); lost > 0 {
		rec.lost += lost
		if rec.video && !rec.isPaused() && now.Sub(rec.lastRequestAt) >= gapKeyframeInterval {
			rec.requestKeyframe(now)
		}
	}
	ioErr := rec.ioErr
	rec.mu.Unlock()
	if first != nil {
		rec.events.emit("track", first)
	}
	if ioErr != nil {
		return false, ioErr
	}
	return true, nil
}

// openWriter makes the codec's writer on the first packet, when the codec the server sends is known.
func (rec *recording) openWriter(first *rtp.Packet) error {
	var err error
	switch rec.codec {
	case "vp8", "vp9":
		width, height := uint16(0), uint16(0)
		if info := rec.pub.TrackInfo(); info != nil {
			width, height = uint16(info.Width), uint16(info.Height)
		}
		if w, h, ok := vp8KeyframeSize(first.Payload); ok && rec.codec == "vp8" {
			width, height = w, h
		}
		mimeType := webrtc.MimeTypeVP8
		if rec.codec == "vp9" {
			mimeType = webrtc.MimeTypeVP9
		}
		// PTS straight from the RTP clock (90 kHz): frames keep their real times, whatever the rate.
		rec.writer, err = ivfwriter.NewWith(rec.file,
			ivfwriter.WithCodec(mimeType),
			ivfwriter.WithWidthAndHeight(width, height),
			ivfwriter.WithFrameRate(1, 90000),
			ivfwriter.WithDirectPTS())
	case "h264":
		width, height := uint16(0), uint16(0)
		if info := rec.pub.TrackInfo(); info != nil {
			width, height = uint16(info.Width), uint16(info.Height)
		}
		rec.writer, err = newH264IVF(rec.file, width, height)
	case "opus":
		// The Ogg writer marks the last page end-of-stream at Close only on a file it opened itself.
		if err = rec.file.Close(); err == nil {
			rec.writer, err = oggwriter.New(rec.path, opusClockRate, opusChannels)
		}
	}
	if err != nil {
		return fmt.Errorf("could not start the %s file: %w", rec.codec, err)
	}
	rec.file = nil
	return nil
}

// write hands one in-order packet to the file (called with mu held).
func (rec *recording) write(packet *rtp.Packet) {
	rec.packets++
	rec.bytes += uint64(len(packet.Payload))
	if rec.video && packet.Marker {
		rec.framesReceived++
	}
	keyframeStart := startsKeyframe(rec.codec, packet.Payload)
	if keyframeStart && (!rec.sawKeyframe || packet.Timestamp != rec.lastKeyframeTimestamp) {
		rec.keyframes++
		rec.sawKeyframe = true
		rec.lastKeyframeTimestamp = packet.Timestamp
		rec.lastKeyframeAt = time.Now()
	}
	if rec.video && !rec.wroteAny && !keyframeStart && rec.pause.state == running {
		rec.beforeKeyframe++ // a file starts with a keyframe
		return
	}
	if !rec.admit(packet, keyframeStart) {
		rec.pausedPackets++
		return
	}
	// The timestamp as it goes into the file: paused time taken out, and a video moved as its
	// audio's clock ran apart (once per frame: every packet of a frame has its time).
	if rec.video && rec.pair != nil && (!rec.wroteAny || packet.Timestamp != rec.lastWrittenTS) {
		ms := rec.corr.step(rec.pair.target())
		rec.frameCorrection = int32(math.Round(ms * float64(rec.pause.clockRate) / 1000))
	}
	out := *packet
	out.Timestamp = rec.pause.out(packet.Timestamp) + uint32(rec.frameCorrection)
	if !rec.wroteAny {
		rec.fileStartTS = out.Timestamp
	} else if missing := int32(out.Timestamp - rec.pause.nextMin); missing > int32(rec.pause.clockRate*silenceMs/1000) {
		// Nothing came for a while (RTP time ran on): a span of the file without media, on its time line.
		rec.events.emit("gap", event{
			"trackSid": rec.trackSid,
			"fromMs":   rec.fileMs(rec.pause.nextMin),
			"toMs":     rec.fileMs(out.Timestamp),
		})
	}
	next := out.Timestamp + 1
	if rec.codec == "opus" {
		for _, filler := range rec.opus.fillers(&out) {
			rec.writePacket(filler)
		}
		next = out.Timestamp + opusPacketSamples(out.Payload)
	} else {
		if rec.wroteAny && packet.Timestamp != rec.lastWrittenTS {
			if step := packet.Timestamp - rec.lastWrittenTS; step < rec.pause.clockRate {
				rec.frameStep = step
			}
		}
		step := rec.frameStep
		if step == 0 {
			step = rec.pause.clockRate / 30
		}
		next = out.Timestamp + max(step, 1)
	}
	rec.writePacket(&out)
	rec.pause.written(next)
	if !rec.wroteAny {
		// Where the file's time line begins: what haven-live places the file by.
		writing := event{
			"trackSid":      rec.trackSid,
			"atMs":          time.Now().UnixMilli(),
			"rtpTimestamp":  packet.Timestamp,
			"fileTimestamp": out.Timestamp,
			"clockRate":     rec.pause.clockRate,
		}
		if rec.codec == "opus" {
			writing["packetSamples"] = opusPacketSamples(out.Payload)
		}
		if rec.video {
			// The first frame's correction: the file starts at it, and is placed by it.
			writing["clockCorrectionMs"] = rec.corr.appliedMs
		}
		rec.events.emit("writing", writing)
	}
	rec.wroteAny = true
	if rec.video && packet.Marker {
		rec.framesWritten++
	}
	rec.lastWrittenTS = packet.Timestamp
	rec.lastWrittenMarker = packet.Marker
	if rec.pause.state == pausing && packet.Marker {
		rec.pause.state = paused // the frame that was being written is complete
	}
}

// fileMs is a written timestamp on the file's time line, ms from its start.
func (rec *recording) fileMs(ts uint32) int64 {
	return int64(ts-rec.fileStartTS) * 1000 / int64(rec.pause.clockRate)
}

// admit tells whether an in-order packet goes to the file, as pause and resume stand (called with mu held).
func (rec *recording) admit(packet *rtp.Packet, keyframeStart bool) bool {
	switch rec.pause.state {
	case pausing:
		if rec.wroteAny && packet.Timestamp == rec.lastWrittenTS {
			return true // the rest of the frame being written when the pause came
		}
		rec.pause.state = paused
		return false
	case paused:
		return false
	case resuming:
		if !keyframeStart {
			return false
		}
		rec.pause.state = running
		return true
	}
	return true
}

// isPaused tells whether the track is paused or about to be (called with mu held).
func (rec *recording) isPaused() bool {
	return rec.pause.state == pausing || rec.pause.state == paused
}

// pauseAt stops writing the track from instant now: the event to report, or an error message.
func (rec *recording) pauseAt(now time.Time) (event, string) {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	if rec.closed {
		return nil, "not recording " + rec.trackSid
	}
	if rec.isPaused() {
		return nil, "already paused: " + rec.trackSid
	}
	rec.pause.begin(now)
	if rec.video && rec.wroteAny && !rec.lastWrittenMarker && rec.pause.state == running {
		rec.pause.state = pausing
	} else {
		rec.pause.state = paused
	}
	return event{"trackSid": rec.trackSid, "pausedAtMs": now.UnixMilli()}, ""
}

// resumeAt writes the track again from instant now (video from its next keyframe, which it asks for).
func (rec *recording) resumeAt(now time.Time) (event, string) {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	if rec.closed {
		return nil, "not recording " + rec.trackSid
	}
	var pausedFor time.Duration
	switch rec.pause.state {
	case running, resuming:
		return nil, "not paused: " + rec.trackSid
	case pausing:
		// Resumed before the frame being written ended: the pause never began.
		rec.pause.cancel()
		rec.pause.state = running
	case paused:
		pausedFor = rec.pause.end(now)
		if rec.video {
			rec.pause.state = resuming
			rec.requestKeyframe(now)
		} else {
			rec.pause.state = running
		}
	}
	return event{
		"trackSid":      rec.trackSid,
		"pausedMs":      pausedFor.Milliseconds(),
		"totalPausedMs": rec.pause.pausedTotal.Milliseconds(),
	}, ""
}

func (rec *recording) writePacket(packet *rtp.Packet) {
	if rec.writer == nil || rec.ioErr != nil {
		return
	}
	err := rec.writer.WriteRTP(packet)
	if err == nil {
		return
	}
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) {
		rec.ioErr = fmt.Errorf("writing %s: %w", rec.path, err)
		return
	}
	// A packet the writer cannot parse: skip it, the next keyframe repairs the picture.
	rec.badPackets++
	if rec.badPackets <= 3 {
		log.Printf("%s: skipped a packet the %s writer refused: %v", rec.trackSid, rec.codec, err)
	}
}

// requestKeyframe sends a PLI to the publisher through the server (called with mu held).
func (rec *recording) requestKeyframe(now time.Time) {
	if rec.participant == nil || rec.track == nil {
		return
	}
	rec.participant.WritePLI(rec.track.SSRC())
	rec.lastRequestAt = now
}

func (rec *recording) onRTCP(packet rtcp.Packet) {
	report, ok := packet.(*rtcp.SenderReport)
	if !ok {
		return
	}
	rec.mu.Lock()
	defer rec.mu.Unlock()
	if rec.track == nil || uint32(rec.track.SSRC()) != report.SSRC {
		return
	}
	rec.haveSR = true
	rec.srNtpMs = ntpToUnixMs(report.NTPTime)
	rec.srRtpTimestamp = report.RTPTime
	if rec.clock != nil {
		rec.clock.add(ntpToUnixMsFloat(report.NTPTime), report.RTPTime)
	}
}

// ntpToUnixMsFloat is ntpToUnixMs to the fraction of a ms.
func ntpToUnixMsFloat(ntp uint64) float64 {
	const unixEpochInNTP = 2208988800
	seconds := float64(int64(ntp>>32) - unixEpochInNTP)
	return seconds*1000 + float64(ntp&0xffffffff)*1000/(1<<32)
}

// ntpToUnixMs turns a 64-bit NTP timestamp (seconds since 1900, 32.32 fixed point) into Unix ms.
func ntpToUnixMs(ntp uint64) int64 {
	const unixEpochInNTP = 2208988800
	seconds := int64(ntp>>32) - unixEpochInNTP
	fraction := ntp & 0xffffffff
	return seconds*1000 + int64((fraction*1000)>>32)
}

// tick reports progress every second, asks for keyframes that are overdue, and writes out packets
// held behind a gap when the stream has gone quiet.
func (rec *recording) tick() {
	ticker := time.NewTicker(statsInterval)
	defer ticker.Stop()
	for {
		select {
		case <-rec.done:
			return
		case <-ticker.C:
		}
		now := time.Now()
		rec.mu.Lock()
		if rec.closed {
			rec.mu.Unlock()
			return
		}
		rec.lost += rec.order.expire(now, rec.write)
		switch {
		case !rec.video || rec.isPaused():
		case rec.pause.state == resuming && now.Sub(rec.lastRequestAt) >= gapKeyframeInterval:
			rec.requestKeyframe(now) // the keyframe asked for at the resume has not come
		case now.Sub(rec.lastKeyframeAt) >= keyframeInterval && now.Sub(rec.lastRequestAt) >= keyframeInterval:
			rec.requestKeyframe(now)
		}
		stats := rec.counters()
		ioErr := rec.ioErr
		rec.mu.Unlock()
		if ioErr != nil {
			rec.fail(ioErr)
			return
		}
		rec.events.emit("stats", stats)
	}
}

// counters is the progress of the recording as event fields (called with mu held).
func (rec *recording) counters() event {
	fields := event{
		"trackSid":  rec.trackSid,
		"packets":   rec.packets,
		"bytes":     rec.bytes,
		"keyframes": rec.keyframes,
		"lost":      rec.lost,
		"paused":    rec.isPaused(),
		"pausedMs":  rec.pause.pausedTotal.Milliseconds(),
		// Received while paused (or after a resume, before the keyframe video starts again from).
		"pausedPackets":  rec.pausedPackets,
		"beforeKeyframe": rec.beforeKeyframe,
		"framesReceived": rec.framesReceived,
		"framesWritten":  rec.framesWritten,
	}
	if !rec.lastAt.IsZero() {
		fields["lastPacketAtMs"] = rec.lastAt.UnixMilli()
	}
	if rec.haveSR {
		fields["srNtpMs"] = rec.srNtpMs
		fields["srRtpTimestamp"] = rec.srRtpTimestamp
	}
	if rec.clock != nil {
		// The reference the video's correction is measured from: what haven-live places the files by.
		if ref, ok := rec.clock.referencePoint(); ok {
			fields["refSrNtpMs"] = ref.ntpMs
			fields["refSrRtpTimestamp"] = ref.rtp
		}
	}
	if rec.video && rec.pair != nil {
		fields["clockCorrectionMs"] = rec.corr.appliedMs
	}
	if rec.codec == "opus" {
		fields["gapFillMs"] = rec.opus.filledSamples * 1000 / opusClockRate
	}
	return fields
}

func (rec *recording) fail(err error) {
	rec.finish("error", err)
}

// finish writes out what is held, closes the file (complete from here on) and reports it stopped.
func (rec *recording) finish(reason string, err error) {
	rec.mu.Lock()
	if rec.closed {
		rec.mu.Unlock()
		return
	}
	rec.closed = true
	rec.lost += rec.order.flush(rec.write)
	var closeErr error
	if rec.writer != nil {
		closeErr = rec.writer.Close()
	} else if rec.file != nil {
		closeErr = rec.file.Close()
	}
	if err == nil && rec.ioErr != nil {
		err = rec.ioErr
	}
	if err == nil && closeErr != nil {
		err = fmt.Errorf("closing %s: %w", rec.path, closeErr)
	}
	fields := rec.counters()
	fields["reason"] = reason
	fields["path"] = rec.path
	if !rec.firstAt.IsZero() {
		fields["firstPacketAtMs"] = rec.firstAt.UnixMilli()
	}
	if err != nil {
		fields["error"] = err.Error()
	}
	rec.mu.Unlock()

	if err != nil {
		log.Printf("%s: %v", rec.trackSid, err)
		rec.events.fail(err.Error(), event{"trackSid": rec.trackSid})
	}
	log.Printf("%s: stopped (%s) after %d packets, %d keyframes, %d lost", rec.trackSid, reason, fields["packets"], fields["keyframes"], fields["lost"])
	rec.events.emit("stopped", fields)
	close(rec.done)
	rec.onDone(rec)
}
