package speechtpl

import (
	"context"
	"strings"

	"dangjian/internal/audit"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
)

// The auditor's page names a version by its area, language and number:
// 河东街道 · zh · 第2版.
func init() {
	audit.NameTargets("speech_template", func(ctx context.Context, q db.Q, lang i18n.Lang, ids []int64) (map[int64]string, error) {
		names, err := audit.NamesByID(ctx, q, "SELECT t.id, a.name || '|' || t.lang || '|' || CAST(t.number AS TEXT) FROM speech_template t JOIN area a ON a.id = t.area_id WHERE t.id IN (?)", ids)
		for id, s := range names {
			if f := strings.Split(s, "|"); len(f) == 3 {
				names[id] = i18n.T(lang, "ui.audit.target.speech_template", f[0], f[1], f[2])
			}
		}
		return names, err
	})
}
