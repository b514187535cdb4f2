package area

import (
	"context"

	"dangjian/internal/date"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
)

// Attached is how many records of one kind hang on an area that is to end.
type Attached struct {
	// Kind is the message key that says the count in words ("%d名党员").
	Kind string
	N    int
}

// Attachment is a kind of record that another domain attaches to an area
// or to its party organisations: people's memberships, posts, units and
// registrations. Before an area ends, the store asks each what is still
// attached; a merge moves them to the surviving area, a dissolve or split
// to the place the user chose, in the area's own transaction, so that no
// record is left active in an ended area or organisation.
type Attachment interface {
	// AttachedTo counts the records attached to area that are active on day.
	AttachedTo(ctx context.Context, q db.Q, areaID int64, on date.Date) ([]Attached, error)
	// MoveAttached moves them to the area to from day on. A refusal (no
	// organisation there to take members, say) is an *i18n.Error on the
	// field "target_id".
	MoveAttached(ctx context.Context, q db.Q, from, to int64, on date.Date) error
}

// Attach adds a kind of attached record; the application adds them once,
// where it is composed.
func (s *Store) Attach(a Attachment) { s.attachments = append(s.attachments, a) }

// AttachedTo lists what hangs on the area on day, for the forms that end
// it: the user sees what will move before confirming.
func (s *Store) AttachedTo(ctx context.Context, areaID int64, on date.Date) ([]Attached, error) {
	return s.attachedTo(ctx, s.DB.Reader(), areaID, on)
}

func (s *Store) attachedTo(ctx context.Context, q db.Q, areaID int64, on date.Date) ([]Attached, error) {
	var out []Attached
	for _, a := range s.attachments {
		list, err := a.AttachedTo(ctx, q, areaID, on)
		if err != nil {
			return nil, err
		}
		for _, x := range list {
			if x.N > 0 {
				out = append(out, x)
			}
		}
	}
	return out, nil
}

// moveAttached moves what hangs on area a to the area to on day; with to 0
// (a dissolve or split without a chosen place) it refuses while anything
// is attached, naming how much, on field, and without confirmed it refuses
// to move anything the user has not been shown.
func (s *Store) moveAttached(ctx context.Context, q db.Q, a Area, to int64, on date.Date, field string, confirmed bool) error {
	list, err := s.attachedTo(ctx, q, a.ID, on)
	if err != nil || len(list) == 0 {
		return err
	}
	if to == 0 {
		n := 0
		for _, x := range list {
			n += x.N
		}
		return i18n.Errf(field, "err.area_has_attached", a.Name, n)
	}
	if !confirmed {
		return i18n.Errf("confirm", "err.confirm_attached")
	}
	for _, at := range s.attachments {
		if err := at.MoveAttached(ctx, q, a.ID, to, on); err != nil {
			if ie, ok := err.(*i18n.Error); ok && ie.Field == "target_id" {
				ie.Field = field
			}
			return err
		}
	}
	return nil
}

// AttachedWords says what is attached in lang: "12名党员、3个驻区单位".
func AttachedWords(lang i18n.Lang, list []Attached) string {
	parts := make([]string, 0, len(list))
	for _, x := range list {
		parts = append(parts, i18n.T(lang, x.Kind, x.N))
	}
	sep := "、"
	if lang == i18n.EN {
		sep = ", "
	}
	out := ""
	for i, p := range parts {
		if i > 0 {
			out += sep
		}
		out += p
	}
	return out
}
