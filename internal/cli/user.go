package cli

import (
	"context"
	"fmt"
	"text/tabwriter"
	"time"

	"dangjian/internal/area"
	"dangjian/internal/auth"
	"dangjian/internal/db"
)

// runUser manages accounts: add, passwd, disable, enable, list.
func runUser(ctx context.Context, env Env, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("user needs a subcommand: add, passwd, disable, enable, list")
	}
	sub, args := args[0], args[1:]
	fs, dbURL := newFlags("user "+sub, env)
	role := fs.String("role", "", "admin, district, subdistrict, community, unit, viewer or auditor")
	areaArg := fs.String("area", "", "the account's area (name or id)")
	display := fs.String("name", "", "display name")
	reveal := fs.Bool("can-reveal", false, "may reveal full personal data")
	var name string
	if sub != "list" {
		if len(args) == 0 || args[0] == "" || args[0][0] == '-' {
			return fmt.Errorf("user %s needs a username", sub)
		}
		name, args = args[0], args[1:]
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	d, as, err := openAccounts(ctx, *dbURL)
	if err != nil {
		return err
	}
	defer d.Close()
	switch sub {
	case "add":
		var areaID int64
		if *areaArg != "" {
			a, err := area.NewStore(d).Find(ctx, *areaArg)
			if err != nil {
				return err
			}
			areaID = a.ID
		}
		a, pw, err := as.Create(ctx, auth.NewAccount{Username: name, DisplayName: *display, Role: auth.Role(*role), AreaID: areaID, CanReveal: *reveal})
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "created %s (%s); one-time password, shown once: %s\n", a.Username, a.Role, pw)
	case "passwd":
		pw, err := as.ResetPassword(ctx, name)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "new one-time password for %s, shown once: %s\n", auth.NormalizeUsername(name), pw)
	case "disable", "enable":
		if err := as.SetDisabled(ctx, name, sub == "disable"); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "%sd %s\n", sub, auth.NormalizeUsername(name))
	case "list":
		list, err := as.List(ctx)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(env.Stdout, 2, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "USERNAME\tROLE\tAREA\tSTATE\tCREATED")
		for _, a := range list {
			state := "active"
			switch {
			case a.Disabled:
				state = "disabled"
			case a.MustChangePassword:
				state = "must change password"
			}
			fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\n", a.Username, a.Role, a.AreaID, state, a.CreatedAt.Format(time.DateOnly))
		}
		return tw.Flush()
	default:
		return fmt.Errorf("unknown user subcommand %q", sub)
	}
	return nil
}

// runToken creates and revokes API tokens.
func runToken(ctx context.Context, env Env, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("token needs a subcommand: create, revoke, list")
	}
	sub, args := args[0], args[1:]
	fs, dbURL := newFlags("token "+sub, env)
	user := fs.String("user", "", "the account the token acts as")
	expires := fs.Duration("expires", 720*time.Hour, "lifetime, e.g. 720h")
	label := fs.String("name", "", "what the token is for")
	var id int64
	if sub == "revoke" {
		if len(args) == 0 {
			return fmt.Errorf("token revoke needs the token's id")
		}
		if _, err := fmt.Sscan(args[0], &id); err != nil || id <= 0 {
			return fmt.Errorf("token revoke: %q is not a token id", args[0])
		}
		args = args[1:]
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	d, as, err := openAccounts(ctx, *dbURL)
	if err != nil {
		return err
	}
	defer d.Close()
	switch sub {
	case "create":
		if *user == "" {
			return fmt.Errorf("token create needs --user")
		}
		a, err := as.ByUsername(ctx, *user)
		if err != nil {
			return err
		}
		t, secret, err := as.CreateToken(ctx, a.ID, *label, *expires)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "token %d for %s, expires %s; shown once:\n%s\n", t.ID, a.Username, t.ExpiresAt.Format(time.RFC3339), secret)
	case "revoke":
		if err := as.RevokeToken(ctx, id); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "revoked token %d\n", id)
	case "list":
		list, err := as.Tokens(ctx, 0)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(env.Stdout, 2, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tUSER\tNAME\tEXPIRES\tSTATE")
		for _, t := range list {
			state := "active"
			if t.RevokedAt != nil {
				state = "revoked"
			} else if time.Now().After(t.ExpiresAt) {
				state = "expired"
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", t.ID, t.Username, t.Name, t.ExpiresAt.Format(time.DateOnly), state)
		}
		return tw.Flush()
	default:
		return fmt.Errorf("unknown token subcommand %q", sub)
	}
	return nil
}

// openAccounts opens the database and its account store.
func openAccounts(ctx context.Context, url string) (*db.DB, *auth.Store, error) {
	d, err := open(ctx, url)
	if err != nil {
		return nil, nil, err
	}
	return d, auth.NewStore(d), nil
}
