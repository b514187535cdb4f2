package people

import (
	"context"
	"strings"

	"dangjian/internal/audit"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
)

// The auditor's page names people's records instead of their ids:
// 迎宾社区党支部 第6届 for a term, the person and the organisation for a post
// or a membership.
func init() {
	named := func(query string) audit.TargetNamer {
		return func(ctx context.Context, q db.Q, _ i18n.Lang, ids []int64) (map[int64]string, error) {
			return audit.NamesByID(ctx, q, query, ids)
		}
	}
	audit.NameTargets("person", named("SELECT id, name FROM person WHERE id IN (?)"))
	audit.NameTargets("unit", named("SELECT id, name FROM unit WHERE id IN (?)"))
	audit.NameTargets("membership", named("SELECT m.id, p.name || ' · ' || o.name FROM membership m JOIN person p ON p.id = m.person_id JOIN party_org o ON o.id = m.org_id WHERE m.id IN (?)"))
	audit.NameTargets("post", named("SELECT s.id, p.name || ' · ' || COALESCE(o.name, a.name, '') FROM post s JOIN person p ON p.id = s.person_id"+
		" LEFT JOIN party_org o ON o.id = s.org_id LEFT JOIN area a ON a.id = s.area_id WHERE s.id IN (?)"))
	audit.NameTargets("registration", named("SELECT r.id, COALESCE(p.name, o.name, '') || ' · ' || a.name FROM registration r JOIN area a ON a.id = r.area_id"+
		" LEFT JOIN person p ON p.id = r.person_id LEFT JOIN party_org o ON o.id = r.org_id WHERE r.id IN (?)"))
	audit.NameTargets("term", func(ctx context.Context, q db.Q, lang i18n.Lang, ids []int64) (map[int64]string, error) {
		terms, err := audit.NamesByID(ctx, q, "SELECT t.id, o.name || '|' || CAST(t.number AS TEXT) FROM term t JOIN party_org o ON o.id = t.org_id WHERE t.id IN (?)", ids)
		for id, s := range terms {
			org, n := s, ""
			if i := strings.LastIndexByte(s, '|'); i >= 0 {
				org, n = s[:i], s[i+1:]
			}
			terms[id] = i18n.T(lang, "ui.audit.target.term", org, n)
		}
		return terms, err
	})
}
