package subset

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strconv"
	"sync"
	"testing"
)

var testHashKey = [16]byte{0: 0x5a, 7: 0x11, 15: 0xc3}

// refKey is the Go map key of the reference set: fields joined so that no
// two distinct field lists share it (length-prefixed).
func refKey(fields [][]byte) string {
	var b bytes.Buffer
	for _, f := range fields {
		fmt.Fprintf(&b, "%d:", len(f))
		b.Write(f)
	}
	return b.String()
}

// randomKey draws a key from a mix of canonical integers (positive and
// negative, small and huge), non-canonical integer texts, escaped text and
// multi-column keys, from small pools so that lookups hit and miss.
func randomKey(r *rand.Rand) [][]byte {
	switch r.IntN(8) {
	case 0:
		return [][]byte{[]byte(strconv.FormatInt(r.Int64N(2000)-1000, 10))}
	case 1:
		v := r.Int64()
		if r.IntN(2) == 0 {
			v = -v
		}
		if r.IntN(4) == 0 {
			v = []int64{-1 << 63, 1<<63 - 1, 0, -1, 1}[r.IntN(5)]
		}
		return [][]byte{[]byte(strconv.FormatInt(v, 10))}
	case 2:
		n := r.IntN(300)
		forms := []string{"0%d", "+%d", "%d.0", "-0", "00", "%d ", " %d", "0x%d", "9223372036854775808", "-9223372036854775809", "99999999999999999999", "-", ""}
		f := forms[r.IntN(len(forms))]
		if bytes.Contains([]byte(f), []byte("%d")) {
			f = fmt.Sprintf(f, n)
		}
		return [][]byte{[]byte(f)}
	case 3:
		words := []string{`abc`, `a\tb`, `x\\y`, `line\nbreak`, `caf\303\251`, `42abc`, `\N\N`, `é`, `"q"`}
		return [][]byte{[]byte(words[r.IntN(len(words))] + strconv.Itoa(r.IntN(50)))}
	case 4:
		b := make([]byte, r.IntN(1200))
		for i := range b {
			b[i] = "ab\\c"[r.IntN(4)]
		}
		return [][]byte{b}
	default:
		n := 2 + r.IntN(3)
		fields := make([][]byte, n)
		for i := range fields {
			switch r.IntN(4) {
			case 0:
				fields[i] = []byte(strconv.Itoa(r.IntN(20)))
			case 1:
				fields[i] = []byte("t" + strconv.Itoa(r.IntN(5)))
			case 2:
				fields[i] = []byte{}
			default:
				fields[i] = bytes.Repeat([]byte("z"), r.IntN(400))
			}
		}
		return fields
	}
}

func TestKeySetMatchesMap(t *testing.T) {
	for seed := uint64(1); seed <= 5; seed++ {
		r := rand.New(rand.NewPCG(seed, 99))
		s := NewKeySet(testHashKey)
		ref := map[string]bool{}
		for i := 0; i < 20000; i++ {
			k := randomKey(r)
			if r.IntN(2) == 0 {
				s.Add(k)
				ref[refKey(k)] = true
			}
			if i%1000 == 999 && seed%2 == 0 {
				s.Freeze()
			}
		}
		for i := 0; i < 40000; i++ {
			k := randomKey(r)
			if got, want := s.Contains(k), ref[refKey(k)]; got != want {
				t.Fatalf("seed %d: Contains(%q) = %v, want %v", seed, k, got, want)
			}
		}
		if got, want := s.Len(), int64(len(ref)); got != want {
			t.Fatalf("seed %d: Len() = %d, want %d", seed, got, want)
		}
	}
}

func TestKeySetCanonicalInts(t *testing.T) {
	s := NewKeySet(testHashKey)
	canon := []string{"0", "7", "-7", "42", "9223372036854775807", "-9223372036854775808", "-1"}
	other := []string{"007", "+7", "7.0", "-0", "00", "9223372036854775808", "-9223372036854775809", "abc", "4 2"}
	for _, k := range append(canon, other...) {
		s.Add([][]byte{[]byte(k)})
	}
	if got := int64(s.ints.GetCardinality()) + s.nsparse; got != int64(len(canon)) {
		t.Errorf("integer store holds %d keys, want the %d canonical integers", got, len(canon))
	}
	if s.nhash != int64(len(other)) {
		t.Errorf("hash table holds %d keys, want the %d non-canonical ones", s.nhash, len(other))
	}
	for _, k := range append(canon, other...) {
		if !s.Contains([][]byte{[]byte(k)}) {
			t.Errorf("Contains(%q) = false after Add", k)
		}
	}
	for _, k := range []string{"8", "-8", "07", "+42", "42.0", "-00", "9223372036854775806", "abd"} {
		if s.Contains([][]byte{[]byte(k)}) {
			t.Errorf("Contains(%q) = true, never added", k)
		}
	}
	// "7" and "007" are different texts, so different keys.
	only := NewKeySet(testHashKey)
	only.Add([][]byte{[]byte("007")})
	if only.Contains([][]byte{[]byte("7")}) {
		t.Error(`"7" matches a set holding only "007"`)
	}
}

