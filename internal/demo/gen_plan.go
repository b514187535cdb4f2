package demo

import (
	"container/heap"
	"fmt"
	"math/rand/v2"

	"dangjian/internal/area"
	"dangjian/internal/date"
)

// planner writes ten years of history into a memDB: it builds the tree as it
// stood ten years before today, schedules the changes of the following
// years as dated intents, and resolves each intent against the tree as it
// stands on that date, in date order, so every operation is one the Store
// would accept.
type planner struct {
	m            *memDB
	rng          *rand.Rand
	names        *nameGen
	tier         Tier
	start, today date.Date
	span         int // days from start to today
	queue        intentQueue
	seq          int

	comms     *idSet           // active communities
	subs      *idSet           // active subdistricts
	subsOf    map[int64]*idSet // active subdistricts by district
	commsOf   map[int64]*idSet // active communities by subdistrict
	parent    map[int64]int64  // current parent of a subdistrict or community
	districts []int64          // every district (none ends)
	codes     map[int64]string // division code prefix of an area's children
	codeNext  map[int64]int    // next child number under an area
	orgOf     map[int64]int64  // the active party organisation of an area
}

// volumes is how many changes of each kind ten years bring, from the tier.
type volumes struct {
	creates, splits, merges, dissolves, moves, boundaries, renames int
	subCreates, subMerges, subRenames                              int
}

func volumesFor(t Tier) volumes {
	c, s := t.Communities, t.Subdistricts
	atLeast := func(n, min int) int { return max(n, min) }
	return volumes{
		creates: atLeast(c*12/100, 2), splits: atLeast(c*3/100, 1), merges: atLeast(c*8/100, 2),
		dissolves: atLeast(c/100, 1), moves: atLeast(c*5/100, 1), boundaries: atLeast(c*4/100, 1),
		renames: atLeast(c*5/100, 1), subCreates: atLeast(s/40, 1), subMerges: atLeast(s/40, 1), subRenames: atLeast(s/30, 1),
	}
}

func newPlanner(t Tier, seed uint64, today date.Date) *planner {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	start := date.Of(today.Time().AddDate(-10, 0, 0))
	return &planner{
		m: newMemDB(), rng: rng, names: newNameGen(rng), tier: t, start: start, today: today,
		span:  int(today.Time().Sub(start.Time()).Hours() / 24),
		comms: newIDSet(), subs: newIDSet(), subsOf: map[int64]*idSet{}, commsOf: map[int64]*idSet{},
		parent: map[int64]int64{}, codes: map[int64]string{}, codeNext: map[int64]int{},
		orgOf: map[int64]int64{},
	}
}

// run builds the whole history.
func (p *planner) run() error {
	v := volumesFor(p.tier)
	c0 := p.tier.Communities - v.creates - v.splits + v.merges + v.dissolves
	s0 := p.tier.Subdistricts - v.subCreates + v.subMerges
	if err := p.initial(s0, c0); err != nil {
		return err
	}
	p.scatter(inCreateCommunity, v.creates)
	p.scatter(inSplit, v.splits)
	p.scatter(inMerge, v.merges)
	p.scatter(inDissolve, v.dissolves)
	p.scatter(inMove, v.moves)
	p.scatter(inBoundary, v.boundaries)
	p.scatter(inRename, v.renames)
	p.scatter(inCreateSubdistrict, v.subCreates)
	p.scatter(inMergeSubdistrict, v.subMerges)
	p.scatter(inRenameSubdistrict, v.subRenames)
	for p.queue.Len() > 0 {
		it := heap.Pop(&p.queue).(intent)
		if err := p.do(it); err != nil {
			return fmt.Errorf("gen: %s: %w", it.on, err)
		}
	}
	if n := p.comms.len(); n != p.tier.Communities {
		return fmt.Errorf("gen: ended with %d communities, want %d", n, p.tier.Communities)
	}
	if n := p.subs.len(); n != p.tier.Subdistricts {
		return fmt.Errorf("gen: ended with %d subdistricts, want %d", n, p.tier.Subdistricts)
	}
	return nil
}

// schedule plans an intent; one dated after today is dropped.
func (p *planner) schedule(it intent) {
	if it.on.After(p.today) {
		return
	}
	p.seq++
	it.seq = p.seq
	heap.Push(&p.queue, it)
}

// scatter plans n intents of a kind on random days after the start.
func (p *planner) scatter(k intentKind, n int) {
	for range n {
		p.schedule(intent{on: p.start.AddDays(1 + p.rng.IntN(p.span)), kind: k})
	}
}

// within returns a day between lo and hi days after d.
func (p *planner) within(d date.Date, lo, hi int) date.Date {
	return d.AddDays(lo + p.rng.IntN(hi-lo+1))
}

// until returns a day at least lo days after d and no later than today
// (or d+lo, then dropped by schedule, when today is nearer than that).
func (p *planner) until(d date.Date, lo int) date.Date {
	left := int(p.today.Time().Sub(d.Time()).Hours() / 24)
	return p.within(d, lo, max(lo, left))
}

