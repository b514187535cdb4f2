package services

import (
	"context"
	"fmt"

	"dangjian/internal/db"
	"dangjian/internal/fault"
	"dangjian/internal/i18n"
)

// RecordsRefused is the refusal of a batch of service records: the first
// wrong record's position (from 0) and its refusal.
type RecordsRefused struct {
	Index int
	Err   error
}

func (e *RecordsRefused) Error() string {
	return fmt.Sprintf("services: record %d: %v", e.Index, e.Err)
}

// Unwrap is the record's refusal, for errors.Is and errors.As.
func (e *RecordsRefused) Unwrap() error { return e.Err }

// CreateRecords records many services at once, in one transaction: every
// record is checked as CreateRecord checks one, and when one is refused
// nothing is written (the error is a *RecordsRefused). The audit trail
// keeps one entry for the batch. It is how months of records are brought
// in (the demo district; an import).
func (s *Store) CreateRecords(ctx context.Context, ins []RecordInput) (int, error) {
	err := s.DB.Tx(ctx, func(q db.Q) error {
		outlets := map[int64]Outlet{}
		for i, in := range ins {
			in, err := s.checkRecord(ctx, q, in, outlets)
			if err == nil {
				// A cell recorded already (or twice in the batch) breaks
				// the cell's unique index.
				if _, err = insertRecord(ctx, q, in); db.IsUniqueViolation(err) {
					err = &i18n.Error{Field: "on_date", Key: "err.service_record_cell_taken", Err: fault.Conflict}
				}
			}
			if err != nil {
				return &RecordsRefused{Index: i, Err: err}
			}
		}
		return record(ctx, q, "service_record.batch", "service_record", 0, map[string]any{"records": len(ins)})
	})
	if err != nil {
		return 0, err
	}
	return len(ins), nil
}
