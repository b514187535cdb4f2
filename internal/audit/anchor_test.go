package audit_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"dangjian/internal/testkit"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dangjian/internal/audit"
	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/pii"
)

// anchorKey returns a new anchor key in a file of a temporary folder.
func anchorKey(t *testing.T) *audit.AnchorKey {
	t.Helper()
	k, err := audit.LoadAnchorKey(filepath.Join(t.TempDir(), "anchor.key"), func(string) string { return "" }, true)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// anchorer returns an Anchorer writing to a new anchors file.
func anchorer(t *testing.T, d *db.DB, k *audit.AnchorKey, log *slog.Logger) *audit.Anchorer {
	return &audit.Anchorer{DB: d, Key: k, File: filepath.Join(t.TempDir(), "anchors.jsonl"), Log: log}
}

func readAnchors(t *testing.T, path string) []audit.Anchor {
	t.Helper()
	as, err := audit.ReadAnchors(path)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	return as
}

func checkAnchors(t *testing.T, d *db.DB, path string, keys ...ed25519.PublicKey) (audit.AnchorReport, error) {
	t.Helper()
	return audit.CheckAnchors(context.Background(), d.Reader(), readAnchors(t, path), keys)
}

// The server's ticker anchors the head when it moved, and only then; each
// anchor is on one line of the file and in the log.
func TestAnchorerAnchorsOnItsTicker(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		k := anchorKey(t)
		var logged testkit.SyncBuffer
		a := anchorer(t, d, k, slog.New(slog.NewTextHandler(&logged, nil)))
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() { a.Run(ctx, 5*time.Millisecond); close(done) }()
		defer func() { cancel(); <-done }()

		time.Sleep(30 * time.Millisecond) // an empty trail gets no anchor
		if n := len(readAnchors(t, a.File)); n != 0 {
			t.Fatalf("%d anchors of an empty trail", n)
		}
		seed(t, d, 3)
		waitAnchors(t, a.File, 3) // the ticker may catch the head at 1 or 2 on the way
		n := len(readAnchors(t, a.File))
		time.Sleep(30 * time.Millisecond) // the head did not move: no further anchor
		if as := readAnchors(t, a.File); len(as) != n {
			t.Fatalf("anchors of an unmoved head: %+v", as)
		}
		seed(t, d, 2)
		as := waitAnchors(t, a.File, 5)
		cancel()
		<-done
		for i := 1; i < len(as); i++ {
			if as[i].Seq <= as[i-1].Seq || as[i].Kind != audit.AnchorAuto {
				t.Errorf("anchor %d of an unmoved head or not auto: %+v", i, as)
			}
		}
		last := as[len(as)-1]
		if last.Hash != verify(t, d).LastHash {
			t.Errorf("last anchor %+v", last)
		}
		rep, err := checkAnchors(t, d, a.File, k.Public())
		if err != nil || rep.Checked != len(as) || rep.Newest == nil || rep.Newest.Seq != 5 {
			t.Errorf("check: %+v %v", rep, err)
		}
		if s := logged.String(); !strings.Contains(s, "level=INFO msg=\"audit anchor\" seq=5 hash="+last.Hash) {
			t.Errorf("log: %s", s)
		}
		// A new Anchorer on the same file (a restart) knows the last anchor.
		b := &audit.Anchorer{DB: d, Key: k, File: a.File}
		if _, made, err := b.Anchor(context.Background()); made || err != nil {
			t.Errorf("restart made an anchor of an unmoved head: %v %v", made, err)
		}
	})
}

// waitAnchors waits until the last anchor in path is of entry seq.
func waitAnchors(t *testing.T, path string, seq int64) []audit.Anchor {
	t.Helper()
	for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(5 * time.Millisecond) {
		if as := readAnchors(t, path); len(as) > 0 && as[len(as)-1].Seq == seq {
			return as
		}
	}
	t.Fatalf("no anchor of entry %d in %s", seq, path)
	return nil
}

