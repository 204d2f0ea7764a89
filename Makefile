# The two commands a newcomer needs are `make run` and `make test`; see README.md.
.PHONY: run test build bench fuzz fmt lint deps clean

LISTEN ?= 127.0.0.1:8080
# Seconds each fuzzing target runs for in `make fuzz` (fuzz/README.md).
FUZZ_SECONDS ?= 120

deps:
	@scripts/install-deps

build: deps
	@cmake --preset release >/dev/null
	@cmake --build build/release
	@install -m 0755 build/release/server/minqing build/minqing
	@install -m 0755 build/release/server/minqing-demo build/minqing-demo
	@echo "built build/minqing (and build/minqing-demo, which can also generate demo cases)"
	@scripts/web build

run: build
	@scripts/run-demo $(LISTEN)

test:
	@scripts/test

bench: deps
	@scripts/bench

fuzz: deps
	@FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz

fmt: deps
	@scripts/format

lint: deps
	@tools/check_layering.sh
	@scripts/format --check
	@cmake --preset asan >/dev/null
	@clang-tidy -p build/asan --quiet $$(git ls-files 'server/src/*.cpp') 2>&1 | grep -v '^[0-9]* warnings generated' || true

clean:
	rm -rf build
