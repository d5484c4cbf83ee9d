"""Build the PDF and DOCX documents of the gaplint evaluation corpus.

Every document in corpus/ is fictional and was written for gaplint. The Markdown, text and
HTML documents are committed as written; the PDF and DOCX documents are generated from the
sources in this file, so their text can be reviewed in a diff:

    python corpus/build.py            # rebuild every PDF and DOCX beside this file
    python corpus/build.py --text X   # print the plain text of one source (used by check_gold.py)

Sources use a small Markdown subset: "# " title, "## " section, "### " subsection, "- " bullet,
"1. " numbered item (continuation lines indented), "| a | b |" table rows (first row is the
header), "**Lead.**" bold lead-in at the start of a paragraph or item, and plain paragraphs
separated by blank lines. Output is deterministic: fixed creation dates, fixed zip timestamps.
"""

# ruff: noqa: E501

from __future__ import annotations

import io
import re
import sys
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXED_DATE = datetime(2024, 1, 15, 9, 0, 0, tzinfo=timezone.utc)
ZIP_DATE = (2024, 1, 15, 9, 0, 0)


SRC_02 = """\
# Harlan County Social Media Use Policy

**Policy Number:** HR-317

**Adopted by the Board of Commissioners:** March 12, 2024

**Policy owner: County Administrator. This policy takes effect April 1, 2024 and shall be
reviewed by the County Administrator each year in January.**

## Section 1. Purpose and Scope

1.1 Harlan County uses social media to give residents fast, reliable notice of road closures,
severe weather, public meetings and County services, and to build two-way relationships with the
communities it serves.

1.2 This policy applies to all County departments, elected offices that choose to adopt it,
employees, volunteers and contractors who use social media in connection with County business,
and to employees' personal use of social media as described in Section 6.

1.3 The policy was drafted by a working group made up of the Public Information Officer, the
County Attorney, the Director of Information Technology and the Director of Human Resources, and
amendments must be reviewed by each of them before they go to the Board.

## Section 2. Who May Use Social Media for the County

2.1 No employee shall post, comment or respond on behalf of Harlan County on any social media
site unless the employee has been designated as an authorized user by the Public Information
Officer.

2.2 A department head who wishes an employee to become an authorized user shall submit a written
request to the Public Information Officer; the request becomes effective only after the Public
Information Officer approves it and the employee completes the County's social media training
and signs the user agreement. Authorized user status ends automatically when the employee
transfers out of the department.

2.3 County computers may be used to reach the following pre-approved sites for County business:
Facebook, YouTube, Instagram and X; all other social media sites are blocked by the County web
filter unless the Director of Information Technology grants an exception.

## Section 3. County Accounts

3.1 No department shall open a social media account that represents the County, a department or
a County program without prior written approval from the County Administrator upon the
recommendation of the Public Information Officer.

3.2 The Public Information Officer shall maintain a current inventory of all County social media
accounts, including each account's administrators and the location of its log-in credentials,
and the Department of Information Technology shall hold a sealed copy of those credentials.

3.3 Every County account shall be set up with a County e-mail address, shall have a primary and
a secondary administrator named by the department head, and shall not be linked to any
employee's personal account.

## Section 4. Acceptable Use

4.1 Use of social media falls into two categories under this policy: official use, meaning
communication on behalf of the County by an authorized user, and personal use, meaning an
employee's private participation in social media as an individual.

4.2 Personal use of social media on County equipment or during paid work time is not permitted,
except during scheduled breaks on an employee's own device.

4.3 No employee shall use a County account or County equipment to:

- support or oppose a political candidate or ballot measure;
- promote a private business or seek personal financial gain;
- harass, threaten or discriminate against any person;
- post material that is obscene or unlawful; or
- disclose confidential or legally protected County information.

## Section 5. Conduct on County Accounts

5.1 The Harlan County Employee Code of Conduct and the Personnel Policies Manual apply to
employees' use of social media in the same way that they apply to any other communication.

5.2 Authorized users shall be professional, respectful and truthful in all communication on
County accounts.

5.3 An employee who violates this policy may be subject to disciplinary action up to and
including dismissal.

## Section 6. Personal Use of Social Media

6.1 Employees have the right to use personal social media accounts on their own time, but they
shall not post on a personal account in a way that suggests they are speaking for the County,
and conduct on a personal account that violates Section 6.3 can lead to discipline even if it
occurs off duty.

6.2 The following are recommendations only, and not following them is not by itself grounds for
discipline: consider adjusting your privacy settings; think before posting about your workplace;
and avoid using your County title in a personal profile.

6.3 The following conduct on a personal account is grounds for discipline up to and including
dismissal: threats or harassment directed at co-workers or residents; disclosure of confidential
County information; and posting of County work product or photographs taken in restricted County
facilities without authorization.

6.4 An employee who comments on County matters on a personal account in a way that identifies
the employee's County position shall include a disclaimer stating that the opinions expressed
are the employee's own and not those of Harlan County.

## Section 7. Content Management

7.1 The Public Information Officer is responsible for content on the County's main accounts;
department heads are responsible for approving the content of department accounts before it is
published.

7.2 Information posted on County accounts shall be accurate and timely, and when a post contains
an error the authorized user shall correct it and state that the post was corrected.

## Section 8. Security

8.1 Passwords for County accounts shall meet the County's complexity standard, shall be kept
confidential, and shall be changed immediately when an administrator leaves County employment or
loses authorized user status.

8.2 Two-factor authentication shall be enabled on every County account where the platform
supports it, and departments shall request verified status for their accounts where available to
protect residents from impersonators.

8.3 Authorized users shall not install or authorize third-party applications, games or plug-ins
on County accounts without approval from the Department of Information Technology.

8.4 Authorized users shall not click links or open attachments in unsolicited direct messages,
and shall report suspected phishing, fake log-in pages or other scams to the IT Help Desk.

## Section 9. Legal Requirements

9.1 Authorized users shall not request or collect personal information from residents through
social media, and shall direct residents with account-specific questions to a secure County
channel.

9.2 Posts and comments on County accounts are County records, and the Department of Information
Technology shall capture and retain them according to the County's approved retention schedule.

9.3 County content shall be accessible to persons with disabilities as required by the Americans
with Disabilities Act, including captions on video and descriptions for images.

9.4 Because comment sections on County accounts are a public forum, authorized users shall not
delete or hide comments based on the opinion expressed, in keeping with the First Amendment.

9.5 Each County account shall display a disclaimer explaining that links to other websites and
references to businesses or organizations do not imply endorsement by the County.

9.6 Authorized users shall comply with each platform's terms of service and shall not post
photographs, music or other material protected by copyright unless the County owns it or has
permission to use it.

## Section 10. Public Interaction

10.1 County accounts may allow residents to comment on posts, and department heads may choose to
turn off comments for a particular account or post.

10.2 The County may remove comments that are obscene, threatening, harassing, discriminatory,
commercial, off-topic or that contain another person's private information.

10.3 Removal of a comment requires the approval of the Public Information Officer, and a
screenshot of the removed comment with the date and reason for removal shall be kept with the
account's records.

10.4 The County's public comment guidelines shall be posted in the About section of every County
account.
"""

