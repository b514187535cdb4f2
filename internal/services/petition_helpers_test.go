package services_test

import (
	"context"
	"testing"
	"time"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/services"
	"dangjian/internal/testkit"
)

// ptDay is a date; ptAt a moment in China Standard Time ("2024-03-01 09:30").
func ptDay(s string) date.Date { return date.MustParse(s) }

func ptAt(s string) time.Time {
	t, err := services.ParsePetitionTime("at", s)
	if err != nil || t.IsZero() {
		panic("bad time " + s)
	}
	return t
}

// ptWorld is the small district (testkit) with the petition store, its
// clocks at 2025-06-30 12:00.
type ptWorld struct {
	*testkit.World
	s *services.PetitionStore
}

func newPtWorld(t *testing.T, dbh *db.DB) *ptWorld {
	t.Helper()
	w := testkit.New(t, dbh, testkit.Options{Today: ptDay("2025-06-30")})
	w.App.Petitions.Now = func() time.Time { return ptAt("2025-06-30 12:00") }
	return &ptWorld{World: w, s: w.App.Petitions}
}

func (p *ptWorld) ok(err error) {
	p.T.Helper()
	if err != nil {
		p.T.Fatal(err)
	}
}

// ptCase describes one case of a dataset and how far it went.
type ptCase struct {
	title, area string
	kind        services.PetitionType
	headcount   int // 0: not collective
	received    string
	agency      string // the department it is sent to ("" : not dispatched)
	accepted    string // when accepted ("" : not yet)
	resolved    string // the day resolved ("" : open)
	sat         services.Satisfaction
}

// receive records the case with one request and takes it as far as c
// says: dispatched on receipt, accepted, replied on acceptance, resolved,
// verified and called back on the day resolved.
func (p *ptWorld) receive(c ptCase) int64 {
	p.T.Helper()
	ctx := context.Background()
	id, err := p.s.Receive(ctx, services.PetitionReceipt{AreaID: p.ID(c.area), Title: c.title, Type: c.kind, Collective: c.headcount > 0, Headcount: c.headcount,
		ReceivedAt: ptAt(c.received), Channel: "hotline", CallerName: "张某", CallerPhone: "13800001111", Content: c.title})
	p.ok(err)
	if c.agency == "" {
		return id
	}
	p.ok(p.s.Dispatch(ctx, id, services.PetitionStep{At: ptAt(c.received), Department: c.agency}))
	if c.accepted == "" {
		return id
	}
	p.ok(p.s.Accept(ctx, id, ptAt(c.accepted)))
	p.ok(p.s.Reply(ctx, id, ptAt(c.accepted), "已答复"))
	if c.resolved == "" {
		return id
	}
	p.ok(p.s.Resolve(ctx, id, ptDay(c.resolved)))
	p.ok(p.s.Verify(ctx, id, ptDay(c.resolved)))
	if c.sat != "" {
		p.ok(p.s.CallBack(ctx, id, ptDay(c.resolved), c.sat))
	}
	return id
}
