package cli

import (
	"context"
	"fmt"

	"dangjian/internal/invariant"
)

// runCheck verifies the invariants the domains register (no active
// membership in an ended organisation, the maintained counts equal to
// their rows, …): it prints each breach and fails when there is one.
func runCheck(ctx context.Context, env Env, args []string) error {
	fs, dbURL := newFlags("check", env)
	if err := parse(fs, args); err != nil {
		return err
	}
	d, err := openExisting(ctx, *dbURL)
	if err != nil {
		return err
	}
	defer d.Close()
	breaches, err := invariant.Check(ctx, d.Reader())
	if err != nil {
		return err
	}
	all := invariant.All()
	if len(breaches) == 0 {
		fmt.Fprintf(env.Stdout, "all %d invariants hold\n", len(all))
		return nil
	}
	for _, b := range breaches {
		fmt.Fprintln(env.Stdout, b)
	}
	return fmt.Errorf("%d breaches of the invariants (at most 100 listed for each)", len(breaches))
}