SRC_03 = """\
# Departmental Directive 22-05: Social Media

Department of Transportation, State of New Albion. Directive type: Administrative. Supersedes:
Directive 14-09. Effective: September 1, 2022. Next scheduled review: September 2025.

## 1. Purpose

This directive establishes the requirements that apply when Department of Transportation (NADOT)
personnel use social media, whether to publish information on behalf of the Department or as
private individuals.

## 2. Authority and Related Directives

This directive operates together with the State Employee Ethics Act, Executive Order 2019-3 on
Information Technology Acceptable Use, the NADOT Records Management Manual and Personnel
Directive 7 on Progressive Discipline; where those documents are stricter, they control.

This directive was developed by the Office of Public Affairs with the Office of Chief Counsel,
the Office of Information Technology and the Bureau of Human Resources, which jointly review it.

## 3. Definitions

**Department account:** a social media account operated by NADOT or any of its districts to
communicate with the public.

**Account manager:** an employee assigned by the Office of Public Affairs to operate a
Department account.

**Personal account:** a social media account held by an employee as a private individual.

## 4. Access

Only account managers and employees in the Office of Public Affairs are authorized to use social
media on NADOT's behalf; employees in other units who need to view social media for their
duties, such as traffic operations staff monitoring incident reports, may do so with their
supervisor's approval.

Access is granted when the employee's district administrator submits an access request through
the IT Service Portal, the Office of Public Affairs approves it, and the employee signs the
Social Media Acknowledgement Form; access is withdrawn at the request of the supervisor or on
separation.

## 5. Roles and Responsibilities

| Role | Responsibilities |
|---|---|
| Office of Public Affairs | Approves or denies every request to create a new Department account; no district or bureau may create one on its own. Maintains the master list of Department accounts, their account managers and their registered e-mail addresses. |
| District Public Information Officer | Drafts and approves all content published on the district's accounts, and obtains Office of Public Affairs sign-off before posting about policy, legislation or funding. |
| Account managers | Operate the account day to day using the Department-owned log-in tied to a NADOT e-mail address, with a designated back-up manager for absences. Verify that traffic and construction information is accurate before posting and correct errors as soon as they are discovered, noting the correction. |
| Office of Information Technology | Issues account passwords, requires them to meet the State password standard, and changes them within one business day when an account manager leaves the role. Reviews and approves any third-party management tool before it is connected to a Department account, and keeps endpoint malware protection current on devices used to post. |
| Records Officer | Ensures that content on Department accounts, including public comments, is captured as a public record and retained under the NADOT records retention schedule. |

## 6. Account Lifecycle

When a Department account is no longer needed, for example at the end of a construction project,
the account manager notifies the Office of Public Affairs, posts a closing notice directing
followers to the main NADOT account, archives the content with the Records Officer and then
deactivates the account.

Department accounts must use multi-factor authentication, and the Office of Public Affairs seeks
platform verification for the main NADOT accounts so that the public can distinguish them from
impostor accounts.

## 7. Acceptable Use

Personnel must keep official use, which is posting on a Department account as part of their
duties, separate from personal use on their own accounts; personal content must never be posted
on a Department account and Department business must not be conducted through a personal
account.

Incidental personal use of social media on State equipment is permitted only if it is brief,
occurs outside of work time and does not interfere with the employee's duties.

Personnel may not use social media in connection with their employment to:

- engage in political activity prohibited by the State Employee Ethics Act;
- advertise or endorse commercial products or services;
- release non-public information such as bid details, security plans for bridges or personnel
  matters; or
- harass, bully or discriminate against any person.

## 8. Conduct

The State Employee Ethics Act and the NADOT Standards of Conduct govern employees' social media
activity as they govern all other employee activity.

Account managers must communicate with the public courteously and truthfully and must remain
professional even when responding to hostile comments.

On personal accounts, employees may identify themselves as NADOT employees but may not comment
on behalf of the Department, and they remain responsible for off-duty posts that disclose
non-public Department information or that threaten or harass co-workers.

This directive distinguishes between guidance and requirements: the tips in Appendix A are
advice for employees' personal online activity and are not enforced, while the prohibitions in
Section 7 and this Section are requirements and violations are grounds for discipline.

Violations may result in disciplinary action under Personnel Directive 7, up to and including
termination.

Employees who discuss transportation matters on personal accounts or blogs must include a
statement that their views are their own and do not represent the position of the Department of
Transportation.

Employees who participate in work-related discussions on professional sites, such as industry
association forums or LinkedIn groups, should share their technical expertise, avoid predicting
Department decisions, and refer media inquiries to the Office of Public Affairs.

## 9. Legal Requirements

Account managers must not collect or publish personal information about members of the public,
such as licence plate numbers or crash victims' names, and must not ask for such information in
public replies.

Requests from the public for copies of social media content are handled by the Right-to-Know
Officer under the New Albion Right-to-Know Law.

Department content must comply with Section 508 of the Rehabilitation Act and the State
accessibility standard, including captions on video and alternative text on images.

Each Department account's profile must include a disclaimer stating that links to external sites
are provided for convenience and do not constitute an endorsement.

Account managers must follow the terms of service of each platform and must not use images, maps
or music without confirming the Department holds the rights to them.

## 10. Public Interaction

Department accounts allow the public to comment and to send messages, except that comments may
be turned off on posts about active emergencies.

Comments will be removed if they contain profanity, threats, discriminatory statements,
solicitation or advertising, or personal information about others.

Account managers moderate comments in consultation with their District Public Information
Officer, hide rather than delete removed comments where the platform allows, and log each
removal for the Records Officer.

The Department's comment policy must be linked from the profile of every Department account.

## Appendix A. Tips for Personal Social Media Use

- Check your privacy settings regularly.
- Think about how a post could look to the public if it were shared widely.
- When in doubt, do not post about work.
"""

