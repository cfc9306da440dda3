"""The development corpus (../shared/corpus): recall floors per category and speaker precision.

Run ``python tests/parse/test_corpus.py`` for the speaker-precision figures alone.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"

#: The bars of issue 9 (quotes, statements, actors) and floors a few points under what the parser
#: reaches for the other categories.
FLOORS = {
    "actors R": 85,
    "actors P": 90,
    "numbers R": 95,
    "times R": 95,
    "dates R": 92,
    "quotes+speaker R": 85,
    "statements+speaker R": 75,
    "hedges R": 50,
}
SPEAKER_PRECISION_FLOOR = 0.95


def _score_module():
    if not (CORPUS / "score.py").exists():
        pytest.skip(f"the development corpus is not here: {CORPUS} (it lives next to the project checkout)")
    spec = importlib.util.spec_from_file_location("corpus_score", CORPUS / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def corpus_results(score):
    import helpers

    totals = {m: [0, 0] for m in score.MEASURES}
    assigned = right = 0
    for gold_path in sorted(CORPUS.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        article = helpers.load_article(CORPUS / gold_path.name.replace(".gold.json", ".txt"))
        counts, _ = score.score_article(article, gold)
        for m in score.MEASURES:
            totals[m][0] += counts[m][0]
            totals[m][1] += counts[m][1]
        a, r = speaker_precision(score, article, gold)
        assigned, right = assigned + a, right + r
    return totals, assigned, right


def speaker_precision(score, article, gold) -> tuple[int, int]:
    """(speakers assigned, speakers right) over quotes and statements that the gold also holds."""
    text, assigned, right = article.text, 0, 0
    for q0, q1, speaker in zip(article.quotes["start"], article.quotes["end"], article.quotes["speaker"]):
        if not speaker:
            continue
        for q in gold.get("quotes", []):
            s0 = text.find(q["text"])
            if s0 >= 0 and score.overlap(s0, s0 + len(q["text"]), q0, q1) >= 0.8 * len(q["text"]):
                assigned += 1
                right += score.speaker_ok(speaker, q["speaker"], q["speaker_aliases"])
                break
    for verb, lemma, speaker in zip(
        article.statements["verb"], article.statements["lemma"], article.statements["speaker"]
    ):
        same = [
            st
            for st in gold.get("statements", [])
            if any(
                x and (x in score.norm(st["verb"]) or score.norm(st["verb"]) in x)
                for x in (score.norm(verb), score.norm(lemma))
            )
        ]
        if speaker and same:
            assigned += 1
            right += any(score.speaker_ok(speaker, st["speaker"], st["speaker_aliases"]) for st in same)
    return assigned, right


@pytest.fixture(scope="module")
def results():
    return corpus_results(_score_module())


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_category_stays_above_its_floor(results, measure):
    totals, _, _ = results
    found, total = totals[measure]
    assert 100 * found / total >= FLOORS[measure], f"{measure}: {found}/{total}"


def test_assigned_speakers_are_right(results):
    _, assigned, right = results
    assert assigned and right / assigned >= SPEAKER_PRECISION_FLOOR, f"{right}/{assigned} speakers right"


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    totals, assigned, right = corpus_results(_score_module())
    print({m: f"{f}/{t}" for m, (f, t) in totals.items()})
    print(f"speaker precision: {right}/{assigned} = {right / max(1, assigned):.1%}")
