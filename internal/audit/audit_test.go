package audit_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"dangjian/internal/audit"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
)

func TestActorFromContext(t *testing.T) {
	got := audit.ActorFrom(context.Background())
	if got.Username != audit.LocalOperator || got.Via != "cli" {
		t.Errorf("default actor = %+v", got)
	}
	a := audit.Actor{AccountID: 7, Username: "zhang", Role: "district", IP: "10.1.2.3", RequestID: "r1", Via: "web"}
	if got := audit.ActorFrom(audit.WithActor(context.Background(), a)); got != a {
		t.Errorf("actor = %+v, want %+v", got, a)
	}
}

func TestAppendStoresTheEntry(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		a := audit.Actor{AccountID: 7, Username: "zhang", Role: "district", IP: "10.1.2.3", RequestID: "r1", Via: "api"}
		ctx := audit.WithActor(context.Background(), a)
		e := audit.Entry{
			Action: "area.merge", TargetType: "area", TargetID: "12",
			Before: map[string]any{"name": "东街", "ids": []int{1, 2}},
			After:  struct{ Name string }{"合并后"},
			Detail: "合并\x00 \xff",
		}
		if err := audit.Write(ctx, d, e); err != nil {
			t.Fatal(err)
		}
		if err := audit.Write(context.Background(), d, audit.Entry{Action: "export.members", Outcome: audit.OutcomeDenied}); err != nil {
			t.Fatal(err)
		}
		rs := records(t, d)
		if len(rs) != 2 {
			t.Fatalf("%d entries", len(rs))
		}
		r := rs[0]
		if r.Seq != 1 || r.Actor != a || r.Action != "area.merge" || r.TargetType != "area" || r.TargetID != "12" || r.Outcome != audit.OutcomeOK {
			t.Errorf("entry = %+v", r)
		}
		if r.Before != `{"ids":[1,2],"name":"东街"}` || r.After != `{"Name":"合并后"}` {
			t.Errorf("before %s after %s", r.Before, r.After)
		}
		if r.Detail != "合并\uFFFD \uFFFD" {
			t.Errorf("detail %q: NUL and invalid UTF-8 are not replaced", r.Detail)
		}
		if r.At.IsZero() || r.Hash == "" || r.PrevHash != audit.GenesisHash {
			t.Errorf("at %v hash %q prev %q", r.At, r.Hash, r.PrevHash)
		}
		o := rs[1]
		if o.Actor.Username != audit.LocalOperator || o.Actor.Via != "cli" || o.Outcome != audit.OutcomeDenied || o.Before != "" || o.After != "" || o.PrevHash != r.Hash {
			t.Errorf("second entry = %+v", o)
		}
	})
}

func TestAppendRefusesBadEntries(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		for _, e := range []audit.Entry{
			{Action: ""},
			{Action: "area.merge", Outcome: "maybe"},
			{Action: "area.merge", Before: func() {}},
		} {
			if err := audit.Write(ctx, d, e); err == nil || !strings.HasPrefix(err.Error(), "audit:") {
				t.Errorf("%+v: err = %v", e, err)
			}
		}
		if rs := records(t, d); len(rs) != 0 {
			t.Errorf("%d entries written", len(rs))
		}
	})
}

func TestRolledBackTransactionLeavesNoEntry(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		seed(t, d, 2)
		boom := errors.New("boom")
		err := d.Tx(ctx, func(q db.Q) error {
			if _, err := q.ExecContext(ctx, "INSERT INTO area (level, name, established_on) VALUES ('district', 'x', '2020-01-01')"); err != nil {
				return err
			}
			if err := audit.Append(ctx, q, audit.Entry{Action: "area.create", TargetType: "area"}); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatalf("err = %v", err)
		}
		var areas int
		if err := d.Reader().QueryRowContext(ctx, "SELECT COUNT(*) FROM area").Scan(&areas); err != nil || areas != 0 {
			t.Errorf("areas = %d, %v", areas, err)
		}
		if rs := records(t, d); len(rs) != 2 {
			t.Errorf("%d entries after rollback, want 2", len(rs))
		}
		// The next entry takes the seq the rolled-back one had.
		if err := audit.Write(ctx, d, audit.Entry{Action: "auth.signin"}); err != nil {
			t.Fatal(err)
		}
		if res := verify(t, d); !res.OK || res.Entries != 3 {
			t.Errorf("verify: %+v", res)
		}
	})
}

func TestTriggersRefuseUpdateAndDelete(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		seed(t, d, 3)
		stmts := []string{
			"UPDATE audit_entry SET detail = 'x' WHERE seq = 2",
			"UPDATE audit_entry SET seq = seq + 10",
			"DELETE FROM audit_entry WHERE seq = 3",
			"DELETE FROM audit_entry",
		}
		if d.Dialect == db.Postgres {
			stmts = append(stmts, "TRUNCATE audit_entry")
		}
		for _, s := range stmts {
			_, err := d.Writer().ExecContext(ctx, s)
			if err == nil || !strings.Contains(err.Error(), "append-only") {
				t.Errorf("%s: err = %v", s, err)
			}
		}
		if res := verify(t, d); !res.OK || res.Entries != 3 {
			t.Errorf("verify: %+v", res)
		}
	})
}

func TestConcurrentAppendsKeepOneChain(t *testing.T) {
	const workers, each = 8, 25
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		var wg sync.WaitGroup
		errs := make(chan error, workers*each)
		for w := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				ctx := audit.WithActor(context.Background(), audit.Actor{Username: "w", AccountID: int64(w)})
				key := fmt.Sprintf("k%d", w) // no row lock shared between workers
				for range each {
					err := d.Tx(ctx, func(q db.Q) error {
						if _, err := q.ExecContext(ctx, "INSERT INTO setting (name, value) VALUES (?, 'v') ON CONFLICT (name) DO UPDATE SET value = excluded.value", key); err != nil {
							return err
						}
						return audit.Append(ctx, q, audit.Entry{Action: "setting.change", TargetType: "setting", TargetID: key})
					})
					if err != nil {
						errs <- err
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		if res := verify(t, d); !res.OK || res.Entries != workers*each {
			t.Errorf("verify: %+v", res)
		}
	})
}
