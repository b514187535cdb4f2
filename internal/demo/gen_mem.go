package demo

import (
	"fmt"
	"strings"

	"dangjian/internal/area"
	"dangjian/internal/date"
)

// memDB holds, in memory, exactly the rows that area.Store would write for
// the same sequence of operations: ids assigned in the same order, the same
// time-bounded closure rows, name history, events and party organisations.
// Each method mirrors the Store method of the same name statement by
// statement; gen_test.go replays the recorded operations through area.Store
// and compares every table.
type memDB struct {
	areas     []memArea // areas[id-1]
	names     []memName
	closure   []memClosure
	byAnc     map[int64][]int // closure row indexes by ancestor
	byDesc    map[int64][]int // closure row indexes by descendant
	events    []memEvent      // events[id-1]
	results   []memResult
	orgs      []memOrg // orgs[id-1]
	orgEvents []memOrgEvent
	orgsOf    map[int64][]int64 // org ids by area, in id order
	openName  map[int64]int     // index in names of an area's open name row
	ops       []op              // the operations, in order, for replay
}

type memArea struct {
	id             int64
	level          area.Level
	name           string
	parent         int64
	code           string
	established    date.Date
	ended          date.Date
	successor      int64
	lastEventOn    date.Date
	lastEventValid bool
}

type memName struct {
	area     int64
	name     string
	from, to date.Date
}

type memClosure struct {
	anc, desc int64
	depth     int
	from, to  date.Date
}

type memEvent struct {
	id                     int64
	kind                   area.EventKind
	on                     date.Date
	area, target, from, to int64
	oldName, newName, note string
}

type memResult struct{ event, area int64 }

type memOrg struct {
	id          int64
	name        string
	kind        area.OrgKind
	area        int64
	started     date.Date
	ended       date.Date
	predecessor int64
}

type memOrgEvent struct {
	id        int64
	kind      string
	on        date.Date
	org, succ int64
	note      string
}

// opKind names a Store operation.
type opKind int

const (
	opCreate opKind = iota
	opMerge
	opSplit
	opAdjust
	opRename
	opDissolve
	opCreateOrg
	opReform
)

// op is one recorded Store call with its input and the ids it established.
type op struct {
	kind     opKind
	create   area.CreateInput
	merge    area.MergeInput
	split    area.SplitInput
	adjust   area.AdjustInput
	rename   area.RenameInput
	dissolve area.DissolveInput
	org      area.OrgInput
	reform   area.ReformInput
	ids      []int64
}

func newMemDB() *memDB {
	return &memDB{byAnc: map[int64][]int{}, byDesc: map[int64][]int{}, orgsOf: map[int64][]int64{}, openName: map[int64]int{}}
}

func validOn(from, to, d date.Date) bool { return !from.After(d) && (to.IsZero() || d.Before(to)) }

func (m *memDB) area(id int64) *memArea { return &m.areas[id-1] }

func (m *memDB) active(id int64, d date.Date) bool {
	a := m.area(id)
	return validOn(a.established, a.ended, d)
}

// check mirrors the Store's checkSubject: the area is active on the date,
// and the date is not before its latest recorded event.
func (m *memDB) check(id int64, on date.Date) error {
	if id <= 0 || int(id) > len(m.areas) {
		return fmt.Errorf("gen: no area %d", id)
	}
	a := m.area(id)
	if on.Before(a.established) || !a.ended.IsZero() {
		return fmt.Errorf("gen: area %d (%s) not active on %s", id, a.name, on)
	}
	if a.lastEventValid && on.Before(a.lastEventOn) {
		return fmt.Errorf("gen: %s for area %d precedes its last event %s", on, id, a.lastEventOn)
	}
	return nil
}

func (m *memDB) touch(on date.Date, ids ...int64) {
	for _, id := range ids {
		if id == 0 {
			continue
		}
		a := m.area(id)
		if !a.lastEventValid || a.lastEventOn.Before(on) {
			a.lastEventOn, a.lastEventValid = on, true
		}
	}
}

