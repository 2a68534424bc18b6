package main

import (
	"encoding/binary"
	"errors"
	"os"

	"github.com/pion/rtp"
	"github.com/pion/rtp/codecs"
)

// h264IVF writes H.264 into IVF (FourCC "H264", 90 kHz time base): each frame an access unit in
// Annex-B, with its RTP time as its PTS. Unlike a raw Annex-B stream it keeps every frame's time,
// so a variable frame rate survives; like any IVF file, one cut by a crash reads up to its last
// whole frame (ffmpeg reads IVF until the file ends, whatever the header's frame count says).
type h264IVF struct {
	file         *os.File
	depacketizer codecs.H264Packet
	frame        []byte
	frameTS      uint32
	inFrame      bool
	firstTS      uint32
	wroteAny     bool
	frames       uint32
}

const ivfHeaderSize = 32

func newH264IVF(file *os.File, width, height uint16) (*h264IVF, error) {
	header := make([]byte, ivfHeaderSize)
	copy(header[0:], "DKIF")
	binary.LittleEndian.PutUint16(header[4:], 0)  // version
	binary.LittleEndian.PutUint16(header[6:], 32) // header size
	copy(header[8:], "H264")
	binary.LittleEndian.PutUint16(header[12:], width)
	binary.LittleEndian.PutUint16(header[14:], height)
	binary.LittleEndian.PutUint32(header[16:], 90000) // time base: 1/90000 s
	binary.LittleEndian.PutUint32(header[20:], 1)
	if _, err := file.Write(header); err != nil {
		return nil, err
	}
	return &h264IVF{file: file}, nil
}

// WriteRTP adds a packet to the frame it belongs to; a frame is written when its last packet (the
// marker) comes, or when a packet of the next frame does.
func (w *h264IVF) WriteRTP(packet *rtp.Packet) error {
	if w.inFrame && packet.Timestamp != w.frameTS {
		if err := w.flush(); err != nil {
			return err
		}
	}
	nal, err := w.depacketizer.Unmarshal(packet.Payload)
	if err != nil {
		return err
	}
	w.frame = append(w.frame, nal...)
	w.frameTS = packet.Timestamp
	w.inFrame = true
	if packet.Marker {
		return w.flush()
	}
	return nil
}

func (w *h264IVF) flush() error {
	w.inFrame = false
	if len(w.frame) == 0 {
		return nil
	}
	if !w.wroteAny {
		w.firstTS = w.frameTS
		w.wroteAny = true
	}
	header := make([]byte, 12)
	binary.LittleEndian.PutUint32(header[0:], uint32(len(w.frame)))
	binary.LittleEndian.PutUint64(header[4:], uint64(w.frameTS-w.firstTS))
	_, err := w.file.Write(append(header, w.frame...))
	w.frame = w.frame[:0]
	if err == nil {
		w.frames++
	}
	return err
}

// Close writes the frame being gathered, the frame count into the header, and closes the file.
func (w *h264IVF) Close() error {
	err := w.flush()
	count := make([]byte, 4)
	binary.LittleEndian.PutUint32(count, w.frames)
	if _, seekErr := w.file.WriteAt(count, 24); seekErr != nil && err == nil {
		err = seekErr
	}
	return errors.Join(err, w.file.Close())
}
