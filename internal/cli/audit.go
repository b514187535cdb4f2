package cli

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"dangjian/internal/audit"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
	"dangjian/internal/pii"
)

// runAudit dispatches the audit subcommands.
func runAudit(ctx context.Context, env Env, args []string) error {
	switch {
	case len(args) > 0 && args[0] == "verify":
		return runAuditVerify(ctx, env, args[1:])
	case len(args) > 0 && args[0] == "redact":
		return runAuditRedact(ctx, env, args[1:])
	case len(args) > 0 && args[0] == "anchor":
		return runAuditAnchor(ctx, env, args[1:])
	}
	return fmt.Errorf("usage: dangjian audit verify [--anchor SEQ:HASH] [--anchor-file FILE]… [--anchor-public KEY] [--db URL] | audit anchor [--anchor-file FILE] [--anchor-key FILE] [--db URL] | audit redact [--anchor-file FILE] [--anchor-key FILE] [--db URL]")
}

// runAuditRedact masks the ID and phone numbers that entries hold in plain
// text and re-seals the chain, as one audited operation (audit.Redact).
// Inside its transaction it signs an anchor of the new head that records
// the head it replaced, so verify accepts the anchors it makes obsolete.
func runAuditRedact(ctx context.Context, env Env, args []string) error {
	fs, dbURL := newFlags("audit redact", env)
	af := addAnchorFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	d, err := openExisting(ctx, *dbURL)
	if err != nil {
		return err
	}
	defer d.Close()
	file := af.anchorFile(*dbURL)
	key, err := loadAnchorKey(env, *af.key, file)
	if err != nil {
		return err
	}
	res, err := audit.RedactSealed(ctx, d, pii.MaskPlainInJSON, func(r audit.Redaction) error {
		a, err := audit.RedactionAnchor(key, r, time.Now())
		if err != nil {
			return err
		}
		return audit.AppendAnchor(file, a)
	})
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
	old, _, _ := strings.Cut(res.OldHead, ":")
	fmt.Fprintln(env.Stdout, i18n.T(lang(env), "ui.cli.anchor_redacted", file, res.FromSeq, old))
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
	vf := addVerifyFlags(fs)
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
	report, err := checkAnchorFiles(ctx, env, d, vf, *dbURL)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "audit trail intact: %d entries\n", res.Entries)
	if res.Entries > 0 {
		fmt.Fprintf(env.Stdout, "last entry: %d:%s (keep it elsewhere; a later verify --anchor %d:%s proves nothing before it changed)\n",
			res.LastSeq, res.LastHash, res.LastSeq, res.LastHash)
	}
	for _, line := range report {
		fmt.Fprintln(env.Stdout, line)
	}
	return nil
}

// checkAnchorFiles checks the signed anchors of the anchors files (or the
// default one, when present) against the trail, and returns the lines that
// report it: the newest anchor checked, or that there was no anchors file.
func checkAnchorFiles(ctx context.Context, env Env, d *db.DB, vf *verifyFlags, dbURL string) ([]string, error) {
	l := lang(env)
	anchors, files, err := vf.readAnchors(dbURL)
	if err != nil {
		return nil, err
	}
	if files == nil {
		return []string{i18n.T(l, "ui.cli.anchors_none", anchorFlags{file: new("")}.anchorFile(dbURL))}, nil
	}
	var rep audit.AnchorReport
	if len(anchors) > 0 {
		keys, err := vf.publicKeys(env)
		if err != nil {
			return nil, err
		}
		if rep, err = audit.CheckAnchors(ctx, d.Reader(), anchors, keys); err != nil {
			return nil, anchorError(err)
		}
	}
	var out []string
	if n := rep.Newest; n != nil {
		out = append(out, i18n.T(l, "ui.cli.anchors_checked", rep.Checked, strings.Join(files, ", "), n.Seq, n.At.Local().Format(time.DateTime), n.Kind))
	} else {
		out = append(out, i18n.T(l, "ui.cli.anchors_checked", 0, strings.Join(files, ", "), 0, "-", "-"))
	}
	if rep.Superseded > 0 {
		out = append(out, i18n.T(l, "ui.cli.anchors_superseded", rep.Superseded))
	}
	return out, nil
}