SRC_08 = """\
# Enterprise Standard ITS-SEC-014: Security of Agency Social Media Accounts

**Issuing authority:** Chief Information Security Officer, Office of Information Technology
(OIT)

**Applies to:** All executive branch agencies, boards and commissions

**Effective date: May 1, 2023. Review: OIT reviews this standard annually and after any
significant security incident involving an agency social media account.**

## 1. Purpose

This standard sets the minimum security controls that executive branch agencies shall apply to
social media accounts they operate, so that those accounts cannot easily be taken over, misused
or used to spread false information in the Commonwealth's name.

## 2. Scope and Exclusions

2.1 This standard applies to every social media account that an agency operates to communicate
with the public, and to the workstations and mobile devices used to manage those accounts.

2.2 This standard does not address records retention or the public disclosure of social media
content, which are governed by the Commonwealth Records Management Act and guidance from the
State Records Administrator.

2.3 This standard does not address employee conduct, the content of agency posts or the
moderation of public comments; agencies address those matters in their own social media
policies.

## 3. Governance

3.1 This standard was developed by OIT's Information Security Office in consultation with the
Governor's Office of Communications, the Office of General Counsel and the Human Resources
Division, and those offices are consulted before each revision.

3.2 Agencies shall apply this standard together with Enterprise Policy ITS-POL-001 (Acceptable
Use of Information Technology Resources) and Enterprise Standard ITS-SEC-002 (Password and
Authentication Requirements); where this standard is more specific, it controls.

## 4. Platform Access

4.1 OIT maintains the Approved Platform List; agency networks shall allow access to platforms on
the list for business use, and shall block the administrative interfaces of platforms that are
not on the list. At the date of this standard the list includes Facebook, Instagram, LinkedIn,
X, YouTube and Threads.

4.2 Access to an agency account's administrative functions shall be granted only on a documented
request from the employee's supervisor, approved by the agency Information Security Officer, and
shall be revoked within one business day of the employee's transfer or separation.

## 5. Account Registration and Ownership

5.1 Each agency shall register every social media account it operates with OIT's Information
Security Office, recording the platform, account handle, business owner, current administrators
and the location of the account's credentials, and shall update the registration within five
business days of any change.

5.2 Accounts shall be created with an agency-owned e-mail address or distribution list, never a
personal e-mail address, and each account shall have at least two administrators so that the
agency never depends on a single employee for access.

5.3 An account that has been inactive for 180 days, or whose business purpose has ended, shall
be deactivated or deleted by the agency, and the agency shall notify OIT so that the
registration can be closed.

## 6. Authentication

6.1 Passwords for agency social media accounts shall be at least 15 characters, shall be unique
to the account, shall be stored only in an OIT-approved password vault, and shall be changed
immediately when any administrator leaves the agency or no longer needs access.

6.2 Multi-factor authentication shall be enabled on every account that supports it, using an
agency-controlled device or security key; agencies shall apply for platform verification of
their primary accounts and shall report impersonating accounts to the platform and to OIT.

## 7. Technical Safeguards

The following controls are required:

- Devices used to manage agency accounts shall run OIT-managed endpoint protection with current
  malware definitions.
- Third-party applications, browser extensions and social media management tools shall not be
  granted access to an agency account unless OIT has approved them.
- Agencies shall disable platform features they do not use, such as integrated payments,
  shopping or live audio, where the platform allows.
- Files received through direct messages shall be scanned before they are opened.

## 8. Behavioural Threats

8.1 Account administrators shall complete OIT's annual security awareness training, which covers
spear phishing, fake platform notices of copyright or policy violations, and social engineering
attempts by people posing as platform staff or journalists.

8.2 Administrators shall report any suspicious message, unexpected log-in alert or request for
account credentials to the agency Information Security Officer immediately and shall not reply
to it.

## 9. Incident Response

9.1 If an agency account is compromised, the agency shall regain control of the account, post a
notice once control is restored, and notify OIT's Security Operations Center within one hour of
discovery.

9.2 OIT may direct an agency to suspend an account that presents a risk to Commonwealth systems.

## 10. Compliance and Exceptions

Agencies may request an exception to a requirement of this standard by submitting a risk
acceptance form signed by the agency head to the Chief Information Security Officer. OIT may
audit agency compliance with this standard at any time.
"""

