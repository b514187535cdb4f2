package pii

import (
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
)

const (
	colID    = "person.id_number"
	colPhone = "person.phone"
)

func TestRoundTrip(t *testing.T) {
	k := testKeyring(t, 1)
	tests := []struct{ name, column, plain string }{
		{"empty", colID, ""},
		{"one byte", colID, "a"},
		{"id number", colID, "110105199001011234"},
		{"id number x", colID, "11010519900101123X"},
		{"phone", colPhone, "13812345678"},
		{"chinese", "person.address", "北京市朝阳区建国路1号 院3号楼"},
		{"nul and invalid utf-8", "", "a\x00b\xff\xfe"},
		{"long", "note", strings.Repeat("长", 10000)},
		{"no column", "", "110105199001011234"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stored, err := k.EncryptFor(tt.column, tt.plain)
			if err != nil {
				t.Fatal(err)
			}
			if tt.plain != "" && (!strings.HasPrefix(stored, "v1:") || len(tt.plain) > 4 && strings.Contains(stored, tt.plain)) {
				t.Fatalf("stored %q: want v1: prefix and no plaintext", stored)
			}
			got, err := k.DecryptFor(tt.column, stored)
			if err != nil || got != tt.plain {
				t.Fatalf("DecryptFor = %q, %v; want %q", got, err, tt.plain)
			}
		})
	}
}

func TestEncryptEmptyStaysEmpty(t *testing.T) {
	k := testKeyring(t, 1)
	if s, err := k.Encrypt(""); s != "" || err != nil {
		t.Fatalf("Encrypt(\"\") = %q, %v", s, err)
	}
	if s, err := k.DecryptFor(colID, ""); s != "" || err != nil {
		t.Fatalf("DecryptFor(\"\") = %q, %v", s, err)
	}
}

func TestStoredLayout(t *testing.T) {
	k := testKeyring(t, 1)
	plain := "110105199001011234"
	stored, _ := k.EncryptFor(colID, plain)
	raw, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(stored, "v1:"))
	if err != nil {
		t.Fatal(err)
	}
	if want := 12 + len(plain) + 16; len(raw) != want {
		t.Fatalf("nonce||ciphertext||tag is %d bytes, want %d", len(raw), want)
	}
	if len(stored) != 3+4*((len(raw)+2)/3) {
		t.Fatalf("stored length %d", len(stored))
	}
}

func TestEveryCiphertextDiffers(t *testing.T) {
	k := testKeyring(t, 1)
	const n = 2000
	seen := make(map[string]bool, n)
	nonces := make(map[string]bool, n)
	for range n {
		s, err := k.EncryptFor(colID, "110105199001011234")
		if err != nil {
			t.Fatal(err)
		}
		if seen[s] {
			t.Fatalf("ciphertext repeated: %s", s)
		}
		seen[s] = true
		raw, _ := base64.StdEncoding.DecodeString(s[3:])
		nonces[string(raw[:12])] = true
	}
	if len(nonces) != n {
		t.Fatalf("%d distinct nonces in %d encryptions", len(nonces), n)
	}
}

func TestTamperedCiphertextRefused(t *testing.T) {
	k := testKeyring(t, 1)
	stored, _ := k.EncryptFor(colID, "110105199001011234")

	t.Run("every stored character", func(t *testing.T) {
		for i := range len(stored) {
			for _, c := range []byte{'A', 'B', '/', '=', '2', ':'} {
				if stored[i] == c {
					continue
				}
				bad := stored[:i] + string(c) + stored[i+1:]
				if got, err := k.DecryptFor(colID, bad); err == nil || got != "" {
					t.Fatalf("position %d set to %q: got %q, %v", i, c, got, err)
				}
			}
		}
	})
	t.Run("every bit of nonce, ciphertext and tag", func(t *testing.T) {
		raw, _ := base64.StdEncoding.DecodeString(stored[3:])
		for i := range raw {
			for bit := range 8 {
				b := append([]byte(nil), raw...)
				b[i] ^= 1 << bit
				bad := "v1:" + base64.StdEncoding.EncodeToString(b)
				got, err := k.DecryptFor(colID, bad)
				if !errors.Is(err, ErrDecrypt) || got != "" {
					t.Fatalf("byte %d bit %d: got %q, %v", i, bit, got, err)
				}
			}
		}
	})
	t.Run("truncated and extended", func(t *testing.T) {
		raw, _ := base64.StdEncoding.DecodeString(stored[3:])
		for _, b := range [][]byte{raw[:len(raw)-1], raw[:28], raw[:27], raw[:12], append(raw[:len(raw):len(raw)], 0)} {
			bad := "v1:" + base64.StdEncoding.EncodeToString(b)
			if got, err := k.DecryptFor(colID, bad); err == nil || got != "" {
				t.Fatalf("%d bytes: got %q, %v", len(b), got, err)
			}
		}
	})
}

