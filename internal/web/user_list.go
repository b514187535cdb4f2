package web

import (
	"context"
	"net/http"
	"time"

	"dangjian/internal/auth"
	"dangjian/internal/i18n"
)

// userRow is one account of the user list.
type userRow struct {
	ID          int64
	Username    string
	DisplayName string
	Role        string
	Area        string
	CanReveal   bool
	Disabled    bool
	MustChange  bool
	Created     string
	Self        bool
}

// tokenRow is one API token of a list.
type tokenRow struct {
	ID       int64
	Username string
	Name     string
	Created  string
	Expires  string
	LastUsed string
	// State is the key of the token's state: active, expired or revoked.
	State string
}

// usersPage is the data of the user list.
type usersPage struct {
	Users  []userRow
	Tokens []tokenRow
	Error  string
}

// userList shows every account with its role, area and state, and every
// API token that still works, for the administrator.
func (s *Server) userList(w http.ResponseWriter, r *http.Request) {
	s.renderUsers(w, r, http.StatusOK, "")
}

// renderUsers renders the user list with status and a refusal (or "").
func (s *Server) renderUsers(w http.ResponseWriter, r *http.Request, status int, refusal string) {
	lang := Lang(r)
	me, _ := Principal(r)
	accts, err := s.auth.List(r.Context())
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	page := usersPage{Error: refusal}
	names := map[int64]string{}
	for _, a := range accts {
		row := userRow{
			ID: a.ID, Username: a.Username, DisplayName: a.DisplayName, Role: i18n.T(lang, "ui.role."+string(a.Role)),
			CanReveal: a.CanReveal, Disabled: a.Disabled, MustChange: a.MustChangePassword,
			Created: a.CreatedAt.Local().Format("2006-01-02"), Self: a.ID == me.ID,
		}
		if a.AreaID != 0 {
			if row.Area, err = s.areaName(r.Context(), a.AreaID, names); err != nil {
				s.ServerError(w, r, err)
				return
			}
		}
		page.Users = append(page.Users, row)
	}
	tokens, err := s.auth.Tokens(r.Context(), 0)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	for _, t := range tokenRows(tokens, time.Now()) {
		if t.State == "active" {
			page.Tokens = append(page.Tokens, t)
		}
	}
	s.Render(w, r, status, "users", &View{Title: i18n.T(lang, "ui.users.title"), Nav: "users", D: page})
}

// areaName returns the current name of an area, remembered in names.
func (s *Server) areaName(ctx context.Context, id int64, names map[int64]string) (string, error) {
	if n, ok := names[id]; ok {
		return n, nil
	}
	name, err := s.dir.AreaName(ctx, id)
	if err != nil {
		return "", err
	}
	if name == "" {
		return "#" + Itoa(id), nil
	}
	names[id] = name
	return name, nil
}

// tokenRows turns tokens into rows, their state as of now.
func tokenRows(tokens []auth.Token, now time.Time) []tokenRow {
	const layout = "2006-01-02 15:04"
	out := make([]tokenRow, 0, len(tokens))
	for _, t := range tokens {
		row := tokenRow{ID: t.ID, Username: t.Username, Name: t.Name, Created: t.CreatedAt.Local().Format(layout), Expires: t.ExpiresAt.Local().Format(layout), State: "active"}
		if t.LastUsedAt != nil {
			row.LastUsed = t.LastUsedAt.Local().Format(layout)
		}
		switch {
		case t.RevokedAt != nil:
			row.State = "revoked"
		case !now.Before(t.ExpiresAt):
			row.State = "expired"
		}
		out = append(out, row)
	}
	return out
}
