"""Reporting verbs: the words that attribute a statement to someone ("said", "told", "according to")."""

from __future__ import annotations

import re

from .lexicon import trie_regex

# Lemma: the forms the parser accepts. "sees"/"views"/"describes"/"calls" count only with "as"/a quote.
_VERB_STEMS = {
    "say": "say says said saying",
    "tell": "tell tells told telling",
    "warn": "warn warns warned warning",
    "accuse": "accuse accuses accused accusing",
    "suggest": "suggest suggests suggested suggesting",
    "state": "states stated stating",
    "emphasize": "emphasize emphasizes emphasized emphasizing emphasise emphasises emphasised emphasising",
    "promise": "promise promises promised promising",
    "claim": "claim claims claimed claiming",
    "indicate": "indicate indicates indicated indicating",
    "condemn": "condemn condemns condemned condemning",
    "announce": "announce announces announced announcing",
    "add": "added adding adds",
    "note": "noted noting notes",
    "insist": "insist insists insisted insisting",
    "deny": "deny denies denied denying",
    "argue": "argue argues argued arguing",
    "vow": "vow vows vowed vowing",
    "threaten": "threaten threatens threatened threatening",
    "declare": "declare declares declared declaring",
    "stress": "stresses stressed stressing",
    "confirm": "confirm confirms confirmed confirming",
    "acknowledge": "acknowledge acknowledges acknowledged acknowledging",
    "pledge": "pledge pledges pledged pledging",
    "urge": "urge urges urged urging",
    "criticise": "criticise criticises criticised criticising criticize criticizes criticized criticizing",
    "welcome": "welcomed welcoming",
    "describe": "describe describes described describing",
    "reply": "replied replies",
    "respond": "responded responds",
    "explain": "explain explains explained explaining",
    "view": "views viewed",
    "see": "sees saw",
    "ask": "ask asks asked asking",
    "continue": "continued",
    "conclude": "concluded concludes concluding",
    "denounce": "denounce denounces denounced denouncing",
    "affirm": "affirm affirms affirmed affirming",
    "highlight": "highlight highlights highlighted highlighting",
    "comment": "commented comments commenting",
    "remark": "remarked remarks remarking",
    "concede": "conceded concedes conceding",
    "admit": "admitted admits admitting",
    "reveal": "revealed reveals revealing",
    "report": "reported reports reporting",
    "estimate": "estimated estimates",
    "caution": "cautioned cautions cautioning",
    "rule": "ruled rules",
    "write": "wrote writes",
    "tweet": "tweeted tweets",
    "read": "reads",
    "credit": "credited credits crediting",
    "voice": "voiced voices voicing",
    "ascribe": "ascribed ascribes ascribing",
    "predict": "predicted predicts",
    "allege": "alleged alleges alleging",
    "maintain": "maintained maintains",
    "reiterate": "reiterated reiterates reiterating",
    "assert": "asserted asserts asserting",
    "demand": "demanded demands demanding",
    "call": "called calls calling",
    "blame": "blamed blames blaming",
    "recall": "recalled recalls",
    "observe": "observed observes",
    "agree": "agreed agrees",
    "believe": "believe believes believed",
    "encourage": "encouraged encourages encouraging",
    "expect": "expects expected",
    "according to": "according to",
    "announcement": "announcement",
    "statement": "statement",
    "attributable to": "attributable to",
    "per": "per",
    "issue statement": "issued the following statement",
}
VERB_LEMMAS = {
    form: lemma for lemma, forms in _VERB_STEMS.items() for form in (forms.split() if " " not in lemma else [forms])
}
VERB_LEMMAS["according to"] = "according to"
VERB_LEMMAS["According to"] = "according to"  # at a sentence start
VERB_LEMMAS["Per"] = "per"
VERB_LEMMAS["issued the following statement"] = "issue statement"
VERB_LEMMAS.pop("issued", None)
VERB_LEMMAS["attributable to"] = "attributable to"
#: Nouns that report only after a possessive owner and before "that" ("Biden's announcement that").
NOUN_LEMMAS = frozenset({"announcement", "assertion", "insistence"})
VERB_LEMMAS["assertion"] = "assertion"
VERB_LEMMAS["insistence"] = "insistence"
VERB_LEMMAS.pop("statement", None)
#: Verbs that report only with "as" after them ("sees X as Y") or a quote ("called it “…”").
AS_VERBS = frozenset({"see", "view", "describe"})
QUOTE_VERBS = frozenset({"call", "believe", "agree", "expect"})
VERBS = re.compile(r"\b(?<![’'-])(?:" + trie_regex(sorted(VERB_LEMMAS)) + r")\b(?![’'-])")
#: Verbs that typically follow their speaker's name: used to recognise names ("Tronc said").
SPEECH_AFTER_NAME = re.compile(
    r"(?:,[ \t]+(?:in|on|at|a|an|the|which|who)\b[^,.;:\n\"“”]{1,60},)?[ \t]+(?:(?:has|have|had|also|later|then|previously|once|further)[ \t]+)*(?:said|says|told|tells|added|noted|"
    r"explained|announced|claimed|reported|stated|warned|argued|insisted|confirmed|denied|remarked|commented|"
    r"conceded|cautioned|wrote|tweeted|asked|replied|responded|revealed|emphasi[sz]ed|stressed|highlighted|"
    r"affirmed|estimated|continued|concluded|urged|encouraged|acknowledged|admitted|declared|predicted)\b"
)
NEGATION = re.compile(
    r"\b(?:not|n[’']t|never|no longer|declined to|refused to|did not|has not|have not)\s+(?:\w+\s+)?$"
)
