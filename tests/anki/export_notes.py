"""Makes a collection with Anki's own backend (PyPI package `anki`,
headless), adds Basic and Cloze notes written the way Anki's editor writes
them (divs and <br> for lines, <pre> for code, &nbsp;, lists, a table),
and exports them as "Notes in Plain Text" with every column Anki offers.

usage: export_notes.py OUT.txt

CI runs it and checks that pyquiz reads the file it writes
(tests/anki/check_text_import.py); its output for anki 26.9.3 is kept as
tests/fixtures/decks/anki/notes.txt for `cargo test`.
"""

import sys
import tempfile
from pathlib import Path

from anki.collection import Collection

BASIC = [
    (
        "What does <code>len([1, 2])</code> return?",
        "<div>2</div><div>It counts the <b>items</b>.</div>",
        ["python", "builtins"],
        "Python::Basics",
    ),
    (
        "Write a generator that yields 1 and 2",
        '<div>Use <i>yield</i>:</div><pre><code class="language-python">def gen():\n    yield 1\n    yield 2</code></pre>',
        ["generators"],
        "Python::Functions",
    ),
    (
        "What do <code>x &lt; y</code> and <code>a &amp;&amp; b</code> mean?",
        "Less&nbsp;than, and a logical <i>and</i> (in C; Python says <code>and</code>).",
        [],
        "Python::Basics",
    ),
    (
        "Name three built-in sequence types",
        "<ul><li>list</li><li>tuple</li><li>range</li></ul>",
        ["sequences"],
        "Python::Basics",
    ),
    (
        "Mutable or not?",
        "<table><tr><th>Type</th><th>Mutable</th></tr><tr><td>list</td><td>yes</td></tr><tr><td>tuple</td><td>no</td></tr></table>",
        [],
        "Python::Basics",
    ),
    (
        "A field with a tab\tand \"quotes\"",
        "Line one<br>Line two<br>",
        ["quoting"],
        "Python::Basics",
    ),
]

CLOZE = [
    (
        "A {{c1::list}} is mutable; a {{c2::tuple::immutable sequence}} is not.",
        "See the <a href=\"https://docs.python.org/3/library/stdtypes.html\">docs</a>.",
        ["cloze"],
        "Python::Cloze",
    ),
    (
        "<pre><code>for i in {{c1::range}}(3):\n    print(i)</code></pre>",
        "",
        ["cloze", "code"],
        "Python::Cloze",
    ),
]


def main() -> None:
    out = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        col = Collection(str(Path(tmp) / "collection.anki2"))
        try:
            basic = col.models.by_name("Basic")
            cloze = col.models.by_name("Cloze")
            for front, back, tags, deck in BASIC:
                note = col.new_note(basic)
                note["Front"], note["Back"], note.tags = front, back, tags
                col.add_note(note, col.decks.id(deck))
            for text, extra, tags, deck in CLOZE:
                note = col.new_note(cloze)
                note["Text"], note["Back Extra"], note.tags = text, extra, tags
                col.add_note(note, col.decks.id(deck))
            col.export_note_csv(
                out_path=out,
                limit=None,
                with_html=True,
                with_tags=True,
                with_deck=True,
                with_notetype=True,
                with_guid=True,
            )
        finally:
            col.close()


if __name__ == "__main__":
    main()
