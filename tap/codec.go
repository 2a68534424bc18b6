package main

import (
	"encoding/binary"
	"log"
	"strings"

	"github.com/pion/rtp"
	"github.com/pion/rtp/codecs"
	"github.com/pion/webrtc/v4"
)

// codecName is the protocol's name for a track's codec, or "" for one the tap cannot write.
func codecName(mimeType string) string {
	switch {
	case strings.EqualFold(mimeType, webrtc.MimeTypeVP8):
		return "vp8"
	case strings.EqualFold(mimeType, webrtc.MimeTypeVP9):
		return "vp9"
	case strings.EqualFold(mimeType, webrtc.MimeTypeH264):
		return "h264"
	case strings.EqualFold(mimeType, webrtc.MimeTypeOpus):
		return "opus"
	}
	return ""
}

// startsKeyframe tells whether an RTP payload carries the start of a keyframe (for H.264: an IDR
// slice or the SPS sent before it; several packets of one frame share its RTP timestamp).
func startsKeyframe(codec string, payload []byte) bool {
	switch codec {
	case "vp8":
		var p codecs.VP8Packet
		frame, err := p.Unmarshal(payload)
		return err == nil && p.S == 1 && p.PID == 0 && len(frame) > 0 && frame[0]&0x01 == 0
	case "vp9":
		var p codecs.VP9Packet
		_, err := p.Unmarshal(payload)
		return err == nil && p.B && !p.P && p.SID == 0
	case "h264":
		return h264StartsKeyframe(payload)
	}
	return false
}

func h264StartsKeyframe(payload []byte) bool {
	const (
		nalIDR  = 5
		nalSPS  = 7
		nalSTAP = 24
		nalFUA  = 28
	)
	if len(payload) == 0 {
		return false
	}
	switch kind := payload[0] & 0x1f; kind {
	case nalIDR, nalSPS:
		return true
	case nalSTAP:
		for rest := payload[1:]; len(rest) > 2; {
			size := int(binary.BigEndian.Uint16(rest))
			rest = rest[2:]
			if size == 0 || size > len(rest) {
				return false
			}
			if k := rest[0] & 0x1f; k == nalIDR || k == nalSPS {
				return true
			}
			rest = rest[size:]
		}
	case nalFUA:
		if len(payload) > 1 && payload[1]&0x80 != 0 {
			k := payload[1] & 0x1f
			return k == nalIDR || k == nalSPS
		}
	}
	return false
}

// vp8KeyframeSize reads the picture size from the first packet of a VP8 keyframe (RFC 6386 9.1).
func vp8KeyframeSize(payload []byte) (width, height uint16, ok bool) {
	var p codecs.VP8Packet
	frame, err := p.Unmarshal(payload)
	if err != nil || p.S != 1 || p.PID != 0 || len(frame) < 10 || frame[0]&0x01 != 0 {
		return 0, 0, false
	}
	if frame[3] != 0x9d || frame[4] != 0x01 || frame[5] != 0x2a {
		return 0, 0, false
	}
	width = binary.LittleEndian.Uint16(frame[6:]) & 0x3fff
	height = binary.LittleEndian.Uint16(frame[8:]) & 0x3fff
	return width, height, width > 0 && height > 0
}

// opusSamplesPerFrame is the length at 48 kHz of each frame of an Opus packet with this TOC byte
// (RFC 6716 3.1).
func opusSamplesPerFrame(toc byte) uint32 {
	config := toc >> 3
	switch {
	case config < 12: // SILK: 10, 20, 40, 60 ms
		return []uint32{480, 960, 1920, 2880}[config%4]
	case config < 16: // hybrid: 10, 20 ms
		return []uint32{480, 960}[config%2]
	default: // CELT: 2.5, 5, 10, 20 ms
		return []uint32{120, 240, 480, 960}[config%4]
	}
}

// opusPacketSamples is the length at 48 kHz of a whole Opus packet.
func opusPacketSamples(payload []byte) uint32 {
	if len(payload) == 0 {
		return 0
	}
	frames := uint32(1)
	switch payload[0] & 0x03 {
	case 1, 2:
		frames = 2
	case 3:
		if len(payload) < 2 {
			return 0
		}
		frames = uint32(payload[1] & 0x3f)
	}
	return frames * opusSamplesPerFrame(payload[0])
}

// At most this much silence is filled into one gap (10 minutes at 48 kHz): a longer jump is more
// likely a broken timestamp than a pause.
const maxOpusFillSamples = 10 * 60 * 48000

// opusTimeline keeps an Ogg file's time in step with the RTP clock. The Ogg writer times each packet
// by the samples it holds, so a gap in the stream (DTX while silent, a muted microphone, lost packets)
// would otherwise pull everything after it earlier. A gap is filled with empty Opus frames (a TOC byte
// alone), which a decoder plays as silence or concealment (RFC 6716 3.2.1).
type opusTimeline struct {
	started       bool
	nextTimestamp uint32
	lastTOC       byte
	filledSamples uint64
}

// fillers returns the empty packets that belong before p, and notes where p ends.
func (o *opusTimeline) fillers(p *rtp.Packet) []*rtp.Packet {
	samples := opusPacketSamples(p.Payload)
	if samples == 0 {
		return nil
	}
	var out []*rtp.Packet
	if o.started {
		gap := int64(int32(p.Timestamp - o.nextTimestamp))
		step := int64(opusSamplesPerFrame(o.lastTOC))
		if gap >= step/2 {
			if gap > maxOpusFillSamples {
				log.Printf("opus timestamps jumped %d samples: filling only %d", gap, maxOpusFillSamples)
				gap = maxOpusFillSamples
			}
			count := (gap + step/2) / step
			toc := o.lastTOC &^ 0x03 // one frame, of length zero
			for i := int64(0); i < count; i++ {
				filler := &rtp.Packet{Header: p.Header, Payload: []byte{toc}}
				filler.Timestamp = o.nextTimestamp + uint32(i*step)
				out = append(out, filler)
			}
			o.filledSamples += uint64(count * step)
		}
	}
	o.started = true
	o.lastTOC = p.Payload[0]
	o.nextTimestamp = p.Timestamp + samples
	return out
}
