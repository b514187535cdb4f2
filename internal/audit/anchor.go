package audit

import (
	"bufio"
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"dangjian/internal/db"
)

// Anchors seal the trail against what the hash chain alone cannot show: a
// tail cut off, or the chain rewritten from some entry to the end with
// recomputed hashes. An anchor is a signed statement "entry Seq had hash
// Hash at time At", made by the server at intervals (Anchorer), by hand
// (`dangjian audit anchor`) or by a redaction. Anchors are written as JSON
// lines to a file and to the log, both of which an operator can ship off
// the database server; `dangjian audit verify` checks each against the
// trail.
//
// They are signed with Ed25519 by a key kept apart from the database (see
// AnchorKey): someone who can rewrite the database but not read that key
// cannot make an anchor for a rewritten chain, and cannot edit the anchors
// file without the signatures failing. Verifying needs only the public
// key, which can be published.

// Kinds of anchor.
const (
	AnchorAuto   = "auto"   // made by the server at an interval or at shutdown
	AnchorManual = "manual" // made by `dangjian audit anchor`
	AnchorRedact = "redact" // made by a redaction, inside its transaction
)

// Anchor is one signed anchor, as one JSON line of the anchors file.
type Anchor struct {
	Seq  int64     `json:"seq"`
	Hash string    `json:"hash"`
	At   time.Time `json:"time"`
	Kind string    `json:"kind"`
	// For a redaction: the first entry it changed and the head it replaced
	// ("SEQ:HASH"). Anchors of entries from RedactFrom to the replaced head's
	// seq were made before the redaction and no longer hold; the redaction's
	// own anchor stands in for them.
	RedactFrom int64  `json:"redact_from,omitempty"`
	Replaced   string `json:"replaced,omitempty"`
	Key        string `json:"key"` // KeyID of the public key that verifies Sig
	Sig        string `json:"sig"` // base64 Ed25519 signature of signedBytes

	Source string `json:"-"` // where it was read from, "FILE:LINE", for messages
}

// anchorVersion starts every signed message.
const anchorVersion = "dangjian-anchor-v1"

// signedBytes is the canonical encoding that Sig signs: the version tag and
// seq, hash, time (Unix milliseconds), kind, redact_from and replaced, each
// integer as 8 bytes big-endian and each string as its length (8 bytes)
// followed by its bytes, like hashRecord.
func (a *Anchor) signedBytes() []byte {
	var b []byte
	num := func(v int64) { b = binary.BigEndian.AppendUint64(b, uint64(v)) }
	str := func(s string) { num(int64(len(s))); b = append(b, s...) }
	str(anchorVersion)
	num(a.Seq)
	str(a.Hash)
	num(a.At.UnixMilli())
	str(a.Kind)
	num(a.RedactFrom)
	str(a.Replaced)
	return b
}

// Line returns a as one JSON line without the newline.
func (a *Anchor) Line() string {
	b, _ := json.Marshal(a) // nothing in Anchor can fail to marshal
	return string(b)
}

// String names the anchor in messages: "SEQ:HASH".
func (a *Anchor) String() string { return fmt.Sprintf("%d:%s", a.Seq, a.Hash) }

// KeyID is the short name of a public key that anchors carry: the first 8
// bytes of its SHA-256, in hex.
func KeyID(pub ed25519.PublicKey) string {
	s := sha256.Sum256(pub)
	return hex.EncodeToString(s[:8])
}

// ErrBadSignature is wrapped by CheckAnchors when an anchor's signature does
// not verify: the anchor was forged or altered.
var ErrBadSignature = errors.New("audit: anchor signature does not verify (forged or altered)")

// AnchorMismatch is the error of CheckAnchors when an anchored entry is
// gone (the trail was cut) or has another hash (it was rewritten).
type AnchorMismatch struct {
	Anchor *Anchor
	Got    string // the entry's hash now, "" when the entry is missing
}