// intKeys returns n canonical integer keys drawn from [base, base+span).
func intKeys(r *rand.Rand, n int, base, span int64) [][][]byte {
	keys := make([][][]byte, n)
	for i := range keys {
		keys[i] = [][]byte{[]byte(strconv.FormatInt(base+r.Int64N(span), 10))}
	}
	return keys
}

// TestKeySetIntRanges checks integer keys across the move of a range from
// its sparse array to the bitmap, in Add and in Union.
func TestKeySetIntRanges(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	// Range 0 (around -2^63) and the range around 0 become dense; others
	// stay sparse.
	var keys [][][]byte
	keys = append(keys, intKeys(r, 30000, -1<<63, 1<<20)...)
	keys = append(keys, intKeys(r, 30000, -1<<23, 1<<24)...)
	keys = append(keys, intKeys(r, 3000, 1<<40, 1<<24)...)
	keys = append(keys, intKeys(r, 3000, -1<<50, 1<<40)...)
	keys = append(keys, intKeys(r, 20000, 1<<62, 1<<62)...)
	r.Shuffle(len(keys), func(i, j int) { keys[i], keys[j] = keys[j], keys[i] })
	a, b, all := NewKeySet(testHashKey), NewKeySet(testHashKey), NewKeySet(testHashKey)
	ref := map[string]bool{}
	for i, k := range keys {
		switch i % 3 {
		case 0:
			a.Add(k)
		case 1:
			b.Add(k)
		default:
			continue
		}
		all.Add(k)
		ref[refKey(k)] = true
	}
	dense := 0
	for _, i := range all.dir {
		if i == denseRange {
			dense++
		}
	}
	if dense < 2 || all.nsparse == 0 {
		t.Fatalf("%d dense ranges and %d sparse keys: the test does not exercise both stores", dense, all.nsparse)
	}
	a.Union(b)
	for _, s := range []*KeySet{all, a} {
		for _, k := range keys {
			if got, want := s.Contains(k), ref[refKey(k)]; got != want {
				t.Fatalf("Contains(%s) = %v, want %v", k[0], got, want)
			}
		}
		if got, want := s.Len(), int64(len(ref)); got != want {
			t.Fatalf("Len() = %d, want %d", got, want)
		}
	}
}

func TestKeySetConcatenationAmbiguity(t *testing.T) {
	s := NewKeySet(testHashKey)
	s.Add([][]byte{[]byte("a"), []byte("bc")})
	for _, k := range [][][]byte{
		{[]byte("ab"), []byte("c")},
		{[]byte("abc")},
		{[]byte("abc"), []byte("")},
		{[]byte(""), []byte("abc")},
		{[]byte("a"), []byte("b"), []byte("c")},
		{[]byte("\x01a\x02bc")}, // the encoded form as one field
	} {
		if s.Contains(k) {
			t.Errorf("Contains(%q) = true, only (a, bc) was added", k)
		}
	}
	if !s.Contains([][]byte{[]byte("a"), []byte("bc")}) {
		t.Error("Contains((a, bc)) = false after Add")
	}
	// Integers inside multi-column keys are hashed with the other fields.
	s.Add([][]byte{[]byte("1"), []byte("2")})
	if s.Contains([][]byte{[]byte("1")}) || s.Contains([][]byte{[]byte("12")}) {
		t.Error("a multi-column key (1, 2) matches a one-column key")
	}
}

func TestKeySetHashKeyMatters(t *testing.T) {
	a, b := NewKeySet(testHashKey), NewKeySet([16]byte{1})
	a.Add([][]byte{[]byte("x")})
	b.Add([][]byte{[]byte("x")})
	if a.slots == nil || b.slots == nil {
		t.Fatal("text key not hashed")
	}
	ha, hb := a.hash([][]byte{[]byte("x")}), b.hash([][]byte{[]byte("x")})
	if ha == hb {
		t.Errorf("same hash %x under two hash keys", ha)
	}
}

