# Two commands on a fresh machine: `make report` and `make test`. Both create .venv and install the project.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
OUT ?= framing-out

.PHONY: report test install clean figures

$(BIN)/framing: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(BIN)/framing

install: $(BIN)/framing

report: install
	$(BIN)/framing analyze seeds --out $(OUT)

test: install
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) $(OUT) build src/*.egg-info

figures: install
	cd analysis && for script in [a-z]*.py; do ../$(BIN)/python $$script || exit 1; done
