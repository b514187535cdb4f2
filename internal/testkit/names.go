package testkit

import (
	"context"
	"regexp"
	"strconv"
	"strings"
)

// ID returns the id of the record named name: one the world made or
// learned, else the area of that name; the test fails when there is none.
func (w *World) ID(name string) int64 {
	w.T.Helper()
	if id, ok := w.lookup(name); ok {
		return id
	}
	w.T.Fatalf("the world has nothing named %q", name)
	return 0
}

func (w *World) lookup(name string) (int64, bool) {
	if id, ok := w.IDs[name]; ok {
		return id, true
	}
	a, err := w.App.Areas.Find(context.Background(), name)
	if err != nil {
		return 0, false
	}
	return a.ID, true
}

// AreaID returns the id of the area named name.
func (w *World) AreaID(name string) int64 {
	w.T.Helper()
	a, err := w.App.Areas.Find(context.Background(), name)
	if err != nil {
		w.T.Fatalf("area %s: %v", name, err)
	}
	return a.ID
}

// OrgID returns the id of the newest party organisation named name.
func (w *World) OrgID(name string) int64 { w.T.Helper(); return w.RowID("party_org", name) }

// PersonID returns the id of the newest person named name.
func (w *World) PersonID(name string) int64 { w.T.Helper(); return w.RowID("person", name) }

// UnitID returns the id of the active stationed unit named name.
func (w *World) UnitID(name string) int64 {
	w.T.Helper()
	return w.queryID("SELECT MAX(id) FROM unit WHERE name = ? AND ended_on IS NULL", "unit "+name, name)
}

// AccountID returns the id of the account username.
func (w *World) AccountID(username string) int64 {
	w.T.Helper()
	return w.queryID("SELECT MAX(id) FROM account WHERE username = ?", "account "+username, username)
}

// TokenID returns the id of the newest API token named name.
func (w *World) TokenID(name string) int64 {
	w.T.Helper()
	return w.queryID("SELECT MAX(id) FROM api_token WHERE name = ?", "token "+name, name)
}

// RowID returns the id of the newest row of table named name; table is
// one of the tests' own constants, never input.
func (w *World) RowID(table, name string) int64 {
	w.T.Helper()
	return w.queryID("SELECT MAX(id) FROM "+table+" WHERE name = ?", table+" "+name, name)
}

func (w *World) queryID(query, what string, args ...any) int64 {
	w.T.Helper()
	var id *int64
	if err := w.DB.Reader().QueryRowContext(context.Background(), query, args...).Scan(&id); err != nil || id == nil {
		w.T.Fatalf("%s: not found (%v)", what, err)
	}
	return *id
}

var refPattern = regexp.MustCompile(`\{(org:|unit:|conf:|project:|person:|user:|tokenid:|token:)?([^{}":\s]+)\}`)

// Expand replaces, so that scenarios read as names:
//
//	{name}          the id of the record the world made or learned as name, or of the area name
//	{org:name}      the id of the party organisation
//	{unit:name}     the id of the stationed unit (the newest of that name)
//	{conf:name}     the id of the joint conference
//	{person:name}   the id of the person
//	{user:name}     the id of the account
//	{tokenid:name}  the id of the API token named name
//	{token:name}    the API token secret of the caller name
//
// A plain {name} that names nothing is left as it is (JSON bodies hold
// braces too).
func (w *World) Expand(s string) string {
	w.T.Helper()
	if !strings.Contains(s, "{") {
		return s
	}
	return refPattern.ReplaceAllStringFunc(s, func(m string) string {
		p := refPattern.FindStringSubmatch(m)
		var id int64
		switch p[1] {
		case "":
			var ok bool
			if id, ok = w.lookup(p[2]); !ok {
				return m
			}
		case "org:":
			id = w.OrgID(p[2])
		case "unit:":
			id = w.RowID("unit", p[2])
		case "conf:":
			id = w.RowID("joint_conference", p[2])
		case "project:":
			id = w.RowID("building_project", p[2])
		case "person:":
			id = w.PersonID(p[2])
		case "user:":
			id = w.AccountID(p[2])
		case "tokenid:":
			id = w.TokenID(p[2])
		case "token:":
			secret, ok := w.Tokens[p[2]]
			if !ok {
				w.T.Fatalf("the world has no caller %q", p[2])
			}
			return secret
		}
		return strconv.FormatInt(id, 10)
	})
}

// Learn records the id of every named object in v (a decoded JSON body)
// whose name the world does not know yet, so that later scenarios can
// refer to what earlier ones created.
func (w *World) Learn(v any) {
	switch x := v.(type) {
	case map[string]any:
		id, okID := x["id"].(float64)
		name, okName := x["name"].(string)
		if _, known := w.IDs[name]; okID && okName && !known {
			w.IDs[name] = int64(id)
		}
		for _, c := range x {
			w.Learn(c)
		}
	case []any:
		for _, c := range x {
			w.Learn(c)
		}
	}
}
