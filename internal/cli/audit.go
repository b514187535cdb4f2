package cli

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"

	"dangjian/internal/audit"
	"dangjian/internal/db"
	"dangjian/internal/pii"
)

// runAudit dispatches the audit subcommands.
func runAudit(ctx context.Context, env Env, args []string) error {
	switch {
	case len(args) > 0 && args[0] == "verify":
		return runAuditVerify(ctx, env, args[1:])
	case len(args) > 0 && args[0] == "redact":
		return runAuditRedact(ctx, env, args[1:])
	}
	return fmt.Errorf("usage: dangjian audit verify [--anchor SEQ:HASH] [--db URL] | audit redact [--db URL]")
}

// runAuditRedact masks the ID and phone numbers that entries hold in plain
// text and re-seals the chain, as one audited operation (audit.Redact).
func runAuditRedact(ctx context.Context, env Env, args []string) error {
	fs, dbURL := newFlags("audit redact", env)
	if err := parse(fs, args); err != nil {
		return err
	}
	d, err := openExisting(ctx, *dbURL)
	if err != nil {
		return err
	}
	defer d.Close()
	res, err := audit.Redact(ctx, d, pii.MaskPlainInJSON)
	if err != nil {
		return err
	}
	if res.FromSeq == 0 {
		fmt.Fprintf(env.Stdout, "no entry holds an ID or phone number in plain text; nothing changed (head %s)\n", res.OldHead)
		return nil
	}
	fmt.Fprintf(env.Stdout, "masked %d entries; re-sealed %d entries from entry %d; recorded as entry %s\n",
		res.Masked, res.Resealed, res.FromSeq, strings.SplitN(res.NewHead, ":", 2)[0])
	fmt.Fprintf(env.Stdout, "replaced head %s\nnew head %s (keep it elsewhere; anchors up to entry %d still hold, later ones are replaced by this one)\n",
		res.OldHead, res.NewHead, res.FromSeq-1)
	return nil
}

// openExisting is open for a database that must already be there: a
// sqlite: URL whose file does not exist is refused, so that a mistyped path
// does not verify, redact or check a new, empty database.
func openExisting(ctx context.Context, dbURL string) (*db.DB, error) {
	if p, ok := strings.CutPrefix(dbURL, "sqlite:"); ok {
		if _, err := os.Stat(p); err != nil {
			return nil, fmt.Errorf("no database at %s", p)
		}
	}
	return open(ctx, dbURL)
}

// runAuditVerify checks the hash chain of the audit trail. It prints
// "audit trail intact: N entries" and the last entry's hash, to be kept off
// the server as an anchor, or fails naming the first bad entry.
func runAuditVerify(ctx context.Context, env Env, args []string) error {
	fs, dbURL := newFlags("audit verify", env)
	anchor := fs.String("anchor", "", "SEQ:HASH printed by an earlier verify; fails if that entry changed or is gone")
	if err := parse(fs, args); err != nil {
		return err
	}
	var anchorSeq int64
	var anchorHash string
	if *anchor != "" {
		s, h, ok := strings.Cut(*anchor, ":")
		n, err := strconv.ParseInt(s, 10, 64)
		if !ok || err != nil || n < 1 || len(h) != len(audit.GenesisHash) {
			return fmt.Errorf("--anchor %q: want SEQ:HASH as printed by audit verify", *anchor)
		}
		anchorSeq, anchorHash = n, strings.ToLower(h)
	}
	d, err := openExisting(ctx, *dbURL)
	if err != nil {
		return err
	}
	defer d.Close()
	res, err := audit.Verify(ctx, d.Reader())
	if err != nil {
		return err
	}
	if !res.OK {
		return fmt.Errorf("audit trail broken at entry %d of %d read: %s", res.FirstBadSeq, res.Entries, res.Reason)
	}
	if anchorSeq > 0 {
		if err := audit.CheckAnchor(ctx, d.Reader(), anchorSeq, anchorHash); err != nil {
			return err
		}
	}
	fmt.Fprintf(env.Stdout, "audit trail intact: %d entries\n", res.Entries)
	if res.Entries > 0 {
		fmt.Fprintf(env.Stdout, "last entry: %d:%s (keep it elsewhere; a later verify --anchor %d:%s proves nothing before it changed)\n",
			res.LastSeq, res.LastHash, res.LastSeq, res.LastHash)
	}
	return nil
}