// parentOn mirrors area.parentOn: the depth-1 closure row valid on d.
func (m *memDB) parentOn(id int64, d date.Date) int64 {
	for _, i := range m.byDesc[id] {
		c := m.closure[i]
		if c.depth == 1 && validOn(c.from, c.to, d) {
			return c.anc
		}
	}
	return 0
}

// nameOn mirrors area.nameOn.
func (m *memDB) nameOn(id int64, d date.Date) string {
	for i := len(m.names) - 1; i >= 0; i-- {
		n := m.names[i]
		if n.area == id && validOn(n.from, n.to, d) {
			return n.name
		}
	}
	return m.area(id).name
}

// activeChildren mirrors the Store's query: depth-1 closure rows valid on d
// whose area is active on d, in descendant id order.
func (m *memDB) activeChildren(id int64, d date.Date) []int64 {
	var out []int64
	for _, i := range m.byAnc[id] {
		c := m.closure[i]
		if c.depth == 1 && validOn(c.from, c.to, d) && m.active(c.desc, d) {
			out = append(out, c.desc)
		}
	}
	return out
}

func (m *memDB) addClosure(c memClosure) {
	m.closure = append(m.closure, c)
	i := len(m.closure) - 1
	m.byAnc[c.anc] = append(m.byAnc[c.anc], i)
	m.byDesc[c.desc] = append(m.byDesc[c.desc], i)
}

// insertArea mirrors area.insertArea.
func (m *memDB) insertArea(parent int64, level area.Level, name, code string, on date.Date) int64 {
	id := int64(len(m.areas) + 1)
	m.areas = append(m.areas, memArea{id: id, level: level, name: name, parent: parent, code: code, established: on})
	m.names = append(m.names, memName{area: id, name: name, from: on})
	m.openName[id] = len(m.names) - 1
	m.addClosure(memClosure{anc: id, desc: id, depth: 0, from: on})
	if parent != 0 {
		var up []memClosure
		for _, i := range m.byDesc[parent] {
			if p := m.closure[i]; validOn(p.from, p.to, on) {
				up = append(up, p)
			}
		}
		for _, p := range up {
			m.addClosure(memClosure{anc: p.anc, desc: id, depth: p.depth + 1, from: on})
		}
	}
	return id
}

func (m *memDB) insertEvent(e memEvent) int64 {
	e.id = int64(len(m.events) + 1)
	e.note = strings.TrimSpace(e.note)
	m.events = append(m.events, e)
	m.touch(e.on, e.area, e.target, e.to)
	return e.id
}

// create mirrors Store.Create.
func (m *memDB) create(in area.CreateInput) (int64, error) {
	level := in.Level
	if in.ParentID != 0 {
		if err := m.check(in.ParentID, in.On); err != nil {
			return 0, err
		}
		p := m.area(in.ParentID)
		if level == "" {
			level = p.level.ChildLevel()
		}
		if level != p.level.ChildLevel() {
			return 0, fmt.Errorf("gen: %s cannot be created under %s", level, p.level)
		}
	}
	id := m.insertArea(in.ParentID, level, in.Name, in.Code, in.On)
	m.insertEvent(memEvent{kind: area.Create, on: in.On, area: id, to: in.ParentID, newName: in.Name, note: in.Note})
	m.ops = append(m.ops, op{kind: opCreate, create: in, ids: []int64{id}})
	return id, nil
}

