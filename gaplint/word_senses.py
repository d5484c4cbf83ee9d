"""Words the Snowball stemmer folds into a word of another sense, kept apart.

Rules match on stems, so that "moderated" meets "moderate". Snowball also strips endings that
change what a word means: "polite" and "political" both become "polit", "information" becomes
"inform", "followers" "follow", "commenter" "comment", "government" "govern", "terminal"
"termin", "directive" "direct". A rule about political activity then reads "be polite", a
rule that staff "follow" a code reads a count of followers. Each group below is one sense:
its words share a normal form of their own, which no Snowball stem is (it ends in "~"), so
they still meet each other and nothing else. A word not listed keeps its Snowball stem.
"""

from __future__ import annotations

# normal form: the words of that sense (every inflection that occurs in policies)
_SENSES: dict[str, tuple[str, ...]] = {
    "polite~": ("polite", "politely", "politeness", "impolite"),
    "terminal~": ("terminal", "terminals"),
    "information~": ("information", "informational"),
    "informal~": ("informal", "informally"),
    "follower~": ("follower", "followers"),
    "government~": ("government", "governments", "governmental"),
    "authority~": ("authority", "authorities"),
    "author~": ("author", "authors", "authored", "authoring", "authorship"),
    "design~": ("design", "designs", "designed", "designer", "designers", "designing"),
    "directive~": ("directive", "directives"),
    "accountable~": ("accountable", "accountability", "unaccountable"),
    "accessible~": ("accessible", "accessibility", "inaccessible"),
    "critical~": ("critical", "critically"),
    "constitution~": ("constitution", "constitutions", "constitutional"),
    "likely~": ("likely", "likelihood", "unlikely"),
    "likeness~": ("likeness", "likenesses"),
    "productive~": ("productive", "productivity"),
    "periodic~": ("periodic", "periodically"),
    "recording~": ("recording", "recordings"),
    "reporter~": ("reporter", "reporters"),
    "provider~": ("provider", "providers"),
    "response~": ("response", "responses"),
    "timely~": ("timely", "untimely"),
    "useful~": ("useful", "usefulness"),
    "exclusive~": ("exclusive", "exclusively"),
    "residence~": ("residence", "residences"),
    "material~": ("materially",),
    "organisation~": ("organisation", "organisations", "organisational"),
    "organization~": ("organization", "organizations", "organizational"),
    "publication~": ("publication", "publications"),
    "person~": ("person", "persons"),
    "officer~": ("officer", "officers"),
    "disability~": ("disability", "disabilities"),
    "relation~": ("relation", "relations"),  # "media relations" is not "related"
    "relative~": ("relative", "relatives", "relatively"),
    "accounting~": ("accounting", "accountant", "accountants"),
    "minority~": ("minority", "minorities"),
    "commenter~": ("commenter", "commenters", "commentor", "commentors"),  # a person, not a verb
    "manager~": ("manager", "managers"),  # a person; "management" is what one does
}

SENSE_OF: dict[str, str] = {word: sense for sense, words in _SENSES.items() for word in words}
"""Lower-case word: the normal form of its sense."""
