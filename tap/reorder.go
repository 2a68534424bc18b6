package main

import (
	"log"
	"time"

	"github.com/pion/rtp"
)

// reorderBuffer hands packets on in sequence-number order. A packet that arrives ahead of a gap is
// held until the gap fills (a NACKed packet resent, reordering on the way) or until waiting longer
// would only delay the file: then the missing packets count as lost and writing goes on after them.
// The writers assemble frames from consecutive packets, so an old packet let through late would
// corrupt the frame being written.
type reorderBuffer struct {
	maxWait    time.Duration
	maxPackets int

	started   bool
	next      uint16 // the sequence number due next
	held      map[uint16]*rtp.Packet
	gapSince  time.Time
	lateCount int // packets behind `next` in a row: many mean the stream restarted its numbering
}

// A jump this far ahead is a new numbering, not loss.
const restartJump = 3000

func newReorderBuffer(maxWait time.Duration, maxPackets int) reorderBuffer {
	return reorderBuffer{maxWait: maxWait, maxPackets: maxPackets, held: map[uint16]*rtp.Packet{}}
}

// push takes a packet as it arrives and emits every packet that is now in order. It returns how many
// sequence numbers were given up as lost.
func (b *reorderBuffer) push(p *rtp.Packet, now time.Time, emit func(*rtp.Packet)) uint64 {
	seq := p.SequenceNumber
	if !b.started {
		b.started = true
		b.next = seq
	}
	ahead := seq - b.next
	switch {
	case ahead >= 0x8000: // behind: a duplicate, or a resend after we gave up on it
		b.lateCount++
		if b.lateCount < 50 {
			return 0
		}
		log.Printf("sequence numbers went back (to %d from %d): starting over from there", seq, b.next)
		lost := b.flush(emit)
		b.next = seq
		b.lateCount = 0
		b.held[seq] = p
		return lost + b.release(now, emit)
	case ahead > restartJump:
		log.Printf("sequence numbers jumped (to %d from %d): starting over from there", seq, b.next)
		lost := b.flush(emit)
		b.next = seq
		b.held[seq] = p
		return lost + b.release(now, emit)
	}
	b.lateCount = 0
	if _, dup := b.held[seq]; dup {
		return 0
	}
	b.held[seq] = p
	return b.release(now, emit)
}

// expire gives up on a gap that has waited long enough even when no packet arrives to notice it.
func (b *reorderBuffer) expire(now time.Time, emit func(*rtp.Packet)) uint64 {
	if len(b.held) == 0 {
		return 0
	}
	return b.release(now, emit)
}

// release emits the run of packets due now, skipping gaps that have waited too long.
func (b *reorderBuffer) release(now time.Time, emit func(*rtp.Packet)) uint64 {
	var lost uint64
	for {
		for {
			p, ok := b.held[b.next]
			if !ok {
				break
			}
			delete(b.held, b.next)
			emit(p)
			b.next++
			b.gapSince = time.Time{}
		}
		if len(b.held) == 0 {
			b.gapSince = time.Time{}
			return lost
		}
		if b.gapSince.IsZero() {
			b.gapSince = now
		}
		if now.Sub(b.gapSince) < b.maxWait && len(b.held) <= b.maxPackets {
			return lost
		}
		first := b.firstHeld()
		lost += uint64(first - b.next)
		b.next = first
		b.gapSince = now
	}
}

// flush emits everything held, in order, counting the gaps between as lost.
func (b *reorderBuffer) flush(emit func(*rtp.Packet)) uint64 {
	var lost uint64
	for len(b.held) > 0 {
		first := b.firstHeld()
		lost += uint64(first - b.next)
		b.next = first
		for {
			p, ok := b.held[b.next]
			if !ok {
				break
			}
			delete(b.held, b.next)
			emit(p)
			b.next++
		}
	}
	b.gapSince = time.Time{}
	return lost
}

func (b *reorderBuffer) firstHeld() uint16 {
	best := uint16(0xffff)
	var first uint16
	for seq := range b.held {
		if d := seq - b.next; d <= best {
			best = d
			first = seq
		}
	}
	return first
}
