"""Kahn's escalation ladder: its 7 units (facts D1–D4), the staircase figure, and Exercise 2, placing
the course article's items on it (found by rule, compared with ``ladder_placements.csv``)."""

from __future__ import annotations

import math
from pathlib import Path

import ipywidgets as widgets
import pandas as pd
from IPython.display import HTML
from matplotlib.figure import Figure

from ...curated import load_table, split_list
from ...curated.rules import find_sentences
from ...notebook.display import OKABE_ITO, Chart, Message, table_html
from ...notebook.exercises import remember, store_warning
from ...notebook.session import Session, is_course_seed
from ...notebook.widgets import CourseWidget, never_raise
from ...parse.article import Article, cite
from ...templates import render

NOT_ON_LADDER = 0
CHOOSE_UNIT = -1
LADDER_ITEM_COLUMNS = [
    "item_id",
    "label",
    "sentence_id",
    "cite",
    "text",
    "article_rule",
    "unit_order",
    "reference_unit",
    "reasoning",
    "fact_ids",
    "confidence",
]


def ladder_units() -> pd.DataFrame:
    """The 7 units of Kahn's ladder (escalation_ladder.csv) with a ``rungs`` column like "4–9"."""
    table = load_table("escalation_ladder").sort_values("order").reset_index(drop=True)
    table.insert(2, "rungs", [f"{first}–{last}" for first, last in zip(table["first_rung"], table["last_rung"])])
    return table[["order", "unit", "rungs", "threshold_after", "example_rungs", "fact_ids", "first_rung", "last_rung"]]


def unit_label(order: int | None, units: pd.DataFrame | None = None) -> str:
    """A unit's label ("2. Traditional crises (rungs 4–9)"), or the course's "not a step up" option."""
    if order is None or (isinstance(order, float) and math.isnan(order)) or int(order) == CHOOSE_UNIT:
        return "(not placed)"
    if int(order) == NOT_ON_LADDER:
        return "0. Not a step up the ladder"
    units = ladder_units() if units is None else units
    row = units.loc[units["order"] == int(order)]
    if row.empty:
        return f"unit {int(order)} (unknown)"
    return f"{int(order)}. {row['unit'].iloc[0]} (rungs {row['rungs'].iloc[0]})"


def ladder_options(units: pd.DataFrame | None = None) -> list[tuple[str, int]]:
    """Dropdown options: "(choose a unit)", the course's "not a step up the ladder", then the 7 units."""
    units = ladder_units() if units is None else units
    return [
        ("(choose a unit)", CHOOSE_UNIT),
        (unit_label(NOT_ON_LADDER), NOT_ON_LADDER),
        *[(unit_label(order, units), int(order)) for order in units["order"]],
    ]


#: The smallest text of the ladder chart, in points: readable where the figure is shown at its size.
LABEL_PT = 9
#: Grey for the chart's note: 7:1 against white (the lighter course grey is for lines).
NOTE_GREY = "#595959"


