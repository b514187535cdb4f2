// Package speechtpl keeps the speech templates users edit: for each area
// and language every saved version (the full set of parts, who saved it
// and when), the diff between two versions, restore, and the seed's words
// restored as a new version. A scope's speech is filled from the latest
// version of the nearest area at or above it that has one (a subdistrict
// inherits its district's), else from the embedded default
// (report.LoadTemplate); Store.For is that rule, wired into the speech's
// pages, downloads, API and command line through report.Templates.
package speechtpl

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"dangjian/internal/area"
	"dangjian/internal/audit"
	"dangjian/internal/db"
	"dangjian/internal/fault"
	"dangjian/internal/i18n"
	"dangjian/internal/report"
	"dangjian/internal/speech"
)

// Origins of a version.
const (
	Edited   = "edit"    // saved from the editor or the API
	Restored = "restore" // a copy of an earlier version
	Default  = "default" // a copy of the seed's words
)

// Store keeps the templates. Every read and write of an area's versions
// is restricted to the caller's subtree (access.ScopeFrom, through
// area.Store); For, which only fills a speech, reads the ancestors' too.
type Store struct {
	DB    *db.DB
	Areas *area.Store
	// Now is the clock of the versions' times.
	Now func() time.Time
}

// NewStore returns the store over d.
func NewStore(d *db.DB, areas *area.Store) *Store {
	return &Store{DB: d, Areas: areas, Now: time.Now}
}

// Version is one saved version of an area's template in one language.
type Version struct {
	ID     int64     `json:"id"`
	AreaID int64     `json:"area_id"`
	Lang   i18n.Lang `json:"lang"`
	Number int       `json:"number"`
	Parts  []string  `json:"parts"`
	// Origin is Edited, Restored or Default; RestoredFrom the number of
	// the version a restore copies.
	Origin       string    `json:"origin"`
	RestoredFrom int       `json:"restored_from,omitempty"`
	By           string    `json:"by"`
	At           time.Time `json:"at"`
}

const versionCols = "id, area_id, lang, number, parts, origin, COALESCE(restored_from, 0), created_by, created_at"

func scanVersion(row interface{ Scan(...any) error }) (Version, error) {
	var v Version
	var parts, at, lang string
	if err := row.Scan(&v.ID, &v.AreaID, &lang, &v.Number, &parts, &v.Origin, &v.RestoredFrom, &v.By, &at); err != nil {
		return v, err
	}
	v.Lang = i18n.Lang(lang)
	if err := json.Unmarshal([]byte(parts), &v.Parts); err != nil {
		return v, fmt.Errorf("speechtpl: version %d: %w", v.ID, err)
	}
	t, err := time.Parse(time.RFC3339, at)
	if err != nil {
		return v, fmt.Errorf("speechtpl: version %d time: %w", v.ID, err)
	}
	v.At = t
	return v, nil
}

// checkLang refuses a language other than zh and en.
func checkLang(l i18n.Lang) error {
	for _, x := range i18n.Langs {
		if l == x {
			return nil
		}
	}
	return i18n.Errf("lang", "err.tpl_lang", string(l))
}

// area reads the area id through the scoped area store.
func (s *Store) area(ctx context.Context, id int64) (area.Area, error) {
	a, err := s.Areas.Get(ctx, id)
	if e, ok := err.(*i18n.Error); ok {
		e.Field = "area_id"
	}
	return a, err
}

// Versions lists the versions of area areaID's own template in lang, the
// latest first.
func (s *Store) Versions(ctx context.Context, areaID int64, lang i18n.Lang) ([]Version, error) {
	if err := checkLang(lang); err != nil {
		return nil, err
	}
	if _, err := s.area(ctx, areaID); err != nil {
		return nil, err
	}
	rows, err := s.DB.Reader().QueryContext(ctx, "SELECT "+versionCols+" FROM speech_template WHERE area_id = ? AND lang = ? ORDER BY number DESC", areaID, string(lang))
	if err != nil {
		return nil, fmt.Errorf("speechtpl: versions: %w", err)
	}
	return db.Collect(rows, func(r *sql.Rows) (Version, error) { return scanVersion(r) })
}

// Version reads one version by id, refused when its area lies outside the
// caller's scope.
func (s *Store) Version(ctx context.Context, id int64) (Version, error) {
	v, err := scanVersion(s.DB.Reader().QueryRowContext(ctx, "SELECT "+versionCols+" FROM speech_template WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return v, &i18n.Error{Field: "id", Key: "err.tpl_version_not_found", Args: []any{id}, Err: fault.NotFound}
	}
	if err != nil {
		return v, fmt.Errorf("speechtpl: version %d: %w", id, err)
	}
	if _, err := s.area(ctx, v.AreaID); err != nil {
		return Version{}, err
	}
	return v, nil
}

// Inherited is the template a scope's speech is filled from: the latest
// version of the nearest area at or above areaID that has one (From names
// it), or nil for the embedded default. It reads the ancestors' versions
// whatever the caller's scope: they fill the caller's own speech.
func (s *Store) Inherited(ctx context.Context, areaID int64, lang i18n.Lang) (*Version, error) {
	v, err := scanVersion(s.DB.Reader().QueryRowContext(ctx, `
SELECT `+prefixed("t")+`
FROM speech_template t JOIN area_closure c ON c.ancestor_id = t.area_id
WHERE c.descendant_id = ? AND c.to_on IS NULL AND t.lang = ?
ORDER BY c.depth, t.number DESC LIMIT 1`, areaID, string(lang)))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("speechtpl: template of area %d: %w", areaID, err)
	}
	return &v, nil
}

