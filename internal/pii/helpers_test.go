package pii

import "testing"

// testKey returns a distinct, fixed 32-byte master key for each seed.
func testKey(seed byte) []byte {
	k := make([]byte, KeySize)
	for i := range k {
		k[i] = seed + byte(i)*7
	}
	return k
}

func testKeyring(t testing.TB, seed byte) *Keyring {
	t.Helper()
	k, err := New(testKey(seed))
	if err != nil {
		t.Fatal(err)
	}
	return k
}