func TestKeySetUnion(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	a, b := NewKeySet(testHashKey), NewKeySet(testHashKey)
	ref := map[string]bool{}
	var keys [][][]byte
	for i := 0; i < 30000; i++ {
		k := randomKey(r)
		keys = append(keys, k)
		switch r.IntN(3) {
		case 0:
			a.Add(k)
			ref[refKey(k)] = true
		case 1:
			b.Add(k)
			ref[refKey(k)] = true
		}
	}
	a.Union(b)
	for _, k := range keys {
		if got, want := a.Contains(k), ref[refKey(k)]; got != want {
			t.Fatalf("after Union: Contains(%q) = %v, want %v", k, got, want)
		}
	}
	if got, want := a.Len(), int64(len(ref)); got != want {
		t.Fatalf("after Union: Len() = %d, want %d", got, want)
	}
	a.Union(a)
	if got, want := a.Len(), int64(len(ref)); got != want {
		t.Fatalf("after self-Union: Len() = %d, want %d", got, want)
	}
	defer func() {
		if recover() == nil {
			t.Error("Union of sets with different hash keys did not panic")
		}
	}()
	a.Union(NewKeySet([16]byte{9}))
}

func TestKeySetZeroHash(t *testing.T) {
	s := NewKeySet(testHashKey)
	s.insert([2]uint64{0, 1})
	if s.nhash != 1 || s.slots == nil {
		t.Fatal("insert of {0,1} not stored")
	}
	// hash never returns the empty marker; the table treats {0,0} as empty.
	for i := 0; i < 1000; i++ {
		if h := s.hash([][]byte{[]byte(strconv.Itoa(i) + "x")}); h == ([2]uint64{}) {
			t.Fatal("hash returned {0, 0}")
		}
	}
}