SRC_09 = """\
# General Order 2.41: Social Media

Cedar Falls Police Department. Effective date: June 1, 2023. Rescinds: General Order 2.41 dated
March 3, 2017. Review: annually by the Office of Professional Standards. By order of the Chief
of Police.

## I. Purpose

The Department uses social media to share crime prevention information, request the public's
help with investigations, notify the community of emergencies and traffic incidents, and
increase transparency about police work. This order establishes the Department's rules for its
official social media presence and for members' personal use of social media.

## II. Policy

Members' use of social media is subject to the Department's Rules of Conduct (General Order
1.02), the Code of Ethics for Law Enforcement and the City of Cedar Falls Personnel Rules, and
nothing in this order lessens those obligations. "Member" means any sworn or civilian employee
of the Department, and any volunteer or reserve officer.

## III. Definitions

**Official use:** posting, responding or otherwise communicating through a Department social
media site as part of a member's assigned duties.

**Personal use:** a member's use of social media as a private person, on an account that is not
a Department site.

This order treats the two differently: official use is governed by Section IV, and personal use
is governed by Section V.

## IV. Department Social Media Sites

A. Establishment

No unit, division or member shall establish a social media site representing the Department
without the approval of the Chief of Police, requested through the Public Information Officer.

B. Authorized members

Only the Public Information Officer and members of the Community Relations Unit may post on
Department sites, and they may do so only while on duty.

C. Administration

The Public Information Officer administers all Department sites, maintains the log-in
credentials under a Department e-mail account, and assigns a back-up administrator for periods
of leave.

D. Content

Members designated to post shall obtain the Public Information Officer's approval before
releasing information about an active investigation, an arrest or a critical incident.

Members shall not post any of the following on a Department site or on any social media site in
connection with their duties:

- Information concerning an ongoing investigation, unless release has been authorized.
- Photographs or video of crime scenes, victims, evidence or the inside of Department
  facilities.
- Content supporting or opposing a political candidate, party or ballot issue.
- Endorsements of commercial products or services.

E. Privacy of the public

Members shall not post the names, images or identifying details of juveniles, victims of sexual
assault or domestic violence, or witnesses, and shall not post personal information obtained
through law enforcement databases.

F. Records

Content posted to Department sites is a public record, and the Public Information Officer shall
ensure it is retained in accordance with the state general retention schedule for law
enforcement agencies.

## V. Personal Use

A. On duty

Members may not access personal social media accounts while on duty except during meal breaks,
and may not use Department computers or mobile data terminals for personal social media at any
time.

Personal social media applications shall not be installed on Department-issued phones or
tablets.

B. Off duty

Members are free to use personal social media when off duty, but their off-duty posts remain
subject to this order and to General Order 1.02: members shall not represent themselves as
speaking for the Department, and off-duty posts that violate the prohibitions below may result
in discipline.

When using personal accounts, members shall not:

- Post photographs or video in which they are in uniform, wearing a Department badge or patch,
  or next to a marked vehicle, without approval of the Chief of Police.
- Post statements or images that are racist, sexist or otherwise discriminatory, or that glorify
  or make light of violence.
- Disclose information about investigations, tactics, staffing or the schedule of any member.
- Identify themselves as members of the Department if they are assigned to an undercover or
  covert assignment.

A member who identifies as a Department employee and comments on law enforcement or Department
matters on a personal site shall state clearly that the opinions are the member's own and not
those of the Cedar Falls Police Department.

C. Professional conduct

Members are expected to conduct themselves online with the same professionalism, integrity and
respect that is required of them in the community, because their conduct can affect public trust
and the Department's ability to prosecute cases.

## VI. Recommendations and Requirements

The practices in this section are recommendations intended to protect members and their
families, and failure to follow them is not a violation of this order: members are advised not
to post their home address or photographs of their children, to review privacy settings, and to
consider that anything posted may be used in cross-examination.

By contrast, violations of Sections IV and V are grounds for discipline.

## VII. Violations

Violations of this order may result in disciplinary action up to and including termination, in
accordance with General Order 1.05, Disciplinary Process.
"""

SRC_12 = """\
# Granite County Information Technology Acceptable Use Policy

Administrative Regulation AR-6.01. Issued by the Information Services Department. Effective:
August 1, 2022; last revised January 10, 2024.

## 1. Purpose

This policy describes the acceptable use of Granite County information technology resources,
including computers, mobile devices, networks, e-mail, internet access, software and cloud
services, so that those resources are used efficiently, securely and lawfully.

## 2. Scope

This policy applies to all County employees, elected officials and their staff, contractors,
interns and volunteers who use County information technology resources ("users").

## 3. Network Accounts

3.1 A supervisor requests a network account for a new user by submitting the New User Access
form to the Information Services (IS) Service Desk at least three business days before the
user's start date.

3.2 Network accounts are disabled on the user's last day of work, and IS deletes the account's
mailbox ninety days later unless the department asks for it to be kept.

## 4. Passwords

4.1 The password rules in this section apply to every account used for County business,
including network, e-mail and cloud accounts and any County social media account.

4.2 The following rules apply:

- Passwords must be at least twelve characters and include three of the following: upper-case
  letters, lower-case letters, numbers and symbols.
- Passwords must not be shared with anyone, including co-workers and IS staff, and must not be
  written down where others can see them.
- A password must be changed immediately if the user believes it may have been disclosed.

## 5. E-mail

5.1 County e-mail is provided for County business. Users should keep messages professional and
avoid sending large attachments to large distribution lists.

5.2 E-mail messages sent or received in the course of County business are public records and
must be kept in accordance with the County's records retention schedule; users must not delete
messages in order to avoid a records request.

5.3 Mailboxes are limited to 50 GB. Users who need more space should contact the IS Service
Desk.

## 6. Internet Use

6.1 The County filters internet traffic to block sites that present a security risk or that
contain illegal or sexually explicit material.

## 7. Social Media

Access to social networking sites from County computers is limited to employees whose duties
require it; on County accounts, only the Public Information Officer and the communications
liaison in each department may post on behalf of the County. A department may not create a
social media account for County business without the approval of the Public Information Officer.
Employees who post on County social media accounts must also follow the Granite County Social
Media Policy, which is available on the County intranet.

## 8. Personal Use

Limited personal use of County computers and internet access, including personal e-mail, news
and social networking sites, is allowed during breaks and before or after work, provided it does
not interfere with the user's duties, use significant network resources or violate this policy.

## 9. Prohibited Uses

Users shall not use County IT resources, including e-mail, the internet and social media, to:

1. conduct a private business or seek personal financial gain;
2. campaign for or against a candidate or ballot measure;
3. harass, threaten or discriminate against any person;
4. access, store or distribute sexually explicit, illegal or pirated material;
5. disclose confidential County information to anyone not authorized to receive it; or
6. attempt to bypass security controls or gain access to systems they are not authorized to use.

## 10. Software and Devices

10.1 Users shall not install software, browser extensions or mobile apps on County devices, or
connect third-party applications to County e-mail, cloud or social media accounts, without
approval from IS.

10.2 Personal devices may connect to the County's guest wireless network only.

10.3 Lost or stolen County devices must be reported to the IS Service Desk immediately.

## 11. Security Awareness

11.1 Phishing messages may arrive by e-mail, text message or social media direct message; users
must not click links or open attachments from unknown senders, must never provide their password
in response to a message, and must report suspicious messages to the IS Service Desk.

11.2 All users must complete the County's annual cybersecurity awareness course.

## 12. Enforcement

Violations of this policy may result in suspension of access to County IT resources and in
disciplinary action up to and including termination.
"""