func (e *AnchorMismatch) Error() string {
	if e.Got == "" {
		return fmt.Sprintf("audit: anchor %s: entry %d is missing (the trail was cut)", e.Anchor.Source, e.Anchor.Seq)
	}
	return fmt.Sprintf("audit: anchor %s: entry %d has hash %s, not the anchored %s (the trail was rewritten)", e.Anchor.Source, e.Anchor.Seq, e.Got, e.Anchor.Hash)
}

// ErrUnknownKey is wrapped when an anchor names a key that none of the
// public keys given has.
var ErrUnknownKey = errors.New("audit: anchor signed by an unknown key")

// verifySig checks a's signature against the key it names among keys.
func (a *Anchor) verifySig(keys []ed25519.PublicKey) error {
	for _, k := range keys {
		if KeyID(k) != a.Key {
			continue
		}
		sig, err := base64.StdEncoding.DecodeString(a.Sig)
		if err != nil || !ed25519.Verify(k, a.signedBytes(), sig) {
			return fmt.Errorf("%w: %s (entry %d)", ErrBadSignature, a.Source, a.Seq)
		}
		return nil
	}
	return fmt.Errorf("%w: %s (entry %d) names key %q", ErrUnknownKey, a.Source, a.Seq, a.Key)
}

// Head returns the seq and hash of the last entry, or 0 and "" when the
// trail is empty.
func Head(ctx context.Context, q db.Q) (int64, string, error) {
	var seq int64
	var hash string
	err := q.QueryRowContext(ctx, "SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1").Scan(&seq, &hash)
	if db.IsNotFound(err) {
		return 0, "", nil
	}
	if err != nil {
		return 0, "", fmt.Errorf("audit: head: %w", err)
	}
	return seq, hash, nil
}

// AppendAnchor appends a as one line to the anchors file at path, creating
// it (mode 0644: anchors are not secret) when absent. The line is one write
// on a file opened for appending, so servers sharing the file do not
// interleave lines, and it is synced before AppendAnchor returns.
func AppendAnchor(path string, a Anchor) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return fmt.Errorf("audit: anchors file: %w", err)
	}
	_, err = f.WriteString(a.Line() + "\n")
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("audit: anchors file %s: %w", path, err)
	}
	return nil
}

// ReadAnchors reads the anchors of the JSON-lines file at path, naming each
// by FILE:LINE. Blank lines are skipped; a line that is not an anchor is an
// error (a damaged file must not pass unnoticed). The error wraps
// fs.ErrNotExist when there is no file.
func ReadAnchors(path string) ([]Anchor, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		return nil, fmt.Errorf("audit: anchors file: %w", err)
	}
	defer f.Close()
	return readAnchors(f, path)
}

func readAnchors(r io.Reader, name string) ([]Anchor, error) {
	var out []Anchor
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		a, skip, err := parseAnchorLine(line)
		if skip {
			continue
		}
		if err != nil || a.Seq < 1 || len(a.Hash) != len(GenesisHash) || a.Sig == "" {
			return nil, fmt.Errorf("audit: %s:%d is not an anchor line", name, n)
		}
		a.Source = name + ":" + strconv.Itoa(n)
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("audit: anchors file %s: %w", name, err)
	}
	return out, nil
}

// logMsg is the message of the log record of an anchor.
const logMsg = "audit anchor"

// parseAnchorLine decodes an anchor line, or the anchor of a log record
// written by Anchorer through slog's text or JSON handler (the value of its
// "anchor" attribute), so that a shipped log can be checked as it is. Other
// log records are skipped.
func parseAnchorLine(line string) (Anchor, bool, error) {
	if strings.HasPrefix(line, "{") {
		var rec struct {
			Msg    *string `json:"msg"`
			Anchor string  `json:"anchor"`
		}
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			return Anchor{}, false, err
		}
		if rec.Msg != nil { // a JSON log record
			if *rec.Msg != logMsg {
				return Anchor{}, true, nil
			}
			line = rec.Anchor
		}
	} else if strings.HasPrefix(line, "time=") || strings.HasPrefix(line, "level=") { // a text log record
		if !strings.Contains(line, ` msg="`+logMsg+`"`) {
			return Anchor{}, true, nil
		}
		_, v, ok := strings.Cut(line, " anchor=")
		q, err := strconv.QuotedPrefix(v)
		if !ok || err != nil {
			return Anchor{}, false, errors.New("no anchor attribute")
		}
		if line, err = strconv.Unquote(q); err != nil {
			return Anchor{}, false, err
		}
	}
	var a Anchor
	dec := json.NewDecoder(strings.NewReader(line))
	dec.DisallowUnknownFields()
	err := dec.Decode(&a)
	return a, false, err
}

