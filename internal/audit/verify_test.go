package audit_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"dangjian/internal/audit"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

func TestVerifyIntactChain(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		if res := verify(t, d); !res.OK || res.Entries != 0 {
			t.Errorf("empty trail: %+v", res)
		}
		seed(t, d, 5)
		res := verify(t, d)
		if !res.OK || res.Entries != 5 || res.LastSeq != 5 || len(res.LastHash) != 64 {
			t.Errorf("intact trail: %+v", res)
		}
		rs := records(t, d)
		if rs[0].Seq != 1 || rs[0].PrevHash != audit.GenesisHash {
			t.Errorf("first entry %d prev %s", rs[0].Seq, rs[0].PrevHash)
		}
		for i := 1; i < len(rs); i++ {
			if rs[i].Seq != rs[i-1].Seq+1 || rs[i].PrevHash != rs[i-1].Hash {
				t.Errorf("entry %d does not follow %d", rs[i].Seq, rs[i-1].Seq)
			}
		}
	})
}

func TestVerifyFindsTheFirstBadEntry(t *testing.T) {
	const n = 8
	// Each case tampers with a chain of n entries after dropping the
	// append-only triggers, and names the entry Verify must report first.
	cases := []struct {
		name    string
		tamper  func(t *testing.T, d *db.DB, rs []audit.Record)
		wantSeq int64
		reason  string
	}{
		{"edited action", sql("UPDATE audit_entry SET action = 'area.create' WHERE seq = 4"), 4, "hash mismatch"},
		{"edited before", sql(`UPDATE audit_entry SET before_json = '{"name":"假名"}' WHERE seq = 4`), 4, "hash mismatch"},
		{"edited after", sql(`UPDATE audit_entry SET after_json = '' WHERE seq = 5`), 5, "hash mismatch"},
		{"edited actor username", sql("UPDATE audit_entry SET username = 'someone' WHERE seq = 3"), 3, "hash mismatch"},
		{"edited actor account", sql("UPDATE audit_entry SET account_id = 99 WHERE seq = 3"), 3, "hash mismatch"},
		{"edited actor role", sql("UPDATE audit_entry SET role = 'admin' WHERE seq = 3"), 3, "hash mismatch"},
		{"edited actor ip", sql("UPDATE audit_entry SET ip = '8.8.8.8' WHERE seq = 6"), 6, "hash mismatch"},
		{"edited time", sql("UPDATE audit_entry SET at_ms = at_ms - 1 WHERE seq = 2"), 2, "hash mismatch"},
		{"edited outcome", sql("UPDATE audit_entry SET outcome = 'denied' WHERE seq = 7"), 7, "hash mismatch"},
		{"edited target", sql("UPDATE audit_entry SET target_id = '999' WHERE seq = 1"), 1, "hash mismatch"},
		{"edited detail", sql("UPDATE audit_entry SET detail = '' WHERE seq = 8"), 8, "hash mismatch"},
		{"edited last hash", sql("UPDATE audit_entry SET hash = prev_hash WHERE seq = 8"), 8, "hash mismatch"},
		{"edited entry with recomputed hash", func(t *testing.T, d *db.DB, rs []audit.Record) {
			r := rs[3]
			r.Action = "area.create"
			exec(t, d, fmt.Sprintf("UPDATE audit_entry SET action = 'area.create', hash = '%s' WHERE seq = 4", audit.Rehash(&r)))
		}, 5, "link broken"},
		{"deleted middle", sql("DELETE FROM audit_entry WHERE seq = 4"), 4, "entry 4 is missing"},
		{"deleted two", sql("DELETE FROM audit_entry WHERE seq IN (4, 5)"), 4, "entries 4 to 5 are missing"},
		{"deleted first", sql("DELETE FROM audit_entry WHERE seq = 1"), 1, "entry 1 is missing"},
		{"deleted and renumbered", sql(
			"DELETE FROM audit_entry WHERE seq = 4",
			"UPDATE audit_entry SET seq = -seq WHERE seq > 4",
			"UPDATE audit_entry SET seq = -seq - 1 WHERE seq < 0"), 4, "link broken"},
		{"swapped seq", sql(
			"UPDATE audit_entry SET seq = -1 WHERE seq = 4",
			"UPDATE audit_entry SET seq = 4 WHERE seq = 5",
			"UPDATE audit_entry SET seq = 5 WHERE seq = -1"), 4, "link broken"},
		{"swapped first two", sql(
			"UPDATE audit_entry SET seq = -1 WHERE seq = 1",
			"UPDATE audit_entry SET seq = 1 WHERE seq = 2",
			"UPDATE audit_entry SET seq = 2 WHERE seq = -1"), 1, "genesis"},
		{"inserted forged entry with its own valid hash", func(t *testing.T, d *db.DB, rs []audit.Record) {
			exec(t, d, "UPDATE audit_entry SET seq = -seq WHERE seq >= 5", "UPDATE audit_entry SET seq = -seq + 1 WHERE seq < 0")
			f := rs[4]
			f.Seq, f.PrevHash, f.Action, f.Detail = 5, rs[3].Hash, "auth.signin", "forged"
			f.Hash = audit.Rehash(&f)
			insert(t, d, f)
		}, 6, "does not match the hash of entry 5"},
		{"inserted forged entry with a made-up hash", func(t *testing.T, d *db.DB, rs []audit.Record) {
			exec(t, d, "UPDATE audit_entry SET seq = -seq WHERE seq >= 5", "UPDATE audit_entry SET seq = -seq + 1 WHERE seq < 0")
			f := rs[4]
			f.Seq, f.PrevHash, f.Detail, f.Hash = 5, rs[3].Hash, "forged", strings.Repeat("ab", 32)
			insert(t, d, f)
		}, 5, "hash mismatch"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dbtest.Each(t, func(t *testing.T, d *db.DB) {
				seed(t, d, n)
				rs := records(t, d)
				dropGuards(t, d)
				c.tamper(t, d, rs)
				res := verify(t, d)
				if res.OK || res.FirstBadSeq != c.wantSeq || !strings.Contains(res.Reason, c.reason) {
					t.Errorf("got %+v, want first bad %d with %q", res, c.wantSeq, c.reason)
				}
			})
		})
	}
}

