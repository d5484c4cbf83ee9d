import sys; sys.path.insert(0, "/tmp/blindf"); from lib import *
g = Gold()
src = r'''---
title: "Social Media and Online Conduct"
section: 7.4
handbook: Employee Handbook
[[GL902,GL904|owner: Marketing & Communications (Director of Marketing & Communications)]]
[[GL902|reviewers: Compliance & Privacy Office; Human Resources; Information Services Security]]
[[GL904|effective: 2025-07-01]]
[[GL904|last_reviewed: 2026-06-15]]
[[GL904|next_review: 2027-06-15]]
tags: [conduct, HIPAA, social-media, communications]
layout: handbook-page
---

# 7.4 Social Media and Online Conduct

> **Applies to:** all Riverbend County Medical Center (RCMC) employees, medical staff, residents, students, volunteers and contracted staff ("workforce members").
> See also: [7.1 Standards of Conduct](./7-1-standards-of-conduct.md) · [5.2 Confidentiality of Patient Information](../05-privacy/5-2-confidentiality.md) · [9.3 Acceptable Use of Information Systems](../09-it/9-3-acceptable-use.md)

Most of us use social media every day. This page explains what RCMC expects when you post, whether you're doing it as part of your job or in your own time. If you're unsure, ask before you post: **socialmedia@rcmc.example.gov**.

## At a glance

| | Official RCMC accounts | Your personal accounts |
|---|---|---|
| Who posts | [[GL101|Marketing & Communications and approved department contributors only]] | You |
| Patient information | Only with signed authorization (Form MC-12) | Never |
| Speaks for RCMC? | Yes | No |

## Official, professional and personal use

[[GL301|RCMC separates three kinds of use: official use (posting on an RCMC account as part of your job), professional use (taking part in clinical or professional networks in your own name), and personal use (everything else).]] The rules below differ for each.

### Official RCMC accounts

- [[GL201|New RCMC accounts, pages or channels (including for departments, foundations, clinics or research studies) are created only after approval by the Director of Marketing & Communications.]]
- [[GL501|Content for official accounts is written or reviewed by Marketing & Communications; posts that include clinical information are also reviewed by the relevant department chair.]]
- [[GL103|Staff who need to contribute to an official account request contributor access through an Information Services ticket, approved by their department director and Marketing & Communications.]]

### Social media at work

[[GL102|Social networking sites (Facebook, Instagram, TikTok, X, Snapchat) are blocked on clinical workstations and on the RCMC internal network; LinkedIn and YouTube remain available for education and recruitment.]] [[GL302|Personal use of social media during working time should be limited to meal and rest breaks, and personal devices should not be used in patient care areas except as permitted by your unit.]]

[[GL603|Do not install social media apps, browser extensions or third-party "page management" tools on RCMC devices without approval from Information Services Security.]] [[GL604|Be wary of messages asking you to log in, confirm a password or "verify" an account — report suspected phishing with the Report Phish button in Outlook.]]

### Professional participation

[[GL503,GL502|When you take part in professional networks, online journal clubs or public health forums in your own name, you may share general health information, but you must not give individual medical advice, and you should state your role and that you are not speaking for RCMC.]]

## Patient privacy

[[GL701|Never post any information that could identify a patient — names, photos, room numbers, dates of service, or details of a case — even if you think it is anonymous, and even in a private group or direct message.]] [[GL303|Photographing or recording patients, or any area where patients can be seen, for social media is prohibited.]] Violations of patient privacy may also need to be reported under federal law; see [5.2 Confidentiality of Patient Information](../05-privacy/5-2-confidentiality.md).

## Your personal accounts

[[GL404|What you post on your personal accounts is your own business until it involves RCMC, our patients or your coworkers: you may not present yourself as speaking for RCMC, and posts that disclose confidential information, threaten or harass coworkers, or show disrespect for patients may lead to corrective action even if they were posted off duty.]]

[[GL303|Workforce members may not:]]

1. [[GL303|post protected health information or confidential business information;]]
2. [[GL303|harass, bully or threaten coworkers, patients or visitors;]]
3. [[GL303|use RCMC's name or logo to endorse products, causes or candidates;]]
4. [[GL303|"friend" or follow patients you are currently treating through a personal account.]]

[[GL402|We expect you to be respectful, honest and professional online, just as you would be on the unit.]] [[GL401|The Standards of Conduct in section 7.1 apply to your online conduct.]]

## What happens if something goes wrong

[[GL403|Violations of this section are handled through the corrective action process in section 7.6 and may result in discipline up to and including termination; privacy violations may also be reported to licensing boards.]]

If you see a post about RCMC that concerns you — including a negative review — don't respond. Take a screenshot and send it to socialmedia@rcmc.example.gov.

## FAQ

**Can I post that I work at RCMC?**
Yes. Many of us do. Just remember that once you've identified yourself as an RCMC employee, people may read your posts as reflecting on RCMC.

**Can I share posts from RCMC's official pages?**
Yes, please do. Sharing is encouraged.

**A patient sent me a friend request. What should I do?**
Decline it politely. If the patient asks, explain that RCMC policy does not allow personal social media connections with current patients.

**Does this policy cover the RCMC Foundation's donor events?**
The Foundation follows this section and its own Donor Communications Guidelines.

## Related policies

- [[[GL903|7.1 Standards of Conduct]]](./7-1-standards-of-conduct.md)
- [[[GL903|5.2 Confidentiality of Patient Information]]](../05-privacy/5-2-confidentiality.md)
- [[[GL903|9.3 Acceptable Use of Information Systems]]](../09-it/9-3-acceptable-use.md)
- [7.6 Corrective Action](./7-6-corrective-action.md)

---
*Questions about this page? Open an issue in the handbook repository or email the page owner.*
'''
text = g.strip(src)
name = "f05-public-hospital-handbook-social-media.md"
open(os.path.join(OUT, name), "w").write(text)
g.write(name)
check(name, text)
