package audit

import (
	"context"
	"strconv"
	"strings"

	"dangjian/internal/db"
	"dangjian/internal/i18n"
)

// TargetNamer names the records of one target type for the auditor's page,
// by id: "迎宾社区党支部 第6届" for a term.
type TargetNamer func(ctx context.Context, q db.Q, lang i18n.Lang, ids []int64) (map[int64]string, error)

var namers = map[string]TargetNamer{}

// NameTargets registers the namer of a target type; the domain that owns
// the records registers it from an init function.
func NameTargets(targetType string, n TargetNamer) { namers[targetType] = n }

// TargetNames names the targets of recs that a namer knows, keyed
// "type:id"; a target it cannot name is left out (the page shows its type
// and id instead).
func TargetNames(ctx context.Context, q db.Q, lang i18n.Lang, recs []Record) map[string]string {
	ids := map[string][]int64{}
	for _, r := range recs {
		if id, err := strconv.ParseInt(r.TargetID, 10, 64); err == nil && namers[r.TargetType] != nil {
			ids[r.TargetType] = append(ids[r.TargetType], id)
		}
	}
	out := map[string]string{}
	for typ, list := range ids {
		names, err := namers[typ](ctx, q, lang, list)
		if err != nil {
			continue
		}
		for id, name := range names {
			out[typ+":"+strconv.FormatInt(id, 10)] = name
		}
	}
	return out
}

// ActionWords is the action in words in lang (ui.audit.action.<action>), or
// the action itself when it has none.
func ActionWords(lang i18n.Lang, action string) string {
	if k := "ui.audit.action." + action; i18n.Has(k) {
		return i18n.T(lang, k)
	}
	return action
}

// TypeWords is the target type in words in lang (ui.audit.type.<type>:
// 账号 for account), or the type itself when it has none.
func TypeWords(lang i18n.Lang, targetType string) string {
	if k := "ui.audit.type." + targetType; i18n.Has(k) {
		return i18n.T(lang, k)
	}
	return targetType
}

// NamesByID runs query, which selects (id, name) for the ids in its one
// "IN (?)" placeholder list, and returns the names by id: the common body of
// a namer.
func NamesByID(ctx context.Context, q db.Q, query string, ids []int64) (map[int64]string, error) {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	marks := strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",")
	rows, err := q.QueryContext(ctx, strings.Replace(query, "IN (?)", "IN ("+marks+")", 1), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]string{}
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return nil, err
		}
		out[id] = name
	}
	return out, rows.Err()
}
