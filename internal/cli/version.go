package cli

import (
	"context"
	"flag"
	"fmt"
	"runtime"
)

// Version is the release this binary was built as. scripts/release.sh and
// the Dockerfile stamp it with
// -ldflags "-X dangjian/internal/cli.Version=v1.2.3"; a plain go build
// leaves "dev".
var Version = "dev"

// runVersion prints the version, the Go release and the platform on one
// line, e.g. "dangjian v1.2.3 go1.26.8 linux/amd64". The line has no words
// to translate.
func runVersion(_ context.Context, env Env, args []string) error {
	fs := flag.NewFlagSet("version", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	if err := parse(fs, args); err != nil {
		return err
	}
	_, err := fmt.Fprintf(env.Stdout, "dangjian %s %s %s/%s\n", Version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return err
}
