// Package demo loads the demo district described by the seed speech
// (fictional names, root 示范区) and generates synthetic data for scale.
package demo

import (
	"context"
	"fmt"
	"time"

	"dangjian/internal/area"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/pii"
	"dangjian/internal/tally"
)

// ErrNotEmpty is returned when demo data would be loaded on top of real data.
var ErrNotEmpty = fmt.Errorf("demo: the database already holds areas; demo data loads only into an empty database")

// demoSubdistricts are the subdistricts and their first communities. All
// names are fictional.
var demoSubdistricts = []struct {
	name        string
	communities []string
}{
	{"河东街道", []string{"迎宾社区", "宾南社区", "河滨社区", "东湖社区", "望江社区", "朝阳社区"}},
	{"官渡街道", []string{"官渡社区", "渡口社区", "新桥社区", "古井社区", "柳岸社区"}},
	{"新华街道", []string{"新华社区", "书院社区", "文昌社区", "育才社区", "和平社区", "康宁社区"}},
	{"红旗街道", []string{"红旗社区", "红星社区", "胜利社区", "建设社区", "光明社区"}},
	{"西湖街道", []string{"西湖社区", "荷塘社区", "翠柳社区", "湖心社区"}},
	{"南山街道", []string{"南山社区", "松林社区", "竹园社区", "石桥社区"}},
}

// Load builds the demo district in an empty database, its people recorded
// without ID and phone numbers; see LoadWith.
func Load(ctx context.Context, s *area.Store) error { return LoadWith(ctx, s, nil) }

// LoadWith builds the demo district in an empty database. Its history runs
// over the five years before the current one and the current year up to
// today, so every part-one figure is non-zero for the default period (this
// year). Its people (loadPeople) get fictional ID and phone numbers
// encrypted under keys; with keys nil they have none.
func LoadWith(ctx context.Context, s *area.Store, keys *pii.Keyring) error {
	n, err := s.Count(ctx)
	if err != nil {
		return err
	}
	if n > 0 {
		return ErrNotEmpty
	}
	today := s.Today()
	y := today.Year()
	// on returns a date in year y-back, never after today.
	on := func(back int, m time.Month, d int) date.Date {
		x := date.New(y-back, m, d)
		if x.After(today) {
			return today
		}
		return x
	}
	// Hundreds of writes: one recount of the counts at the end instead of
	// one per write (tally.Defer).
	flushCtx := ctx
	ctx = tally.Defer(ctx)
	b := &builder{ctx: ctx, s: s, ids: map[string]int64{}}
	start := on(5, 1, 1)
	b.create("示范区", "", start)
	for _, sd := range demoSubdistricts {
		b.create(sd.name, "示范区", start)
		b.org(sd.name, "committee", sd.name[:len(sd.name)-len("街道")]+"街道党委", start)
		for i, c := range sd.communities {
			b.create(c, sd.name, start)
			// Two communities of each subdistrict start without a branch:
			// the "one branch per community" gap the speech closes.
			if i < len(sd.communities)-1 || sd.name == "河东街道" {
				b.org(c, "branch", 居民区(c)+"党支部", start)
			}
		}
	}

	// Four years ago: merges of small committees and new residential areas.
	b.merge("朝阳社区", "东湖社区", on(4, 3, 15))
	b.merge("柳岸社区", "渡口社区", on(4, 6, 1))
	b.create("金色家园社区", "河东街道", on(4, 9, 1))
	b.org("金色家园社区", "branch", "金色家园社区党支部", on(4, 10, 1))

	// Three years ago: a split, a move between subdistricts, a rename.
	b.split("新华社区", []string{"新华东社区", "新华西社区"}, on(3, 4, 1))
	b.org("新华东社区", "branch", "新华东社区党支部", on(3, 5, 1))
	b.adjust("湖心社区", "南山街道", on(3, 7, 1))
	b.rename("红星社区", "红星路社区", on(3, 8, 1))
	b.create("滨江花园社区", "官渡街道", on(3, 10, 1))

	// Two years ago: the pilot joint conference subdistrict re-forms first.
	b.reform("河东街道党委", "working_committee", "河东街道党工委", on(2, 3, 1))
	b.merge("康宁社区", "和平社区", on(2, 5, 1))
	b.adjustNote("石桥社区", "与松林社区调整边界", on(2, 6, 1))

	// Last year: the bulk re-formation the speech reports.
	for _, sd := range []string{"官渡", "新华", "红旗"} {
		b.reform(sd+"街道党委", "working_committee", sd+"街道党工委", on(1, 4, 1))
	}
	for _, c := range []string{"迎宾社区", "宾南社区", "河滨社区", "东湖社区", "官渡社区", "书院社区"} {
		b.reform(居民区(c)+"党支部", "branch", c+"党支部", on(1, 4, 1))
	}
	b.create("锦绣城社区", "新华街道", on(1, 9, 1))

	// This year (dated early in January, or today if earlier).
	b.reform("西湖街道党委", "working_committee", "西湖街道党工委", on(0, 1, 2))
	b.reform(居民区("望江社区")+"党支部", "branch", "望江社区党支部", on(0, 1, 2))
	b.reform(居民区("渡口社区")+"党支部", "branch", "渡口社区党支部", on(0, 1, 2))
	b.merge("翠柳社区", "荷塘社区", on(0, 1, 5))
	b.create("滨湖新城社区", "西湖街道", on(0, 1, 6))
	b.org("滨湖新城社区", "branch", "滨湖新城社区党支部", on(0, 1, 6))
	b.create("阳光里社区", "南山街道", on(0, 1, 8))
	if err := loadPeople(ctx, b, keys, on); err != nil {
		return err
	}
	if err := loadPremises(ctx, b, on); err != nil {
		return err
	}
	if err := loadCobuilding(ctx, b, on); err != nil {
		return err
	}
	if err := loadServices(ctx, b, keys, on); err != nil {
		return err
	}
	if err := loadPetitions(ctx, b, keys); err != nil {
		return err
	}
	// The counts were left to this one recount (b.ctx defers them).
	return s.DB.Tx(flushCtx, func(q db.Q) error { _, err := tally.Flush(flushCtx, q); return err })
}

