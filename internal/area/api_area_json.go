package area

import (
	"dangjian/internal/date"
)

// areaJSON is an area as the API shows it. It differs from Area in
// leaving out the end date of an area that has not ended (the domain type
// would print an empty string).
type areaJSON struct {
	ID            int64     `json:"id"`
	Level         Level     `json:"level"`
	Name          string    `json:"name"`
	ParentID      int64     `json:"parent_id,omitempty"`
	Code          string    `json:"code,omitempty"`
	EstablishedOn date.Date `json:"established_on"`
	EndedOn       date.Date `json:"ended_on,omitzero"`
	SuccessorID   int64     `json:"successor_id,omitempty"`
}

// toAreaJSON converts a domain area.
func toAreaJSON(a Area) areaJSON {
	return areaJSON{
		ID: a.ID, Level: a.Level, Name: a.Name, ParentID: a.ParentID, Code: a.Code,
		EstablishedOn: a.EstablishedOn, EndedOn: a.EndedOn, SuccessorID: a.SuccessorID,
	}
}

// nodeJSON is an area in the tree as of a date, with its active party
// organisations counted and its children nested.
type nodeJSON struct {
	areaJSON
	Depth      int        `json:"depth"`
	ActiveOrgs int        `json:"active_orgs"`
	Children   []nodeJSON `json:"children"`
	// ChildrenOmitted marks a node at the depth limit that has children:
	// ask for the tree with ?root= its id to see them.
	ChildrenOmitted bool `json:"children_omitted,omitempty"`
}

// toNodeJSONTo converts a tree node and what lies below it down to depth
// levels; the nodes at that depth show no children and say whether they
// have some.
func toNodeJSONTo(n *Node, depth int) nodeJSON {
	out := nodeJSON{areaJSON: toAreaJSON(n.Area), Depth: n.Depth, ActiveOrgs: n.ActiveOrg, Children: []nodeJSON{}}
	if depth <= 0 {
		out.ChildrenOmitted = len(n.Children) > 0
		return out
	}
	for _, c := range n.Children {
		out.Children = append(out.Children, toNodeJSONTo(c, depth-1))
	}
	return out
}

// orgJSON is a party organisation as the API shows it.
type orgJSON struct {
	ID            int64     `json:"id"`
	Name          string    `json:"name"`
	Kind          OrgKind   `json:"kind"`
	AreaID        int64     `json:"area_id"`
	StartedOn     date.Date `json:"started_on"`
	EndedOn       date.Date `json:"ended_on,omitzero"`
	PredecessorID int64     `json:"predecessor_id,omitempty"`
	SuccessorID   int64     `json:"successor_id,omitempty"`
}

// toOrgJSON converts a domain party organisation.
func toOrgJSON(o PartyOrg) orgJSON {
	return orgJSON{
		ID: o.ID, Name: o.Name, Kind: o.Kind, AreaID: o.AreaID, StartedOn: o.StartedOn,
		EndedOn: o.EndedOn, PredecessorID: o.PredecessorID, SuccessorID: o.SuccessorID,
	}
}

// listJSON converts a list with one, never nil, so that it renders as [].
func listJSON[T, J any](xs []T, one func(T) J) []J {
	out := make([]J, 0, len(xs))
	for _, x := range xs {
		out = append(out, one(x))
	}
	return out
}

// areaResult is the answer to a change of the tree: the area changed (or
// created) and, for a merge, its target, for a split, the new areas.
type areaResult struct {
	Area    areaJSON   `json:"area"`
	Target  *areaJSON  `json:"target,omitempty"`
	Results []areaJSON `json:"results,omitempty"`
}
