package main

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"

	"github.com/pion/rtp"
)

func TestH264IVFWritesEachAccessUnitAtItsRTPTime(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v.ivf")
	file, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	w, err := newH264IVF(file, 640, 360)
	if err != nil {
		t.Fatal(err)
	}
	packet := func(seq uint16, ts uint32, marker bool, payload []byte) {
		if err := w.WriteRTP(&rtp.Packet{Header: rtp.Header{Version: 2, SequenceNumber: seq, Timestamp: ts, Marker: marker}, Payload: payload}); err != nil {
			t.Fatal(err)
		}
	}
	first := uint32(4_294_960_000) // wraps between the frames
	// Frame 1: SPS and PPS in a STAP-A, then an IDR in two FU-A fragments.
	packet(1, first, false, []byte{24, 0, 2, 0x67, 0x42, 0, 2, 0x68, 0xce})
	packet(2, first, false, []byte{0x7c, 0x80 | 5, 0xaa, 0xbb})
	packet(3, first, true, []byte{0x7c, 0x40 | 5, 0xcc})
	// Frame 2, 1/15 s later (6000 ticks), one slice; its marker lost: the next frame ends it.
	packet(4, first+6000, false, []byte{0x41, 0x9a})
	// Frame 3, 1/30 s after that: a variable rate is kept.
	packet(5, first+9000, true, []byte{0x41, 0x9b})
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if string(data[0:4]) != "DKIF" || string(data[8:12]) != "H264" || binary.LittleEndian.Uint32(data[16:]) != 90000 {
		t.Fatalf("header %q", data[:32])
	}
	if count := binary.LittleEndian.Uint32(data[24:]); count != 3 {
		t.Fatalf("frame count %d, want 3", count)
	}
	startCode := []byte{0, 0, 0, 1}
	want := []struct {
		pts  uint64
		data []byte
	}{
		{0, bytes.Join([][]byte{nil, {0x67, 0x42}, {0x68, 0xce}, {0x65, 0xaa, 0xbb, 0xcc}}, startCode)},
		{6000, append(append([]byte{}, startCode...), 0x41, 0x9a)},
		{9000, append(append([]byte{}, startCode...), 0x41, 0x9b)},
	}
	rest := data[32:]
	for i, frame := range want {
		size := binary.LittleEndian.Uint32(rest)
		pts := binary.LittleEndian.Uint64(rest[4:])
		payload := rest[12 : 12+size]
		if pts != frame.pts || !bytes.Equal(payload, frame.data) {
			t.Fatalf("frame %d: pts %d payload % x, want pts %d payload % x", i, pts, payload, frame.pts, frame.data)
		}
		rest = rest[12+size:]
	}
	if len(rest) != 0 {
		t.Fatalf("%d bytes after the last frame", len(rest))
	}
}
