package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"dangjian/internal/importer"
	"dangjian/internal/xlsx"
)

// runExport is "dangjian export members|units|posts [--area NAME|ID] --out
// FILE": XLSX or CSV by the file's extension, numbers in full (the local
// operator may reveal), so that the file can be imported back.
func runExport(ctx context.Context, env Env, args []string) error {
	fs, dbURL := newFlags("export", env)
	areaArg := fs.String("area", "", "area name or id (default: the whole tree)")
	out := fs.String("out", "", "output file, .xlsx or .csv")
	keyPath := fs.String("key-file", defaultKeyFile, "the key that encrypts personal data; $DANGJIAN_KEY wins")
	kind, args := leadingArg(args)
	if err := parse(fs, args); err != nil {
		return err
	}
	if kind == "" || *out == "" {
		return fmt.Errorf("usage: dangjian export members|units|posts [--area NAME|ID] --out FILE [--db URL]")
	}
	var format string
	switch strings.ToLower(filepath.Ext(*out)) {
	case ".xlsx":
		format = xlsx.FormatXLSX
	case ".csv":
		format = xlsx.FormatCSV
	default:
		return fmt.Errorf("--out must end in .xlsx or .csv")
	}
	rn, closeDB, err := openRunner(ctx, env, *dbURL, *keyPath)
	if err != nil {
		return err
	}
	defer closeDB()
	var areaID int64
	if *areaArg != "" {
		a, err := rn.People.Areas.Find(ctx, *areaArg)
		if err != nil {
			return err
		}
		areaID = a.ID
	}
	tmp := *out + ".part"
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	n, err := rn.Export(ctx, f, importer.ExportOptions{Kind: kind, Format: format, AreaID: areaID, Reveal: true, Lang: lang(env)})
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, *out); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "exported %d %s to %s\n", n, kind, *out)
	return nil
}
