"""One package per lesson: the analysis, figures and exercises its notebooks call.

``context`` (notebooks 00 and 01), ``timeline`` (02), ``positions`` (03), ``escalation`` (04), ``compare``
(05); inside each, one module per job (tables, figures, widgets, exercises). Import the one a notebook needs:
``from helpers.lessons import timeline``.
"""
