package speechtpl

import "strings"

// Line is one line of a diff: Op is " " (in both), "-" (only in the
// older) or "+" (only in the newer); Old and New are its line numbers in
// each (0 where it is absent).
type Line struct {
	Op       string
	Text     string
	Old, New int
}

// PartDiff is the diff of one part.
type PartDiff struct {
	Part    int
	Lines   []Line
	Changed bool
}

// Diff compares two versions part by part, line by line (a longest common
// subsequence of lines: what is kept, what went, what came).
func Diff(older, newer []string) []PartDiff {
	n := max(len(older), len(newer))
	out := make([]PartDiff, 0, n)
	for i := 0; i < n; i++ {
		var a, b []string
		if i < len(older) {
			a = splitLines(older[i])
		}
		if i < len(newer) {
			b = splitLines(newer[i])
		}
		lines := diffLines(a, b)
		d := PartDiff{Part: i + 1, Lines: lines}
		for _, l := range lines {
			if l.Op != " " {
				d.Changed = true
				break
			}
		}
		out = append(out, d)
	}
	return out
}

func splitLines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	if s == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}

// diffLines is the line diff of a and b by their longest common
// subsequence (a template's part has tens of lines: the table is small).
func diffLines(a, b []string) []Line {
	// lcs[i][j] is the length of the LCS of a[i:] and b[j:].
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []Line
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			out = append(out, Line{Op: " ", Text: a[i], Old: i + 1, New: j + 1})
			i++
			j++
		case i < len(a) && (j == len(b) || lcs[i+1][j] >= lcs[i][j+1]):
			out = append(out, Line{Op: "-", Text: a[i], Old: i + 1})
			i++
		default:
			out = append(out, Line{Op: "+", Text: b[j], New: j + 1})
			j++
		}
	}
	return out
}
