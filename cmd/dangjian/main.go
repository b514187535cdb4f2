// Command dangjian is the community party-building platform: web
// application, JSON API and operator command line in one binary.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"dangjian/internal/cli"
)

func main() {
	// Started by the Windows service control manager: run as a service
	// (service_windows.go); elsewhere this is never the case.
	if code, ok := runAsService(os.Args[1:]); ok {
		os.Exit(code)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, os.Args[1:], cli.Env{Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, Stdin: os.Stdin})
	stop()
	os.Exit(code)
}