// 居民区 turns "迎宾社区" into "迎宾居民区", the name of a residents' branch
// before the re-formation.
func 居民区(community string) string {
	const suffix = "社区"
	if len(community) > len(suffix) && community[len(community)-len(suffix):] == suffix {
		return community[:len(community)-len(suffix)] + "居民区"
	}
	return community
}

// builder records the first error and skips the rest, so Load reads as a
// story rather than a ladder of error checks.
type builder struct {
	ctx context.Context
	s   *area.Store
	ids map[string]int64 // area and org names → id
	err error
}

func (b *builder) create(name, parent string, on date.Date) {
	if b.err != nil {
		return
	}
	level := area.District
	if parent != "" {
		p, err := b.s.Get(b.ctx, b.ids[parent])
		if err != nil {
			b.err = err
			return
		}
		level = p.Level.ChildLevel()
	}
	b.ids[name], b.err = b.s.Create(b.ctx, area.CreateInput{ParentID: b.ids[parent], Level: level, Name: name, On: on})
	b.wrap("create " + name)
}

func (b *builder) org(areaName, kind, name string, on date.Date) {
	if b.err != nil {
		return
	}
	b.ids[name], b.err = b.s.CreateOrg(b.ctx, area.OrgInput{AreaID: b.ids[areaName], Kind: area.OrgKind(kind), Name: name, On: on})
	b.wrap("org " + name)
}

func (b *builder) merge(name, into string, on date.Date) {
	if b.err != nil {
		return
	}
	b.err = b.s.Merge(b.ctx, area.MergeInput{AreaID: b.ids[name], TargetID: b.ids[into], On: on})
	b.wrap("merge " + name)
}

func (b *builder) split(name string, into []string, on date.Date) {
	if b.err != nil {
		return
	}
	ids, err := b.s.Split(b.ctx, area.SplitInput{AreaID: b.ids[name], Names: into, On: on})
	b.err = err
	for i, id := range ids {
		b.ids[into[i]] = id
	}
	b.wrap("split " + name)
}

func (b *builder) adjust(name, newParent string, on date.Date) {
	if b.err != nil {
		return
	}
	b.err = b.s.Adjust(b.ctx, area.AdjustInput{AreaID: b.ids[name], NewParentID: b.ids[newParent], On: on, Note: "调整隶属街道"})
	b.wrap("adjust " + name)
}

func (b *builder) adjustNote(name, note string, on date.Date) {
	if b.err != nil {
		return
	}
	b.err = b.s.Adjust(b.ctx, area.AdjustInput{AreaID: b.ids[name], On: on, Note: note})
	b.wrap("adjust " + name)
}

func (b *builder) rename(name, to string, on date.Date) {
	if b.err != nil {
		return
	}
	b.err = b.s.Rename(b.ctx, area.RenameInput{AreaID: b.ids[name], Name: to, On: on})
	b.ids[to] = b.ids[name]
	b.wrap("rename " + name)
}

func (b *builder) reform(org, kind, name string, on date.Date) {
	if b.err != nil {
		return
	}
	b.ids[name], b.err = b.s.Reform(b.ctx, area.ReformInput{OrgID: b.ids[org], Kind: area.OrgKind(kind), Name: name, On: on})
	b.wrap("reform " + org)
}

func (b *builder) wrap(what string) {
	if b.err != nil {
		b.err = fmt.Errorf("demo: %s: %w", what, b.err)
	}
}
