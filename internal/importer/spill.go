package importer

import (
	"bufio"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"io"
	"os"
)

// spill keeps the rows of the check pass for the write pass in a temporary
// file, so that the file is parsed once and no row stays in memory. Rows
// are written in chunks sealed with AES-256-GCM under a key that exists
// only in this process's memory: the names and numbers in the temporary
// file are unreadable to anyone else, even if it outlived the process.
type spill struct {
	f     *os.File
	aead  cipher.AEAD
	seq   uint64
	buf   []byte // plain chunk being filled
	rows  int
	w     *bufio.Writer
	r     *bufio.Reader
	chunk []byte // plain chunk being read
}

const spillChunk = 256 << 10

func newSpill() (*spill, error) {
	f, err := os.CreateTemp("", "dangjian-import-*.spill")
	if err != nil {
		return nil, fmt.Errorf("importer: spill: %w", err)
	}
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		f.Close()
		return nil, err
	}
	block, _ := aes.NewCipher(key)
	aead, _ := cipher.NewGCM(block)
	return &spill{f: f, aead: aead, w: bufio.NewWriterSize(f, 256<<10)}, nil
}

// write appends one row: its line and values.
func (s *spill) write(line int, values []string) error {
	s.buf = binary.AppendUvarint(s.buf, uint64(line))
	s.buf = binary.AppendUvarint(s.buf, uint64(len(values)))
	for _, v := range values {
		s.buf = binary.AppendUvarint(s.buf, uint64(len(v)))
		s.buf = append(s.buf, v...)
	}
	s.rows++
	if len(s.buf) >= spillChunk {
		return s.seal()
	}
	return nil
}

func (s *spill) nonce() []byte {
	n := make([]byte, s.aead.NonceSize())
	binary.BigEndian.PutUint64(n[len(n)-8:], s.seq)
	s.seq++
	return n
}

// seal encrypts the pending chunk to the file, length first.
func (s *spill) seal() error {
	if len(s.buf) == 0 {
		return nil
	}
	out := s.aead.Seal(nil, s.nonce(), s.buf, nil)
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(out)))
	if _, err := s.w.Write(n[:]); err != nil {
		return fmt.Errorf("importer: spill: %w", err)
	}
	if _, err := s.w.Write(out); err != nil {
		return fmt.Errorf("importer: spill: %w", err)
	}
	s.buf = s.buf[:0]
	return nil
}

// rewind finishes writing and starts reading from the first row.
func (s *spill) rewind() error {
	if err := s.seal(); err != nil {
		return err
	}
	if err := s.w.Flush(); err != nil {
		return fmt.Errorf("importer: spill: %w", err)
	}
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("importer: spill: %w", err)
	}
	s.seq = 0
	s.r = bufio.NewReaderSize(s.f, 256<<10)
	return nil
}

// read returns the next row, io.EOF after the last.
func (s *spill) read() (int, []string, error) {
	if len(s.chunk) == 0 {
		var n [4]byte
		if _, err := io.ReadFull(s.r, n[:]); err != nil {
			if err == io.EOF {
				return 0, nil, io.EOF
			}
			return 0, nil, fmt.Errorf("importer: spill: %w", err)
		}
		sealed := make([]byte, binary.BigEndian.Uint32(n[:]))
		if _, err := io.ReadFull(s.r, sealed); err != nil {
			return 0, nil, fmt.Errorf("importer: spill: %w", err)
		}
		plain, err := s.aead.Open(sealed[:0], s.nonce(), sealed, nil)
		if err != nil {
			return 0, nil, fmt.Errorf("importer: spill: %w", err)
		}
		s.chunk = plain
	}
	next := func() uint64 {
		v, k := binary.Uvarint(s.chunk)
		s.chunk = s.chunk[k:]
		return v
	}
	line := int(next())
	values := make([]string, next())
	for i := range values {
		n := next()
		values[i] = string(s.chunk[:n])
		s.chunk = s.chunk[n:]
	}
	return line, values, nil
}

func (s *spill) close() {
	s.f.Close()
	os.Remove(s.f.Name())
}
