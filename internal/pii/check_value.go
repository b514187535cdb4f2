package pii

// CheckValue is the key check value that Init stores in the database
// ("v1:" + hex of a one-way HKDF output of the key). It reveals nothing of
// the key; a backup's manifest carries it so that a restore can refuse the
// wrong key before it writes anything.
func (k *Keyring) CheckValue() string { return k.check }
