package premises

import (
	"context"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
)

// RoomKind is what a room is for.
type RoomKind string

// RoomKinds are the kinds of room, the seed's four first: 党员活动室, 电教室,
// 健身室, 图书馆; then meeting rooms, service halls and others.
var RoomKinds = []RoomKind{"party_activity", "e_learning", "fitness", "library", "meeting", "service_hall", "other"}

// RoomInput is a room in premises from a date; FloorArea is in 0.01 m².
type RoomInput struct {
	PremisesID int64     `json:"premises_id"`
	Kind       RoomKind  `json:"kind"`
	FloorArea  int64     `json:"floor_area"`
	FromOn     date.Date `json:"from_on"`
	ToOn       date.Date `json:"to_on"`
}

// AddRoom records a room: no larger than its premises and within their
// dates.
func (s *Store) AddRoom(ctx context.Context, in RoomInput) (int64, error) {
	var id int64
	err := s.DB.Tx(ctx, func(q db.Q) (err error) {
		id, err = s.addRoom(ctx, q, in)
		return err
	})
	return id, err
}

// addRoom checks and writes a room inside the caller's transaction (the
// survey import writes many in one).
func (s *Store) addRoom(ctx context.Context, q db.Q, in RoomInput) (int64, error) {
	if !validRoomKind(in.Kind) {
		return 0, i18n.Errf("kind", "err.room_kind_invalid")
	}
	if err := positive("floor_area", in.FloorArea); err != nil {
		return 0, err
	}
	if err := s.checkDate("from_on", in.FromOn); err != nil {
		return 0, err
	}
	if err := checkEnd("to_on", in.FromOn, in.ToOn); err != nil {
		return 0, err
	}
	p, err := s.loadPremises(ctx, q, in.PremisesID)
	if err != nil {
		return 0, err
	}
	if in.FloorArea > p.FloorArea {
		return 0, i18n.Errf("floor_area", "err.room_larger_than_premises", SquareMetres(p.FloorArea))
	}
	if in.FromOn.Before(p.FromOn) || !p.ToOn.IsZero() && (!in.FromOn.Before(p.ToOn) || in.ToOn.IsZero() || in.ToOn.After(p.ToOn)) {
		return 0, i18n.Errf("from_on", "err.room_outside_premises", p.FromOn.String(), openEnd(p.ToOn))
	}
	var id int64
	if err := q.QueryRowContext(ctx, "INSERT INTO room (premises_id, kind, floor_area, from_on, to_on) VALUES (?, ?, ?, ?, ?) RETURNING id",
		in.PremisesID, in.Kind, in.FloorArea, in.FromOn, in.ToOn).Scan(&id); err != nil {
		return 0, err
	}
	return id, record(ctx, q, "room.add", "room", id, in)
}

func validRoomKind(k RoomKind) bool {
	for _, x := range RoomKinds {
		if x == k {
			return true
		}
	}
	return false
}

// openEnd is an end date as a message shows it: "—" when open.
func openEnd(d date.Date) string {
	if d.IsZero() {
		return "—"
	}
	return d.String()
}
