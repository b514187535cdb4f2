package audit

import (
	"context"
	"fmt"

	"dangjian/internal/db"
)

// Redaction is what Redact did.
type Redaction struct {
	Masked   int    // entries whose plain ID or phone numbers were masked
	FromSeq  int64  // the first entry changed, 0 when none was
	Resealed int    // entries whose hashes were computed again, from FromSeq on
	OldHead  string // "SEQ:HASH" of the last entry before
	NewHead  string // "SEQ:HASH" of the last entry after, the redaction's own entry
}

// redactBatch is how many entries Redact reads and rewrites at a time.
const redactBatch = 1000

// Redact masks every ID or phone number that an entry holds in plain text
// (an earlier version wrote persons brought in by an election that way),
// as the screens mask them, and re-seals the chain: from the first entry it
// changes on, each entry's prev_hash and hash are computed again. It runs
// in one transaction, refuses a trail that does not verify (a redaction
// must not launder tampering), and ends with an entry of its own
// (audit.redact) naming what it changed and the head it replaced, so the
// operation is itself on the record. Anchors kept from before FromSeq
// still hold; later ones must be replaced by NewHead.
//
// mask returns the text of an entry's before, after or detail with the
// numbers masked (pii.MaskPlainInJSON; passed in because pii records its
// reveals in this trail).
func Redact(ctx context.Context, d *db.DB, mask func(string) string) (Redaction, error) {
	return RedactSealed(ctx, d, mask, nil)
}

// RedactSealed is Redact that, when it changed something, calls seal with
// the redaction inside its transaction, before the commit: seal writes the
// signed anchor of the new head that records the replaced one (see
// AnchorRedact), and an error from it undoes the redaction, so no
// redaction is ever left without the anchor that lets verify accept the
// older anchors it replaced.
func RedactSealed(ctx context.Context, d *db.DB, mask func(string) string, seal func(Redaction) error) (Redaction, error) {
	var out Redaction
	err := d.Tx(ctx, func(q db.Q) error {
		if err := db.LockWriters(ctx, q); err != nil {
			return err
		}
		res, err := Verify(ctx, q)
		if err != nil {
			return err
		}
		if !res.OK {
			return fmt.Errorf("audit: the trail does not verify (entry %d: %s); redacting would hide that, so nothing was changed", res.FirstBadSeq, res.Reason)
		}
		out.OldHead = fmt.Sprintf("%d:%s", res.LastSeq, res.LastHash)
		if out.FromSeq, err = firstPlain(ctx, q, mask); err != nil || out.FromSeq == 0 {
			out.NewHead = out.OldHead
			return err
		}
		if err := guard(ctx, q, false); err != nil {
			return err
		}
		if err := out.reseal(ctx, q, mask); err != nil {
			return err
		}
		if err := guard(ctx, q, true); err != nil {
			return err
		}
		if err := Append(ctx, q, Entry{Action: "audit.redact", TargetType: "audit_entry", TargetID: fmt.Sprint(out.FromSeq),
			Detail: fmt.Sprintf("masked %d entries, re-sealed %d from entry %d; replaced head %s", out.Masked, out.Resealed, out.FromSeq, out.OldHead)}); err != nil {
			return err
		}
		after, err := Verify(ctx, q)
		if err != nil {
			return err
		}
		if !after.OK {
			return fmt.Errorf("audit: the re-sealed trail does not verify (entry %d: %s)", after.FirstBadSeq, after.Reason)
		}
		out.NewHead = fmt.Sprintf("%d:%s", after.LastSeq, after.LastHash)
		if seal != nil {
			return seal(out)
		}
		return nil
	})
	return out, err
}

// firstPlain returns the seq of the first entry holding a plain number, or 0.
func firstPlain(ctx context.Context, q db.Q, mask func(string) string) (int64, error) {
	rows, err := q.QueryContext(ctx, "SELECT seq, before_json, after_json, detail FROM audit_entry ORDER BY seq")
	if err != nil {
		return 0, fmt.Errorf("audit: redact: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var seq int64
		var before, after, detail string
		if err := rows.Scan(&seq, &before, &after, &detail); err != nil {
			return 0, err
		}
		for _, s := range []string{before, after, detail} {
			if mask(s) != s {
				return seq, nil
			}
		}
	}
	return 0, rows.Err()
}

// reseal masks and re-hashes the entries from r.FromSeq on, a batch at a time.
func (r *Redaction) reseal(ctx context.Context, q db.Q, mask func(string) string) error {
	prevHash := GenesisHash
	if r.FromSeq > 1 {
		if err := q.QueryRowContext(ctx, "SELECT hash FROM audit_entry WHERE seq = ?", r.FromSeq-1).Scan(&prevHash); err != nil {
			return fmt.Errorf("audit: redact: %w", err)
		}
	}
	for next := r.FromSeq; ; {
		var batch []Record
		err := each(ctx, q, " WHERE seq >= ? ORDER BY seq LIMIT ?", []any{next, redactBatch}, func(rec *Record) error {
			batch = append(batch, *rec)
			return nil
		})
		if err != nil || len(batch) == 0 {
			return err
		}
		for i := range batch {
			rec := &batch[i]
			before, after, detail := mask(rec.Before), mask(rec.After), mask(rec.Detail)
			if before != rec.Before || after != rec.After || detail != rec.Detail {
				r.Masked++
			}
			rec.Before, rec.After, rec.Detail, rec.PrevHash = before, after, detail, prevHash
			rec.Hash = hashRecord(rec)
			prevHash = rec.Hash
			if _, err := q.ExecContext(ctx, "UPDATE audit_entry SET before_json = ?, after_json = ?, detail = ?, prev_hash = ?, hash = ? WHERE seq = ?",
				rec.Before, rec.After, rec.Detail, rec.PrevHash, rec.Hash, rec.Seq); err != nil {
				return fmt.Errorf("audit: redact entry %d: %w", rec.Seq, err)
			}
			r.Resealed++
		}
		next = batch[len(batch)-1].Seq + 1
	}
}

// guard lifts (on false) or restores (on true) the trigger that refuses any
// change to an entry, inside the redaction's transaction: no other writer
// sees the trail unguarded.
func guard(ctx context.Context, q db.Q, on bool) error {
	var stmt string
	switch {
	case q.Dialect() == db.Postgres && on:
		stmt = "ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update"
	case q.Dialect() == db.Postgres:
		stmt = "ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update"
	case on:
		stmt = sqliteNoUpdate
	default:
		stmt = "DROP TRIGGER audit_entry_no_update"
	}
	if _, err := q.ExecContext(ctx, stmt); err != nil {
		return fmt.Errorf("audit: redact: guard: %w", err)
	}
	return nil
}

// sqliteNoUpdate is the guard as migration 0003 creates it on SQLite.
const sqliteNoUpdate = "CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry BEGIN SELECT RAISE(ABORT, 'audit_entry is append-only'); END"
