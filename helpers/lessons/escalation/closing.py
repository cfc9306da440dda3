"""The end of the course (notebook 4, section 7): the full timeline after the reveal, and a look back at 00.

The full timeline includes what happened after the article, so it appears only once the forecasts are
locked and revealed. The look back shows the student's answer to notebook 00, Exercise 3 ("what do you
expect?"), and asks what they can now check.
"""

from __future__ import annotations

import html

from IPython.display import HTML

from ...notebook.answers import AnswerStoreError
from ...notebook.display import Chart, Message
from ...notebook.exercises import TextQuestion, store_for
from ...notebook.session import Session
from ...templates import text_only
from ..timeline import article_date, article_events, background_events, plot_timeline, timeline_table
from .forecast import REVEALED

#: Where notebook 00 saves Exercise 3 (helpers.lessons.context.expectations_question).
EXPECTATIONS = ("00_start_here", "expectations")


def is_revealed(notebook: str) -> bool:
    """True once the student has revealed the forecast outcomes in ``notebook`` (a saved answer)."""
    try:
        return bool(store_for(notebook).get(REVEALED))
    except AnswerStoreError:
        return False


def full_timeline(session: Session) -> Chart | Message:
    """Every dated event, including what came after the article, once the outcomes have been revealed."""
    skipped = session.reference("The full timeline (section 7)")
    if skipped is not None:
        return skipped
    if not is_revealed(session.notebook):
        return Message(
            "The full timeline shows what happened after the article, so it appears only after you have "
            "locked your forecasts and pressed “Reveal what happened” (section 5). Then run this cell again.",
            "info",
        )
    background = background_events(("before", "same_day", "after"), include_outcomes=True)
    table = timeline_table(article_events(session.article), background)
    return plot_timeline(
        table, article_date(session.article), title="The article's day, what led to it, and what came next"
    )


def earlier_expectation(notebook: str = EXPECTATIONS[0], question_id: str = EXPECTATIONS[1]) -> HTML:
    """The student's answer to notebook 00, Exercise 3, escaped (or a note that there is none)."""
    try:
        saved = store_for(notebook).get(question_id)
    except AnswerStoreError as error:
        saved, note = None, str(error)
    else:
        note = "You did not answer it (or answered it on another computer): write what you expected now, from memory."
    if saved is None or not str(saved).strip():
        return HTML(text_only(f"<p><b>Notebook 00, Exercise 3.</b> {html.escape(note)}</p>"))
    return HTML(
        text_only(
            "<p><b>What you wrote in notebook 00, Exercise 3:</b></p>"
            f"<blockquote>{html.escape(str(saved))}</blockquote>"
        )
    )


def look_back_question(session: Session) -> TextQuestion:
    """Exercise 6: what could you check, with which tool of the course? A free answer with a model answer."""
    return TextQuestion(
        session.notebook,
        "look_back",
        "Look back at what you expected in notebook 00. What did you want to check, what did you find (cite "
        "¶ and fact ids), and which tool of the course did you use? What could you still not check?",
        model_answer=(
            "I wanted to check the number of North Korean troops (¶3.1). The sources counted different "
            "things on different dates (notebook 01, caveat X2), so “over 10,000” is one estimate among "
            "several, and “up to 100,000” (¶3.2) is a hedged ceiling from unconfirmed reports (notebook 04, "
            "section 3). I could not check who wrote the article or when it was published."
        ),
        min_words=20,
    )