SRC_15 = """\
# Resolution No. 2024-18

A RESOLUTION OF THE BOARD OF SUPERVISORS OF MERRIWEATHER COUNTY ADOPTING A SOCIAL MEDIA POLICY
FOR COUNTY DEPARTMENTS

WHEREAS, Merriweather County intends to use social media to provide residents with timely
information about County services, public meetings and emergencies, and to increase public
participation in County government; and

WHEREAS, several County departments have established social media accounts without a common set
of rules, and residents have asked how comments on those accounts are handled; and

WHEREAS, the attached policy was developed by the County Administrator's Office together with
County Counsel, the Information Technology Department and the Human Resources Department, and
the County Administrator's Office will be responsible for administering it; and

WHEREAS, the Board of Supervisors finds that adopting a uniform policy is in the public
interest;

NOW, THEREFORE, BE IT RESOLVED by the Board of Supervisors of Merriweather County as follows:

1. The Merriweather County Social Media Policy attached as Exhibit A is adopted.
2. This resolution and the policy take effect thirty days after adoption, and the County
  Administrator shall report to the Board on the policy's operation, with any recommended
  amendments, every two years.
3. Departments that operate social media accounts on the date of adoption shall bring them into
  compliance within the same thirty days.

PASSED AND ADOPTED by the Board of Supervisors of Merriweather County on April 9, 2024, by the
following vote: AYES: 4. NOES: 0. ABSENT: 1.

Attest: Clerk of the Board

## Exhibit A: Merriweather County Social Media Policy

### Section 1. Scope

1.1 This policy governs social media accounts operated by County departments to communicate with
the public ("County accounts").

1.2 The personal social media use of County employees is outside the scope of this policy.

1.3 Technical security settings for County accounts are addressed separately by the Information
Technology Department and are not covered here.

### Section 2. Establishing and Operating County Accounts

2.1 A department that wishes to establish a County account shall submit a proposal to the County
Administrator, and no County account may be established until the County Administrator has
approved it.

2.2 Only a department's public information staff, and no other employees, may publish content on
County accounts.

2.3 Each County account shall have at least two designated employees with administrative rights,
and the account shall be registered using a County e-mail address.

2.4 The County Administrator's Office shall maintain a list of all County accounts and the
employees with administrative rights to each.

2.5 If a County account is not used for six months, or its purpose has ended, the department
shall close it with the approval of the County Administrator's Office, after its content has
been preserved under Section 4.

### Section 3. Content

3.1 Department heads are responsible for the content published on their department's accounts,
and content concerning matters before the Board of Supervisors shall be reviewed by the County
Administrator's Office before it is published.

3.2 Content shall be accurate and current; errors shall be corrected promptly and the correction
shall be identified as such.

3.3 Content shall be accessible to people with disabilities in accordance with the Americans
with Disabilities Act, including captions for video and text descriptions for images.

3.4 Each County account shall carry a statement that the County does not endorse the
organizations, products or services mentioned in posts or in links to external websites.

### Section 4. Public Records

4.1 Content on County accounts, including comments posted by the public, constitutes public
records, and each department shall preserve that content, by export or by an archiving service,
for at least the period required by state law.

4.2 Requests to inspect or copy social media content shall be processed under the state Public
Records Act in the same manner as requests for other County records.

### Section 5. Public Comments

5.1 County accounts may permit the public to post comments, and a department head may disable
comments on an account where the department cannot monitor them.

5.2 Comments may be removed only if they contain: obscenity; threats of violence; content that
promotes discrimination on the basis of a protected class; advertising or commercial
solicitation; spam; content that is unrelated to the topic of the post; or content that
encourages illegal activity.

5.3 County accounts that allow comments are limited public forums, and no comment shall be
removed because of the viewpoint it expresses or because it criticizes the County or its
officials.

5.4 Comments shall be removed only by an employee with administrative rights to the account, who
shall record the comment, the date and the reason for removal, and that record shall be retained
with the account's content.

5.5 The comment rules in Section 5.2 shall be posted on every County account that permits
comments.
"""

