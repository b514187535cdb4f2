package area

import (
	"context"
	"embed"
	"html/template"

	"dangjian/internal/access"
	"dangjian/internal/auth"
	"dangjian/internal/date"
	"dangjian/internal/i18n"
	"dangjian/internal/web"
)

//go:embed templates/*.html
var templateFiles embed.FS

// pages are the handlers of the tree, areas and their party organisations.
type pages struct {
	*web.Kit
	areas *Store
}

// today is the date the pages show things as of.
func (s *pages) today() date.Date { return s.areas.Today() }

// Pages is the area domain's part of the web application: the tree, an
// area's page and the forms that change the tree and its party
// organisations.
func Pages(st *Store) web.Module {
	return web.Module{
		Name:      "area",
		Templates: web.Sub(templateFiles),
		Funcs: template.FuncMap{
			"nodeArgs": func(v *web.View, n *treeNode) nodeArgs { return nodeArgs{V: v, N: n} },
		},
		Nav:     []web.NavItem{{Key: "tree", Href: "/areas", Label: "ui.nav.tree", Perm: auth.ReadAreas, Order: 100}},
		Pickers: []web.Picker{st.picker()},
		Routes: func(k *web.Kit) []web.Route {
			s := &pages{Kit: k, areas: st}
			area, org := st.Place(), st.OrgPlace()
			return []web.Route{
				{Pattern: "GET /areas", Perm: auth.ReadAreas, Handler: s.treeShow},
				{Pattern: "GET /areas/{id}", Perm: auth.ReadAreas, Place: area, Handler: s.areaShow},
				{Pattern: "GET /areas/{id}/tree", Perm: auth.ReadAreas, Place: area, Handler: s.treeChildren},
				{Pattern: "/areas/{id}/children/new", Perm: auth.WriteAreas, Place: area, Handler: s.areaCreate},
				{Pattern: "/areas/{id}/merge", Perm: auth.WriteAreas, Place: area, Handler: s.areaMerge},
				{Pattern: "/areas/{id}/split", Perm: auth.WriteAreas, Place: area, Handler: s.areaSplit},
				{Pattern: "/areas/{id}/adjust", Perm: auth.WriteAreas, Place: area, Handler: s.areaAdjust},
				{Pattern: "/areas/{id}/rename", Perm: auth.WriteAreas, Place: area, Handler: s.areaRename},
				{Pattern: "/areas/{id}/dissolve", Perm: auth.WriteAreas, Place: area, Handler: s.areaDissolve},
				{Pattern: "/areas/{id}/party-orgs/new", Perm: auth.WriteAreas, Place: area, Handler: s.orgCreate},
				{Pattern: "/party-orgs/{id}/reform", Perm: auth.WriteAreas, Place: org, Handler: s.orgReform},
				{Pattern: "/party-orgs/{id}/dissolve", Perm: auth.WriteAreas, Place: org, Handler: s.orgDissolve},
			}
		},
	}
}

// nodeArgs carries the view along the recursive tree template.
type nodeArgs struct {
	V *web.View
	N *treeNode
}

// Place places an area id in a caller's subtree: the area read through the
// scoped store.
func (s *Store) Place() *access.Place {
	return &access.Place{Name: "area", Locate: func(ctx context.Context, id int64) error {
		a, err := s.Get(ctx, id)
		if err == nil {
			access.Keep(ctx, id, a)
		}
		return err
	}}
}

// OrgPlace places the id of a party organisation of an area: where its
// area lies.
func (s *Store) OrgPlace() *access.Place {
	return &access.Place{Name: "party_org", Locate: func(ctx context.Context, id int64) error {
		_, err := s.Org(ctx, id)
		return err
	}}
}

// TreeOptions lists the areas active today in tree order, indented by
// depth, for a select, the chosen one selected (added when it is not
// active any more).
func TreeOptions(ctx context.Context, st *Store, lang i18n.Lang, chosen string) ([]web.Option, error) {
	return (&pages{areas: st}).scopeOptions(ctx, lang, chosen)
}
