package people_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/dbtest"
	"dangjian/internal/people"
	"dangjian/internal/tally"
)

// TestConcurrentWritesToOneBranch runs writes of both orders at once in the
// same branch: Enrol (audits the person, taking the writers' lock, before
// it inserts the membership) and Start (inserts the membership, whose
// trigger notes the branch for the counts, before it audits). Writers must
// not wait on each other's notes while holding the lock, or PostgreSQL
// would find deadlocks. Every write must succeed and the counts end clean.
func TestConcurrentWritesToOneBranch(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, dbh *db.DB) {
		w := newWorld(t, dbh)
		ctx := context.Background()
		const n = 12
		persons := make([]int64, n)
		for i := range persons {
			id, err := w.s.Create(ctx, person(fmt.Sprintf("甲%02d", i), "1970-05-06", 100+i))
			if err != nil {
				t.Fatal(err)
			}
			persons[i] = id
		}
		var wg sync.WaitGroup
		errs := make(chan error, 2*n)
		for i := range n {
			wg.Add(2)
			go func() {
				defer wg.Done()
				_, _, err := w.s.Enrol(ctx, people.EnrolInput{
					Person: person(fmt.Sprintf("乙%02d", i), "1971-05-06", 200+i),
					Membership: people.MembershipInput{OrgID: w.ids["a1.org"], Status: people.Full, Category: people.Resident,
						JoinedPartyOn: d("1995-07-01"), From: d("2024-01-01"), Reason: people.Enrolment},
				})
				errs <- err
			}()
			go func() {
				defer wg.Done()
				_, err := w.s.Start(ctx, people.MembershipInput{PersonID: persons[i], OrgID: w.ids["a1.org"], Status: people.Full,
					Category: people.Resident, JoinedPartyOn: d("1995-07-01"), From: d("2024-02-01"), Reason: people.TransferIn, FromOrgName: "外区某支部"})
				errs <- err
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Error(err)
			}
		}
		clean, err := tally.Clean(ctx, dbh.Reader())
		if err != nil || !clean {
			t.Errorf("counts clean = %v, %v", clean, err)
		}
		var members int
		if err := dbh.Reader().QueryRowContext(ctx, "SELECT members FROM tally WHERE area_id = ? ORDER BY on_date DESC LIMIT 1", w.ids["a1"]).Scan(&members); err != nil || members != 2*n {
			t.Errorf("members of 迎宾 in the counts = %d (%v), want %d", members, err, 2*n)
		}
	})
}
