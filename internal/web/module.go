package web

import (
	"html/template"
	"io/fs"
	"net/http"
	"slices"
	"strings"

	"dangjian/internal/access"
	"dangjian/internal/auth"
)

// Module is what a domain adds to the web application: its pages, the
// templates they render and its entries of the top navigation. A domain
// declares it next to its handlers; the composition root hands the modules
// to New, which knows none of them by name.
type Module struct {
	// Name names the module in errors.
	Name string
	// Templates holds the module's pages, one file per page (NAME.html),
	// each parsed with the layout and the shared partials. A page name is
	// unique across modules.
	Templates fs.FS
	// Funcs are the template functions its pages use.
	Funcs template.FuncMap
	// Nav lists its entries of the top navigation.
	Nav []NavItem
	// Routes lists its pages, given the application's kit.
	Routes func(k *Kit) []Route
	// AreaLinks are its pages about one area, linked from the area's page.
	AreaLinks []AreaLink
	// Pickers find its records for the search-as-you-type inputs of any
	// module's forms (see Picker).
	Pickers []Picker
}

// Route is one page: its ServeMux pattern, the permission it needs ("" for
// a public page), where the {id} of its path lies (nil when it names no
// record) and its handler. The access policy decides every request before
// the handler runs, and the route-access test walks every route of every
// module, so a page cannot be added without deciding who may see it.
type Route struct {
	Pattern string
	Perm    auth.Permission
	Place   *access.Place
	Handler http.HandlerFunc
	// MaxBody bounds the request body (0: a form's limit).
	MaxBody int64
}

// NavItem is one entry of the top navigation, shown to users who hold Perm.
type NavItem struct {
	// Key is what a page sets in View.Nav to mark the entry as current; the
	// link's element id is "nav-" + Key.
	Key   string
	Href  string
	Label string // message key
	Perm  auth.Permission
	// Order places the entry: lower first.
	Order int
	// Group, a message key, puts the entry in the menu of that name on the
	// bar (where its first entry's Order puts it) rather than on the bar
	// itself, which holds about ten entries at 1280 px.
	Group string
}

// NavEntry is one place on the bar: a link (Group empty) or a menu of
// links (Items).
type NavEntry struct {
	NavItem
	Items []NavItem
}

// MenuID is a menu's element id: "navmenu-" and its label key's last part.
func (e NavEntry) MenuID() string { return "navmenu-" + e.Group[strings.LastIndex(e.Group, ".")+1:] }

// Holds reports whether the menu holds the entry of key (the page's Nav).
func (e NavEntry) Holds(key string) bool {
	return slices.ContainsFunc(e.Items, func(i NavItem) bool { return i.Key == key })
}

// AreaLink is a module's page about one area (/areas/{id}/Path), shown as
// a button on the page of an area of Level to users who hold Perm.
type AreaLink struct {
	// Key makes the button's element id: "area-" + Key.
	Key   string
	Path  string
	Label string // message key
	Level string // the area level it is for ("community")
	Perm  auth.Permission
}