// merge mirrors Store.Merge.
func (m *memDB) merge(in area.MergeInput) error {
	if err := m.check(in.AreaID, in.On); err != nil {
		return err
	}
	if !m.active(in.TargetID, in.On) || in.TargetID == in.AreaID {
		return fmt.Errorf("gen: merge target %d not active on %s", in.TargetID, in.On)
	}
	from := m.parentOn(in.AreaID, in.On)
	for _, k := range m.activeChildren(in.AreaID, in.On) {
		m.move(k, in.TargetID, in.On)
		m.insertEvent(memEvent{kind: area.Adjust, on: in.On, area: k, from: in.AreaID, to: in.TargetID, note: "merge"})
	}
	m.endArea(in.AreaID, in.TargetID, in.On)
	m.insertEvent(memEvent{kind: area.Merge, on: in.On, area: in.AreaID, target: in.TargetID, from: from, note: in.Note})
	m.ops = append(m.ops, op{kind: opMerge, merge: in})
	return nil
}

// split mirrors Store.Split.
func (m *memDB) split(in area.SplitInput) ([]int64, error) {
	if err := m.check(in.AreaID, in.On); err != nil {
		return nil, err
	}
	if n := len(m.activeChildren(in.AreaID, in.On)); n > 0 {
		return nil, fmt.Errorf("gen: split of area %d with %d children", in.AreaID, n)
	}
	parent := m.parentOn(in.AreaID, in.On)
	m.endArea(in.AreaID, 0, in.On)
	ev := m.insertEvent(memEvent{kind: area.Split, on: in.On, area: in.AreaID, from: parent, note: in.Note})
	level := m.area(in.AreaID).level
	var ids []int64
	for _, n := range in.Names {
		id := m.insertArea(parent, level, n, "", in.On)
		m.results = append(m.results, memResult{event: ev, area: id})
		ids = append(ids, id)
	}
	m.ops = append(m.ops, op{kind: opSplit, split: in, ids: ids})
	return ids, nil
}

// adjust mirrors Store.Adjust.
func (m *memDB) adjust(in area.AdjustInput) error {
	if err := m.check(in.AreaID, in.On); err != nil {
		return err
	}
	from := m.parentOn(in.AreaID, in.On)
	to := from
	if in.NewParentID != 0 && in.NewParentID != from {
		if err := m.check(in.NewParentID, in.On); err != nil {
			return err
		}
		m.move(in.AreaID, in.NewParentID, in.On)
		to = in.NewParentID
	} else if strings.TrimSpace(in.Note) == "" {
		return fmt.Errorf("gen: boundary adjustment of %d without a note", in.AreaID)
	}
	m.insertEvent(memEvent{kind: area.Adjust, on: in.On, area: in.AreaID, from: from, to: to, note: in.Note})
	m.ops = append(m.ops, op{kind: opAdjust, adjust: in})
	return nil
}

// rename mirrors Store.Rename.
func (m *memDB) rename(in area.RenameInput) error {
	if err := m.check(in.AreaID, in.On); err != nil {
		return err
	}
	old := m.nameOn(in.AreaID, in.On)
	if old == in.Name {
		return fmt.Errorf("gen: rename of %d to its own name", in.AreaID)
	}
	if i, ok := m.openName[in.AreaID]; ok && m.names[i].from == in.On {
		m.names[i].name = in.Name
	} else {
		if ok {
			m.names[i].to = in.On
		}
		m.names = append(m.names, memName{area: in.AreaID, name: in.Name, from: in.On})
		m.openName[in.AreaID] = len(m.names) - 1
	}
	m.area(in.AreaID).name = in.Name
	m.insertEvent(memEvent{kind: area.Rename, on: in.On, area: in.AreaID, oldName: old, newName: in.Name, note: in.Note})
	m.ops = append(m.ops, op{kind: opRename, rename: in})
	return nil
}

// dissolve mirrors Store.Dissolve.
func (m *memDB) dissolve(in area.DissolveInput) error {
	if err := m.check(in.AreaID, in.On); err != nil {
		return err
	}
	if n := len(m.activeChildren(in.AreaID, in.On)); n > 0 {
		return fmt.Errorf("gen: dissolve of area %d with %d children", in.AreaID, n)
	}
	from := m.parentOn(in.AreaID, in.On)
	m.endArea(in.AreaID, 0, in.On)
	m.insertEvent(memEvent{kind: area.Dissolve, on: in.On, area: in.AreaID, from: from, note: in.Note})
	m.ops = append(m.ops, op{kind: opDissolve, dissolve: in})
	return nil
}

