package area

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// partyOrgWrite matches SQL that writes party organisations or their events.
var partyOrgWrite = regexp.MustCompile(`(?i)(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+party_org(_event)?\b|BulkInsert\([^)]*"party_org(_event)?"`)

// TestOnlyAreaWritesPartyOrgs keeps party_org rows written by this package
// alone: other domains call InsertUnitOrg and EndUnitOrg in their
// transactions. The synthetic data generator (internal/demo) bulk-loads
// every table for speed and is checked against the stores by
// demo.TestGenerateMatchesStore.
func TestOnlyAreaWritesPartyOrgs(t *testing.T) {
	var offenders []string
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		dir := filepath.Base(filepath.Dir(path))
		if dir == "area" || dir == "demo" {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if partyOrgWrite.Match(b) {
			offenders = append(offenders, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(offenders) > 0 {
		t.Errorf("party_org written outside internal/area: %v", offenders)
	}
	if !partyOrgWrite.MatchString(`q.ExecContext(ctx, "UPDATE party_org SET ended_on = ?")`) || partyOrgWrite.MatchString(`SELECT id FROM party_org`) {
		t.Error("the pattern does not tell a write from a read")
	}
}
