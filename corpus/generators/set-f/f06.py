import sys; sys.path.insert(0, "/tmp/blindf"); from lib import *
g = Gold()
src = '''DUNMORE COUNTY BOARD OF ELECTIONS
214 Courthouse Square, Room 110, Millbrook

MEMORANDUM

TO:       All Elections Office Staff, Temporary Workers and Precinct Election Officials
FROM:     Patricia L. Vance, Director of Elections
DATE:     October 6, 2026
RE:       Social media during the November 3 General Election

We are about four weeks out, and the office is getting more attention online than in any previous cycle. Please read this memo and sign the acknowledgment at the bottom. [[GL904|This guidance is in effect from today until the canvass is certified.]]

1.  Official information

    [[GL101|Only the Director and the Public Information Coordinator post on the Board's official Facebook and X accounts.]] [[GL501|Results updates on election night are posted only after the Director has approved the figures.]] If a voter asks you a question online, do not answer it yourself; direct them to the office phone line, (555) 014-2200, or to elections@dunmore.example.gov.

2.  What you may not post

    [[GL303|Until the canvass is certified, staff and election officials may not post, on any account:]]
        a)  [[GL303|photographs of ballots, voted ballots, poll books, or ballot storage areas;]]
        b)  [[GL303|any voter's name, address, or voting history from our systems;]]
        c)  [[GL303|predictions or partial results before the polls close;]]
        d)  [[GL303|content supporting or opposing any candidate or ballot question while on duty or while wearing an election official badge.]]

    [[GL701|Voter information in the registration system is confidential except as the Election Code allows, and it is never to be shared online.]]

3.  Your own accounts

    [[GL404|You are free to use your personal accounts, but do not describe yourself as speaking for the Board, and remember that partisan posts by identifiable election workers can be used to question the integrity of the election and may lead to your removal from election duties.]]

    If you see false information about voting online, do not argue with it. Send a screenshot to the Public Information Coordinator.

4.  Scams

    [[GL604|Be alert to calls, texts and messages that claim to come from the Secretary of State or from "IT support" and ask for passwords or for access to our systems; they are not from us, and they should be reported to the Director right away.]]

5.  Other

    The Board's public comment period at the October 20 canvass preparation meeting will be held in person only.

    [[GL903|This memo does not replace the County's Social Media Policy (Administrative Regulation 14) or the Election Official Code of Conduct, which continue to apply.]] [[GL403|Violations may result in removal from election duties and, for county employees, discipline under the County Personnel Rules.]]

Thank you for all your hard work.

------------------------------------------------------------
I have read this memo.     Name: ____________________   Date: __________
'''
text = g.strip(src)
name = "f06-county-elections-staff-memo.txt"
open(os.path.join(OUT, name), "w").write(text)
g.write(name)
check(name, text)