// Tampering that leaves a valid chain (a cut tail, a rewritten tail with
// recomputed hashes) is caught by the automatic anchors, without any anchor
// kept by hand; a forged anchor line is refused as such.
func TestAnchorsCatchWhatTheChainCannot(t *testing.T) {
	cases := []struct {
		name   string
		tamper func(t *testing.T, d *db.DB, a *audit.Anchorer)
		want   string
		is     error
	}{
		{"nothing", func(*testing.T, *db.DB, *audit.Anchorer) {}, "", nil},
		{"tail cut", func(t *testing.T, d *db.DB, _ *audit.Anchorer) {
			exec(t, d, "DELETE FROM audit_entry WHERE seq >= 7")
		}, "entry 8 is missing (the trail was cut)", nil},
		{"tail rewritten from entry 3", func(t *testing.T, d *db.DB, _ *audit.Anchorer) {
			rewriteFrom(t, d, 3)
		}, "entry 4 has hash", nil},
		{"tail cut and rewritten past the last anchor", func(t *testing.T, d *db.DB, _ *audit.Anchorer) {
			exec(t, d, "DELETE FROM audit_entry WHERE seq >= 5")
			seed(t, d, 4) // entries 5 to 8 again, different
		}, "entry 8 has hash", nil},
		{"anchor line forged to match a rewritten tail", func(t *testing.T, d *db.DB, a *audit.Anchorer) {
			rewriteFrom(t, d, 3)
			forgeLast(t, d, a.File)
		}, "signature does not verify", audit.ErrBadSignature},
		{"anchor signed by another key", func(t *testing.T, d *db.DB, a *audit.Anchorer) {
			rewriteFrom(t, d, 3)
			other := &audit.Anchorer{DB: d, Key: anchorKey(t), File: a.File}
			if _, _, err := other.Anchor(context.Background()); err != nil {
				t.Fatal(err)
			}
		}, "unknown key", audit.ErrUnknownKey},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dbtest.Each(t, func(t *testing.T, d *db.DB) {
				ctx := context.Background()
				k := anchorKey(t)
				a := anchorer(t, d, k, nil)
				seed(t, d, 4)
				if _, _, err := a.Anchor(ctx); err != nil {
					t.Fatal(err)
				}
				seed(t, d, 4)
				if _, _, err := a.Anchor(ctx); err != nil {
					t.Fatal(err)
				}
				dropGuards(t, d)
				c.tamper(t, d, a)
				if res := verify(t, d); !res.OK {
					t.Fatalf("the tampered chain should verify on its own: %+v", res)
				}
				rep, err := checkAnchors(t, d, a.File, k.Public())
				switch {
				case c.want == "" && (err != nil || rep.Checked != 2 || rep.Newest.Seq != 8):
					t.Errorf("untouched: %+v %v", rep, err)
				case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
					t.Errorf("got %v, want %q", err, c.want)
				case c.is != nil && !errors.Is(err, c.is):
					t.Errorf("got %v, want %v", err, c.is)
				}
			})
		})
	}
}

// rewriteFrom changes the detail of every entry from seq on and recomputes
// the hashes: a valid chain that is not the one written.
func rewriteFrom(t *testing.T, d *db.DB, seq int64) {
	t.Helper()
	rs := records(t, d)
	prev := rs[seq-2].Hash
	for i := seq - 1; i < int64(len(rs)); i++ {
		r := rs[i]
		r.Detail, r.PrevHash = "rewritten", prev
		r.Hash = audit.Rehash(&r)
		prev = r.Hash
		exec(t, d, fmt.Sprintf("UPDATE audit_entry SET detail = 'rewritten', prev_hash = '%s', hash = '%s' WHERE seq = %d", r.PrevHash, r.Hash, r.Seq))
	}
}

