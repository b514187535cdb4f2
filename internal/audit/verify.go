package audit

import (
	"context"
	"fmt"

	"dangjian/internal/db"
)

// Result is the outcome of Verify.
type Result struct {
	Entries     int    // entries read; when OK, all of them
	OK          bool   // the whole trail is intact
	FirstBadSeq int64  // the first entry found wrong (or missing), when not OK
	Reason      string // why that entry is wrong, when not OK
	LastSeq     int64  // seq of the last entry read, when OK
	LastHash    string // hash of the last entry read, when OK; record it elsewhere as an anchor
}

// Verify reads the trail in seq order, one row at a time, and checks that
// the entries are numbered 1, 2, 3… without gaps, that each names the hash
// of the one before it, and that each hash matches the entry's content. It
// stops at the first bad entry and says why: a changed entry fails its own
// hash, a removed one leaves a gap, and an inserted or moved one breaks the
// link to its predecessor. An error means the trail could not be read.
//
// The chain cannot show that entries were cut off the end, or that the
// whole chain after an entry was rewritten with recomputed hashes; compare
// LastSeq and LastHash with a value recorded elsewhere (see CheckAnchor).
func Verify(ctx context.Context, q db.Q) (Result, error) {
	rows, err := q.QueryContext(ctx, "SELECT "+columns+" FROM audit_entry ORDER BY seq")
	if err != nil {
		return Result{}, fmt.Errorf("audit: verify: %w", err)
	}
	defer rows.Close()
	res := Result{}
	prevSeq, prevHash := int64(0), GenesisHash
	var r Record
	for rows.Next() {
		if err := r.scan(rows); err != nil {
			return res, err
		}
		res.Entries++
		if bad, reason := check(&r, prevSeq, prevHash); reason != "" {
			res.FirstBadSeq, res.Reason = bad, reason
			return res, nil
		}
		prevSeq, prevHash = r.Seq, r.Hash
	}
	if err := rows.Err(); err != nil {
		return res, fmt.Errorf("audit: verify: %w", err)
	}
	res.OK, res.LastSeq, res.LastHash = true, prevSeq, prevHash
	return res, nil
}

// check returns the seq of the bad entry and the reason when r does not
// follow the entry (prevSeq, prevHash), or "" when it does.
func check(r *Record, prevSeq int64, prevHash string) (int64, string) {
	want := prevSeq + 1
	switch {
	case r.Seq == want+1:
		return want, fmt.Sprintf("entry %d is missing (seq jumps from %d to %d)", want, prevSeq, r.Seq)
	case r.Seq > want:
		return want, fmt.Sprintf("entries %d to %d are missing (seq jumps from %d to %d)", want, r.Seq-1, prevSeq, r.Seq)
	case r.Seq < want:
		return r.Seq, fmt.Sprintf("seq %d is out of order (expected %d)", r.Seq, want)
	case r.PrevHash != prevHash:
		if prevSeq == 0 {
			return r.Seq, "link broken: prev_hash is not the genesis value (entry moved or inserted)"
		}
		return r.Seq, fmt.Sprintf("link broken: prev_hash does not match the hash of entry %d (entry moved, inserted or removed)", prevSeq)
	case hashRecord(r) != r.Hash:
		return r.Seq, "hash mismatch: the entry was changed after it was written"
	}
	return 0, ""
}

// CheckAnchor reports whether entry seq still has the hash recorded for it
// earlier (for example printed by `dangjian audit verify` and kept off the
// server). With an intact chain, a matching anchor proves that no entry up
// to seq was changed, removed or rewritten since the anchor was taken.
func CheckAnchor(ctx context.Context, q db.Q, seq int64, hash string) error {
	var got string
	err := q.QueryRowContext(ctx, "SELECT hash FROM audit_entry WHERE seq = ?", seq).Scan(&got)
	if db.IsNotFound(err) {
		return fmt.Errorf("audit: anchor entry %d is missing (the trail was cut)", seq)
	}
	if err != nil {
		return fmt.Errorf("audit: anchor entry %d: %w", seq, err)
	}
	if got != hash {
		return fmt.Errorf("audit: anchor entry %d has hash %s, not the recorded %s (the trail was rewritten)", seq, got, hash)
	}
	return nil
}
