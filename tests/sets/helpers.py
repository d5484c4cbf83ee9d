"""Two halves of one policy: each alone has gaps the other fills (the TS test pack)."""

from __future__ import annotations

SAFETY = """\
# Social media account standard

This standard applies to the social media accounts that the agency runs.

## Account safety

All of the passwords for the accounts must be strong and they must be kept secret.

Every member of the staff must report phishing to the help desk as soon as they see it.
"""

RECORDS = """\
# Social media records policy

This policy applies to the posts the agency makes on its social media accounts.

## Records

All of the posts on the accounts are retained by the agency for three years.
"""

SAFETY_NO_PHISHING = SAFETY.replace(
    "Every member of the staff must report phishing to the help desk as soon as they see it.\n",
    "",
)

SET_CONFIG = """\
[[sets]]
name = "Riverton social media"
paths = ["policy/*.md"]
"""