// forgeLast replaces the hash of the last anchor line with the current
// head's, keeping the old signature.
func forgeLast(t *testing.T, d *db.DB, path string) {
	t.Helper()
	as := readAnchors(t, path)
	last := as[len(as)-1]
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	data = bytes.Replace(data, []byte(last.Hash), []byte(verify(t, d).LastHash), 1)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestReadAnchorsRefusesADamagedLine(t *testing.T) {
	k := anchorKey(t)
	good := k.Sign(audit.Anchor{Seq: 3, Hash: strings.Repeat("ab", 32), At: time.Now(), Kind: audit.AnchorManual})
	for _, c := range []struct{ name, text, want string }{
		{"good", good.Line() + "\n\n" + good.Line() + "\n", ""},
		{"not json", good.Line() + "\nhello\n", ":2 is not an anchor line"},
		{"unknown field", strings.Replace(good.Line(), `"kind"`, `"kinds"`, 1), ":1 is not an anchor line"},
		{"short hash", strings.Replace(good.Line(), good.Hash, "abc", 1), ":1 is not an anchor line"},
		{"no signature", strings.Replace(good.Line(), good.Sig, "", 1), ":1 is not an anchor line"},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "a.jsonl")
			if err := os.WriteFile(path, []byte(c.text), 0o644); err != nil {
				t.Fatal(err)
			}
			as, err := audit.ReadAnchors(path)
			if c.want == "" && (err != nil || len(as) != 2 || as[1].Source != path+":3") {
				t.Errorf("%v %+v", err, as)
			}
			if c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
				t.Errorf("got %v, want %q", err, c.want)
			}
		})
	}
}

// A redaction re-seals the chain from its first changed entry: anchors
// made before it of later entries no longer hold, and the redaction's own
// signed anchor, which records the head it replaced, stands in for them.
// Without that anchor verify reports the rewrite.
func TestAnchorsAfterARedaction(t *testing.T) {
	for _, sealed := range []bool{true, false} {
		t.Run(fmt.Sprint("sealed=", sealed), func(t *testing.T) {
			dbtest.Each(t, func(t *testing.T, d *db.DB) {
				ctx := context.Background()
				k := anchorKey(t)
				a := anchorer(t, d, k, nil)
				write := func(e audit.Entry) {
					t.Helper()
					if err := audit.Write(ctx, d, e); err != nil {
						t.Fatal(err)
					}
					if _, _, err := a.Anchor(ctx); err != nil {
						t.Fatal(err)
					}
				}
				write(audit.Entry{Action: "auth.signin"})
				write(audit.Entry{Action: "term.elect", After: map[string]string{"id_number": "110105199001011234"}})
				write(audit.Entry{Action: "area.rename"})
				var seal func(audit.Redaction) error
				if sealed {
					seal = func(r audit.Redaction) error {
						an, err := audit.RedactionAnchor(k, r, time.Now())
						if err != nil {
							return err
						}
						return audit.AppendAnchor(a.File, an)
					}
				}
				red, err := audit.RedactSealed(ctx, d, pii.MaskPlainInJSON, seal)
				if err != nil || red.FromSeq != 2 {
					t.Fatalf("redact: %+v %v", red, err)
				}
				write(audit.Entry{Action: "auth.signout"}) // the server anchors on
				rep, err := checkAnchors(t, d, a.File, k.Public())
				if !sealed {
					if err == nil || !strings.Contains(err.Error(), "rewritten") {
						t.Errorf("without the redaction's anchor: %+v %v", rep, err)
					}
					return
				}
				// Anchors of 1 (before the change), 4 (the redaction's) and 5 hold;
				// those of 2 and 3 are superseded.
				if err != nil || rep.Checked != 3 || rep.Superseded != 2 || rep.Newest.Seq != 5 {
					t.Errorf("after a redaction: %+v %v", rep, err)
				}
				as := readAnchors(t, a.File)
				if r := as[3]; r.Kind != audit.AnchorRedact || r.RedactFrom != 2 || r.Replaced != red.OldHead || r.String() != red.NewHead {
					t.Errorf("the redaction's anchor: %+v", r)
				}
			})
		})
	}
}

// A seal that fails undoes the redaction.
func TestRedactionUndoneWhenTheSealFails(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		if err := audit.Write(ctx, d, audit.Entry{Action: "term.elect", After: map[string]string{"phone": "13912345678"}}); err != nil {
			t.Fatal(err)
		}
		before := verify(t, d)
		_, err := audit.RedactSealed(ctx, d, pii.MaskPlainInJSON, func(audit.Redaction) error { return errors.New("disk full") })
		if err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Errorf("got %v", err)
		}
		if after := verify(t, d); after.LastSeq != before.LastSeq || after.LastHash != before.LastHash {
			t.Errorf("the trail changed: %+v", after)
		}
		if _, err := audit.Redact(ctx, d, pii.MaskPlainInJSON); err != nil { // leave no plain number behind
			t.Fatal(err)
		}
	})
}

