package pii

import "testing"

// These run once per row on imports of up to 1,000,000 members.

func BenchmarkEncryptFor(b *testing.B) {
	k := testKeyring(b, 1)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := k.EncryptFor(colID, "110105199001011234"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecryptFor(b *testing.B) {
	k := testKeyring(b, 1)
	s, _ := k.EncryptFor(colID, "110105199001011234")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := k.DecryptFor(colID, s); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkHash(b *testing.B) {
	k := testKeyring(b, 1)
	b.ReportAllocs()
	for b.Loop() {
		_ = k.Hash(colID, "11010519900101123x")
	}
}

func BenchmarkMaskIDNumber(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = MaskIDNumber("110105199001011234")
	}
}

func BenchmarkMaskPhone(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = MaskPhone("13812345678")
	}
}

func BenchmarkEncryptParallel(b *testing.B) {
	k := testKeyring(b, 1)
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := k.EncryptFor(colID, "110105199001011234"); err != nil {
				b.Fatal(err)
			}
		}
	})
}
