"""Checks that pyquiz reads a "Notes in Plain Text" file that Anki's own
backend has just exported (tests/anki/export_notes.py) card for card as it
reads the copy kept for `cargo test` (tests/fixtures/decks/anki/notes.txt).
The GUIDs Anki chooses differ from run to run; nothing else may.

usage: check_text_import.py PYQUIZ FRESH.txt KEPT.txt
"""

import json
import os
import subprocess
import sys
import tempfile

FIELDS = ("question", "answer", "section", "tags", "has_code")


def cards(pyquiz: str, path: str) -> list:
    with tempfile.TemporaryDirectory() as data:
        out = subprocess.run(
            [pyquiz, "list", "--no-merge", "--json", "--no-default-content", "--content", path],
            env={**os.environ, "PYQUIZ_DATA_DIR": data},
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    return [{k: r[k] for k in FIELDS} for r in json.loads(out)]


def main() -> None:
    pyquiz, fresh, kept = sys.argv[1:4]
    a, b = cards(pyquiz, fresh), cards(pyquiz, kept)
    if len(a) < 9:
        print(f"anki text import check: FAILED: {len(a)} cards from Anki's export", file=sys.stderr)
        sys.exit(1)
    if a != b:
        for x, y in zip(a, b):
            if x != y:
                print(f"anki text import check: FAILED: {x!r} != {y!r}", file=sys.stderr)
                break
        else:
            print(f"anki text import check: FAILED: {len(a)} cards, {len(b)} kept", file=sys.stderr)
        sys.exit(1)
    print(f"anki text import check: {len(a)} cards from Anki's own export, as kept")


if __name__ == "__main__":
    main()