func TestLoadAnchorKey(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "anchor.key")
	none := func(string) string { return "" }
	if _, err := audit.LoadAnchorKey(path, none, false); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("absent without create: %v", err)
	}
	k, err := audit.LoadAnchorKey(path, none, true)
	if err != nil || !k.Created {
		t.Fatalf("%+v %v", k, err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v %v", fi.Mode(), err)
	}
	pub, err := os.ReadFile(path + ".pub")
	if err != nil || strings.TrimSpace(string(pub)) != k.PublicText() {
		t.Errorf("public key file %q %v", pub, err)
	}
	again, err := audit.LoadAnchorKey(path, none, true)
	if err != nil || again.Created || again.PublicText() != k.PublicText() {
		t.Errorf("second load: %+v %v", again, err)
	}
	seed, _ := os.ReadFile(path)
	env, err := audit.LoadAnchorKey(filepath.Join(dir, "none"), func(n string) string {
		if n == audit.EnvAnchorKey {
			return string(seed)
		}
		return ""
	}, false)
	if err != nil || env.PublicText() != k.PublicText() || env.Source != audit.EnvAnchorKey {
		t.Errorf("from the environment: %+v %v", env, err)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := audit.LoadAnchorKey(path, none, true); err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Errorf("open key file: %v", err)
	}
	if _, err := audit.ParsePublicKey("abc"); err == nil {
		t.Error("bad public key accepted")
	}
}

// A log shipped elsewhere can be checked as it is: the anchors in its
// records (text or JSON) are read, other records skipped.
func TestReadAnchorsFromAShippedLog(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		k := anchorKey(t)
		for _, format := range []string{"text", "json"} {
			var logged bytes.Buffer
			log := slog.New(slog.NewTextHandler(&logged, nil))
			if format == "json" {
				log = slog.New(slog.NewJSONHandler(&logged, nil))
			}
			a := anchorer(t, d, k, log)
			log.Info("serving", "addr", "127.0.0.1:8080")
			seed(t, d, 1)
			if _, _, err := a.Anchor(context.Background()); err != nil {
				t.Fatal(err)
			}
			log.Warn("something else", "anchor", "no")
			path := filepath.Join(t.TempDir(), "dangjian.log")
			if err := os.WriteFile(path, logged.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			fromLog, err := audit.ReadAnchors(path)
			fromFile := readAnchors(t, a.File)
			if err != nil || len(fromLog) != 1 || fromLog[0].Line() != fromFile[len(fromFile)-1].Line() {
				t.Errorf("%s log: %v %+v\n%s", format, err, fromLog, logged.String())
			}
		}
		rep, err := checkAnchors(t, d, filepath.Join(t.TempDir(), "none"), k.Public())
		if err != nil || rep.Checked != 0 {
			t.Errorf("no anchors: %+v %v", rep, err)
		}
	})
}

// An anchors file that cannot be written does not lose the anchor: it is
// in the log, and not logged again until the head moves.
func TestAnchorerLogsWhenTheFileFails(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, d *db.DB) {
		var logged testkit.SyncBuffer
		a := &audit.Anchorer{DB: d, Key: anchorKey(t), File: filepath.Join(t.TempDir(), "no-such-folder", "anchors.jsonl"),
			Log: slog.New(slog.NewTextHandler(&logged, nil))}
		seed(t, d, 1)
		an, made, err := a.Anchor(context.Background())
		if !made || err == nil || !strings.Contains(logged.String(), an.Hash) {
			t.Errorf("made %v err %v log %s", made, err, logged.String())
		}
		if _, made, err := a.Anchor(context.Background()); made || err != nil {
			t.Errorf("again: made %v err %v", made, err)
		}
	})
}