// areaName names the area a template is inherited from, which may lie
// above the caller's scope.
func (s *Store) areaName(ctx context.Context, id int64) (string, error) {
	var name string
	err := s.DB.Reader().QueryRowContext(ctx, "SELECT name FROM area WHERE id = ?", id).Scan(&name)
	return name, err
}

// prefixed is versionCols qualified with alias.
func prefixed(alias string) string {
	return alias + ".id, " + alias + ".area_id, " + alias + ".lang, " + alias + ".number, " + alias + ".parts, " + alias + ".origin, COALESCE(" +
		alias + ".restored_from, 0), " + alias + ".created_by, " + alias + ".created_at"
}

// For is the template a scope's speech is filled from (report.Templates):
// the inherited saved version, else the embedded default.
func (s *Store) For(ctx context.Context, areaID int64, lang i18n.Lang) (*report.Template, error) {
	v, err := s.Inherited(ctx, areaID, lang)
	if err != nil {
		return nil, err
	}
	if v == nil {
		return report.LoadTemplate(lang)
	}
	return report.ParseTemplate(lang, v.Parts...)
}

// Refusals checks each part of a template on its own and lists every
// part's first mistake, each naming its part and line (nil: the template
// checks). A template with another number of parts than the default's is
// refused on the field "parts".
func Refusals(lang i18n.Lang, parts []string) ([]*i18n.Error, error) {
	def, err := report.DefaultParts(lang)
	if err != nil {
		return nil, err
	}
	if len(parts) != len(def) {
		return []*i18n.Error{i18n.Errf("parts", "err.tpl_parts", len(def), len(parts))}, nil
	}
	var out []*i18n.Error
	for i, p := range parts {
		// Empty parts before it keep the part's number in its refusal.
		srcs := make([]string, i+1)
		srcs[i] = p
		t, err := speech.Parse(srcs...)
		if err == nil {
			err = t.Check()
		}
		var ie *i18n.Error
		if errors.As(err, &ie) {
			out = append(out, ie)
		} else if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// SaveInput is a template saved from the editor or the API.
type SaveInput struct {
	AreaID int64
	Lang   i18n.Lang
	Parts  []string
}

// Save keeps the template as the area's next version. A template that does
// not check is refused with its first mistake (part and line) and nothing
// is saved.
func (s *Store) Save(ctx context.Context, in SaveInput) (Version, error) {
	if err := checkLang(in.Lang); err != nil {
		return Version{}, err
	}
	refusals, err := Refusals(in.Lang, in.Parts)
	if err != nil {
		return Version{}, err
	}
	if len(refusals) > 0 {
		return Version{}, refusals[0]
	}
	return s.add(ctx, in.AreaID, in.Lang, in.Parts, Edited, 0, "speech_template.save")
}

// Restore keeps a copy of version id as its area's next version: history
// is never rewritten.
func (s *Store) Restore(ctx context.Context, id int64) (Version, error) {
	old, err := s.Version(ctx, id)
	if err != nil {
		return Version{}, err
	}
	// A version saved before a figure or rule was withdrawn is refused
	// like any edit.
	if _, err := report.ParseTemplate(old.Lang, old.Parts...); err != nil {
		return Version{}, err
	}
	return s.add(ctx, old.AreaID, old.Lang, old.Parts, Restored, old.Number, "speech_template.restore")
}

// RestoreDefault keeps the seed's words (the embedded default) as the
// area's next version.
func (s *Store) RestoreDefault(ctx context.Context, areaID int64, lang i18n.Lang) (Version, error) {
	if err := checkLang(lang); err != nil {
		return Version{}, err
	}
	parts, err := report.DefaultParts(lang)
	if err != nil {
		return Version{}, err
	}
	return s.add(ctx, areaID, lang, parts, Default, 0, "speech_template.restore_default")
}

// add writes the next version of the area's template in lang, with its
// audit entry, in one transaction; the area is checked in the caller's
// scope inside it.
func (s *Store) add(ctx context.Context, areaID int64, lang i18n.Lang, parts []string, origin string, from int, action string) (Version, error) {
	if _, err := s.area(ctx, areaID); err != nil {
		return Version{}, err
	}
	body, err := json.Marshal(parts)
	if err != nil {
		return Version{}, err
	}
	v := Version{AreaID: areaID, Lang: lang, Parts: parts, Origin: origin, RestoredFrom: from,
		By: audit.ActorFrom(ctx).Username, At: s.Now().UTC().Truncate(time.Second)}
	err = s.DB.Tx(ctx, func(q db.Q) error {
		if err := q.QueryRowContext(ctx, "SELECT COALESCE(MAX(number), 0) + 1 FROM speech_template WHERE area_id = ? AND lang = ?", areaID, string(lang)).Scan(&v.Number); err != nil {
			return err
		}
		if err := q.QueryRowContext(ctx, `INSERT INTO speech_template (area_id, lang, number, parts, origin, restored_from, created_by, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, areaID, string(lang), v.Number, string(body), origin, db.Null(int64(from)), v.By, v.At.Format(time.RFC3339)).Scan(&v.ID); err != nil {
			if db.IsUniqueViolation(err) {
				return &i18n.Error{Field: "parts", Key: "err.tpl_conflict", Err: fault.Conflict}
			}
			return err
		}
		return audit.Append(ctx, q, audit.Entry{Action: action, TargetType: "speech_template", TargetID: strconv.FormatInt(v.ID, 10),
			After: map[string]any{"area_id": areaID, "lang": lang, "number": v.Number, "origin": origin, "restored_from": from}})
	})
	if err != nil {
		var ie *i18n.Error
		if errors.As(err, &ie) {
			return Version{}, err
		}
		return Version{}, fmt.Errorf("speechtpl: save: %w", err)
	}
	return v, nil
}
