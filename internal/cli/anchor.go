package cli

import (
	"context"
	"crypto/ed25519"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"dangjian/internal/audit"
	"dangjian/internal/i18n"
)

// defaultAnchorKeyFile is the anchor key beside the default personal-data
// key. Keep it, if possible, on the application servers and not on the
// database server: whoever can rewrite the database and read this key can
// also sign anchors for the rewritten trail.
const defaultAnchorKeyFile = "dangjian-anchor.key"

// anchorFlags are the flags of the commands that make or check anchors.
type anchorFlags struct {
	file *string // anchors file; "" means beside the database
	key  *string
}

func addAnchorFlags(fs *flag.FlagSet) anchorFlags {
	return anchorFlags{
		file: fs.String("anchor-file", "", "anchors file (JSON lines); default beside the SQLite database, or dangjian-anchors.jsonl for PostgreSQL"),
		key:  fs.String("anchor-key", defaultAnchorKeyFile, "Ed25519 key that signs anchors; created (mode 0600, public key in FILE.pub) when absent; $"+audit.EnvAnchorKey+" wins"),
	}
}

// anchorFile returns the anchors file of the flags, or the default beside
// the database dbURL: PATH-anchors.jsonl for sqlite:PATH.db, else
// dangjian-anchors.jsonl in the working folder.
func (f anchorFlags) anchorFile(dbURL string) string {
	if *f.file != "" {
		return *f.file
	}
	if p, ok := strings.CutPrefix(dbURL, "sqlite:"); ok {
		p, _, _ = strings.Cut(p, "?")
		if p != "" && !strings.HasPrefix(p, ":memory:") && !strings.HasPrefix(p, "file::memory:") {
			return strings.TrimSuffix(p, filepath.Ext(p)) + "-anchors.jsonl"
		}
	}
	return "dangjian-anchors.jsonl"
}

// loadAnchorKey loads the signing key, creating the key file when absent,
// and says so. It does not create one when the anchors file already holds
// anchors: they were signed by a key that is elsewhere or lost, and anchors
// under a new key would not verify with the public key given to auditors.
func loadAnchorKey(env Env, path, anchors string) (*audit.AnchorKey, error) {
	k, err := audit.LoadAnchorKey(path, env.Getenv, false)
	if errors.Is(err, fs.ErrNotExist) {
		if fi, serr := os.Stat(anchors); serr == nil && fi.Size() > 0 {
			return nil, i18n.Errf("anchor-key", "err.anchor_key_missing", path, anchors)
		}
		k, err = audit.LoadAnchorKey(path, env.Getenv, true)
	}
	if err != nil {
		return nil, err
	}
	if k.Created {
		fmt.Fprintln(env.Stdout, i18n.T(lang(env), "ui.cli.anchor_key_created", path, k.PublicText()))
	}
	return k, nil
}

// runAuditAnchor signs the head of the trail now, appends the anchor to
// the anchors file and prints it with the public key that verifies it.
func runAuditAnchor(ctx context.Context, env Env, args []string) error {
	fs, dbURL := newFlags("audit anchor", env)
	af := addAnchorFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	d, err := openExisting(ctx, *dbURL)
	if err != nil {
		return err
	}
	defer d.Close()
	k, err := loadAnchorKey(env, *af.key, af.anchorFile(*dbURL))
	if err != nil {
		return err
	}
	a, ok, err := audit.MakeAnchor(ctx, d.Reader(), k, audit.AnchorManual, time.Now())
	if err != nil {
		return err
	}
	if !ok {
		fmt.Fprintln(env.Stdout, i18n.T(lang(env), "ui.cli.anchor_empty"))
		return nil
	}
	file := af.anchorFile(*dbURL)
	if err := audit.AppendAnchor(file, a); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, i18n.T(lang(env), "ui.cli.anchor_made", a.Seq, file, a.Line(), k.PublicText()))
	return nil
}

