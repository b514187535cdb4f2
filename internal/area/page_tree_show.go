package area

import (
	"fmt"
	"net/http"
	"strings"

	"dangjian/internal/date"
	"dangjian/internal/i18n"
	"dangjian/internal/web"
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
	// Lazy marks a node whose children are not on the page: the browser
	// loads them when the user opens it (GET /areas/{id}/tree).
	Lazy bool
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
	// Nodes are the children a fragment (treeChildren) shows.
	Nodes []*treeNode
}

// treeShow renders the administrative tree as of a date (?as_of=, default
// today), each area with its party organisations and each community with
// its coverage mark. The tree opens at the user's own area (or ?root=) with
// its children shown and closed: a city's whole tree would be megabytes.
func (s *pages) treeShow(w http.ResponseWriter, r *http.Request) {
	lang := web.Lang(r)
	page := treePage{AsOf: strings.TrimSpace(r.URL.Query().Get("as_of"))}
	v := &web.View{Title: i18n.T(lang, "ui.tree.title"), Nav: "tree", D: &page}
	asOf, ok := s.treeDate(&page, lang)
	if !ok {
		s.Render(w, r, http.StatusUnprocessableEntity, "tree", v)
		return
	}
	root, err := s.areas.Root(r.Context())
	if id := web.ParseID(r.URL.Query().Get("root")); id != 0 && err == nil {
		root, err = s.areas.Get(r.Context(), id)
	}
	if err != nil {
		if e, ok := web.UserError(err); ok {
			page.AsOfError = e.In(lang)
			s.Render(w, r, http.StatusOK, "tree", v)
			return
		}
		s.ServerError(w, r, err)
		return
	}
	tree, err := s.areas.TreeTo(r.Context(), root.ID, asOf, 1)
	if err != nil {
		s.ServerError(w, r, fmt.Errorf("web: tree: %w", err))
		return
	}
	if tree == nil {
		page.AsOfError = i18n.T(lang, "ui.tree.empty", asOf.String())
		s.Render(w, r, http.StatusOK, "tree", v)
		return
	}
	if page.Root, err = s.treeNodes(r, lang, tree, asOf); err != nil {
		s.ServerError(w, r, err)
		return
	}
	s.Render(w, r, http.StatusOK, "tree", v)
}

// treeChildren renders the children of an area of the tree page, each
// closed, as the HTML the page's script puts into the opened node.
func (s *pages) treeChildren(w http.ResponseWriter, r *http.Request) {
	lang := web.Lang(r)
	page := treePage{AsOf: strings.TrimSpace(r.URL.Query().Get("as_of"))}
	asOf, ok := s.treeDate(&page, lang)
	if !ok {
		http.Error(w, page.AsOfError, http.StatusUnprocessableEntity)
		return
	}
	tree, err := s.areas.TreeTo(r.Context(), web.ParseID(r.PathValue("id")), asOf, 1)
	if err == nil && tree != nil {
		var root *treeNode
		if root, err = s.treeNodes(r, lang, tree, asOf); err == nil {
			page.Nodes = root.Children
		}
	}
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.RenderFragment(w, r, "tree", "children", &web.View{D: &page})
}

// treeDate reads ?as_of= (today when empty); false when it is no date.
func (s *pages) treeDate(page *treePage, lang i18n.Lang) (date.Date, bool) {
	asOf := s.areas.Today()
	if page.AsOf != "" {
		d, err := date.Parse(page.AsOf)
		if err != nil {
			page.AsOfError = i18n.T(lang, "err.date_invalid", page.AsOf)
			return asOf, false
		}
		asOf = d
	}
	page.AsOf = asOf.String()
	return asOf, true
}

// treeNodes builds the shown part of the tree: its root and the root's
// children (tree, read one level deep), whose own children wait to be
// opened. The counts cover the whole subtree (ChildCoverage).
func (s *pages) treeNodes(r *http.Request, lang i18n.Lang, tree *Node, asOf date.Date) (*treeNode, error) {
	byArea := map[int64][]treeOrg{}
	shown := append([]*Node{tree}, tree.Children...)
	for _, n := range shown {
		orgs, err := s.areas.Orgs(r.Context(), n.ID)
		if err != nil {
			return nil, err
		}
		for _, o := range orgs {
			if o.StartedOn.After(asOf) || (!o.EndedOn.IsZero() && !asOf.Before(o.EndedOn)) {
				continue
			}
			byArea[o.AreaID] = append(byArea[o.AreaID], treeOrg{ID: o.ID, Name: o.Name, Kind: orgKindName(lang, o.Kind)})
		}
	}
	cover, err := s.areas.ChildCoverage(r.Context(), tree.ID, asOf)
	if err != nil {
		return nil, err
	}
	root := treeNodeOf(lang, tree, byArea)
	for _, c := range tree.Children {
		t := treeNodeOf(lang, c, byArea)
		if t.Community {
			root.Communities++
			if !t.Covered {
				root.Lacking++
			}
		} else {
			cv := cover[c.ID]
			t.Communities, t.Lacking, t.Lazy = cv.Communities, cv.Lacking, cv.Below > 0
			root.Communities += cv.Communities
			root.Lacking += cv.Lacking
		}
		root.Children = append(root.Children, t)
	}
	return root, nil
}

// treeNodeOf is the page's node of n, without its children.
func treeNodeOf(lang i18n.Lang, n *Node, orgs map[int64][]treeOrg) *treeNode {
	t := &treeNode{ID: n.ID, Name: n.Name, Level: levelName(lang, n.Level), Orgs: orgs[n.ID]}
	if n.Level == Community {
		t.Community = true
		t.Covered = n.ActiveOrg > 0
	}
	return t
}
