package premises

import (
	"context"
	"fmt"

	"dangjian/internal/date"
)

// ProjectView is what a building project's page shows: its steps as a
// timeline, its funding rows and the shares of each source in the total,
// the fees waived and the premises it opened.
type ProjectView struct {
	Project
	AreaName string         `json:"area_name"`
	Timeline []TimelineStep `json:"timeline"`
	Funding  []FundingRow   `json:"funding"`
	Shares   []Share        `json:"shares"`
	Waivers  []Waiver       `json:"waivers"`
	Waived   int64          `json:"waived"`
	Premises []Premises     `json:"premises"`
}

// TimelineStep is every step in order, reached (with its day) or not yet.
type TimelineStep struct {
	Step    Step      `json:"step"`
	Reached bool      `json:"reached"`
	On      date.Date `json:"on,omitzero"`
	Note    string    `json:"note,omitempty"`
}

// FundingRow is a stored funding row of a project.
type FundingRow struct {
	ID         int64     `json:"id"`
	Source     Source    `json:"source"`
	Amount     int64     `json:"amount"`
	ReceivedOn date.Date `json:"received_on"`
	Note       string    `json:"note,omitempty"`
}

// Share is a source's money and its share of the total, in per cent with
// one decimal.
type Share struct {
	Source  Source  `json:"source"`
	Amount  int64   `json:"amount"`
	Percent float64 `json:"percent"`
}

// Waiver is a stored fee waiver.
type Waiver struct {
	ID       int64     `json:"id"`
	Amount   int64     `json:"amount"`
	WaivedBy string    `json:"waived_by"`
	On       date.Date `json:"on"`
}

// ProjectView reads project id's page, refusing one outside the scope.
func (s *Store) ProjectView(ctx context.Context, id int64) (ProjectView, error) {
	q := s.DB.Reader()
	p, err := s.loadProject(ctx, q, id)
	if err != nil {
		return ProjectView{}, err
	}
	v := ProjectView{Project: p}
	a, err := s.Areas.Get(ctx, p.AreaID)
	if err != nil {
		return v, err
	}
	v.AreaName = a.Name
	reached := map[Step]StepReached{}
	for _, r := range p.Steps {
		reached[r.Step] = r
	}
	for _, st := range Steps {
		r, ok := reached[st]
		v.Timeline = append(v.Timeline, TimelineStep{Step: st, Reached: ok, On: r.On, Note: r.Note})
	}
	rows, err := q.QueryContext(ctx, "SELECT id, source, amount, received_on, note FROM project_funding WHERE project_id = ? ORDER BY received_on, id", id)
	if err != nil {
		return v, fmt.Errorf("premises: project funding: %w", err)
	}
	bySource := map[Source]int64{}
	for rows.Next() {
		var f FundingRow
		if err := rows.Scan(&f.ID, &f.Source, &f.Amount, &f.ReceivedOn, &f.Note); err != nil {
			rows.Close()
			return v, err
		}
		v.Funding = append(v.Funding, f)
		bySource[f.Source] += f.Amount
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return v, err
	}
	for _, src := range Sources {
		if amt := bySource[src]; amt > 0 {
			v.Shares = append(v.Shares, Share{Source: src, Amount: amt, Percent: float64(amt*1000/p.Funded) / 10})
		}
	}
	ws, err := q.QueryContext(ctx, "SELECT id, amount, waived_by, on_date FROM project_waiver WHERE project_id = ? ORDER BY on_date, id", id)
	if err != nil {
		return v, fmt.Errorf("premises: project waivers: %w", err)
	}
	for ws.Next() {
		var w Waiver
		if err := ws.Scan(&w.ID, &w.Amount, &w.WaivedBy, &w.On); err != nil {
			ws.Close()
			return v, err
		}
		v.Waivers = append(v.Waivers, w)
		v.Waived += w.Amount
	}
	ws.Close()
	if err := ws.Err(); err != nil {
		return v, err
	}
	ps, err := q.QueryContext(ctx, "SELECT "+premisesCols+" FROM premises WHERE project_id = ? ORDER BY from_on, id", id)
	if err != nil {
		return v, fmt.Errorf("premises: project premises: %w", err)
	}
	defer ps.Close()
	for ps.Next() {
		x, err := scanPremises(ps)
		if err != nil {
			return v, err
		}
		v.Premises = append(v.Premises, x)
	}
	return v, ps.Err()
}
