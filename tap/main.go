// Command haven-tap joins a LiveKit room as a hidden, subscribe-only participant and writes the
// tracks it is told to record to disk as their RTP arrives, without decoding: VP8 and VP9 into IVF,
// H.264 into IVF too (FourCC H264, access units in Annex-B with their RTP times), Opus into Ogg.
//
// haven-live drives it over stdio: one JSON command per line on stdin, one JSON event per line on
// stdout (see protocol.go). Logs go to stderr only. When stdin ends (haven-live quit or died) it closes
// every file and leaves the room, so a tap never outlives its parent.
package main

import (
	"fmt"
	"log"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	protocolOut, err := takeStdout()
	if err != nil {
		fmt.Fprintln(os.Stderr, "haven-tap:", err)
		os.Exit(1)
	}
	log.SetOutput(os.Stderr)
	log.SetPrefix("haven-tap: ")
	log.SetFlags(log.LstdFlags | log.Lmicroseconds)
	// A parent that died leaves broken pipes behind: writes must fail with EPIPE (and the files still
	// be closed) rather than kill the process on the spot.
	signal.Ignore(syscall.SIGPIPE)

	events := newEmitter(protocolOut)
	tap := newTap(events)
	commands := make(chan command)
	go readCommands(os.Stdin, commands, events)
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGINT, syscall.SIGTERM)

	for {
		select {
		case cmd, ok := <-commands:
			if !ok {
				log.Print("stdin closed: closing files and leaving the room")
				tap.shutdown("eof")
				os.Exit(0)
			}
			if cmd.Cmd == "quit" {
				tap.shutdown("quit")
				os.Exit(0)
			}
			tap.handle(cmd)
		case sig := <-signals:
			log.Printf("%s: closing files and leaving the room", sig)
			tap.shutdown("signal")
			os.Exit(0)
		case <-events.broken:
			log.Print("stdout is gone: closing files and leaving the room")
			tap.shutdown("eof")
			os.Exit(0)
		}
	}
}

// takeStdout keeps the real stdout for protocol lines only and points fd 1 at stderr, so that nothing a
// library prints can ever be mistaken for an event.
func takeStdout() (*os.File, error) {
	fd, err := syscall.Dup(1)
	if err != nil {
		return nil, fmt.Errorf("dup stdout: %w", err)
	}
	syscall.CloseOnExec(fd)
	if err := syscall.Dup3(2, 1, 0); err != nil {
		return nil, fmt.Errorf("point stdout at stderr: %w", err)
	}
	return os.NewFile(uintptr(fd), "protocol"), nil
}
