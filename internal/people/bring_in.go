package people

import (
	"context"
	"strconv"

	"dangjian/internal/audit"
	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/fault"
	"dangjian/internal/i18n"
	"dangjian/internal/pii"
)

// Typed ID numbers and the scope (docs/security.md, "Typed ID numbers").
//
// A scoped user who types the ID number of a new member, a new post holder
// or a new person in an election must learn nothing about people recorded
// outside their subtree. So a write that would record a new person with a
// number already on record outside the scope does not refuse
// (err.id_number_taken would say "this person exists"): it brings the
// recorded person into the scope, as the new membership or post makes
// them, and leaves their stored details as they are. The one answer that
// must differ is a membership for someone who holds an open membership
// elsewhere (one person, one open membership): it is refused without
// naming anything (err.id_number_not_enrollable). Each such lookup is
// counted against the account's limit and audited like FindByIDNumber.

// personFor returns the person a write means by r: a new one, or for a
// scoped caller the one already recorded with r's ID number (outside true
// when that person was not visible in the scope). An unscoped caller, who
// may see everyone, is told that the number is taken.
func (s *Store) personFor(ctx context.Context, q db.Q, r personRow) (id int64, outside bool, err error) {
	sc := s.scope(ctx)
	if sc == 0 || r.idNumber == "" {
		id, err = s.insertPerson(ctx, q, r)
		return id, false, err
	}
	if ok, err := s.lookups.AllowQ(ctx, q, audit.ActorFrom(ctx).Username); err != nil {
		return 0, false, err
	} else if !ok {
		return 0, false, &i18n.Error{Field: "id_number", Key: "err.id_lookup_rate", Args: []any{lookupsPerMinute}, Err: fault.Conflict}
	}
	err = q.QueryRowContext(ctx, "SELECT id FROM person WHERE id_number_hash = ?", s.Keys.Hash(ColIDNumber, r.idNumber)).Scan(&id)
	switch {
	case db.IsNotFound(err):
		id, err = s.insertPerson(ctx, q, r)
		return id, false, err
	case err != nil:
		return 0, false, err
	}
	visible, err := personVisible(ctx, q, sc, id, false)
	if err != nil {
		return 0, false, err
	}
	// The lookup joins the write's own transaction: a refused write leaves
	// no trace but its refusal, as nothing was written.
	err = audit.Append(ctx, q, audit.Entry{Action: "person.lookup", TargetType: "person", TargetID: strconv.FormatInt(id, 10),
		Detail: pii.MaskIDNumber(r.idNumber)})
	return id, !visible, err
}

// enrollable refuses a membership from on for a person brought in from
// outside the scope whose memberships elsewhere (an open one, or one that
// ended after on) leave no room for it, without saying where.
func enrollable(ctx context.Context, q db.Q, personID int64, on date.Date) error {
	err := checkMembershipOverlap(ctx, q, personID, on, 0)
	if _, refused := err.(*i18n.Error); refused {
		return i18n.Errf("id_number", "err.id_number_not_enrollable")
	}
	return err
}