SRC_16 = """\
# Village of Elm Grove Social Media Policy

Personnel Manual, Chapter 14. Adopted by the Village Board on November 13, 2023, effective
January 1, 2024.

## 14.1 Scope

This chapter applies to all Village employees and to members of Village boards and commissions
who post on Village social media pages.

Accessibility of Village web and social media content is addressed in the Village's Digital
Accessibility Plan and is not covered by this chapter.

## 14.2 Official Village Pages

(a) Village social media pages may be created only with the approval of the Village Manager.

(b) The Communications Coordinator and up to two employees in each department, designated by the
department head, may post on Village pages; other employees may not post on behalf of the
Village.

(c) A department head designates an employee by sending the Communications Coordinator a signed
designation form, and the employee receives posting rights after reading this chapter and
signing the acknowledgement; the department head may withdraw the designation at any time.

(d) The Communications Coordinator is the administrator of every Village page and sets up each
page with a Village e-mail address so that the Village, not an individual employee, controls it.

(e) Passwords for Village pages are set by the Communications Coordinator, must not be shared
with anyone who is not a designated employee, and are changed when a designated employee leaves
the Village.

## 14.3 Content

(a) Designated employees write posts about their department's work, and the Communications
Coordinator reviews posts before publication except for urgent public safety notices.

(b) Posts must be accurate; when a post contains a mistake, the employee who posted it must
correct it within one business day and indicate that it has been corrected.

(c) Employees must comply with the terms of service of each platform and may not post
photographs, video or graphics belonging to others unless the Village has permission to use
them.

## 14.4 Personal and Official Use

(a) Posting on a Village page as part of an employee's job is official use; an employee's
activity on their own accounts is personal use, and personal accounts must not be used to
conduct Village business.

(b) Employees may use social media for personal purposes on Village equipment only during breaks
and lunch periods.

## 14.5 Conduct

(a) The Village Employee Code of Conduct in Chapter 3 of this Personnel Manual applies to all
social media activity by employees.

(b) Employees who post on Village pages must be courteous, accurate and professional, and must
respond to residents in the same way they would at a service counter.

(c) Employees who use personal accounts, including outside working hours, may not present their
opinions as the Village's position, and personal posts that violate the Code of Conduct are
subject to the same discipline as conduct at work.

(d) An employee who posts about Village matters on a personal account and identifies as a
Village employee must state that the views expressed are personal and do not represent the
Village of Elm Grove.

(e) Employees who take part in professional associations' online forums or comment on blogs
about their field should stick to their area of expertise and make clear they are not announcing
Village decisions.

(f) Violations of this chapter may result in discipline under Chapter 9 of this Personnel
Manual, up to and including termination.

## 14.6 Privacy and Records

(a) Employees must protect residents' privacy: when a resident shares an address, phone number
or utility account details in a comment or message, the employee moves the conversation to a
private channel and does not repeat those details in a public reply.

(b) Content on Village pages, including comments, is a public record and the Communications
Coordinator shall preserve it by downloading an archive of each page every month and keeping it
under the Village's records retention schedule.

## 14.7 Comments from the Public

(a) Village pages allow residents to comment, except pages used only for emergency notices.

(b) Comments may be removed if they are obscene, threatening, discriminatory, defamatory,
commercial or spam.

(c) Only the Communications Coordinator may remove a comment, and a copy of each removed comment
is kept with the page archive.
"""

SRC_18 = """\
# Social Media Guidance for Staff

Kestrel Fire and Rescue Service. Human Resources Guidance HR-G-21, version 2.

**Date of issue: 2 October 2023. Owner: Head of People Services. Next review due: October
2025.**

## 1. About this guidance

1.1 Most of us use social media every day, and many of us are proud to talk about the work we
do. This guidance explains what the Service expects of all personnel, whether operational, fire
control, support staff or volunteers, when they use social media.

1.2 Official Service channels are covered by the Corporate Communications Protocol and are
outside the scope of this guidance.

1.3 The guidance has been agreed by People Services, Corporate Communications, Legal Services
and ICT, in consultation with the representative bodies, and any of those departments can
propose changes to it.

1.4 It should be read together with the Code of Ethical Conduct, the Dignity at Work Policy, the
ICT Acceptable Use Policy and the Discipline Procedure.

## 2. Personal, professional and official use

2.1 The Service recognises three types of use: official use, when you post for the Service on a
Service channel; professional use, when you talk about your role or fire and rescue work in
professional networks; and personal use, which covers your own accounts and your private life.

2.2 Personal use of social media is not permitted while on operational duty or in the control
room, and on other duties it should be limited to rest breaks using your own device.

## 3. Standards of behaviour

3.1 The Code of Ethical Conduct and the Dignity at Work Policy apply to everything you post, at
work and away from it.

3.2 We expect colleagues to be respectful, honest and professional online, in the same way they
are when meeting the public.

3.3 You must not use social media to:

- post images or video from incidents, including from helmet or dash cameras, without the
  permission of Corporate Communications;
- bully, harass or discriminate against colleagues or members of the public;
- share information about incidents, investigations or Service business that has not been made
  public;
- use your role or the Service's name to promote a business or raise money for private purposes;
  or
- express support for a political party while in uniform or when identifiable as a member of the
  Service.

3.4 The people we help are often having the worst day of their lives: never post anything that
could identify a casualty, a member of the public or their home, and remember that personal data
about them is protected by the UK GDPR and the Data Protection Act 2018.

## 4. Your own accounts

4.1 When you use your own accounts, including off duty and on closed groups, you must not
present your views as those of the Service, and what you post there can still lead to action
under the Discipline Procedure if it breaches section 3.

4.2 If your profile says where you work, or you comment on fire and rescue matters, include a
short statement that your views are your own and not those of Kestrel Fire and Rescue Service.

4.3 Taking part in professional networks, such as LinkedIn groups or national fire sector
forums, is encouraged: share learning and good practice, but do not comment on the Service's
position on matters under consultation, and refer any requests for an official view to Corporate
Communications.

## 5. Keeping yourself and the Service safe

5.1 Criminals use social media to gather information about emergency service staff for scams and
social engineering, for example by posing as a colleague to find out station access codes or
rota patterns; never share this information online, even in private groups.

5.2 If you see an account that impersonates the Service, a station or a colleague, report it to
Corporate Communications so that it can be reported to the platform.

5.3 Do not install social media apps on Service-issued phones or tablets unless ICT has approved
them, and do not allow third-party apps or quizzes to connect to your Service e-mail account.

## 6. What is advice and what is a rule

6.1 Sections 3, 4.1 and 5.3 set out rules: breaching them is misconduct and can lead to
disciplinary action, including dismissal in serious cases. The suggestions in Annex A are advice
only; following them will help protect you and your family, but not following them is not a
disciplinary matter.

## 7. If something goes wrong

7.1 Breaches of this guidance will be dealt with under the Discipline Procedure, and gross
misconduct may result in dismissal.

7.2 If you are targeted online because of your job, tell your line manager. The Service will
support you.

## Annex A: Personal safety advice

- Think carefully before showing your face, your station or your vehicle in posts.
- Turn off location tagging on photos taken at or near stations.
- Review your privacy settings at least twice a year.
"""

