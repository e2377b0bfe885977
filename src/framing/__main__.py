"""``python -m framing`` runs the command line, for environments where the ``framing`` script is not on PATH
(a notebook's kernel, a venv that was not activated)."""

from .cli import main

if __name__ == "__main__":
    main(prog_name="framing")
