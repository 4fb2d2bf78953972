# anondump: every target is a one-liner over the go tool; nothing here is
# the only way to do something.
GO      ?= go
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo devel)
LDFLAGS := -X github.com/anondump/anondump/cmd.version=$(VERSION)
FUZZTIME ?= 30s
BENCH_DUMP ?= $(CURDIR)/bench-dump.sql

.PHONY: build test bench bench-e2e memtest fuzz lint update example

## build: the anondump binary in the repository root
build:
	$(GO) build -trimpath -ldflags "$(LDFLAGS)" -o anondump .

## test: vet and every test, including the ones against the local PostgreSQL
## (PGHOST, PGPORT, PGUSER; without a server they skip, and this says so)
test:
	$(GO) vet ./...
	@skips=$$(mktemp); status=0; \
	echo "$(GO) test -count=1 ./..."; \
	ANONDUMP_E2E_SKIPPED=$$skips $(GO) test -count=1 ./... || status=$$?; \
	if [ -s $$skips ]; then cat $$skips >&2; fi; rm -f $$skips; exit $$status

## bench: microbenchmarks (MB/s, ns/value, allocs) and cat's rate on the same dump
bench:
	ANONDUMP_BENCH_DUMP=$(BENCH_DUMP) $(GO) test -run '^$$' -bench . -benchmem ./... | tee bench.txt
	@size=$$(stat -c %s $(BENCH_DUMP)); for run in 1 2 3; do \
	  t0=$$(date +%s.%N); for i in $$(seq 30); do cat $(BENCH_DUMP); done | cat > /dev/null; t1=$$(date +%s.%N); \
	  awk -v s=$$size -v a=$$t0 -v b=$$t1 'BEGIN { printf "cat through a pipe, same dump x30: %.0f MB/s\n", 30*s/(b-a)/1e6 }'; \
	done

## bench-e2e: generated dump of SIZE (default 1G): cat vs anondump, MB/s, rows/s, CPU, peak RSS (PGDUMP=1 adds pg_dump's rate)
bench-e2e:
	SIZE=$(or $(SIZE),1G) bash bench/run.sh

## memtest: stream a generated MEMTEST_SIZE (default 4G) dump, and a 150 MB value (unruled, kept, ruled, in a statement; check, scan, verify), through the binary; peak RSS must stay under 64 MB (ruled and verify: 3x the value)
memtest:
	ANONDUMP_MEMTEST=$(or $(MEMTEST_SIZE),4G) $(GO) test -count=1 -run '^TestMemory(Bound|HugeValue|HugeValueAudit)$$' -v -timeout 30m .

## fuzz: each fuzz target for FUZZTIME
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzCopyTextRoundTrip$$' -fuzztime $(FUZZTIME) ./dumpstream
	$(GO) test -run '^$$' -fuzz '^FuzzArrayRewrite$$' -fuzztime $(FUZZTIME) ./dumpstream
	$(GO) test -run '^$$' -fuzz '^FuzzRewriteIdentity$$' -fuzztime $(FUZZTIME) ./dumpstream
	$(GO) test -run '^$$' -fuzz '^FuzzRewriteRules$$' -fuzztime $(FUZZTIME) ./dumpstream
	$(GO) test -run '^$$' -fuzz '^FuzzWalk$$' -fuzztime $(FUZZTIME) ./dumpstream
	$(GO) test -run '^$$' -fuzz '^FuzzChunkedLexer$$' -fuzztime $(FUZZTIME) ./dumpstream
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./rules
	$(GO) test -run '^$$' -fuzz '^FuzzVerifyPlanted$$' -fuzztime $(FUZZTIME) ./audit
	$(GO) test -run '^$$' -fuzz '^FuzzVerifyPlantedLeaf$$' -fuzztime $(FUZZTIME) ./audit
	$(GO) test -run '^$$' -fuzz '^FuzzTemplate$$' -fuzztime $(FUZZTIME) ./rules
	$(GO) test -run '^$$' -fuzz '^FuzzJSONPaths$$' -fuzztime $(FUZZTIME) ./jsonpath
	$(GO) test -run '^$$' -fuzz '^FuzzRegexReplace$$' -fuzztime $(FUZZTIME) ./fakers
	$(GO) test -run '^$$' -fuzz '^FuzzFPEText$$' -fuzztime $(FUZZTIME) ./fakers
	$(GO) test -run '^$$' -fuzz '^FuzzDigitsRoundTrip$$' -fuzztime $(FUZZTIME) ./fpe
	$(GO) test -run '^$$' -fuzz '^FuzzIntRoundTrip$$' -fuzztime $(FUZZTIME) ./fpe
	$(GO) test -run '^$$' -fuzz '^FuzzTOC$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 2s ./archive
	$(GO) test -run '^$$' -fuzz '^FuzzRead$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 2s ./archive

## lint: formatting and vet
lint:
	@test -z "$$(gofmt -l .)" || { echo "gofmt would change:"; gofmt -l .; exit 1; }
	$(GO) vet ./...

## update: regenerate golden files and testscript expectations
update:
	$(GO) test ./... -run 'Golden|Bad|Script' -update
	$(GO) generate ./...

## example: anonymize the shipped example dump into safe.sql
example:
	ANONDUMP_KEY=$${ANONDUMP_KEY:-example-key-change-me} $(GO) run . -c examples/anon.yaml -o safe.sql examples/dump.sql