// listFlag is a flag that may be given several times.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

// verifyFlags are the anchor flags of audit verify.
type verifyFlags struct {
	files  listFlag // --anchor-file, repeatable; none: the default file if it exists
	key    *string
	public *string
}

func addVerifyFlags(fs *flag.FlagSet) *verifyFlags {
	v := &verifyFlags{}
	fs.Var(&v.files, "anchor-file", "anchors file or shipped log to check (repeatable); default the anchors file beside the database, when present")
	v.key = fs.String("anchor-key", defaultAnchorKeyFile, "anchor key whose public key checks the signatures, when --anchor-public is not given; $"+audit.EnvAnchorKey+" wins")
	v.public = fs.String("anchor-public", "", "public key(s) that check the anchors' signatures: base64, or a file holding it (FILE.pub); comma-separated for several")
	return v
}

// readAnchors reads the anchors of the files given, or of the default
// file when there is one. It returns the files read (nil when none).
func (v *verifyFlags) readAnchors(dbURL string) ([]audit.Anchor, []string, error) {
	files := []string(v.files)
	optional := false
	if len(files) == 0 {
		files, optional = []string{anchorFlags{file: new("")}.anchorFile(dbURL)}, true
	}
	var all []audit.Anchor
	var read []string
	for _, f := range files {
		as, err := audit.ReadAnchors(f)
		if errors.Is(err, fs.ErrNotExist) {
			if optional {
				return nil, nil, nil
			}
			return nil, nil, i18n.Errf("anchor-file", "err.anchor_file_missing", f)
		}
		if err != nil {
			return nil, nil, err
		}
		all = append(all, as...)
		read = append(read, f)
	}
	return all, read, nil
}

// publicKeys returns the keys that check the signatures: those of
// --anchor-public, else the anchor key's, else the one in its .pub file.
func (v *verifyFlags) publicKeys(env Env) ([]ed25519.PublicKey, error) {
	if *v.public != "" {
		var keys []ed25519.PublicKey
		for _, s := range strings.Split(*v.public, ",") {
			text := s
			if b, err := os.ReadFile(s); err == nil {
				text = string(b)
			}
			k, err := audit.ParsePublicKey(text)
			if err != nil {
				return nil, i18n.Errf("anchor-public", "err.anchor_public", s)
			}
			keys = append(keys, k)
		}
		return keys, nil
	}
	k, err := audit.LoadAnchorKey(*v.key, env.Getenv, false)
	if err == nil {
		return []ed25519.PublicKey{k.Public()}, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	b, perr := os.ReadFile(*v.key + ".pub")
	if perr != nil {
		return nil, i18n.Errf("anchor-public", "err.anchor_no_public_key", *v.key)
	}
	pub, perr := audit.ParsePublicKey(string(b))
	if perr != nil {
		return nil, i18n.Errf("anchor-public", "err.anchor_public", *v.key+".pub")
	}
	return []ed25519.PublicKey{pub}, nil
}

// anchorError puts what CheckAnchors found wrong in the user's language.
func anchorError(err error) error {
	var m *audit.AnchorMismatch
	switch {
	case errors.As(err, &m) && m.Got == "":
		return i18n.Errf("anchor-file", "err.anchor_cut", m.Anchor.Source, m.Anchor.Seq, m.Anchor.At.Local().Format(time.DateTime))
	case errors.As(err, &m):
		return i18n.Errf("anchor-file", "err.anchor_rewritten", m.Anchor.Source, m.Anchor.Seq, m.Got, m.Anchor.Hash, m.Anchor.At.Local().Format(time.DateTime))
	case errors.Is(err, audit.ErrBadSignature):
		return i18n.Errf("anchor-file", "err.anchor_bad_signature", err.Error())
	case errors.Is(err, audit.ErrUnknownKey):
		return i18n.Errf("anchor-public", "err.anchor_unknown_key", err.Error())
	}
	return err
}
