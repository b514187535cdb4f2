package coordination

import (
	"context"

	"dangjian/internal/date"
)

// ConferenceNames names the conferences of the caller's scope by id, for
// the campaign pages (a campaign led by a conference outside the scope
// shows no name).
func (s *Store) ConferenceNames(ctx context.Context) (map[int64]string, error) {
	rows, err := s.Conferences(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]string, len(rows))
	for _, c := range rows {
		out[c.ID] = c.Name
	}
	return out, nil
}

// Active reports whether the campaign runs on d.
func (c CampaignRow) Active(d date.Date) bool { return date.InSpan(c.StartedOn, c.EndedOn, d) }
