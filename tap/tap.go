package main

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/livekit/protocol/livekit"
	lksdk "github.com/livekit/server-sdk-go/v2"
	"github.com/pion/webrtc/v4"
)

// How long a record command waits for its track to appear in the room: a publisher's track sid can
// reach haven-live (webhook, API) before the participant update reaches the tap.
const findTrackTimeout = 10 * time.Second

// tap is one room connection and the recordings made through it.
type tap struct {
	events *emitter

	mu           sync.Mutex
	room         *lksdk.Room
	recordings   map[string]*recording
	pairs        map[string]*clockPair // by participant and family
	shuttingDown bool
}

func newTap(events *emitter) *tap {
	return &tap{events: events, recordings: map[string]*recording{}, pairs: map[string]*clockPair{}}
}

func (t *tap) handle(cmd command) {
	switch cmd.Cmd {
	case "join":
		t.join(cmd.URL, cmd.Token)
	case "record":
		t.record(cmd.TrackSid, cmd.Path)
	case "stop":
		t.stop(cmd.TrackSid)
	case "pause", "resume":
		t.pauseOrResume(cmd.Cmd, cmd.TrackSid)
	default:
		t.events.fail(fmt.Sprintf("unknown command %q (join, record, pause, resume, stop, quit)", cmd.Cmd), event{"cmd": cmd.Cmd})
	}
}

func (t *tap) join(url, token string) {
	t.mu.Lock()
	joined := t.room != nil
	t.mu.Unlock()
	if joined {
		t.events.fail("already joined: one tap joins one room", event{"cmd": "join"})
		return
	}
	if url == "" || token == "" {
		t.events.fail("join needs url and token", event{"cmd": "join"})
		return
	}
	callback := &lksdk.RoomCallback{
		ParticipantCallback: lksdk.ParticipantCallback{
			OnTrackSubscribed:         t.onTrackSubscribed,
			OnTrackSubscriptionFailed: t.onTrackSubscriptionFailed,
		},
		OnDisconnectedWithReason: t.onDisconnected,
		OnReconnecting:           func() { t.events.emit("reconnecting", event{}) },
		OnReconnected:            func() { t.events.emit("reconnected", event{}) },
	}
	room, err := lksdk.ConnectToRoomWithToken(url, token, callback, lksdk.WithAutoSubscribe(false))
	if err != nil {
		message := strings.ReplaceAll(err.Error(), token, "[token]")
		log.Printf("could not join %s: %s", url, message)
		t.events.fail("could not join the room: "+message, event{"cmd": "join"})
		return
	}
	t.mu.Lock()
	t.room = room
	t.mu.Unlock()
	log.Printf("joined room %q at %s as %s", room.Name(), url, room.LocalParticipant.Identity())
	t.events.emit("joined", event{"room": room.Name(), "participantSid": room.LocalParticipant.SID()})
}

func (t *tap) record(trackSid, path string) {
	fail := func(message string) { t.events.fail(message, event{"cmd": "record", "trackSid": trackSid}) }
	if trackSid == "" || path == "" {
		fail("record needs trackSid and path")
		return
	}
	if !filepath.IsAbs(path) {
		fail("path must be absolute: " + path)
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.room == nil {
		fail("join a room before recording")
		return
	}
	if t.shuttingDown {
		return
	}
	if _, busy := t.recordings[trackSid]; busy {
		fail("already recording " + trackSid)
		return
	}
	// Made now so that a path that cannot be written fails the command, not the first packet.
	file, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		fail("cannot write the file: " + err.Error())
		return
	}
	rec := newRecording(trackSid, path, file, t.events, t.recordingDone)
	t.recordings[trackSid] = rec
	go t.subscribe(rec)
}

