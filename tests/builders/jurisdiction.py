"""Small social media policies written for the jurisdiction tests, one per legal system.

Each names its own country's laws, bodies, places and spellings the way real policies do,
in sentences written for these tests. `NO_ACCESSIBILITY` sentences are left out on purpose,
so that every policy has a GL704 gap whose recommendation the tests can read.
"""

from __future__ import annotations

from tests.builders.docx import simple_docx

_OPENING = (
    "# Social media policy\n\n"
    "This policy covers the official social media accounts of the {body}, on Facebook and "
    "other platforms.\n\n"
)

_LAWS = {
    "us": (
        "county government",
        [
            "Comments are not removed because of the viewpoint they express, consistent with "
            "the First Amendment.",
            "Employees must not use official accounts for political activity prohibited by the "
            "Hatch Act.",
            "Messages to our accounts may be released under the state Sunshine Law.",
            "Our favorite color for the center of each banner is blue, and we apologize for "
            "delays.",
            "Residents of Ohio and Texas follow our pages.",
        ],
    ),
    "uk": (
        "borough council",
        [
            "Personal data received through our accounts is processed under the Data Protection "
            "Act 2018 and the UK GDPR.",
            "Complaints about how we use personal data may go to the Information Commissioner.",
            "Our favourite colour for the centre of each banner is green, and we apologise for "
            "delays.",
            "Residents across Wales and England follow our pages.",
        ],
    ),
    "ca": (
        "school district",
        [
            "Personal information gathered through our pages must be handled in accordance "
            "with PIPEDA.",
            "Access requests received through the page are answered under the Access to "
            "Information Act.",
            "Our favourite colour for the centre of each banner is red.",
            "Families in Ontario and Manitoba follow our pages.",
        ],
    ),
    "au": (
        "shire council",
        [
            "Personal information is handled in accordance with the Privacy Act 1988 and the "
            "Australian Privacy Principles.",
            "Requests for documents may be made under the Freedom of Information Act 1982.",
            "Our favourite colour for the centre of each banner is gold, and we apologise for "
            "delays.",
            "Residents of Queensland and Tasmania follow our pages.",
        ],
    ),
    "nz": (
        "regional council",
        [
            "Messages to our accounts may be requested under LGOIMA or the Official Information "
            "Act 1982.",
            "Personal information is handled under the Privacy Act 2020.",
            "Our favourite colour for the centre of each banner is teal.",
            "Residents of Wellington and Otago follow our pages.",
        ],
    ),
    "generic": (
        "agency",
        [
            "Staff must keep the tone of every post calm and helpful.",
            "Comments that contain threats will be hidden by the moderator.",
        ],
    ),
}

JURISDICTIONS = tuple(_LAWS)


def policy_for(code: str) -> str:
    """A Markdown policy that names `code`'s laws (`generic`: none at all)."""
    body, sentences = _LAWS[code]
    return _OPENING.format(body=body) + "\n\n".join(sentences) + "\n"


def policy_docx_for(code: str) -> bytes:
    """The same policy as a generated Word document."""
    body, sentences = _LAWS[code]
    return simple_docx(
        "Social media policy",
        f"This policy covers the official social media accounts of the {body}, on Facebook "
        "and other platforms.",
        *sentences,
    )
