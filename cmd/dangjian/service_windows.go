//go:build windows

package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"golang.org/x/sys/windows/svc"

	"dangjian/internal/cli"
)

// runAsService runs the command line as a Windows service when the service
// control manager started the process (sc.exe create dangjian binPath=
// "C:\...\dangjian.exe serve --db ..."): the arguments are the ones in
// binPath, a stop or shutdown request cancels the command's context the way
// Ctrl+C does on a console, and the service reports stopped once the command
// has returned (serve finishes its requests and background jobs first).
// It reports false when the process was started from a console.
func runAsService(args []string) (int, bool) {
	isService, err := svc.IsWindowsService()
	if err != nil || !isService {
		return 0, false
	}
	out, closeLog := serviceLog()
	defer closeLog()
	s := &service{args: args, out: out}
	// The name is ignored for a service that runs in its own process.
	if err := svc.Run("dangjian", s); err != nil {
		fmt.Fprintf(out, "%s dangjian: windows service: %v\n", time.Now().Format(time.RFC3339), err)
		return 1, true
	}
	return s.code, true
}

// service is the svc.Handler running one command line.
type service struct {
	args []string
	out  io.Writer
	code int
}

// stopWait is the time the service control manager is told a stop may take:
// serve waits up to 10 s for requests and 30 s for background jobs.
const stopWait = 45 * time.Second

// Execute implements svc.Handler.
func (s *service) Execute(_ []string, requests <-chan svc.ChangeRequest, status chan<- svc.Status) (bool, uint32) {
	status <- svc.Status{State: svc.StartPending}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan int, 1)
	go func() {
		done <- cli.Main(ctx, s.args, cli.Env{Stdout: s.out, Stderr: s.out, Getenv: os.Getenv})
	}()
	status <- svc.Status{State: svc.Running, Accepts: svc.AcceptStop | svc.AcceptShutdown}
	for {
		select {
		case s.code = <-done:
			// The command ended by itself (a port in use, a wrong key):
			// a non-zero code is a service-specific error, so the service
			// shows as failed and its recovery actions apply.
			return s.code != 0, uint32(s.code)
		case r := <-requests:
			switch r.Cmd {
			case svc.Interrogate:
				status <- r.CurrentStatus
			case svc.Stop, svc.Shutdown:
				status <- svc.Status{State: svc.StopPending, WaitHint: uint32(stopWait / time.Millisecond)}
				cancel()
				s.code = <-done
				return s.code != 0, uint32(s.code)
			}
		}
	}
}

// serviceLog is where a service's output goes, since it has no console:
// %DANGJIAN_SERVICE_LOG%, else %ProgramData%\dangjian\dangjian.log, appended.
// It holds what serve prints on a console, including a new administrator's
// one-time password on the first start of an empty database.
func serviceLog() (io.Writer, func()) {
	path := os.Getenv("DANGJIAN_SERVICE_LOG")
	if path == "" {
		dir := os.Getenv("ProgramData")
		if dir == "" {
			return io.Discard, func() {}
		}
		path = filepath.Join(dir, "dangjian", "dangjian.log")
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return io.Discard, func() {}
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return io.Discard, func() {}
	}
	return f, func() { f.Close() }
}