// subscribe finds the track's publication and asks for it: the best layer of a video, HIGH quality.
func (t *tap) subscribe(rec *recording) {
	deadline := time.Now().Add(findTrackTimeout)
	for {
		if rec.isClosed() {
			return
		}
		pub, participant := t.findPublication(rec.trackSid)
		if pub != nil {
			if !rec.setPublication(pub, participant) {
				return
			}
			if err := pub.SetSubscribed(true); err != nil {
				rec.fail(fmt.Errorf("could not subscribe: %w", err))
				return
			}
			if pub.Kind() == lksdk.TrackKindVideo {
				if err := pub.SetVideoQuality(livekit.VideoQuality_HIGH); err != nil {
					log.Printf("%s: could not ask for HIGH quality: %v", rec.trackSid, err)
				}
			}
			log.Printf("%s: subscribing (%s of %s)", rec.trackSid, pub.Kind(), participant.Identity())
			return
		}
		if time.Now().After(deadline) {
			rec.fail(fmt.Errorf("no track %s is published in this room", rec.trackSid))
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func (t *tap) findPublication(trackSid string) (*lksdk.RemoteTrackPublication, *lksdk.RemoteParticipant) {
	t.mu.Lock()
	room := t.room
	t.mu.Unlock()
	for _, participant := range room.GetRemoteParticipants() {
		for _, pub := range participant.TrackPublications() {
			if remote, ok := pub.(*lksdk.RemoteTrackPublication); ok && pub.SID() == trackSid {
				return remote, participant
			}
		}
	}
	return nil, nil
}

func (t *tap) onTrackSubscribed(track *webrtc.TrackRemote, pub *lksdk.RemoteTrackPublication, participant *lksdk.RemoteParticipant) {
	t.mu.Lock()
	rec := t.recordings[pub.SID()]
	t.mu.Unlock()
	if rec == nil {
		// Stopped before the server answered the subscription.
		log.Printf("%s: subscribed but no longer recording it: unsubscribing", pub.SID())
		if err := pub.SetSubscribed(false); err != nil {
			log.Printf("%s: could not unsubscribe: %v", pub.SID(), err)
		}
		return
	}
	if pub.Kind() == lksdk.TrackKindVideo {
		// Settings sent before the subscription existed may have been dropped by the server.
		if err := pub.SetVideoQuality(livekit.VideoQuality_HIGH); err != nil {
			log.Printf("%s: could not ask for HIGH quality: %v", pub.SID(), err)
		}
	}
	rec.attach(track, pub, participant, t.pairFor(participant.Identity(), pub.Source().String()))
}

// pairFor is the clock pair of a participant's family (camera and microphone, screen share and its
// audio) that a track's recording joins; nil for a track of no family.
func (t *tap) pairFor(identity, source string) *clockPair {
	key, ok := pairKey(identity, source)
	if !ok {
		return nil
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	pair := t.pairs[key]
	if pair == nil {
		pair = &clockPair{}
		t.pairs[key] = pair
	}
	return pair
}

func (t *tap) onTrackSubscriptionFailed(trackSid string, participant *lksdk.RemoteParticipant) {
	t.mu.Lock()
	rec := t.recordings[trackSid]
	t.mu.Unlock()
	if rec != nil {
		rec.fail(fmt.Errorf("the subscription to %s of %s failed", trackSid, participant.Identity()))
	}
}

func (t *tap) onDisconnected(reason lksdk.DisconnectionReason) {
	t.mu.Lock()
	quitting := t.shuttingDown
	t.mu.Unlock()
	if quitting {
		return
	}
	log.Printf("disconnected from the room: %s", reason)
	t.events.emit("disconnected", event{"reason": string(reason)})
}

func (t *tap) stop(trackSid string) {
	t.mu.Lock()
	rec := t.recordings[trackSid]
	t.mu.Unlock()
	if rec == nil {
		t.events.fail("not recording "+trackSid, event{"cmd": "stop", "trackSid": trackSid})
		return
	}
	rec.finish("stop", nil)
}

// pauseOrResume pauses or resumes one track, or without a track sid every track being recorded.
func (t *tap) pauseOrResume(cmd, trackSid string) {
	t.mu.Lock()
	var recordings []*recording
	if trackSid != "" {
		if rec := t.recordings[trackSid]; rec != nil {
			recordings = append(recordings, rec)
		}
	} else {
		for _, rec := range t.recordings {
			recordings = append(recordings, rec)
		}
	}
	t.mu.Unlock()
	if trackSid != "" && len(recordings) == 0 {
		t.events.fail("not recording "+trackSid, event{"cmd": cmd, "trackSid": trackSid})
		return
	}
	now := time.Now()
	for _, rec := range recordings {
		var fields event
		var problem string
		if cmd == "pause" {
			fields, problem = rec.pauseAt(now)
		} else {
			fields, problem = rec.resumeAt(now)
		}
		switch {
		case problem == "":
			log.Printf("%s: %sd", rec.trackSid, cmd)
			t.events.emit(cmd+"d", fields)
		case trackSid != "":
			// For every track at once, those already paused (or not paused) are simply left as they are.
			t.events.fail(problem, event{"cmd": cmd, "trackSid": trackSid})
		}
	}
}

// recordingDone forgets a finished recording and stops the media it no longer needs.
func (t *tap) recordingDone(rec *recording) {
	t.mu.Lock()
	if t.recordings[rec.trackSid] == rec {
		delete(t.recordings, rec.trackSid)
	}
	quitting := t.shuttingDown
	t.mu.Unlock()
	if pub := rec.publication(); pub != nil && !quitting {
		if err := pub.SetSubscribed(false); err != nil {
			log.Printf("%s: could not unsubscribe: %v", rec.trackSid, err)
		}
	}
}

// shutdown closes every file, then leaves the room (without waiting long for a server that is gone).
// reason is what the stopped events say: quit, eof (stdin or stdout closed) or signal.
func (t *tap) shutdown(reason string) {
	t.mu.Lock()
	t.shuttingDown = true
	recordings := make([]*recording, 0, len(t.recordings))
	for _, rec := range t.recordings {
		recordings = append(recordings, rec)
	}
	room := t.room
	t.mu.Unlock()
	for _, rec := range recordings {
		rec.finish(reason, nil)
	}
	if room == nil {
		return
	}
	left := make(chan struct{})
	go func() {
		room.Disconnect()
		close(left)
	}()
	select {
	case <-left:
	case <-time.After(3 * time.Second):
		log.Print("leaving the room took over 3 s: exiting anyway")
	}
}