// initial builds the tree on the start date: root, cities, districts, s0
// subdistricts with their committees and c0 communities, most with a branch.
func (p *planner) initial(s0, c0 int) error {
	on := p.start
	var districts []int64
	switch p.tier.Name {
	case "province":
		root, err := p.create(0, area.Province, p.names.province(), "440000000000", on)
		if err != nil {
			return err
		}
		for ci := range 6 {
			city, err := p.create(root, area.City, p.names.city(), fmt.Sprintf("44%02d00000000", ci+1), on)
			if err != nil {
				return err
			}
			for di := range 4 {
				d, err := p.create(city, area.District, p.names.district(), fmt.Sprintf("44%02d%02d000000", ci+1, di+1), on)
				if err != nil {
					return err
				}
				districts = append(districts, d)
			}
		}
	case "city":
		root, err := p.create(0, area.City, p.names.city(), "440100000000", on)
		if err != nil {
			return err
		}
		for di := range 12 {
			d, err := p.create(root, area.District, p.names.district(), fmt.Sprintf("4401%02d000000", di+1), on)
			if err != nil {
				return err
			}
			districts = append(districts, d)
		}
	default:
		d, err := p.create(0, area.District, p.names.district(), "440105000000", on)
		if err != nil {
			return err
		}
		districts = append(districts, d)
	}
	p.districts = districts
	// Communities per subdistrict: an even share, the rest at random.
	per := make([]int, s0)
	for i := range c0 {
		if i < s0*(c0/s0) {
			per[i%s0]++
		} else {
			per[p.rng.IntN(s0)]++
		}
	}
	for si := range s0 {
		sub, err := p.createSubdistrict(districts[si%len(districts)], on)
		if err != nil {
			return err
		}
		for range per[si] {
			c, err := p.create(sub, area.Community, p.names.community(), p.nextCode(sub), on)
			if err != nil {
				return err
			}
			switch r := p.rng.Float64(); {
			case r < 0.85:
				if err := p.branch(c, on); err != nil {
					return err
				}
			case r < 0.90:
				p.schedule(intent{on: p.within(on, 30, 5*365), kind: inBranch, area: c})
			}
		}
	}
	return nil
}

func (p *planner) nextCode(parent int64) string {
	prefix := p.codes[parent]
	if prefix == "" || p.codeNext[parent] >= 999 {
		return ""
	}
	p.codeNext[parent]++
	return fmt.Sprintf("%s%03d", prefix, p.codeNext[parent])
}

// create establishes an area and keeps the planner's view of the tree.
func (p *planner) create(parent int64, level area.Level, name, code string, on date.Date) (int64, error) {
	return p.createNoted(parent, level, name, code, "", on)
}

// createNoted is create with a note on the event.
func (p *planner) createNoted(parent int64, level area.Level, name, code, note string, on date.Date) (int64, error) {
	id, err := p.m.create(area.CreateInput{ParentID: parent, Level: level, Name: name, Code: code, On: on, Note: note})
	if err != nil {
		return 0, err
	}
	switch level {
	case area.District:
		p.codes[id] = code[:6]
		p.subsOf[id] = newIDSet()
	case area.Subdistrict:
		if code != "" {
			p.codes[id] = code[:9]
		}
		p.subs.add(id)
		p.subsOf[parent].add(id)
		p.commsOf[id] = newIDSet()
		p.parent[id] = parent
	case area.Community:
		p.comms.add(id)
		p.commsOf[parent].add(id)
		p.parent[id] = parent
	}
	return id, nil
}

// createSubdistrict establishes a subdistrict with its party committee, and
// plans the committee's re-formation as a working committee.
func (p *planner) createSubdistrict(district int64, on date.Date) (int64, error) {
	p.codeNext[district]++
	code := fmt.Sprintf("%s%03d000", p.codes[district], p.codeNext[district])
	sub, err := p.create(district, area.Subdistrict, p.names.subdistrict(), code, on)
	if err != nil {
		return 0, err
	}
	return sub, p.committee(sub, on)
}

func (p *planner) committee(sub int64, on date.Date) error {
	org, err := p.m.createOrg(area.OrgInput{AreaID: sub, Kind: area.Committee, Name: p.m.area(sub).name + "党委", On: on})
	if err != nil {
		return err
	}
	p.orgOf[sub] = org
	if p.rng.Float64() < 0.75 {
		p.schedule(intent{on: p.until(on, 365), kind: inReform, org: org, orgKind: area.WorkingCommittee})
	}
	return nil
}

// branch gives a community its first party branch. Early on it is a
// residents' branch (…居民区党支部), later re-formed as a community branch;
// after the re-formation years new branches carry the community's name.
func (p *planner) branch(c int64, on date.Date) error {
	name := p.m.area(c).name
	early := on.Before(p.start.AddDays(6 * 365))
	orgName := name + "党支部"
	if early {
		orgName = 居民区(name) + "党支部"
	}
	org, err := p.m.createOrg(area.OrgInput{AreaID: c, Kind: area.Branch, Name: orgName, On: on})
	if err != nil {
		return err
	}
	p.orgOf[c] = org
	if !early {
		return nil
	}
	switch r := p.rng.Float64(); {
	case r < 0.6:
		p.schedule(intent{on: p.until(on, 180), kind: inReform, org: org, orgKind: area.Branch})
	case r < 0.63:
		p.schedule(intent{on: p.until(on, 180), kind: inReform, org: org, orgKind: area.GeneralBranch})
	}
	return nil
}
