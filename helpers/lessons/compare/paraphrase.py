"""The paraphrase exercise: the course article's sentence about Jon Finer against his own words.

It works on the default pair only (the course article and the transcript of Finer's press gaggle):
every function finds its sentences in the two texts by their words, and with any other pair returns
the message :data:`NOT_THE_DEFAULT_PAIR` instead. Feedback on free answers is computed from the texts:
which of the transcript's words the answer uses, which ones the article left out.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ...notebook.display import Message
from ...notebook.exercises import ChoiceQuestion, TextQuestion, Verdict
from ...notebook.session import is_course_seed
from ...parse.article import Article, cite
from .common import NOTEBOOK, Pair
from .sentences import best_matches
from .words import content_words, normalise, one_line

NOT_THE_DEFAULT_PAIR = (
    "This exercise is for the default pair: the course article (text A) and the transcript of Jon Finer's "
    "press gaggle (text B). With the texts you chose it is skipped; the comparison tables above still apply."
)
#: Phrases that locate the passages in the transcript (lower case, straight apostrophes, one line).
RESPOND = "clear to the russians that we will respond"
ESCALATION = "significant russian escalation that involves the deployment of a foreign country's forces"
CONFIRM = "not confirming any decisions"
FIRE = "the fire was lit by russia's invasion of ukraine"
#: The article's sentence names him; another of its sentences quotes the Kremlin's remark.
SPEAKER = "finer"
KREMLIN = "to the fire"

CONFIRM_OPTIONS = (
    "Yes: he confirmed that the US had allowed the strikes.",
    "No: he said he was not confirming any decisions.",
    "The transcript does not record anything he said about it.",
)


@dataclass
class Passages:
    """The sentences of the exercise: the article's (A) and the transcript's (B), each with its id."""

    article: tuple[str, str]
    kremlin: tuple[str, str]
    respond: tuple[str, str]
    escalation: tuple[str, str]
    confirm: tuple[str, str]
    fire: tuple[str, str]


def find_sentence(article: Article, phrase: str) -> tuple[str, str] | None:
    """(sentence id, sentence on one line) of the first sentence containing ``phrase`` (any case, any wrapping)."""
    for sid, text in zip(article.sentences["sentence_id"], article.sentences["text"]):
        if phrase in normalise(text).lower():
            return str(sid), one_line(text)
    return None


def passages(pair: Pair) -> Passages | None:
    """The exercise's four sentences, or None unless A is the course article and B holds all three passages."""
    if not is_course_seed(pair.a):
        return None
    found = [
        find_sentence(pair.a, SPEAKER),
        find_sentence(pair.a, KREMLIN),
        *(find_sentence(pair.b, p) for p in (RESPOND, ESCALATION, CONFIRM, FIRE)),
    ]
    if any(f is None for f in found):
        return None
    return Passages(*found)  # type: ignore[arg-type]


def _skip() -> Message:
    return Message(NOT_THE_DEFAULT_PAIR, "info")


def side_by_side(pair: Pair) -> pd.DataFrame | Message:
    """The article's sentence about Finer, and the transcript sentences that match it best or that the
    exercise asks about. Columns: text (A or B), citation, sentence, why (how it was found)."""
    found = passages(pair)
    if found is None:
        return _skip()
    sid, sentence = found.article
    rows = [
        ("A", cite(sid), sentence, "the article's sentence that names Finer"),
        ("A", cite(found.kremlin[0]), found.kremlin[1], "the article quotes the Kremlin's remark"),
    ]
    for row in best_matches(pair.b, sentence, top=1).itertuples(index=False):
        rows.append(("B", row.citation, row.sentence, f"closest by shared words (score {row.score}: {row.shared})"))
    rows.append(("B", cite(found.respond[0]), found.respond[1], "what he said about responding"))
    rows.append(("B", cite(found.confirm[0]), found.confirm[1], "asked about the decision"))
    rows.append(("B", cite(found.fire[0]), found.fire[1], "his answer to the Kremlin's 'fuel on the fire'"))
    table = pd.DataFrame(rows, columns=["text", "citation", "sentence", "why"])
    return table.drop_duplicates("citation", keep="last").reset_index(drop=True)


def wording(pair: Pair) -> pd.DataFrame | Message:
    """Each content word of the article's sentence, and whether Finer used it in the transcript at all.

    Columns: word, in_transcript (yes/no), first_use (citation of its first sentence in B, or empty).
    """
    found = passages(pair)
    if found is None:
        return _skip()
    first: dict[str, str] = {}
    for sid, text in zip(pair.b.sentences["sentence_id"], pair.b.sentences["text"]):
        for word in content_words(text):
            first.setdefault(word, cite(str(sid)))
    sentence = found.article[1]
    order = [w for w in dict.fromkeys(normalise(sentence).lower().replace(",", " ").split())]
    words = sorted(content_words(sentence), key=lambda w: order.index(w) if w in order else len(order))
    return pd.DataFrame(
        [(w, "yes" if w in first else "no", first.get(w, "")) for w in words],
        columns=["word", "in_transcript", "first_use"],
    )


