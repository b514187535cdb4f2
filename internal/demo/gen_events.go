package demo

import (
	"fmt"

	"dangjian/internal/area"
	"dangjian/internal/date"
)

// do resolves one intent against the tree as it stands on its date.
func (p *planner) do(it intent) error {
	on := it.on
	switch it.kind {
	case inCreateCommunity:
		sub := p.subs.pick(p.rng, p.before(on))
		c, err := p.createNoted(sub, area.Community, p.names.community(), p.nextCode(sub), "新建住宅小区", on)
		if err != nil {
			return err
		}
		if p.rng.Float64() < 0.8 {
			p.schedule(intent{on: p.within(on, 15, 365), kind: inBranch, area: c})
		}
	case inSplit:
		return p.split(on)
	case inMerge:
		a := p.pickCommunity(on)
		sub := p.parent[a]
		ok := func(id int64) bool { return id != a && !p.m.area(id).established.After(on) }
		t := p.commsOf[sub].pick(p.rng, ok)
		if t == 0 {
			t = p.comms.pick(p.rng, ok)
		}
		if err := p.m.merge(area.MergeInput{AreaID: a, TargetID: t, On: on, Note: "撤并"}); err != nil {
			return err
		}
		p.endCommunity(a)
	case inDissolve:
		a := p.pickCommunity(on)
		if err := p.m.dissolve(area.DissolveInput{AreaID: a, On: on, Note: "撤销"}); err != nil {
			return err
		}
		p.endCommunity(a)
	case inMove:
		a := p.pickCommunity(on)
		from := p.parent[a]
		to := p.subsOf[p.parent[from]].pick(p.rng, func(id int64) bool { return id != from && !p.m.area(id).established.After(on) })
		if to == 0 {
			return nil
		}
		return p.moveCommunity(a, to, on)
	case inMoveInto:
		if !p.subs.has(it.area) {
			return nil
		}
		district := p.parent[it.area]
		donor := p.subsOf[district].pick(p.rng, func(id int64) bool { return id != it.area && p.commsOf[id].len() > 3 })
		if donor == 0 {
			return nil
		}
		a := p.commsOf[donor].pick(p.rng, p.before(on))
		if a == 0 {
			return nil
		}
		return p.moveCommunity(a, it.area, on)
	case inBoundary:
		a := p.pickCommunity(on)
		note := "调整边界"
		if b := p.commsOf[p.parent[a]].pick(p.rng, func(id int64) bool { return id != a }); b != 0 {
			note = "与" + p.m.area(b).name + "调整边界"
		}
		return p.m.adjust(area.AdjustInput{AreaID: a, On: on, Note: note})
	case inRename:
		a := p.pickCommunity(on)
		return p.m.rename(area.RenameInput{AreaID: a, Name: p.names.community(), On: on, Note: "更名"})
	case inCreateSubdistrict:
		d := p.districts[p.rng.IntN(len(p.districts))]
		sub, err := p.createSubdistrict(d, on)
		if err != nil {
			return err
		}
		n := max(2, p.tier.Communities/p.tier.Subdistricts)
		for range n {
			p.schedule(intent{on: p.within(on, 1, 120), kind: inMoveInto, area: sub})
		}
	case inMergeSubdistrict:
		return p.mergeSubdistrict(on)
	case inRenameSubdistrict:
		sub := p.subs.pick(p.rng, p.before(on))
		return p.m.rename(area.RenameInput{AreaID: sub, Name: p.names.subdistrict(), On: on, Note: "更名"})
	case inBranch:
		if !p.comms.has(it.area) || p.orgOf[it.area] != 0 {
			return nil
		}
		return p.branch(it.area, on)
	case inReform:
		return p.reform(it)
	}
	return nil
}

// before is "established before on", so no change falls on an area's first day.
func (p *planner) before(on date.Date) func(int64) bool {
	return func(id int64) bool { return p.m.area(id).established.Before(on) }
}

func (p *planner) pickCommunity(on date.Date) int64 { return p.comms.pick(p.rng, p.before(on)) }

func (p *planner) endCommunity(a int64) {
	p.comms.remove(a)
	p.commsOf[p.parent[a]].remove(a)
	delete(p.orgOf, a)
}

func (p *planner) moveCommunity(a, to int64, on date.Date) error {
	if err := p.m.adjust(area.AdjustInput{AreaID: a, NewParentID: to, On: on, Note: "调整隶属街道"}); err != nil {
		return err
	}
	p.commsOf[p.parent[a]].remove(a)
	p.commsOf[to].add(a)
	p.parent[a] = to
	return nil
}

// split ends a community and establishes two in its place, named after it
// (…东社区, …西社区) when those names are free.
func (p *planner) split(on date.Date) error {
	a := p.pickCommunity(on)
	stem := stemOf(p.m.area(a).name, "社区")
	names := []string{stem + "东社区", stem + "西社区"}
	if p.names.used[stem+"东"] || p.names.used[stem+"西"] {
		names = []string{p.names.community(), p.names.community()}
	} else {
		p.names.used[stem+"东"], p.names.used[stem+"西"] = true, true
	}
	sub := p.parent[a]
	ids, err := p.m.split(area.SplitInput{AreaID: a, Names: names, On: on, Note: "拆分"})
	if err != nil {
		return err
	}
	p.endCommunity(a)
	for _, id := range ids {
		p.comms.add(id)
		p.commsOf[sub].add(id)
		p.parent[id] = sub
		if p.rng.Float64() < 0.7 {
			p.schedule(intent{on: p.within(on, 10, 200), kind: inBranch, area: id})
		}
	}
	return nil
}

// mergeSubdistrict merges a subdistrict into another of the same district;
// its communities move to the target (the Store records each move).
func (p *planner) mergeSubdistrict(on date.Date) error {
	var d int64
	for range 64 {
		x := p.districts[p.rng.IntN(len(p.districts))]
		if p.subsOf[x].len() >= 2 {
			d = x
			break
		}
	}
	if d == 0 {
		return fmt.Errorf("no district with two subdistricts to merge")
	}
	a := p.subsOf[d].pick(p.rng, p.before(on))
	t := p.subsOf[d].pick(p.rng, func(id int64) bool { return id != a && !p.m.area(id).established.After(on) })
	if a == 0 || t == 0 {
		return fmt.Errorf("no subdistricts to merge in district %d", d)
	}
	if err := p.m.merge(area.MergeInput{AreaID: a, TargetID: t, On: on, Note: "街道撤并"}); err != nil {
		return err
	}
	for _, c := range append([]int64(nil), p.commsOf[a].ids...) {
		p.commsOf[t].add(c)
		p.parent[c] = t
	}
	p.commsOf[a] = newIDSet()
	p.subs.remove(a)
	p.subsOf[d].remove(a)
	delete(p.orgOf, a)
	return nil
}

// reform re-forms an organisation still active on the date.
func (p *planner) reform(it intent) error {
	o := p.m.orgs[it.org-1]
	if !o.ended.IsZero() || p.orgOf[o.area] != o.id {
		return nil
	}
	name := p.m.area(o.area).name
	switch it.orgKind {
	case area.WorkingCommittee:
		name += "党工委"
	case area.GeneralBranch:
		name += "党总支"
	default:
		name += "党支部"
	}
	id, err := p.m.reform(area.ReformInput{OrgID: o.id, Kind: it.orgKind, Name: name, On: it.on, Note: "改建"})
	if err != nil {
		return err
	}
	p.orgOf[o.area] = id
	return nil
}