def plot_ladder(units: pd.DataFrame) -> Chart:
    """Kahn's rungs in units (a :func:`ladder_units` table) as a staircase, thresholds marked."""
    figure = Figure(figsize=(9, 4.8))
    ax = figure.subplots()
    for row in units.itertuples(index=False):
        first, last = int(row.first_rung), int(row.last_rung)
        ax.barh(
            row.order,
            last - first + 1,
            left=first - 0.5,
            height=0.5,
            color=OKABE_ITO["sky blue"],
            edgecolor=OKABE_ITO["blue"],
        )
        ax.text(
            first - 0.8,
            row.order,
            f"{row.unit} ({first}–{last})",
            ha="right",
            va="center",
            fontsize=LABEL_PT,
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1},
        )
        if row.threshold_after:
            ax.axvline(last + 0.5, color=OKABE_ITO["vermillion"], linestyle="--", linewidth=1)
            ax.text(
                last + 0.8,
                row.order + 0.5,
                f"threshold: “{row.threshold_after}”",
                fontsize=LABEL_PT,
                color=OKABE_ITO["vermillion"],
                va="center",
                ha="left",
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 1},
            )
        for rung in split_list(row.example_rungs):
            number = rung.split(":", 1)[0].strip()
            if number.isdigit():
                ax.plot(int(number), row.order, marker="|", color=OKABE_ITO["black"], markersize=11)
                # the rung's number above its tick, where the bar does not hide it
                ax.text(int(number), row.order + 0.27, number, ha="center", va="bottom", fontsize=LABEL_PT)
    ax.set_xlim(-22, 46)
    ax.set_ylim(0.3, 8.1)
    ax.set_xticks([1, 10, 20, 30, 40, 44])
    ax.set_yticks(list(units["order"]))
    ax.set_yticklabels([f"unit {order}" for order in units["order"]])
    ax.set_xlabel("Rung (1 = lowest, 44 = highest)")
    ax.set_ylabel("Unit (group of rungs)")
    ax.set_title("Kahn's escalation ladder (1965), simplified:\n7 units; each dashed line is a threshold to cross")
    ax.text(
        -21,
        7.75,
        "| = a rung the fact sheet names (numbers in the table)",
        fontsize=LABEL_PT,
        color=NOTE_GREY,
        bbox={"facecolor": "white", "edgecolor": "none", "pad": 1},
    )
    ax.spines["left"].set_visible(False)
    figure.tight_layout()
    named = "; ".join(part for cell in units["example_rungs"] for part in split_list(cell))
    alt = (
        f"Staircase chart of Herman Kahn's escalation ladder: {int(units['last_rung'].max())} rungs in "
        f"{len(units)} units, from {units['unit'].iloc[0]} (rungs {units['rungs'].iloc[0]}) at the bottom to "
        f"{units['unit'].iloc[-1]} (rungs {units['rungs'].iloc[-1]}) at the top. Dashed lines mark the "
        f"{int((units['threshold_after'] != '').sum())} thresholds between units. Named rungs: {named}. "
        "Source: escalation_ladder.csv, facts D1–D4."
    )
    return Chart(figure, alt, units[["order", "unit", "rungs", "threshold_after", "example_rungs", "fact_ids"]])


def ladder_placements(folder: Path | str | None = None) -> pd.DataFrame:
    """The teacher's reference placements (ladder_placements.csv), ``unit_order`` as an integer."""
    table = load_table("ladder_placements", folder)
    text = [column for column in table.columns if column != "unit_order"]
    table[text] = table[text].map(str.strip)
    table["unit_order"] = table["unit_order"].astype(int)
    return table


def ladder_items(article: Article) -> pd.DataFrame:
    """The course article's events and statements to place on the ladder, each found by its rule.

    One row per placement whose rule matches (the first matching sentence), with the reference
    unit and its reasoning. Empty (same columns) for any article other than the course's own.
    """
    if not is_course_seed(article):
        return pd.DataFrame(columns=LADDER_ITEM_COLUMNS)
    units = ladder_units()
    rows = []
    for row in ladder_placements().itertuples(index=False):
        ids = find_sentences(article, row.article_rule)
        if ids:
            rows.append(
                {
                    "item_id": row.item_id,
                    "label": row.label,
                    "sentence_id": ids[0],
                    "cite": cite(ids[0]),
                    "text": article.sentence(ids[0]),
                    "article_rule": row.article_rule,
                    "unit_order": int(row.unit_order),
                    "reference_unit": unit_label(row.unit_order, units),
                    "reasoning": row.reasoning,
                    "fact_ids": row.fact_ids,
                    "confidence": row.confidence,
                }
            )
    return pd.DataFrame(rows, columns=LADDER_ITEM_COLUMNS)


def ladder_items_view(session: Session) -> HTML | Message:
    """The items to place, with the rule that found each, or the message that section 2 is skipped."""
    return session.reference("The ladder exercise (section 2)") or HTML(
        table_html(
            ladder_items(session.article),
            caption="Items to place on the ladder, found by rule",
            columns=["label", "cite", "text", "article_rule"],
        )
    )


def ladder_exercise(session: Session) -> LadderExercise | Message:
    """Exercise 2 for the course article, or the message that section 2 is skipped."""
    return session.reference("The ladder exercise (section 2)") or LadderExercise(session)


