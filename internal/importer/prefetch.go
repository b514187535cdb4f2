package importer

import (
	"io"

	"dangjian/internal/xlsx"
)

// prefetchBatch is how many rows travel together between the goroutines.
const prefetchBatch = 256

// rowsBatch is a batch of rows, or the error that ended the stream.
type rowsBatch struct {
	rows []xlsx.Row
	err  error
}

// prefetcher parses the file in a goroutine of its own, a few batches
// ahead, so that parsing (the larger share of a member import's check
// pass) runs on one core while the rows are checked on another.
type prefetcher struct {
	ch   chan rowsBatch
	stop chan struct{}
	cur  []xlsx.Row
	err  error
}

func prefetch(rd *xlsx.Reader) *prefetcher {
	p := &prefetcher{ch: make(chan rowsBatch, 4), stop: make(chan struct{})}
	go func() {
		defer close(p.ch)
		for {
			b := rowsBatch{rows: make([]xlsx.Row, 0, prefetchBatch)}
			for len(b.rows) < prefetchBatch {
				r, err := rd.Next()
				if err != nil {
					b.err = err
					break
				}
				b.rows = append(b.rows, r)
			}
			select {
			case p.ch <- b:
			case <-p.stop:
				return
			}
			if b.err != nil {
				return
			}
		}
	}()
	return p
}

// Next returns the next row as xlsx.Reader.Next would.
func (p *prefetcher) Next() (xlsx.Row, error) {
	for len(p.cur) == 0 {
		if p.err != nil {
			return xlsx.Row{}, p.err
		}
		b, ok := <-p.ch
		if !ok {
			return xlsx.Row{}, io.EOF
		}
		p.cur, p.err = b.rows, b.err
	}
	r := p.cur[0]
	p.cur = p.cur[1:]
	return r, nil
}

// Close stops the parsing goroutine and waits for it, so that the reader
// is no longer in use when Close returns.
func (p *prefetcher) Close() {
	close(p.stop)
	for range p.ch {
	}
}