class EvidenceQuestion(TextQuestion):
    """A free answer whose feedback says which words of an evidence sentence it uses, then shows a model answer."""

    def __init__(self, question_id: str, prompt: str, evidence: tuple[str, str], model_answer: str) -> None:
        self.evidence = evidence
        super().__init__(NOTEBOOK, question_id, prompt, model_answer=model_answer, min_words=6)

    def check(self) -> Verdict:
        """Never marked right or wrong (the teacher grades free answers): says which evidence words it uses."""
        answer = str(self.value or "")
        if len(answer.split()) < self.min_words:
            return super().check()
        used = sorted(content_words(answer) & content_words(self.evidence[1]))
        where = cite(self.evidence[0])
        if used:
            return self._say(
                None,
                f"Saved. Your answer uses {len(used)} of the transcript's words from {where} ({', '.join(used)}), "
                f"so a reader can check it against the source. Compare it with a model answer: {self.model_answer}",
            )
        return self._say(
            None,
            f"Saved. Your answer does not yet use any word of the transcript sentence {where}. Read it in the "
            f"table above and quote a few of his words, then compare again. One possible answer: {self.model_answer}",
        )


def model_answers(pair: Pair) -> pd.DataFrame | Message:
    """The model answers of the three questions, computed from the texts (also shown by the Check buttons)."""
    found = passages(pair)
    if found is None:
        return _skip()
    a_sid, r_sid, c_sid, f_sid = (cite(s) for s, _ in (found.article, found.respond, found.confirm, found.fire))
    closest = best_matches(pair.b, found.article[1], top=1)
    joined = f" ({closest['citation'].iloc[0]})" if len(closest) else ""
    missing = sorted(content_words(FIRE) - content_words(pair.a.text))
    rows = [
        (
            "wording",
            f"The article ({a_sid}) says Finer 'emphasized' that 'Washington' would respond. In the transcript "
            f"he says: \"{found.respond[1]}\" ({r_sid}). 'Emphasized' and 'Washington' are the journalist's words "
            "(he says 'the United States' and 'we'). His 'that' is the escalation of the sentence before: "
            f'"{found.escalation[1]}" ({cite(found.escalation[0])}). He names the North Korean forces and the '
            f"attack on infrastructure in a later answer{joined}, which the article joins into the same sentence.",
        ),
        (
            "confirm",
            f'No. Asked about the decision, he said: "{found.confirm[1]}" ({c_sid}). The article\'s sentence '
            f"about him ({a_sid}) does not say he confirmed it either.",
        ),
        (
            "left_out",
            f"His answer to the Kremlin's 'fuel on the fire' remark: \"{found.fire[1]}\" ({f_sid}). The article "
            f"quotes the Kremlin's remark ({cite(found.kremlin[0])}) but not his answer; words of his answer the "
            f"article never uses: {', '.join(missing) or 'none'}.",
        ),
    ]
    return pd.DataFrame(rows, columns=["question", "model_answer"])


def _answers(pair: Pair) -> dict[str, str]:
    table = model_answers(pair)
    return dict(zip(table["question"], table["model_answer"])) if isinstance(table, pd.DataFrame) else {}


def wording_question(pair: Pair) -> EvidenceQuestion | Message:
    """Exercise 3: in your own words, how does the article's wording differ from what Finer said?"""
    found = passages(pair)
    if found is None:
        return _skip()
    return EvidenceQuestion(
        "paraphrase.wording",
        f"Exercise 3. The article ({cite(found.article[0])}) says Finer 'emphasized that Washington would respond'. "
        f"What did he say in the transcript ({cite(found.respond[0])}), and which words are the journalist's?",
        found.respond,
        _answers(pair)["wording"],
    )


def confirm_question(pair: Pair) -> ChoiceQuestion | Message:
    """Exercise 4: did Finer confirm the decision? Answered from the transcript."""
    found = passages(pair)
    if found is None:
        return _skip()
    return ChoiceQuestion(
        NOTEBOOK,
        "paraphrase.confirm",
        "Exercise 4. Did Finer confirm that the United States had allowed Ukraine to use the long-range missiles "
        "inside Russia? Answer from the transcript.",
        CONFIRM_OPTIONS,
        CONFIRM_OPTIONS[1],
        explanation=f'In the transcript ({cite(found.confirm[0])}) he says: "{found.confirm[1]}"',
        hints={
            CONFIRM_OPTIONS[0]: f"Read {cite(found.confirm[0])} in the table: what does he say he is not doing?",
            CONFIRM_OPTIONS[2]: f"The transcript does record it: look for 'confirming' in {cite(found.confirm[0])}.",
        },
    )


def left_out_question(pair: Pair) -> EvidenceQuestion | Message:
    """Exercise 5: what did Finer say about "fuel on the fire" that the article left out?"""
    found = passages(pair)
    if found is None:
        return _skip()
    return EvidenceQuestion(
        "paraphrase.left_out",
        f"Exercise 5. The article ({cite(found.kremlin[0])}) quotes the Kremlin's remark about 'adding oil to the "
        "fire'. In the transcript Finer answers a question about it ('fuel on the fire'). What did he answer, and "
        "does the article report his answer?",
        found.fire,
        _answers(pair)["left_out"],
    )
