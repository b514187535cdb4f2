package audit

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash"
)

// GenesisHash is the prev_hash of the first entry.
const GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000"

// hashVersion starts every hashed message, so a future change of the
// encoding cannot be confused with this one.
const hashVersion = "dangjian-audit-v1"

// hashRecord returns the hex SHA-256 of r's canonical encoding: the version
// tag and then, in this fixed order, seq, at_ms, account_id, username, role,
// ip, request_id, via, action, target_type, target_id, outcome, before JSON,
// after JSON, detail and prev_hash. Integers are 8 bytes big-endian (two's
// complement); every string is its byte length as 8 bytes big-endian followed
// by its bytes. Because every field has a fixed type and position and every
// string its length, no two different records encode alike (plain
// concatenation would let "ab"+"c" pass for "a"+"bc"). r.Hash is not part of it.
func hashRecord(r *Record) string {
	e := encoder{h: sha256.New()}
	e.str(hashVersion)
	e.int(r.Seq)
	e.int(r.At.UnixMilli())
	e.int(r.Actor.AccountID)
	e.str(r.Actor.Username)
	e.str(r.Actor.Role)
	e.str(r.Actor.IP)
	e.str(r.Actor.RequestID)
	e.str(r.Actor.Via)
	e.str(r.Action)
	e.str(r.TargetType)
	e.str(r.TargetID)
	e.str(r.Outcome)
	e.str(r.Before)
	e.str(r.After)
	e.str(r.Detail)
	e.str(r.PrevHash)
	return hex.EncodeToString(e.h.Sum(e.buf[:0]))
}

type encoder struct {
	h   hash.Hash
	buf [sha256.Size]byte
}

func (e *encoder) int(v int64) {
	binary.BigEndian.PutUint64(e.buf[:8], uint64(v))
	e.h.Write(e.buf[:8])
}

func (e *encoder) str(s string) {
	e.int(int64(len(s)))
	e.h.Write([]byte(s))
}
