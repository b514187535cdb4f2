package area

import (
	"context"
	"dangjian/internal/web"
	"strings"

	"dangjian/internal/i18n"
)

// scopeOptions lists the areas active today in tree order, indented by
// depth, for the scope select. A chosen area that is not active any more
// is added so the select shows what was asked for.
func (s *pages) scopeOptions(ctx context.Context, lang i18n.Lang, chosen string) ([]web.Option, error) {
	root, err := s.areas.Root(ctx)
	if err != nil {
		if _, ok := web.UserError(err); ok {
			return nil, nil
		}
		return nil, err
	}
	tree, err := s.areas.Tree(ctx, root.ID, s.areas.Today())
	if err != nil {
		return nil, err
	}
	var out []web.Option
	if tree != nil {
		tree.Walk(func(n *Node) {
			out = append(out, web.Option{
				Value:    web.Itoa(n.ID),
				Label:    strings.Repeat("\u3000", n.Depth) + n.Name + " · " + levelName(lang, n.Level),
				Selected: web.Itoa(n.ID) == chosen,
			})
		})
	}
	out = s.keepChosen(ctx, lang, out, chosen)
	for i := range out {
		out[i].Selected = out[i].Value == chosen
	}
	return out, nil
}