// MakeAnchor signs the current head of the trail as an anchor of kind, or
// returns ok false when the trail is empty. The time is taken before the
// head is read, so that an anchor of a head that a concurrent redaction
// replaces never carries a time after the redaction's own anchor.
func MakeAnchor(ctx context.Context, q db.Q, key *AnchorKey, kind string, now time.Time) (Anchor, bool, error) {
	seq, hash, err := Head(ctx, q)
	if err != nil || seq == 0 {
		return Anchor{}, false, err
	}
	return key.Sign(Anchor{Seq: seq, Hash: hash, At: now, Kind: kind}), true, nil
}

// AnchorReport is what CheckAnchors found.
type AnchorReport struct {
	Checked    int     // anchors whose entry still has the anchored hash
	Superseded int     // anchors made before a redaction that changed their entry
	Newest     *Anchor // the checked anchor of the highest seq (the latest time among equals)
}

// CheckAnchors checks anchors against the trail read through q: first that
// every signature verifies with one of keys (a forged or altered line fails
// with ErrBadSignature, whatever else it says), then that every anchored
// entry is still there (else the trail was cut) with the anchored hash
// (else it was rewritten). An anchor from before a redaction, of an entry
// the redaction changed (from its RedactFrom to the head it replaced), is
// counted as superseded instead: the redaction's signed anchor replaces it.
// Run Verify first: anchors prove the chain up to them only when the chain
// itself holds.
func CheckAnchors(ctx context.Context, q db.Q, anchors []Anchor, keys []ed25519.PublicKey) (AnchorReport, error) {
	var rep AnchorReport
	type span struct{ from, to int64 }
	var redactions []span
	for i := range anchors {
		a := &anchors[i]
		if err := a.verifySig(keys); err != nil {
			return rep, err
		}
		if a.Kind == AnchorRedact {
			to, _, ok := strings.Cut(a.Replaced, ":")
			n, err := strconv.ParseInt(to, 10, 64)
			if !ok || err != nil || a.RedactFrom < 1 || n < a.RedactFrom {
				return rep, fmt.Errorf("audit: %s: redaction anchor without a valid redact_from and replaced head", a.Source)
			}
			redactions = append(redactions, span{a.RedactFrom, n})
		}
	}
	bySeq := map[int64][]*Anchor{}
	var maxSeq int64
	for i := range anchors {
		a := &anchors[i]
		superseded := false
		for _, r := range redactions {
			if a.Kind != AnchorRedact && a.Seq >= r.from && a.Seq <= r.to {
				superseded = true
			}
		}
		if superseded {
			rep.Superseded++
			continue
		}
		bySeq[a.Seq] = append(bySeq[a.Seq], a)
		maxSeq = max(maxSeq, a.Seq)
	}
	if len(bySeq) == 0 {
		return rep, nil
	}
	// One pass over the entries' seq and hash, rather than a query per anchor.
	rows, err := q.QueryContext(ctx, "SELECT seq, hash FROM audit_entry WHERE seq <= ? ORDER BY seq", maxSeq)
	if err != nil {
		return rep, fmt.Errorf("audit: anchors: %w", err)
	}
	defer rows.Close()
	seen := map[int64]bool{}
	for rows.Next() {
		var seq int64
		var hash string
		if err := rows.Scan(&seq, &hash); err != nil {
			return rep, fmt.Errorf("audit: anchors: %w", err)
		}
		for _, a := range bySeq[seq] {
			if a.Hash != hash {
				return rep, &AnchorMismatch{Anchor: a, Got: hash}
			}
			rep.Checked++
			if rep.Newest == nil || a.Seq > rep.Newest.Seq || (a.Seq == rep.Newest.Seq && a.At.After(rep.Newest.At)) {
				rep.Newest = a
			}
		}
		seen[seq] = true
	}
	if err := rows.Err(); err != nil {
		return rep, fmt.Errorf("audit: anchors: %w", err)
	}
	var missing *Anchor
	for seq, as := range bySeq {
		if !seen[seq] && (missing == nil || seq < missing.Seq) {
			missing = as[0]
		}
	}
	if missing != nil {
		return rep, &AnchorMismatch{Anchor: missing}
	}
	return rep, nil
}