// sql returns a tamper function running stmts.
func sql(stmts ...string) func(*testing.T, *db.DB, []audit.Record) {
	return func(t *testing.T, d *db.DB, _ []audit.Record) { exec(t, d, stmts...) }
}

func TestAnchorCatchesTruncationAndRewrite(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		seed(t, d, 4)
		res := verify(t, d)
		if err := audit.CheckAnchor(ctx, d.Reader(), res.LastSeq, res.LastHash); err != nil {
			t.Fatal(err)
		}
		seed(t, d, 2) // later entries do not disturb an anchor
		if err := audit.CheckAnchor(ctx, d.Reader(), res.LastSeq, res.LastHash); err != nil {
			t.Fatal(err)
		}
		dropGuards(t, d)
		// Cutting the tail leaves a valid chain; only the anchor shows it.
		exec(t, d, "DELETE FROM audit_entry WHERE seq >= 4")
		if r := verify(t, d); !r.OK {
			t.Fatalf("truncated chain: %+v", r)
		}
		if err := audit.CheckAnchor(ctx, d.Reader(), res.LastSeq, res.LastHash); err == nil || !strings.Contains(err.Error(), "missing") {
			t.Errorf("anchor after truncation: %v", err)
		}
		// Rewriting entry 3 and rehashing from there on is also a valid chain.
		rs := records(t, d)
		r := rs[2]
		r.Detail = "rewritten"
		r.Hash = audit.Rehash(&r)
		exec(t, d, fmt.Sprintf("UPDATE audit_entry SET detail = 'rewritten', hash = '%s' WHERE seq = 3", r.Hash))
		if err := audit.CheckAnchor(ctx, d.Reader(), 3, rs[2].Hash); err == nil || !strings.Contains(err.Error(), "rewritten") {
			t.Errorf("anchor after rewrite: %v", err)
		}
	})
}

func TestVerifyStreams100kEntries(t *testing.T) {
	dbtest.RequireScale(t) // 100,000 entries
	const n, batch = 100_000, 500
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		start := time.UnixMilli(1_700_000_000_000)
		prev := audit.GenesisHash
		var row []audit.Record
		flush := func(q db.Q) error {
			if len(row) == 0 {
				return nil
			}
			ph := "(" + strings.TrimSuffix(strings.Repeat("?, ", 17), ", ") + ")"
			var args []any
			for i := range row {
				args = append(args, row[i].Values()...)
			}
			_, err := q.ExecContext(ctx, "INSERT INTO audit_entry ("+audit.Columns+") VALUES "+strings.TrimSuffix(strings.Repeat(ph+", ", len(row)), ", "), args...)
			row = row[:0]
			return err
		}
		err := d.Tx(ctx, func(q db.Q) error {
			for i := 1; i <= n; i++ {
				r := audit.Record{
					Seq: int64(i), At: start.Add(time.Duration(i) * time.Second),
					Actor:  audit.Actor{AccountID: int64(i % 7), Username: fmt.Sprintf("u%d", i%7), Role: "district", Via: "web"},
					Action: "area.rename", TargetType: "area", TargetID: fmt.Sprint(i % 1000),
					Outcome: audit.OutcomeOK, Before: `{"name":"甲"}`, After: `{"name":"乙"}`, PrevHash: prev,
				}
				r.Hash = audit.Rehash(&r)
				prev = r.Hash
				row = append(row, r)
				if len(row) == batch {
					if err := flush(q); err != nil {
						return err
					}
				}
			}
			return flush(q)
		})
		if err != nil {
			t.Fatal(err)
		}
		began := time.Now()
		res := verify(t, d)
		took := time.Since(began)
		t.Logf("verified %d entries in %s", res.Entries, took)
		if !res.OK || res.Entries != n || res.LastHash != prev {
			t.Fatalf("result %+v", res)
		}
		if took > 10*time.Second {
			t.Errorf("verify of %d entries took %s", n, took)
		}
		// Appending continues the bulk-written chain.
		if err := audit.Write(ctx, d, audit.Entry{Action: "auth.signin"}); err != nil {
			t.Fatal(err)
		}
		if res := verify(t, d); !res.OK || res.Entries != n+1 {
			t.Errorf("after append: %+v", res)
		}
	})
}
