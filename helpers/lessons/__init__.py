"""One module per notebook: the analysis, figures and exercises each lesson calls.

``context`` (notebooks 00 and 01), ``timeline`` (02), ``positions`` (03), ``escalation`` (04).
Import the one a notebook needs: ``from helpers.lessons import timeline``.
"""