// Anchorer makes anchors for a server: the head of the trail signed with
// Key, appended to File and logged, whenever the head moved since the last
// anchor it knows of.
type Anchorer struct {
	DB   *db.DB
	Key  *AnchorKey
	File string
	Log  *slog.Logger
	Now  func() time.Time // time.Now when nil

	mu   sync.Mutex
	last string // "SEQ:HASH" of the last anchor made or found in File
}

// Anchor makes an anchor when the head moved since the last one, logs it
// and appends it to File, and returns it with made true; an empty trail or
// an unmoved head makes none. An error with made true means the anchor was
// logged but could not be written to File.
func (a *Anchorer) Anchor(ctx context.Context) (Anchor, bool, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.last == "" {
		a.last = lastInFile(a.File, KeyID(a.Key.Public()))
	}
	now := time.Now
	if a.Now != nil {
		now = a.Now
	}
	an, ok, err := MakeAnchor(ctx, a.DB.Reader(), a.Key, AnchorAuto, now())
	if err != nil || !ok || an.String() == a.last {
		return Anchor{}, false, err
	}
	// The log first: if the file cannot be written, the anchor still goes
	// wherever the log is shipped, and is not made again until the head moves.
	if a.Log != nil {
		a.Log.Info(logMsg, "seq", an.Seq, "hash", an.Hash, "kind", an.Kind, "anchor", an.Line())
	}
	a.last = an.String()
	if err := AppendAnchor(a.File, an); err != nil {
		return an, true, err
	}
	return an, true, nil
}

// Run makes an anchor every interval until ctx ends. The caller makes the
// last one at shutdown (Anchor with a fresh context) once the server has
// stopped taking requests.
func (a *Anchorer) Run(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if _, _, err := a.Anchor(ctx); err != nil && ctx.Err() == nil && a.Log != nil {
				a.Log.Error("audit anchor", "err", err)
			}
		}
	}
}

// lastInFile returns "SEQ:HASH" of the last anchor in the file at path
// signed by the key keyID, or "" when there is none (or the file cannot be
// read: then an anchor is made at the next tick, which is harmless).
func lastInFile(path, keyID string) string {
	as, err := ReadAnchors(path)
	if err != nil {
		return ""
	}
	for i := len(as) - 1; i >= 0; i-- {
		if as[i].Key == keyID {
			return as[i].String()
		}
	}
	return ""
}

// RedactionAnchor returns the signed anchor of the head a redaction left,
// recording the first entry it changed and the head it replaced.
func RedactionAnchor(key *AnchorKey, r Redaction, now time.Time) (Anchor, error) {
	s, h, ok := strings.Cut(r.NewHead, ":")
	seq, err := strconv.ParseInt(s, 10, 64)
	if !ok || err != nil || r.FromSeq < 1 {
		return Anchor{}, fmt.Errorf("audit: redaction without a new head")
	}
	return key.Sign(Anchor{Seq: seq, Hash: h, At: now, Kind: AnchorRedact, RedactFrom: r.FromSeq, Replaced: r.OldHead}), nil
}
