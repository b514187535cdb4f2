// Command gencommon builds internal/auth/common_passwords.txt, the list of
// common passwords CheckPolicy refuses, from public lists given as
// arguments (one password a line; a second column, such as a count after
// white space, is ignored). See internal/auth/NOTICE-common-passwords.md
// for the sources, their licences and the command used.
//
// It keeps, lower-cased, what a password that passes the length and class
// rules can still be reduced to by CheckPolicy's normalisation (trim
// symbols at both ends; drop trailing digits and symbols; keep the digit
// run between letters and symbols): entries with a letter and at least four
// characters, their stems of four letters or more, and all-digit entries of
// six digits or more. Everything else could never match.
package main

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strings"
	"unicode"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: gencommon OUT.txt HEADER.txt LIST.txt...")
		os.Exit(2)
	}
	header, err := os.ReadFile(os.Args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	set := map[string]bool{}
	for _, path := range os.Args[3:] {
		f, err := os.Open(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			fields := strings.Fields(sc.Text())
			if len(fields) == 0 {
				continue
			}
			for _, k := range keep(fields[0]) {
				set[k] = true
			}
		}
		f.Close()
	}
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	slices.Sort(out)
	body := string(header) + strings.Join(out, "\n") + "\n"
	if err := os.WriteFile(os.Args[1], []byte(body), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("%d entries, %d bytes\n", len(out), len(body))
}

func isSym(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// keep returns the forms of entry e worth listing.
func keep(e string) []string {
	l := strings.ToLower(e)
	for _, r := range l {
		if r > unicode.MaxASCII || unicode.IsSpace(r) || r == '#' {
			return nil
		}
	}
	var out []string
	core := strings.TrimFunc(l, isSym)
	hasLetter := strings.IndexFunc(core, unicode.IsLetter) >= 0
	switch {
	case hasLetter && len(core) >= 4:
		out = append(out, core)
		if stem := strings.TrimRightFunc(core, func(r rune) bool { return unicode.IsDigit(r) || isSym(r) }); len(stem) >= 4 && stem != core {
			out = append(out, stem)
		}
	case !hasLetter && len(core) >= 6 && strings.Trim(core, "0123456789") == "":
		out = append(out, core)
	}
	return out
}
