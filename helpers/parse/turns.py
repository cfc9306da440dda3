"""A transcript's turns as table rows: sentences per turn, speaker-label statements, label mentions."""

from __future__ import annotations

import bisect

from .sentences import Span, paragraph_spans
from .statements import Statement
from .transcript import LABEL_BASIS, Transcript, Turn


def within(position: int, spans: list[tuple[int, int]]) -> bool:
    """Does ``position`` lie inside one of the (sorted) sentence spans?"""
    index = bisect.bisect_right(spans, (position, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= position < spans[index][1]


def turn_paragraphs(text: str, transcript: Transcript) -> list[Span]:
    """The text's paragraphs, cut where a turn starts, with each speaker label left out."""
    starts = {turn.label_start: turn.words_start for turn in transcript.turns}
    cuts = sorted(starts)
    pieces: list[Span] = []
    for paragraph in paragraph_spans(text):
        low = bisect.bisect_left(cuts, paragraph.start)
        high = bisect.bisect_left(cuts, paragraph.end)
        edges = [paragraph.start, *cuts[low:high], paragraph.end]
        for begin, end in zip(edges, edges[1:]):
            begin = starts.get(begin, begin)
            while begin < end and text[begin].isspace():
                begin += 1
            while end > begin and text[end - 1].isspace():
                end -= 1
            if end > begin:
                pieces.append(Span(begin, end))
    return pieces


def _turn_of(transcript: Transcript, start: int) -> Turn | None:
    return transcript.turn_at(start)


def turn_statements(
    transcript: Transcript, spans: list[tuple[int, int]], reported: list[tuple[int, Statement]]
) -> list[tuple[int, Statement]]:
    """Every sentence of a turn as a direct statement of its speaker (basis "speaker label"), placed before
    the statements reported inside that sentence ("The Kremlin said …" in a question)."""
    rows: list[tuple[int, int, Statement]] = [(index, 1, statement) for index, statement in reported]
    for index, (start, end) in enumerate(spans):
        turn = _turn_of(transcript, start)
        if turn is None or not turn.speaker_id:
            continue  # words before the first label (a place line), or a label that names nobody ("A:")
        statement = Statement(
            turn.speaker_id,
            turn.speaker,
            turn.attribution,
            verb="",
            lemma="speak",
            start=start,
            end=end,
            direct=True,
            basis=LABEL_BASIS,
            verb_start=start,
        )
        rows.append((index, 0, statement))
    rows.sort(key=lambda row: (row[0], row[1]))
    return [(index, statement) for index, _, statement in rows]


def label_mentions(transcript: Transcript, spans: list[tuple[int, int]], ids: list[str]) -> list[tuple]:
    """A mention row for each speaker label (form "speaker label"), cited to the turn's first sentence."""
    starts = [start for start, _ in spans]
    rows = []
    for turn in transcript.turns:
        first = bisect.bisect_left(starts, turn.words_start)
        if first >= len(spans) or spans[first][0] >= turn.end or not turn.speaker_id:
            continue  # a turn with no sentence (only "(Inaudible.)"), or a label that names nobody
        rows.append(
            (
                turn.speaker_id,
                turn.speaker,
                "person",
                "speaker label",
                turn.label,
                ids[first],
                turn.label_start,
                turn.label_end,
            )
        )
    return rows


def quote_in_turn(transcript: Transcript, start: int, found: tuple[str, str, str, str]) -> tuple[str, str, str, str]:
    """A quotation no rule attributes was spoken, in the transcript, by the speaker of its turn."""
    if found[0]:
        return found
    turn = _turn_of(transcript, start)
    if turn is None or not turn.speaker_id:
        return found
    return turn.speaker_id, turn.speaker, turn.attribution, "speaker label: quoted in the speaker's turn"
