package memo

import (
	"context"
	"errors"
	"testing"
)

func TestDo(t *testing.T) {
	calls := 0
	fn := func() (int, error) { calls++; return calls, nil }
	bare := context.Background()
	if a, _ := Do(bare, "k", fn); a != 1 {
		t.Fatal(a)
	}
	if a, _ := Do(bare, "k", fn); a != 2 {
		t.Errorf("without a memo Do computed %d, want afresh (2)", a)
	}
	ctx := With(bare)
	if a, _ := Do(ctx, "k", fn); a != 3 {
		t.Fatal(a)
	}
	if a, _ := Do(ctx, "k", fn); a != 3 {
		t.Errorf("the memo gave %d, want the kept 3", a)
	}
	if With(ctx) != ctx {
		t.Error("With on a memoising context made another memo")
	}
	Put(ctx, "p", 7)
	if a, _ := Do(ctx, "p", fn); a != 7 {
		t.Errorf("Put then Do gave %d, want 7", a)
	}
	bad := errors.New("bad")
	if _, err := Do(ctx, "e", func() (int, error) { return 0, bad }); err != bad {
		t.Fatal(err)
	}
	if a, err := Do(ctx, "e", fn); err != nil || a != 4 {
		t.Errorf("an error was kept: %d %v", a, err)
	}
}
