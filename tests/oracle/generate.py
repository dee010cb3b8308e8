"""Generate the FSRS oracle vectors that tests/fsrs_oracle.rs checks pyquiz against.

The reference is PyPI's `fsrs` (py-fsrs 6.x) Scheduler with fuzz off and
Anki's steps (learning 1m, 10m; relearning 10m), default parameters, desired
retention 0.9, maximum interval 36500 days. Every review of a card after its
first falls at the same UTC hour of day as the previous one or on the same
day, so py-fsrs's 24-hour day count and pyquiz's local-day count (TZ=UTC,
4 a.m. rollover) agree.

Usage: python3 tests/oracle/generate.py > tests/oracle/vectors.json
(.ci/run installs py-fsrs 6.3.2 in a venv and checks the committed file is
exactly what this prints.)
"""

import json
import sys
from importlib.metadata import version
from datetime import datetime, timedelta, timezone

from fsrs import Card, Rating, Scheduler, State

BASE = datetime(2026, 1, 5, 10, 0, 0, tzinfo=timezone.utc)

R = {"again": Rating.Again, "hard": Rating.Hard, "good": Rating.Good, "easy": Rating.Easy}

# Each step: (when, grade). `when` is "due" (at the card's due time),
# ("min", n) n minutes after the previous review, or ("days", n) n days after it.
SEQUENCES = {
    "good_all_the_way": [("due", "good")] * 10,
    "again_then_good": [("due", "again"), ("due", "good"), ("due", "good"), ("due", "good"),
                        ("due", "good"), ("due", "good")],
    "easy_on_new_card": [("due", "easy"), ("due", "good"), ("due", "good"), ("due", "easy")],
    "hard_steps": [("due", "hard"), ("due", "hard"), ("due", "good"), ("due", "hard"),
                   ("due", "good"), ("due", "hard"), ("due", "good")],
    "lapse_and_relearn": [("due", "good"), ("due", "good"), ("due", "good"), ("due", "good"),
                          ("due", "again"), ("due", "good"), ("due", "good"), ("due", "good")],
    "relearning_again_and_hard": [("due", "good"), ("due", "good"), ("due", "good"),
                                  ("due", "again"), ("due", "again"), ("due", "hard"),
                                  ("due", "good"), ("due", "good")],
    "late_reviews": [("due", "good"), ("due", "good"), ("days", 9), ("days", 40),
                     ("days", 300)],
    "early_reviews": [("due", "easy"), ("days", 2), ("days", 1), ("days", 3), ("due", "good")],
    "same_day_review_of_review_card": [("due", "easy"), ("min", 120), ("min", 30),
                                       ("due", "good"), ("min", 60)],
    "repeated_lapses": [("due", "good"), ("due", "good"), ("due", "good"), ("due", "again"),
                        ("due", "good"), ("due", "again"), ("due", "good"), ("due", "good"),
                        ("due", "again"), ("due", "good"), ("due", "good")],
    "mixed_grades_long": [("due", "good"), ("due", "good"), ("due", "hard"), ("days", 5),
                          ("due", "easy"), ("due", "again"), ("min", 10), ("due", "good"),
                          ("days", 60), ("due", "hard")],
    "late_lapse": [("due", "easy"), ("days", 90), ("due", "good"), ("due", "good")],
}

# Steps written as ("days", n) or ("min", n) take the grade below, in order.
GRADES_FOR_TIMED = {
    "late_reviews": ["good", "again", "good"],
    "early_reviews": ["good", "hard", "easy"],
    "same_day_review_of_review_card": ["good", "again", "good"],
    "mixed_grades_long": ["good", "good", "good"],
    "late_lapse": ["again"],
}

STATE = {State.Learning: "learning", State.Review: "review", State.Relearning: "relearning"}


def main() -> None:
    scheduler = Scheduler(
        desired_retention=0.9,
        learning_steps=(timedelta(minutes=1), timedelta(minutes=10)),
        relearning_steps=(timedelta(minutes=10),),
        maximum_interval=36500,
        enable_fuzzing=False,
    )
    out = {
        "generator": f"py-fsrs {version('fsrs')} (tests/oracle/generate.py)",
        "config": scheduler.to_dict(),
        "sequences": [],
    }
    for name, steps in SEQUENCES.items():
        card = Card()
        now = BASE
        timed = iter(GRADES_FOR_TIMED.get(name, []))
        reviews = []
        for i, step in enumerate(steps):
            when = step[0]
            if when == "due":
                grade = step[1]
                now = BASE if i == 0 else card.due
            else:
                grade = next(timed)
                unit, n = step
                delta = timedelta(minutes=n) if unit == "min" else timedelta(days=n)
                now = now + delta
            card, _ = scheduler.review_card(card, R[grade], review_datetime=now)
            entry = {
                "time": now.isoformat().replace("+00:00", "Z"),
                "grade": grade,
                "state": STATE[card.state],
                "step": card.step,
                "stability": card.stability,
                "difficulty": card.difficulty,
            }
            if card.state == State.Review:
                entry["interval_days"] = (card.due - card.last_review).days
            else:
                entry["delay_seconds"] = int((card.due - card.last_review).total_seconds())
            reviews.append(entry)
        out["sequences"].append({"name": name, "reviews": reviews})
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