func TestKeySetConcurrentContains(t *testing.T) {
	s := NewKeySet(testHashKey)
	r := rand.New(rand.NewPCG(3, 4))
	var keys [][][]byte
	for i := 0; i < 5000; i++ {
		k := randomKey(r)
		keys = append(keys, k)
		if i%2 == 0 {
			s.Add(k)
		}
	}
	s.Freeze()
	want := make([]bool, len(keys))
	for i, k := range keys {
		want[i] = s.Contains(k)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 16)
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for round := 0; round < 3; round++ {
				for i := range keys {
					j := (i*7 + g*131) % len(keys)
					if s.Contains(keys[j]) != want[j] {
						errs <- fmt.Sprintf("goroutine %d: Contains(%q) changed", g, keys[j])
						return
					}
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestKeySetContainsAllocs(t *testing.T) {
	s := NewKeySet(testHashKey)
	long := [][]byte{bytes.Repeat([]byte("q"), 5000), []byte("x")}
	keys := [][][]byte{{[]byte("12345")}, {[]byte("-3")}, {[]byte("abc")}, {[]byte("a"), []byte("b")}, long}
	for _, k := range keys {
		s.Add(k)
	}
	for _, k := range keys {
		if n := testing.AllocsPerRun(100, func() { s.Contains(k) }); n != 0 {
			t.Errorf("Contains(%.20q...) allocates %.1f times per call", k, n)
		}
	}
	f := [][]byte{nil}
	buf := make([]byte, 0, 32)
	i := 0
	if n := testing.AllocsPerRun(1000, func() {
		buf = strconv.AppendInt(buf[:0], int64(i%50000), 10)
		f[0] = buf
		s.Add(f)
		i++
	}); n > 0.05 {
		t.Errorf("Add of integer keys allocates %.2f times per call in the steady state", n)
	}
}

// heapInuse returns the live heap after a full collection.
func heapInuse() int64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapInuse)
}

const memLimit = 64 << 20

func TestKeySetMemoryDenseInts(t *testing.T) {
	if testing.Short() {
		t.Skip("adds 10 million keys")
	}
	before := heapInuse()
	s := NewKeySet(testHashKey)
	f := [][]byte{nil}
	buf := make([]byte, 0, 32)
	for i := int64(1); i <= 10_000_000; i++ {
		buf = strconv.AppendInt(buf[:0], i, 10)
		f[0] = buf
		s.Add(f)
	}
	unfrozen := s.Bytes()
	s.Freeze()
	grown := heapInuse() - before
	t.Logf("10M dense integer keys: Bytes() %d before Freeze, %d after; HeapInuse growth %d", unfrozen, s.Bytes(), grown)
	if s.Len() != 10_000_000 {
		t.Fatalf("Len() = %d, want 10000000", s.Len())
	}
	if unfrozen > memLimit || s.Bytes() > memLimit || grown > memLimit {
		t.Errorf("10M dense integer keys use more than %d bytes", memLimit)
	}
	runtime.KeepAlive(s)
}

func TestKeySetMemorySparseInts(t *testing.T) {
	if testing.Short() {
		t.Skip("adds 10 million keys")
	}
	r := rand.New(rand.NewPCG(21, 22))
	before := heapInuse()
	s := NewKeySet(testHashKey)
	f := [][]byte{nil}
	buf := make([]byte, 0, 32)
	for i := 0; i < 10_000_000; i++ {
		buf = strconv.AppendUint(buf[:0], r.Uint64N(1<<40), 10)
		f[0] = buf
		s.Add(f)
	}
	s.Freeze()
	grown := heapInuse() - before
	t.Logf("10M random integer keys in [0, 2^40): Len() %d, Bytes() %d, HeapInuse growth %d (%.2f bytes/key)", s.Len(), s.Bytes(), grown, float64(grown)/float64(s.Len()))
	if s.Len() < 9_990_000 {
		t.Fatalf("Len() = %d, want about 10 million (few duplicates)", s.Len())
	}
	if s.Bytes() > memLimit || grown > memLimit {
		t.Errorf("10M sparse integer keys use more than %d bytes", memLimit)
	}
	runtime.KeepAlive(s)
}

func TestKeySetMemoryHashed(t *testing.T) {
	if testing.Short() {
		t.Skip("adds 1 million keys")
	}
	before := heapInuse()
	s := NewKeySet(testHashKey)
	f := [][]byte{nil}
	buf := make([]byte, 0, 32)
	for i := 0; i < 1_000_000; i++ {
		buf = append(strconv.AppendInt(buf[:0], int64(i), 10), "-x"...)
		f[0] = buf
		s.Add(f)
	}
	grown := heapInuse() - before
	t.Logf("1M hashed keys: Bytes() %d, HeapInuse growth %d (%.1f bytes/key)", s.Bytes(), grown, float64(grown)/1e6)
	// 1M keys at load <= 0.75 need 2^21 slots of 16 bytes.
	if want := int64(1<<21*16) + int64(s.ints.GetSizeInBytes()); s.Bytes() != want {
		t.Errorf("Bytes() = %d, want %d (2^21 slots and the empty bitmap)", s.Bytes(), want)
	}
	if grown > 40<<20 {
		t.Errorf("1M hashed keys grow the heap by %d bytes, more than 40 MiB", grown)
	}
	runtime.KeepAlive(s)
}

func benchKeys(n int, text bool) [][][]byte {
	r := rand.New(rand.NewPCG(5, 6))
	keys := make([][][]byte, n)
	for i := range keys {
		v := r.Int64N(1 << 30)
		if text {
			keys[i] = [][]byte{[]byte("user-" + strconv.FormatInt(v, 10))}
		} else {
			keys[i] = [][]byte{[]byte(strconv.FormatInt(v, 10))}
		}
	}
	return keys
}

func benchContains(b *testing.B, text bool) {
	keys := benchKeys(1<<16, text)
	s := NewKeySet(testHashKey)
	for i := 0; i < len(keys); i += 2 {
		s.Add(keys[i])
	}
	s.Freeze()
	b.ReportAllocs()
	b.ResetTimer()
	hits := 0
	for i := 0; i < b.N; i++ {
		if s.Contains(keys[i&(len(keys)-1)]) {
			hits++
		}
	}
	if hits == 0 && b.N > 2 {
		b.Fatal("no hits")
	}
}

func BenchmarkKeySetContainsInt(b *testing.B)  { benchContains(b, false) }
func BenchmarkKeySetContainsText(b *testing.B) { benchContains(b, true) }

func benchAdd(b *testing.B, text bool) {
	keys := benchKeys(1<<20, text)
	b.ReportAllocs()
	b.ResetTimer()
	s := NewKeySet(testHashKey)
	for i := 0; i < b.N; i++ {
		if i&(len(keys)-1) == 0 && i > 0 {
			s = NewKeySet(testHashKey)
		}
		s.Add(keys[i&(len(keys)-1)])
	}
}

func BenchmarkKeySetAddInt(b *testing.B)  { benchAdd(b, false) }
func BenchmarkKeySetAddText(b *testing.B) { benchAdd(b, true) }