DOCS: list[dict[str, str]] = [
    {
        "file": "02-harlan-county-full-policy.pdf",
        "agency": "Harlan County Board of Commissioners",
        "title": "Harlan County Social Media Use Policy",
        "paper": "letter",
        "source": SRC_02,
    },
    {
        "file": "03-new-albion-dot-social-media-policy.docx",
        "agency": "State of New Albion - Department of Transportation",
        "title": "Departmental Directive 22-05: Social Media",
        "source": SRC_03,
    },
    {
        "file": "08-easton-oit-social-media-security-standard.pdf",
        "agency": "Commonwealth of Easton - Office of Information Technology",
        "title": "Enterprise Standard ITS-SEC-014: Security of Agency Social Media Accounts",
        "paper": "letter",
        "font": "times",
        "source": SRC_08,
    },
    {
        "file": "09-cedar-falls-police-general-order.docx",
        "agency": "Cedar Falls Police Department",
        "title": "General Order 2.41 - Social Media",
        "source": SRC_09,
    },
    {
        "file": "12-granite-county-it-acceptable-use.docx",
        "agency": "Granite County Information Services Department",
        "title": "Information Technology Acceptable Use Policy",
        "source": SRC_12,
    },
    {
        "file": "15-merriweather-county-resolution.pdf",
        "agency": "Merriweather County Board of Supervisors",
        "title": "Resolution No. 2024-18 Adopting a Social Media Policy",
        "paper": "letter",
        "font": "times",
        "source": SRC_15,
    },
    {
        "file": "16-elm-grove-village-social-media-policy.docx",
        "agency": "Village of Elm Grove",
        "title": "Village of Elm Grove Social Media Policy",
        "source": SRC_16,
    },
    {
        "file": "18-kestrel-fire-rescue-staff-guidance.pdf",
        "agency": "Kestrel Fire and Rescue Service",
        "title": "Social Media Guidance for Staff (HR-G-21)",
        "paper": "a4",
        "source": SRC_18,
    },
]


# --------------------------------------------------------------------------- parsing


@dataclass
class Block:
    kind: str  # h1 h2 h3 p ul ol table
    text: str = ""
    rows: list[list[str]] | None = None
    number: int = 0
    start_list: bool = False


ITEM_RE = re.compile(r"^(?:- |(\d+)\. )(.*)$")


def parse(source: str) -> list[Block]:
    """Parse the Markdown subset described in the module docstring."""
    blocks: list[Block] = []
    para: list[str] = []
    prev_kind = ""

    def flush() -> None:
        if para:
            blocks.append(Block("p", " ".join(para)))
            para.clear()

    for raw in source.splitlines():
        line = raw.rstrip()
        stripped = line.strip()
        if not stripped:
            flush()
            prev_kind = "blank" if prev_kind not in ("ul", "ol") else prev_kind + "-gap"
            continue
        if raw.startswith("  ") and blocks and blocks[-1].kind in ("ul", "ol") and not para:
            blocks[-1].text += " " + stripped
            continue
        if stripped.startswith("#"):
            flush()
            level = len(stripped) - len(stripped.lstrip("#"))
            blocks.append(Block(f"h{level}", stripped[level:].strip()))
            prev_kind = "h"
            continue
        if stripped.startswith("|"):
            flush()
            cells = [c.strip() for c in stripped.strip("|").split("|")]
            if all(re.fullmatch(r":?-{3,}:?", c) for c in cells):
                continue
            if blocks and blocks[-1].kind == "table" and prev_kind == "table":
                assert blocks[-1].rows is not None
                blocks[-1].rows.append(cells)
            else:
                blocks.append(Block("table", rows=[cells]))
            prev_kind = "table"
            continue
        m = ITEM_RE.match(stripped)
        if m and not para:
            kind = "ol" if m.group(1) else "ul"
            new_list = prev_kind not in (kind, kind + "-gap") or (
                kind == "ol" and m.group(1) == "1"
            )
            blocks.append(
                Block(kind, m.group(2).strip(), number=int(m.group(1) or 0), start_list=new_list)
            )
            prev_kind = kind
            continue
        para.append(stripped)
        prev_kind = "p"
    flush()
    return blocks


def strip_inline(text: str) -> str:
    return text.replace("**", "")


def plain_text(source: str) -> str:
    """The document's text, one block per paragraph, without markup."""
    out: list[str] = []
    for b in parse(source):
        if b.kind == "table":
            for row in b.rows or []:
                out.extend(strip_inline(c) for c in row)
        else:
            out.append(strip_inline(b.text))
    return "\n\n".join(out)


# --------------------------------------------------------------------------- PDF


def latin1(text: str) -> str:
    table = {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2026": "...",
        "\u00a0": " ",
    }
    for k, v in table.items():
        text = text.replace(k, v)
    text.encode("latin-1")  # fail loudly on anything the core fonts cannot show
    return text