class LadderExercise(CourseWidget):
    """Place each item on a unit of the ladder and give a reason (both saved); a button shows the reference.

    ``.dropdowns`` and ``.reasons`` (item id → widget), ``.reveal_button``, ``.result``.
    """

    def __init__(self, session: Session, items: pd.DataFrame | None = None) -> None:
        super().__init__()
        notebook = session.notebook
        self.items = ladder_items(session.article) if items is None else items.reset_index(drop=True)
        self.units = ladder_units()
        options = ladder_options(self.units)
        self.result = widgets.HTML()
        self.dropdowns: dict[str, widgets.Dropdown] = {}
        self.reasons: dict[str, widgets.Textarea] = {}
        rows = []
        for row in self.items.itertuples(index=False):
            dropdown = widgets.Dropdown(options=options, value=CHOOSE_UNIT, layout=widgets.Layout(width="340px"))
            remember(
                dropdown,
                notebook,
                f"ladder.{row.item_id}",
                encode=int,
                decode=int,
                status=self.status,
                prompt=f"Ladder unit for: {row.label} ({row.cite})",
            )
            self.dropdowns[row.item_id] = dropdown
            reason = widgets.Textarea(
                placeholder="Your reason: which line does it cross, or not?",
                layout=widgets.Layout(width="340px", height="3.2em"),
            )
            remember(
                reason,
                notebook,
                f"ladder.{row.item_id}.reason",
                status=self.status,
                prompt=f"Reason for the ladder unit of: {row.label} ({row.cite})",
            )
            self.reasons[row.item_id] = reason
            prompt = widgets.HTML(
                render("escalation_item.html", label=row.label, cite=row.cite, text=row.text),
                layout=widgets.Layout(width="60%"),
            )
            rows.append(
                widgets.HBox(
                    [prompt, widgets.VBox([dropdown, reason])],
                    layout=widgets.Layout(align_items="center", margin="4px 0"),
                )
            )
        self.reveal_button = widgets.Button(
            description="Show the reference answer", button_style="primary", layout=widgets.Layout(width="auto")
        )
        self.reveal_button.on_click(lambda _: self.reveal())
        self.widget = widgets.VBox(
            [store_warning(notebook), *rows, self.reveal_button, self.status, self.result],
            layout=widgets.Layout(border="1px solid #ddd", padding="8px"),
        )
        self.widget.add_class("course-question")

    def reasons_given(self) -> dict[str, str]:
        """The student's reason per item ("" if none yet)."""
        return {item: box.value.strip() for item, box in self.reasons.items()}

    def choices(self) -> dict[str, int | None]:
        """The student's unit per item (None if not placed yet)."""
        return {item: (None if d.value == CHOOSE_UNIT else int(d.value)) for item, d in self.dropdowns.items()}

    def compare(self) -> pd.DataFrame:
        """Student against reference: item_id, cite, your_unit, reference_unit, difference, agreement."""
        choices = self.choices()
        rows = []
        for row in self.items.itertuples(index=False):
            mine = choices.get(row.item_id)
            difference = None if mine is None else abs(mine - int(row.unit_order))
            if difference is None:
                agreement = "not placed"
            elif difference == 0:
                agreement = "same unit"
            elif NOT_ON_LADDER in (mine, int(row.unit_order)):
                agreement = "different: one of you says it is not a step up"
            else:
                agreement = f"{difference} unit{'s' if difference > 1 else ''} apart"
            rows.append(
                {
                    "item_id": row.item_id,
                    "cite": row.cite,
                    "your_unit": unit_label(mine, self.units),
                    "reference_unit": unit_label(row.unit_order, self.units),
                    "difference": difference,
                    "agreement": agreement,
                }
            )
        table = pd.DataFrame(
            rows, columns=["item_id", "cite", "your_unit", "reference_unit", "difference", "agreement"]
        )
        table["difference"] = table["difference"].astype("Int64")
        return table

    @never_raise
    def reveal(self) -> pd.DataFrame | None:
        """Show the reference placements with their reasoning, next to the student's choices."""
        if self.items.empty:
            self.say("There is nothing to place for this article.", "info")
            return None
        table = self.compare()
        placed = int((table["agreement"] != "not placed").sum())
        same = int((table["agreement"] == "same unit").sum())
        if placed == 0:
            self.say(
                "You have not placed any item yet. Try first, then compare: the reference is one "
                "reasoned reading, not the answer key.",
                "info",
            )
        else:
            without = sum(1 for reason in self.reasons_given().values() if not reason)
            self.say(
                f"You placed {placed} of {len(table)} items; {same} match the reference unit. "
                "Disagreement is fine if you can give a reason"
                + (
                    f" ({without} item(s) have no reason yet: write one in the box under the unit)." if without else "."
                ),
                "ok",
            )
        rows = [
            {**item._asdict(), **compared._asdict()}
            for compared, item in zip(table.itertuples(index=False), self.items.itertuples(index=False))
        ]
        self.result.value = render("reveal_ladder.html", rows=rows)
        return table
