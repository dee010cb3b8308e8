"""Imports a `pyquiz export --format anki` file into Anki's own backend
(PyPI package `anki`, headless) and checks what Anki made of it.

usage: check_import.py EXPORT.txt RECORDS.json

RECORDS.json is `pyquiz list --json` for the same selection. Exits non-zero
with a message on the first thing that does not hold.
"""

import html
import json
import re
import sys
import tempfile
from pathlib import Path

from anki.collection import Collection, ImportCsvRequest


def fail(message: str) -> None:
    print(f"anki import check: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def letters(text: str) -> str:
    """Text with the marks Markdown may consume (emphasis, code, escapes)
    removed and whitespace squashed, to compare a rendered front with the
    question it came from."""
    return " ".join(re.sub(r"[*`_\\]", "", text).split())


def plain(html_text: str) -> str:
    """Text of an HTML field."""
    return letters(html.unescape(re.sub(r"<[^>]+>", "", html_text)))


def main() -> None:
    export_path, records_path = sys.argv[1], sys.argv[2]
    records = json.loads(Path(records_path).read_text(encoding="utf-8"))
    by_id = {r["id"]: r for r in records}
    with tempfile.TemporaryDirectory() as tmp:
        col = Collection(str(Path(tmp) / "collection.anki2"))
        try:
            metadata = col.get_csv_metadata(export_path, None)
            if not metadata.is_html:
                fail("Anki did not read the file as HTML (#html:true)")
            col.import_csv(ImportCsvRequest(path=export_path, metadata=metadata))
            note_ids = col.find_notes("")
            if len(note_ids) != len(records):
                fail(f"{len(note_ids)} notes in Anki, {len(records)} exported")
            decks = {d.name for d in col.decks.all_names_and_ids()}
            if "pyquiz::Python interview" not in decks:
                fail(f"deck pyquiz::Python interview missing; decks: {sorted(decks)}")
            code_cards = 0
            for nid in note_ids:
                note = col.get_note(nid)
                if note.note_type()["name"] != "Basic":
                    fail(f"note {nid} has note type {note.note_type()['name']}")
                record = by_id.get(note.guid)
                if record is None:
                    fail(f"note GUID {note.guid} is no exported card id")
                front, back = note["Front"], note["Back"]
                if plain(front) != letters(record["question"]):
                    fail(f"{note.guid}: front {front[:80]!r} is not {record['question'][:80]!r}")
                if record["has_code"]:
                    code_cards += 1
                    if "<pre><code" not in back:
                        fail(f"{note.guid}: the answer has code but the back has no <pre> block")
                tags = set(note.tags)
                wanted = {f"pyquiz::topic::{t}" for t in record["topics"]}
                wanted.add(f"pyquiz::difficulty::{record['difficulty']}")
                if not wanted <= tags:
                    fail(f"{note.guid}: tags {sorted(tags)} lack {sorted(wanted - tags)}")
                if not any(t.startswith("pyquiz::source::") for t in tags):
                    fail(f"{note.guid}: no source tag in {sorted(tags)}")
            if code_cards == 0:
                fail("no exported card has code; the <pre> check checked nothing")
            # Importing the same file again updates by GUID: no duplicates.
            col.import_csv(ImportCsvRequest(path=export_path, metadata=metadata))
            again = len(col.find_notes(""))
            if again != len(records):
                fail(f"a second import left {again} notes instead of {len(records)}")
        finally:
            col.close()
    print(
        f"anki import check: {len(records)} notes imported into deck pyquiz::Python interview, "
        f"{code_cards} with a <pre> code block; a second import kept {len(records)}"
    )


if __name__ == "__main__":
    main()
