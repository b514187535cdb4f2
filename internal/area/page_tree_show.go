package area

import (
	"dangjian/internal/web"
	"fmt"
	"net/http"
	"strings"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
)

// treeNode is an area of the tree page, with its organisations on the
// chosen date and, above the communities, coverage counts.
type treeNode struct {
	ID        int64
	Name      string
	Level     string
	Community bool
	Orgs      []treeOrg
	// Covered is true for a community with at least one active party organisation.
	Covered bool
	// Communities and Lacking count the communities below a non-community node.
	Communities int
	Lacking     int
	Children    []*treeNode
}

type treeOrg struct {
	ID   int64
	Name string
	Kind string
}

// treePage is the data of the tree page.
type treePage struct {
	AsOf      string
	AsOfError string
	Root      *treeNode
}

// treeShow renders the administrative tree as of a date (?as_of=, default
// today), each area with its party organisations and each community with
// its coverage mark.
func (s *pages) treeShow(w http.ResponseWriter, r *http.Request) {
	lang := web.Lang(r)
	page := treePage{AsOf: strings.TrimSpace(r.URL.Query().Get("as_of"))}
	v := &web.View{Title: i18n.T(lang, "ui.tree.title"), Nav: "tree", D: &page}
	asOf := s.areas.Today()
	if page.AsOf != "" {
		d, err := date.Parse(page.AsOf)
		if err != nil {
			page.AsOfError = i18n.T(lang, "err.date_invalid", page.AsOf)
			s.Render(w, r, http.StatusUnprocessableEntity, "tree", v)
			return
		}
		asOf = d
	}
	page.AsOf = asOf.String()
	root, err := s.areas.Root(r.Context())
	if err != nil {
		if e, ok := web.UserError(err); ok {
			page.AsOfError = e.In(lang)
			s.Render(w, r, http.StatusOK, "tree", v)
			return
		}
		s.ServerError(w, r, err)
		return
	}
	tree, err := s.areas.Tree(r.Context(), root.ID, asOf)
	if err != nil {
		s.ServerError(w, r, fmt.Errorf("web: tree: %w", err))
		return
	}
	if tree == nil {
		page.AsOfError = i18n.T(lang, "ui.tree.empty", asOf.String())
		s.Render(w, r, http.StatusOK, "tree", v)
		return
	}
	orgs, err := s.areas.OrgsActiveUnder(r.Context(), root.ID, asOf)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	byArea := map[int64][]treeOrg{}
	for _, o := range orgs {
		byArea[o.AreaID] = append(byArea[o.AreaID], treeOrg{ID: o.ID, Name: o.Name, Kind: orgKindName(lang, o.Kind)})
	}
	page.Root = buildTree(lang, tree, byArea)
	s.Render(w, r, http.StatusOK, "tree", v)
}

// buildTree converts an Node into the page's nodes, counting covered
// communities on the way up.
func buildTree(lang i18n.Lang, n *Node, orgs map[int64][]treeOrg) *treeNode {
	t := &treeNode{ID: n.ID, Name: n.Name, Level: levelName(lang, n.Level), Orgs: orgs[n.ID]}
	if n.Level == Community {
		t.Community = true
		t.Covered = n.ActiveOrg > 0
		return t
	}
	for _, c := range n.Children {
		ct := buildTree(lang, c, orgs)
		t.Children = append(t.Children, ct)
		if ct.Community {
			t.Communities++
			if !ct.Covered {
				t.Lacking++
			}
		} else {
			t.Communities += ct.Communities
			t.Lacking += ct.Lacking
		}
	}
	return t
}
