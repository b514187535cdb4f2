package tally

import (
	"slices"
	"testing"
)

func TestEncodeIDs(t *testing.T) {
	for _, tc := range []struct {
		in, want []int64
	}{
		{nil, nil},
		{[]int64{7}, []int64{7}},
		{[]int64{300, 5, 300, 70000, 6}, []int64{5, 6, 300, 70000}},
		{[]int64{1 << 40, 1}, []int64{1, 1 << 40}},
	} {
		var got []int64
		if err := DecodeIDs(EncodeIDs(tc.in), func(id int64) { got = append(got, id) }); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%v: decoded %v, want %v", tc.in, got, tc.want)
		}
	}
	if err := DecodeIDs([]byte{0x80}, func(int64) {}); err == nil {
		t.Error("a cut varint decoded without an error")
	}
}
