package pii

// Golden values for testKey(1), column "person.id_number", plaintext
// "110105199001011234"; see TestGoldenValues. They were checked against an
// independent implementation (Python hmac/hashlib HKDF per RFC 5869 and
// cryptography's AESGCM) when they were written.
const (
	goldenCiphertext = "v1:sY0xuHPtk1Frzm0hHhg8ZZIhEPQ3+MPlJrYh/k1QWg5gyxE42eCC4r+z0tqjDw=="
	goldenHash       = "90586611620df5fa5602d88fb8ce26bf61bcbc0f08303a572865b3ca901e7fa5"
	goldenCheck      = "v1:b2276dbbd3bd9e8e935e0b7f8f10c5221a34f46742d845fc3368288f503dcff9"
)