// endArea mirrors area.endArea and endOrgsOfArea.
func (m *memDB) endArea(id, successor int64, on date.Date) {
	a := m.area(id)
	a.ended, a.successor = on, successor
	for _, oid := range m.orgsOf[id] {
		o := &m.orgs[oid-1]
		if !o.ended.IsZero() {
			continue
		}
		o.ended = on
		m.insertOrgEvent("dissolve", on, oid, 0, "area ended")
	}
}

// move mirrors area.move: the closure rows linking the subtree of id to its
// old ancestors end on the date; rows to the new ancestors start that day.
func (m *memDB) move(id, newParent int64, on date.Date) {
	var sub []memClosure // rows (id, s, depth) valid on the date
	subtree := map[int64]bool{}
	for _, i := range m.byAnc[id] {
		if s := m.closure[i]; validOn(s.from, s.to, on) {
			sub = append(sub, s)
			subtree[s.desc] = true
		}
	}
	ancestors := map[int64]bool{}
	for _, i := range m.byDesc[id] {
		if u := m.closure[i]; u.depth > 0 && validOn(u.from, u.to, on) {
			ancestors[u.anc] = true
		}
	}
	for desc := range subtree {
		for _, i := range m.byDesc[desc] {
			c := &m.closure[i]
			if ancestors[c.anc] && validOn(c.from, c.to, on) {
				c.to = on
			}
		}
	}
	var up []memClosure
	for _, i := range m.byDesc[newParent] {
		if p := m.closure[i]; validOn(p.from, p.to, on) {
			up = append(up, p)
		}
	}
	for _, p := range up {
		for _, s := range sub {
			m.addClosure(memClosure{anc: p.anc, desc: s.desc, depth: p.depth + s.depth + 1, from: on})
		}
	}
	m.area(id).parent = newParent
}

// createOrg mirrors Store.CreateOrg.
func (m *memDB) createOrg(in area.OrgInput) (int64, error) {
	if !m.active(in.AreaID, in.On) {
		return 0, fmt.Errorf("gen: org %s on inactive area %d", in.Name, in.AreaID)
	}
	id := m.insertOrg(in.Name, in.Kind, in.AreaID, in.On, 0)
	m.insertOrgEvent("create", in.On, id, 0, in.Note)
	m.ops = append(m.ops, op{kind: opCreateOrg, org: in, ids: []int64{id}})
	return id, nil
}

// reform mirrors Store.Reform.
func (m *memDB) reform(in area.ReformInput) (int64, error) {
	o := &m.orgs[in.OrgID-1]
	if !o.ended.IsZero() || in.On.Before(o.started) {
		return 0, fmt.Errorf("gen: reform of org %d not active on %s", in.OrgID, in.On)
	}
	o.ended = in.On
	id := m.insertOrg(in.Name, in.Kind, o.area, in.On, o.id)
	m.insertOrgEvent("reform", in.On, in.OrgID, id, in.Note)
	m.ops = append(m.ops, op{kind: opReform, reform: in, ids: []int64{id}})
	return id, nil
}

func (m *memDB) insertOrg(name string, kind area.OrgKind, areaID int64, on date.Date, pred int64) int64 {
	id := int64(len(m.orgs) + 1)
	m.orgs = append(m.orgs, memOrg{id: id, name: name, kind: kind, area: areaID, started: on, predecessor: pred})
	m.orgsOf[areaID] = append(m.orgsOf[areaID], id)
	return id
}

func (m *memDB) insertOrgEvent(kind string, on date.Date, org, succ int64, note string) {
	m.orgEvents = append(m.orgEvents, memOrgEvent{id: int64(len(m.orgEvents) + 1), kind: kind, on: on, org: org, succ: succ, note: note})
}