func TestColumnBinding(t *testing.T) {
	k := testKeyring(t, 1)
	id, _ := k.EncryptFor(colID, "110105199001011234")
	plain, _ := k.Encrypt("110105199001011234")
	tests := []struct {
		name, column, stored string
	}{
		{"id number read as phone", colPhone, id},
		{"id number read without column", "", id},
		{"column name case", "Person.id_number", id},
		{"unbound read as column", colID, plain},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := k.DecryptFor(tt.column, tt.stored)
			if !errors.Is(err, ErrDecrypt) || got != "" {
				t.Fatalf("got %q, %v; want ErrDecrypt", got, err)
			}
		})
	}
	if got, err := k.Decrypt(plain); err != nil || got != "110105199001011234" {
		t.Fatalf("Decrypt = %q, %v", got, err)
	}
}

func TestWrongKeyRefused(t *testing.T) {
	stored, _ := testKeyring(t, 1).EncryptFor(colID, "110105199001011234")
	got, err := testKeyring(t, 2).DecryptFor(colID, stored)
	if !errors.Is(err, ErrDecrypt) || got != "" {
		t.Fatalf("got %q, %v; want ErrDecrypt", got, err)
	}
}

func TestFormatErrors(t *testing.T) {
	k := testKeyring(t, 1)
	for _, s := range []string{
		"110105199001011234", // plaintext left in the column
		"v2:AAAA",
		"V1:AAAA",
		"v1:",
		"v1:!!!!",
		"v1:AAAA",                              // too short for nonce and tag
		"v1:" + strings.Repeat("A", 37) + "==", // 28 bytes, non-canonical
		" v1:AAAA",
	} {
		got, err := k.DecryptFor(colID, s)
		if !errors.Is(err, ErrFormat) || got != "" {
			t.Errorf("DecryptFor(%q) = %q, %v; want ErrFormat", s, got, err)
		}
	}
}

func TestGoldenValues(t *testing.T) {
	// Values written by this version must stay readable: a change here
	// means every database's encrypted columns are lost.
	k := testKeyring(t, 1)
	const stored = goldenCiphertext
	if got, err := k.DecryptFor(colID, stored); err != nil || got != "110105199001011234" {
		t.Fatalf("golden ciphertext: %q, %v", got, err)
	}
	if got := k.Hash(colID, "110105199001011234"); got != goldenHash {
		t.Fatalf("golden hash changed: %s", got)
	}
	if k.check != goldenCheck {
		t.Fatalf("golden key check changed: %s", k.check)
	}
}

func TestKeyringDoesNotPrintKeys(t *testing.T) {
	k := testKeyring(t, 1)
	for _, f := range []string{"%v", "%+v", "%#v", "%s"} {
		if got := fmt.Sprintf(f, k); got != "pii.Keyring(key)" {
			t.Errorf("%s printed %q", f, got)
		}
	}
}

func TestConcurrentUse(t *testing.T) {
	k := testKeyring(t, 1)
	want := k.Hash(colID, "110105199001011234")
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 200 {
				plain := fmt.Sprintf("%d-%d", g, i)
				s, err := k.EncryptFor(colID, plain)
				if err != nil {
					t.Error(err)
					return
				}
				if got, err := k.DecryptFor(colID, s); err != nil || got != plain {
					t.Errorf("got %q, %v", got, err)
					return
				}
				if h := k.Hash(colID, "110105199001011234"); h != want {
					t.Errorf("hash differs under concurrency")
					return
				}
			}
		})
	}
	wg.Wait()
}

func FuzzDecrypt(f *testing.F) {
	// The seed must be the same in every fuzzing process: the golden value.
	k := testKeyring(f, 1)
	good := goldenCiphertext
	f.Add(colID, good)
	f.Add(colPhone, good)
	f.Add(colID, good[:len(good)-4])
	f.Add(colID, "v1:")
	f.Add("", "v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")
	f.Add("", "v2:xyz")
	f.Add("", "")
	f.Fuzz(func(t *testing.T, column, stored string) {
		got, err := k.DecryptFor(column, stored)
		if err != nil && got != "" {
			t.Fatalf("error %v with plaintext %q", err, got)
		}
		if err == nil && stored != "" && (column != colID || stored != good) {
			t.Fatalf("forged value accepted: column %q stored %q -> %q", column, stored, got)
		}
	})
}
