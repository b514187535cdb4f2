package demo

import (
	"container/heap"
	"math/rand/v2"

	"dangjian/internal/area"
	"dangjian/internal/date"
)

// idSet is a set of ids with O(1) add, remove and uniform random pick. Its
// iteration order depends only on the order of calls, so picks are
// deterministic for a seed.
type idSet struct {
	ids []int64
	pos map[int64]int
}

func newIDSet() *idSet { return &idSet{pos: map[int64]int{}} }

func (s *idSet) add(id int64) {
	if _, ok := s.pos[id]; ok {
		return
	}
	s.pos[id] = len(s.ids)
	s.ids = append(s.ids, id)
}

func (s *idSet) remove(id int64) {
	i, ok := s.pos[id]
	if !ok {
		return
	}
	last := s.ids[len(s.ids)-1]
	s.ids[i] = last
	s.pos[last] = i
	s.ids = s.ids[:len(s.ids)-1]
	delete(s.pos, id)
}

func (s *idSet) has(id int64) bool { _, ok := s.pos[id]; return ok }

func (s *idSet) len() int { return len(s.ids) }

// pick returns a random member for which ok holds, trying a few times, or 0.
func (s *idSet) pick(rng *rand.Rand, ok func(int64) bool) int64 {
	if len(s.ids) == 0 {
		return 0
	}
	for range 64 {
		id := s.ids[rng.IntN(len(s.ids))]
		if ok == nil || ok(id) {
			return id
		}
	}
	for _, id := range s.ids { // a rare fallback; deterministic
		if ok(id) {
			return id
		}
	}
	return 0
}

// intentKind is a planned kind of change, resolved to a Store operation
// (or dropped) when its date comes.
type intentKind int

const (
	inCreateCommunity intentKind = iota
	inSplit
	inMerge
	inDissolve
	inMove
	inBoundary
	inRename
	inCreateSubdistrict
	inMergeSubdistrict
	inRenameSubdistrict
	inMoveInto     // area: the subdistrict receiving a community
	inBranch       // area: the community that gets its first branch
	inReform       // org: re-form as orgKind
	inSubCommittee // area: a new subdistrict's committee
)

type intent struct {
	on      date.Date
	seq     int
	kind    intentKind
	area    int64
	org     int64
	orgKind area.OrgKind
}

// intentQueue orders intents by date, then by the order they were planned.
type intentQueue []intent

func (q intentQueue) Len() int { return len(q) }
func (q intentQueue) Less(i, j int) bool {
	if a, b := q[i].on, q[j].on; a.Before(b) || b.Before(a) {
		return a.Before(b)
	}
	return q[i].seq < q[j].seq
}
func (q intentQueue) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *intentQueue) Push(x any)   { *q = append(*q, x.(intent)) }
func (q *intentQueue) Pop() any {
	old := *q
	x := old[len(old)-1]
	*q = old[:len(old)-1]
	return x
}

var _ heap.Interface = (*intentQueue)(nil)
