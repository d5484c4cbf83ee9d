"""The agency's name: the `{agency}` placeholder of example clauses, and finding the name in a
policy's title or first headings.

Detection is deliberately conservative: only a recognisable government name ("City of
Riverton", "Marion County", "Riverton Police Department") counts; anything else falls back to
"the agency", which reads correctly in every clause.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

PLACEHOLDER = "{agency}"
DEFAULT_AGENCY = "the agency"

_BRACED = re.compile(r"\{[^{}]*\}|[{}]")
# A placeholder at the start of the clause or of a sentence is capitalised ("The agency").
_SENTENCE_START = re.compile(r"(^|[.!?]\s+)" + re.escape(PLACEHOLDER))


def unknown_placeholders(text: str) -> list[str]:
    """Braced names (or stray braces) other than {agency}; a rule file must have none."""
    return [found for found in _BRACED.findall(text) if found != PLACEHOLDER]


def fill_agency(text: str, agency: str | None = None) -> str:
    """The clause with the agency's name in place of {agency} (default "the agency")."""
    name = agency or DEFAULT_AGENCY
    capital = name[:1].upper() + name[1:]
    text = _SENTENCE_START.sub(lambda m: m.group(1) + capital, text)
    return text.replace(PLACEHOLDER, name)


# A capitalised word that is not one of a title's own words ("… Social Media Policy").
_TITLE_WORDS = r"(?:Social|Media|Policy|Policies|Guidelines|Guide|Handbook|Procedures?|Standards?)"
_WORD = rf"(?!{_TITLE_WORDS}\b)[A-Z][A-Za-z.'&-]*"
# Up to four words, which "and" or "&" may join: "Avon and Severn Parish Council".
_NAME = rf"{_WORD}(?: (?:and |& )?{_WORD}){{0,3}}"
# "City of Riverton", "Town of North Bend", "County of Marin", "State of Ohio".
_OF_FORM = re.compile(
    rf"\b(?:City and County|City|Town|Township|Village|Borough|County|Parish|State|"
    rf"Commonwealth|Port|District) of {_NAME}"
)
# "Marion County", "Riverton Police Department", "Lakeside School District".
_BODY = (
    r"County|City|Town|Township|Village|Borough|Parish|Police Department|Fire Department|"
    r"Sheriff's Office|Sheriff’s Office|Department|Office|Agency|Authority|Commission|"
    r"Council|Board|District|Library"
)
_NAMED_FORM = re.compile(rf"\b{_NAME} (?:{_BODY})\b")
# Words that start a title but are not part of a name: "Social Media Policy of …".
_NOT_NAME = {"Social", "Media", "Policy", "Policies", "Guidelines", "Official", "Draft", "The"}
# Bodies whose name takes "the" in running text: "the City of Riverton", "the Police Department".
_TAKES_ARTICLE = re.compile(r"\b(?:of|Department|Office|Agency|Authority|Commission|Council|"
                            r"Board|District|Library)\b")  # fmt: skip


def _trim(name: str) -> str:
    words = name.split()
    while words and words[0] in _NOT_NAME:
        words.pop(0)
    return " ".join(words)


def _with_article(name: str) -> str:
    return f"the {name}" if _TAKES_ARTICLE.search(name) else name


def _cased(line: str) -> str:
    # A heading set in capitals ("HILLCREST POLICE DEPARTMENT") is matched in title case.
    letters = [c for c in line if c.isalpha()]
    return line.title() if letters and all(c.isupper() for c in letters) else line


def detect_agency(lines: Iterable[str | None]) -> str | None:
    """The agency named in the first of `lines` (title, metadata title, first lines) that
    names one, with "the" where running text needs it; None when none does."""
    for raw in lines:
        if not raw:
            continue
        line = _cased(raw)
        for pattern in (_OF_FORM, _NAMED_FORM):
            found = pattern.search(line)
            if found:
                name = _trim(found.group())
                if len(name.split()) >= 2:
                    return _with_article(name)
    return None
