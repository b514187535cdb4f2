package web

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"

	"dangjian/internal/db"
	"dangjian/internal/fault"
	"dangjian/internal/i18n"
)

// Kit is what page handlers use from the web application: pages rendered in
// the user's language with the layout, the refusal, not-found and error
// pages, forms that keep the user's input and place a refusal next to its
// field. web.New builds one and hands it to every module (Module.Routes);
// the application's own pages use it too.
type Kit struct {
	log     *slog.Logger
	db      *db.DB
	pages   *pages
	nav     []NavEntry
	links   []AreaLink
	pickers []Picker
}

// Crumb is one link of a breadcrumb.
type Crumb struct {
	Label string
	Href  string
}

// PathID reads the {id} path value; ok is false for anything but a positive number.
func PathID(r *http.Request) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	return id, err == nil && id > 0
}

// IsNotFound reports whether err says the record asked for does not exist.
func IsNotFound(err error) bool { return errors.Is(err, fault.NotFound) }

// LoadByPath reads what the path's {id} names with get, answering 404 for
// a bad or unknown id, 403 for one outside the scope (require has usually
// refused it already) and 500 otherwise; ok is false when a page was written.
func LoadByPath[T any](k *Kit, w http.ResponseWriter, r *http.Request, what string, get func(context.Context, int64) (T, error)) (T, bool) {
	var zero T
	id, ok := PathID(r)
	if !ok {
		k.NotFound(w, r)
		return zero, false
	}
	v, err := get(r.Context(), id)
	if err != nil {
		k.Fail(w, r, fmt.Errorf("web: %s %d: %w", what, id, err))
		return zero, false
	}
	return v, true
}

// Fail answers a failed load or access decision: 403 with its
// message for a refusal (recorded in the audit trail), 404, or 500.
func (k *Kit) Fail(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, fault.Forbidden):
		key := "err.forbidden"
		if e, ok := UserError(err); ok {
			key = e.Key
		}
		k.Denied(w, r, http.StatusForbidden, key)
	case IsNotFound(err):
		k.NotFound(w, r)
	default:
		k.ServerError(w, r, err)
	}
}

// RenameField moves a refusal of the domain's field from to the form's
// field to (the form calls the date of a membership or registration "on").
func RenameField(err error, from, to string) error {
	if e, ok := UserError(err); ok && e.Field == from {
		e.Field = to
	}
	return err
}

// EnumOptions is a select over fixed values labelled from prefix+value.
func EnumOptions(lang i18n.Lang, prefix, first string, values ...string) []Option {
	out := []Option{{Value: "", Label: first}}
	if first == "" {
		out[0].Label = i18n.T(lang, "ui.choose")
	}
	for _, v := range values {
		out = append(out, Option{Value: v, Label: i18n.T(lang, prefix+v)})
	}
	return out
}

// KeepValues returns v with the values of the listed fields only, for links.
func KeepValues(v url.Values, names ...string) url.Values {
	out := url.Values{}
	for _, n := range names {
		if x := v.Get(n); x != "" {
			out.Set(n, x)
		}
	}
	return out
}

func Itoa(id int64) string { return strconv.FormatInt(id, 10) }

// CountingWriter counts the bytes written through it, so a download that
// fails can tell whether the client has seen anything yet.
type CountingWriter struct {
	W http.ResponseWriter
	N int64
}

func (c *CountingWriter) Write(p []byte) (int, error) {
	n, err := c.W.Write(p)
	c.N += int64(n)
	return n, err
}

// Sub is a module's templates/ folder as the file system Module.Templates
// wants: the page files at its root.
func Sub(files fs.FS) fs.FS {
	sub, err := fs.Sub(files, "templates")
	if err != nil {
		panic(err) // embedded at build time: a programming error
	}
	return sub
}

// Logger is the application's logger, for what a handler must report
// besides its answer.
func (k *Kit) Logger() *slog.Logger { return k.log }
