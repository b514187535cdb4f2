//go:build !windows

package main

// runAsService reports false: only Windows has a service control manager
// that starts the binary; systemd runs it as a plain process.
func runAsService([]string) (int, bool) { return 0, false }
