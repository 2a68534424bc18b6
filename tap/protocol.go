package main

// The stdio protocol, one JSON object per line.
//
// Commands (stdin):
//
//	{"cmd":"join","url":"ws://…","token":"…"}        join hidden, subscribe-only, autosubscribe off
//	{"cmd":"record","trackSid":"TR_…","path":"/abs"}  subscribe (best layer) and write the track to path
//	{"cmd":"pause","trackSid":"TR_…"}                 stop writing that track (without trackSid: every track
//	                                                   being recorded); the file stays open
//	{"cmd":"resume","trackSid":"TR_…"}                write it again (video from its next keyframe, asked for
//	                                                   with a PLI), as one file whose timeline has no hole for
//	                                                   the pause: IVF PTS and Ogg granules continue from where
//	                                                   they were
//	{"cmd":"stop","trackSid":"TR_…"}                  close that file
//	{"cmd":"quit"}                                     close every file, leave, exit 0 (EOF does the same)
//
// Events (stdout):
//
//	joined       room, participantSid
//	subscribed   trackSid, participantIdentity, kind, mimeType
//	track        trackSid, codec (vp8|vp9|h264|opus), mimeType, clockRate, ssrc, firstPacketAtMs,
//	             firstRtpTimestamp (on the first packet; width/height when the first packet tells them)
//	writing      trackSid, atMs, rtpTimestamp, fileTimestamp, clockRate, packetSamples (opus): the first packet went to the file
//	             (video: a keyframe; what came before it is counted in beforeKeyframe); the file's time
//	             line starts at fileTimestamp, which is rtpTimestamp on the track's RTP clock
//	gap          trackSid, fromMs, toMs: a span of at least a second of the file's time line without
//	             media (the RTP clock ran on and nothing came), reported when media comes again
//	stats        trackSid, packets, bytes, keyframes, lost, lastPacketAtMs, srNtpMs, srRtpTimestamp,
//	             gapFillMs (opus), beforeKeyframe, framesReceived and framesWritten (video), paused, pausedMs (time taken out by ended pauses), pausedPackets
//	             (received but not written: paused, or video waiting for its keyframe after a resume) —
//	             four times a second while recording
//	paused       trackSid, pausedAtMs
//	resumed      trackSid, pausedMs (this pause, on the track's RTP clock), totalPausedMs
//	stopped      trackSid, path, reason (stop|quit|eof|signal|ended|error), packets, bytes, keyframes,
//	             lost, pausedMs, pausedPackets, firstPacketAtMs, error (when the file could not be finished)
//	reconnecting the connection to the room was lost; LiveKit's SDK is resuming or rejoining it
//	reconnected  it is back (media may still not flow: haven-live starts a new tap when none comes)
//	disconnected reason (the room dropped us)
//	error        message, and trackSid or cmd when it concerns one

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"log"
	"os"
	"sync"
)

type command struct {
	Cmd      string `json:"cmd"`
	URL      string `json:"url,omitempty"`
	Token    string `json:"token,omitempty"`
	TrackSid string `json:"trackSid,omitempty"`
	Path     string `json:"path,omitempty"`
}

type event map[string]any

// emitter writes events to the protocol stream; writes from any goroutine come out as whole lines.
type emitter struct {
	mu         sync.Mutex
	out        *os.File
	broken     chan struct{}
	brokenOnce sync.Once
}

func newEmitter(out *os.File) *emitter {
	return &emitter{out: out, broken: make(chan struct{})}
}

func (e *emitter) emit(name string, fields event) {
	line := event{"event": name}
	for k, v := range fields {
		line[k] = v
	}
	data, err := json.Marshal(line)
	if err != nil {
		log.Printf("could not encode %s event: %v", name, err)
		return
	}
	data = append(data, '\n')
	e.mu.Lock()
	defer e.mu.Unlock()
	if _, err := e.out.Write(data); err != nil {
		e.brokenOnce.Do(func() {
			log.Printf("writing an event failed: %v", err)
			close(e.broken)
		})
	}
}

func (e *emitter) fail(message string, fields event) {
	f := event{"message": message}
	for k, v := range fields {
		f[k] = v
	}
	e.emit("error", f)
}

// readCommands sends each command line to commands and closes it when stdin ends.
func readCommands(in io.Reader, commands chan<- command, events *emitter) {
	defer close(commands)
	reader := bufio.NewReaderSize(in, 64*1024)
	for {
		line, err := reader.ReadBytes('\n')
		if len(line) > 0 {
			var cmd command
			if jsonErr := json.Unmarshal(line, &cmd); jsonErr != nil {
				if len(bytes.TrimSpace(line)) > 0 {
					// Not the line itself: it may hold a token.
					events.fail("not a JSON command line: "+jsonErr.Error(), nil)
				}
			} else {
				commands <- cmd
			}
		}
		if err != nil {
			if !errors.Is(err, io.EOF) {
				log.Printf("reading stdin: %v", err)
			}
			return
		}
	}
}
