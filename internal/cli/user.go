package cli

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"dangjian/internal/area"
	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
)

// readSecret reads one line from standard input, without its line end.
func readSecret(env Env) (string, error) {
	if env.Stdin == nil {
		return "", fmt.Errorf("the password is read from standard input, which is not available")
	}
	line, err := bufio.NewReader(env.Stdin).ReadString('\n')
	if err != nil && line == "" {
		return "", fmt.Errorf("no password on standard input")
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// runUser manages accounts: add, passwd, password, disable, enable, list.
func runUser(ctx context.Context, env Env, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("user needs a subcommand: add, passwd, password, disable, enable, list")
	}
	sub, args := args[0], args[1:]
	fs, dbURL := newFlags("user "+sub, env)
	role := fs.String("role", "", "admin, district, subdistrict, community, unit, viewer or auditor")
	areaArg := fs.String("area", "", "the account's area (name or id)")
	unitArg := fs.String("unit", "", "a unit liaison's stationed unit (name or id)")
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
		var unitID int64
		if *unitArg != "" {
			if unitID, err = findUnit(ctx, d, *unitArg); err != nil {
				return err
			}
		}
		a, pw, err := as.Create(ctx, auth.NewAccount{Username: name, DisplayName: *display, Role: auth.Role(*role), AreaID: areaID, UnitID: unitID, CanReveal: *reveal})
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
	case "password":
		// The account's own password, read from the first line of
		// standard input (never an argument: it would stay in the shell's
		// history and in the process list).
		pw, err := readSecret(env)
		if err != nil {
			return err
		}
		if err := as.SetPassword(ctx, name, pw); err != nil {
			return err
		}
		fmt.Fprintln(env.Stdout, i18n.T(lang(env), "ui.cli.password_set", auth.NormalizeUsername(name)))
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
		fmt.Fprintln(tw, "USERNAME\tROLE\tAREA\tUNIT\tSTATE\tCREATED")
		for _, a := range list {
			state := "active"
			switch {
			case a.Disabled:
				state = "disabled"
			case a.MustChangePassword:
				state = "must change password"
			}
			fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\t%s\n", a.Username, a.Role, a.AreaID, a.UnitID, state, a.CreatedAt.Format(time.DateOnly))
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
		if a.MustChangePassword {
			// The API refuses the token until the first password is set.
			fmt.Fprintln(env.Stdout, i18n.T(lang(env), "ui.cli.token_password_pending", a.Username))
		}
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

// findUnit resolves --unit: a unit's id, or the name of exactly one active
// unit. Whether the unit is active is checked again by auth.Create.
func findUnit(ctx context.Context, d *db.DB, arg string) (int64, error) {
	var id int64
	if _, err := fmt.Sscan(arg, &id); err == nil && fmt.Sprint(id) == arg {
		return id, nil
	}
	rows, err := d.Reader().QueryContext(ctx, "SELECT id FROM unit WHERE name = ? AND ended_on IS NULL ORDER BY id", arg)
	if err != nil {
		return 0, err
	}
	ids, err := db.Collect(rows, func(r *sql.Rows) (int64, error) {
		var id int64
		return id, r.Scan(&id)
	})
	if err != nil {
		return 0, err
	}
	switch len(ids) {
	case 0:
		return 0, fmt.Errorf("no active unit named %q", arg)
	case 1:
		return ids[0], nil
	}
	return 0, fmt.Errorf("%d active units are named %q; give the id", len(ids), arg)
}

// openAccounts opens the database and its account store.
func openAccounts(ctx context.Context, url string) (*db.DB, *auth.Store, error) {
	d, err := open(ctx, url)
	if err != nil {
		return nil, nil, err
	}
	return d, auth.NewStore(d), nil
}
