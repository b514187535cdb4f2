package pii

import (
	"testing"

	"dangjian/internal/audit"
)

func TestPlainInJSON(t *testing.T) {
	cases := []struct{ in, found, masked string }{
		{`{"id_number":"110105199001011234"}`, `"110105199001011234"`, `{"id_number":"110105********1234"}`},
		{`{"id_number":"11010519900101123X"}`, `"11010519900101123X"`, `{"id_number":"110105********123X"}`},
		{`{"id_number":"110105900101123"}`, `"110105900101123"`, `{"id_number":"110105*****1123"}`},
		{`{"phone":"13912345678"}`, `"13912345678"`, `{"phone":"139****5678"}`},
		{`{"phone":"+8613912345678"}`, `"+8613912345678"`, `{"phone":"+86 139****5678"}`},
		{`{"id_number":"110105********1234","phone":"139****5678"}`, "", `{"id_number":"110105********1234","phone":"139****5678"}`},
		{`{"person_id":13912345678,"name":"张三"}`, "", `{"person_id":13912345678,"name":"张三"}`},
	}
	for _, c := range cases {
		if got := audit.FindPlainNumber(c.in); got != c.found {
			t.Errorf("FindPlainNumber(%s) = %q, want %q", c.in, got, c.found)
		}
		if got := MaskPlainInJSON(c.in); got != c.masked {
			t.Errorf("MaskPlainInJSON(%s) = %s, want %s", c.in, got, c.masked)
		}
	}
}