def build_pdf(doc: dict[str, str], path: Path) -> None:
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos

    agency = latin1(doc["agency"])
    font = doc.get("font", "helvetica")

    class PolicyPDF(FPDF):
        def header(self) -> None:
            self.set_font(font, "I", 8.5)
            self.set_text_color(90, 90, 90)
            self.cell(0, 5, agency, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
            self.set_draw_color(150, 150, 150)
            self.line(self.l_margin, self.get_y() + 1, self.w - self.r_margin, self.get_y() + 1)
            self.ln(5)
            self.set_text_color(0, 0, 0)

        def footer(self) -> None:
            self.set_y(-14)
            self.set_font(font, "", 8.5)
            self.set_text_color(90, 90, 90)
            self.cell(0, 8, f"Page {self.page_no()} of {{nb}}", align="C")
            self.set_text_color(0, 0, 0)

    pdf = PolicyPDF(format=doc.get("paper", "letter"))
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_title(latin1(doc["title"]))
    pdf.set_author(agency)
    pdf.set_creator("gaplint corpus/build.py")
    pdf.set_margins(22, 18, 22)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    body = 10.5
    line_h = 5.2
    for b in parse(doc["source"]):
        text = latin1(b.text)
        if b.kind == "h1":
            pdf.set_font(font, "B", 16)
            pdf.multi_cell(0, 7.5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(3)
        elif b.kind in ("h2", "h3"):
            size = 13 if b.kind == "h2" else 11.5
            if pdf.get_y() > pdf.h - 45:
                pdf.add_page()
            pdf.ln(2.5)
            pdf.set_font(font, "B", size)
            pdf.multi_cell(0, 6.5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(1)
        elif b.kind == "p":
            pdf.set_font(font, "", body)
            pdf.multi_cell(0, line_h, text, markdown=True, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            pdf.ln(2)
        elif b.kind in ("ul", "ol"):
            pdf.set_font(font, "", body)
            marker = "\u00b7" if b.kind == "ul" else f"{b.number}."
            indent = 6 if b.kind == "ul" else 8
            pdf.set_x(pdf.l_margin + 3)
            pdf.cell(indent, line_h, marker)
            pdf.multi_cell(
                pdf.w - pdf.r_margin - pdf.get_x(),
                line_h,
                text,
                markdown=True,
                new_x=XPos.LMARGIN,
                new_y=YPos.NEXT,
            )
            pdf.ln(1)
        elif b.kind == "table":
            pdf.set_font(font, "", 9.5)
            rows = [[latin1(strip_inline(c)) for c in row] for row in b.rows or []]
            with pdf.table(line_height=4.8, text_align="LEFT", first_row_as_headings=True) as t:
                for row in rows:
                    r = t.row()
                    for cell in row:
                        r.cell(cell)
            pdf.ln(3)
    pdf.output(str(path))


# --------------------------------------------------------------------------- DOCX


def _add_runs(paragraph: object, text: str) -> None:
    parts = re.split(r"(\*\*.+?\*\*)", text)
    for part in parts:
        if not part:
            continue
        if part.startswith("**") and part.endswith("**"):
            paragraph.add_run(part[2:-2]).bold = True  # type: ignore[attr-defined]
        else:
            paragraph.add_run(part)  # type: ignore[attr-defined]


def _field(paragraph: object, instr: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()  # type: ignore[attr-defined]
    for kind, value in (("begin", None), ("instr", instr), ("separate", None), ("end", None)):
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = value
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        run._r.append(el)
        if kind == "separate":
            t = OxmlElement("w:t")
            t.text = "1"
            run._r.append(t)


def _restart_numbering(document: object, paragraph: object) -> None:
    """Give a 'List Number' paragraph a fresh w:num so each list starts again at 1."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    numbering = document.part.numbering_part.element  # type: ignore[attr-defined]
    style = document.styles["List Number"]  # type: ignore[attr-defined]
    num_pr = style.element.pPr.numPr
    num_id = int(num_pr.numId.val)
    abstract_id = None
    for num in numbering.findall(qn("w:num")):
        if int(num.get(qn("w:numId"))) == num_id:
            abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    existing = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    new_id = max(existing) + 1
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(new_id))
    abstract = OxmlElement("w:abstractNumId")
    abstract.set(qn("w:val"), str(abstract_id))
    num.append(abstract)
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), "0")
    start = OxmlElement("w:startOverride")
    start.set(qn("w:val"), "1")
    override.append(start)
    num.append(override)
    numbering.append(num)
    ppr = paragraph._p.get_or_add_pPr()  # type: ignore[attr-defined]
    npr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), "0")
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), str(new_id))
    npr.append(ilvl)
    npr.append(nid)
    ppr.append(npr)
    document._current_num = new_id  # type: ignore[attr-defined]


def _continue_numbering(document: object, paragraph: object) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    ppr = paragraph._p.get_or_add_pPr()  # type: ignore[attr-defined]
    npr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), "0")
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), str(document._current_num))  # type: ignore[attr-defined]
    npr.append(ilvl)
    npr.append(nid)
    ppr.append(npr)


def build_docx(doc: dict[str, str], path: Path) -> None:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    props = document.core_properties
    props.title = doc["title"]
    props.author = doc["agency"]
    props.last_modified_by = doc["agency"]
    props.created = FIXED_DATE.replace(tzinfo=None)
    props.modified = FIXED_DATE.replace(tzinfo=None)
    props.last_printed = FIXED_DATE.replace(tzinfo=None)
    props.revision = 1
    props.comments = "Fictional document written for the gaplint evaluation corpus."
    section = document.sections[0]
    header = section.header.paragraphs[0]
    header.text = doc["agency"]
    header.runs[0].italic = True
    header.runs[0].font.size = Pt(8.5)
    footer = section.footer.paragraphs[0]
    footer.add_run("Page ")
    _field(footer, "PAGE")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES")
    for b in parse(doc["source"]):
        if b.kind in ("h1", "h2", "h3"):
            document.add_heading(b.text, level=int(b.kind[1]))
        elif b.kind == "p":
            _add_runs(document.add_paragraph(), b.text)
        elif b.kind == "ul":
            _add_runs(document.add_paragraph(style="List Bullet"), b.text)
        elif b.kind == "ol":
            para = document.add_paragraph(style="List Number")
            if b.start_list:
                _restart_numbering(document, para)
            else:
                _continue_numbering(document, para)
            _add_runs(para, b.text)
        elif b.kind == "table":
            rows = b.rows or []
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for i, row in enumerate(rows):
                for j, cell_text in enumerate(row):
                    cell = table.cell(i, j)
                    cell.text = ""
                    run = cell.paragraphs[0].add_run(strip_inline(cell_text))
                    run.bold = i == 0
            document.add_paragraph()
    buffer = io.BytesIO()
    document.save(buffer)
    _normalise_zip(buffer.getvalue(), path)


def _normalise_zip(data: bytes, path: Path) -> None:
    """Rewrite the package with fixed timestamps and order so rebuilding is byte-stable."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, src.read(name))
    path.write_bytes(out.getvalue())


# --------------------------------------------------------------------------- main


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "--text":
        for doc in DOCS:
            if doc["file"] == argv[1]:
                print(plain_text(doc["source"]))
                return 0
        print(f"no source for {argv[1]}", file=sys.stderr)
        return 1
    for doc in DOCS:
        path = HERE / doc["file"]
        if path.suffix == ".pdf":
            build_pdf(doc, path)
        elif path.suffix == ".docx":
            build_docx(doc, path)
        else:
            raise ValueError(doc["file"])
        print(f"wrote {path.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
