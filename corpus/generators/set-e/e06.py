from lib import *
import subprocess, os
g = Gold(); d = D(g, font='Times New Roman', size=11)
d.header('OPR Directive 2210.4 — Official Use of Social Media')
d.footer('Unclassified — For Official Use by OPR Personnel')
d.p('U.S. OFFICE OF PIPELINE AND RESOURCE REVIEW', size=13).alignment = WD_ALIGN_PARAGRAPH.CENTER
d.p('DIRECTIVE', size=12).alignment = WD_ALIGN_PARAGRAPH.CENTER
d.table([['Directive Number: 2210.4', 'Subject: Official Use of Social Media'],
 ['Originating Office: Office of Communications and Public Affairs (OCPA)', '[[GL904|Effective Date: October 1, 2025]]'],
 ['Supersedes: Interim Policy Memorandum 19-03, Use of Third-Party Websites', 'Distribution: All OPR Offices'],
 ['Approved: Deputy Administrator Raymond T. Okafor', 'Page Count: See footer']], bold_first=False)
d.h('1. PURPOSE', 1)
d.p('[[GL901|This Directive establishes policy, assigns responsibilities and prescribes procedures for the use of social media by the Office of Pipeline and Resource Review (OPR) to inform the public about pipeline safety reviews, to announce hearings and decisions, to explain how the public can participate in review proceedings, and to receive feedback on OPR services.]]')
d.p('1.1 Background. OPR first used social media in 2014 to publicize the schedule of public hearings on interstate pipeline applications. Since then, the number of OPR accounts has grown to more than twenty, operated by headquarters offices and by the five regional offices. An internal review completed in 2023 found that several accounts had been opened without the knowledge of OCPA, that some had no current account manager, and that comments on two accounts had been deleted without any record being kept. This Directive replaces Interim Policy Memorandum 19-03 and addresses those findings.')
d.p('1.2 Nothing in this Directive changes the procedures by which the public submits comments in OPR proceedings, which are set out in OPR\'s rules of practice and in each notice published in the Federal Register.')
d.h('2. APPLICABILITY AND SCOPE', 1)
d.p('2.1 This Directive applies to all OPR employees, contractors and detailees who create, manage or post content to an official OPR social media account.')
d.p('2.2 This Directive does not apply to the use of social media for law enforcement investigations, which is governed by the Office of Inspector General.')
d.p('2.3 Employees\' personal use of social media in their own time is governed by the Standards of Ethical Conduct for Employees of the Executive Branch and the OPR Ethics Guide and is outside the scope of this Directive. Limited personal use of Government office equipment is governed by OPR Directive 1420.2.')
d.h('3. AUTHORITIES', 1)
d.bullets(['Federal Records Act, 44 U.S.C. Chapters 29, 31 and 33, and 36 CFR Chapter XII, Subchapter B', 'Privacy Act of 1974, 5 U.S.C. 552a',
 'Freedom of Information Act, 5 U.S.C. 552', 'Section 508 of the Rehabilitation Act of 1973, 29 U.S.C. 794d', 'Hatch Act, 5 U.S.C. 7321–7326',
 'Paperwork Reduction Act, 44 U.S.C. 3501 et seq.', 'OMB Memorandum M-10-23, Guidance for Agency Use of Third-Party Websites and Applications',
 'Standards of Ethical Conduct for Employees of the Executive Branch, 5 CFR Part 2635'])
d.h('4. DEFINITIONS', 1)
d.p('[[GL301|a. Official social media account. An account on a third-party social media platform that is established by OPR, in OPR\'s name, to conduct OPR business; content posted to an official account is an official OPR communication.]]')
d.p('[[GL301|b. Official capacity. An employee acts in an official capacity when posting to an official account or when speaking on behalf of OPR as part of assigned duties, as distinguished from personal use of social media as a private citizen.]]')
d.p('c. Account manager. The OPR employee designated by the head of an office to be responsible for the day-to-day operation of an official account.')
d.p('d. Social media. Third-party websites and applications that allow users to publish, share and comment on content, including social networks, video and photo sharing sites, and microblogs.')
d.h('5. POLICY', 1)
d.p('5.1 OPR uses social media to supplement, not replace, the official OPR website and the Federal Register. Information essential to the public\'s participation in OPR proceedings is always available on the OPR website.')
d.p('[[GL102|5.2 Official accounts may be established only on platforms for which OPR or the General Services Administration has negotiated terms of service that are acceptable for Federal use, as listed on the OCPA intranet page "Approved Platforms."]] [[GL707|Account managers shall not accept platform terms of service that contain indemnification clauses or other provisions that are unlawful for a Federal agency, and any change in a platform\'s terms shall be reviewed by the Office of General Counsel (OGC).]]')
d.p('[[GL303|5.3 Official accounts shall not be used for partisan political activity, to endorse commercial products, services or entities, to fundraise, or to release non-public, sensitive or pre-decisional information.]] [[GL303|Employees posting in an official capacity shall comply with the Hatch Act.]]')
d.h('6. ROLES AND RESPONSIBILITIES', 1)
d.p('The following table sets out responsibilities under this Directive.')
d.table([['Role', 'Responsibilities'],
 ['Director, OCPA', '[[GL201|Approves or denies requests to establish official accounts.]] [[GL902|Owns this Directive and reviews it, with OGC, the Office of the Chief Information Officer and the Office of Human Capital, at least every three years.]]'],
 ['Social Media Program Manager (OCPA)', '[[GL202|Maintains the official inventory of OPR social media accounts, including each account\'s URL, account managers, back-up managers and the date credentials were last changed.]] Provides training to account managers.'],
 ['Heads of Offices', 'Designate a primary and back-up account manager for each account owned by the office.'],
 ['Account Managers', '[[GL203|Operate the account day to day, monitor comments, and ensure that the account is registered to an official OPR e-mail address.]]'],
 ['Chief Information Officer', '[[GL603|Reviews third-party applications and plug-ins before they are connected to an official account and may restrict platform features that present a security risk.]]'],
 ['Chief Privacy Officer', 'Reviews privacy impact assessments for each platform.'],
 ['Records Officer', 'Establishes records schedules and capture methods for social media content.'],
 ['Office of General Counsel', 'Advises on terms of service, First Amendment questions, and comment moderation.']])
d.h('7. PROCEDURES', 1)
d.h('7.1 Establishing an Official Account', 2)
d.p('a. An office that wishes to establish an official account submits OPR Form 2210-1, Social Media Account Request, to the Social Media Program Manager. The request identifies the business purpose, the intended audience, the platform, and the primary and back-up account managers.')
d.p('b. The Social Media Program Manager coordinates review of the request by the Chief Privacy Officer, the Records Officer, the Section 508 Coordinator and, where the platform\'s terms have not previously been approved, OGC, and forwards a recommendation to the Director, OCPA.')
d.p('[[GL201|c. No official account may be created, and no account may use the OPR name or seal, before the Director, OCPA, has approved the request in writing.]]')
d.h('7.2 Access', 2)
d.p('[[GL101|a. Only account managers, back-up account managers and OCPA staff designated by the Director, OCPA, may post content to official accounts.]]')
d.p('[[GL103|b. Access is granted after the employee completes the OPR social media training module and signs the Rules of Behavior for Official Social Media; the Social Media Program Manager removes access within one business day of notification that the employee has left the position.]]')
d.h('7.3 Content and Clearance', 2)
d.p('[[GL501|a. Content for official accounts is drafted by the owning office and cleared by OCPA before publication.]] Routine content that follows an OCPA-approved template (meeting notices, reminders of comment deadlines in OPR proceedings, links to OPR news releases) may be posted by an account manager without further clearance.')
d.p('b. Content concerning pending enforcement matters, litigation or contested proceedings shall also be cleared by OGC.')
d.p('[[GL504|c. Account managers shall ensure that information posted is accurate and consistent with the OPR website; if an error is found, the account manager shall post a correction promptly and shall not delete the original post without the approval of OCPA.]]')
d.p('d. OPR content shall not be used to solicit information from the public in a way that triggers the Paperwork Reduction Act unless the collection has been approved by the Office of Management and Budget.')
d.h('7.4 Public Comments and Moderation', 2)
d.p('[[GL801|a. OPR may allow the public to comment on official accounts; the owning office decides, with OCPA, whether comments are enabled on a given account.]] Comments received on social media are not part of the official record of any OPR proceeding, and the OPR comment policy shall say so.')
d.p('[[GL804|b. Each official account that allows comments shall display, or link to in its profile, the OPR comment policy in Appendix A.]]')
d.p('[[GL705|c. Because an official account that allows comments may be a public forum, account managers shall not delete comments or block users because of the viewpoint expressed, including criticism of OPR, its employees or its decisions.]] Questions about whether a comment may be removed shall be referred to OGC.')
d.p('[[GL803|d. Account managers may hide or remove only comments that violate the comment policy in Appendix A, and shall first preserve a copy of the comment, the date and time, and the reason for removal in the records system designated by the Records Officer.]]')
d.h('7.5 Security', 2)
d.p('[[GL601|a. Passwords for official accounts shall meet the OPR password standard, shall be stored only in the OPR-approved password vault, and shall be changed whenever an account manager leaves the position or a compromise is suspected.]]')
d.p('[[GL602|b. Multi-factor authentication shall be enabled on every official account, and account managers shall request platform verification of the account so that the public can distinguish it from impostor accounts.]]')
d.p('[[GL604|c. Account managers shall be alert to phishing and social engineering aimed at account credentials, including messages that appear to come from the platform itself, and shall report suspected attempts to the OPR Security Operations Center.]]')
d.h('7.6 Records Management', 2)
d.p('[[GL702|a. Content posted to official accounts, including comments and direct messages received, may constitute Federal records and shall be captured and retained in accordance with the applicable OPR records schedule and National Archives and Records Administration guidance.]]')
d.p('b. Content shall be captured using the OPR social media archiving tool at least daily. Account managers shall not rely on the platform as the recordkeeping system.')
d.p('[[GL703|c. Records created through official accounts are subject to the Freedom of Information Act, and requests for them are processed by the OPR FOIA Office in the same manner as other agency records.]]')
d.h('7.7 Privacy', 2)
d.p('[[GL701|a. Before an official account is launched on a new platform, the Chief Privacy Officer shall complete or update a privacy impact assessment for that platform, and OPR shall not collect, retain or share personally identifiable information from users of the account except as described in that assessment and permitted by the Privacy Act.]]')
d.p('b. Account managers shall not "friend", follow or otherwise solicit connections with members of the public in order to obtain information about them.')
d.h('7.8 Accessibility', 2)
d.p('[[GL704|OPR social media content shall comply with Section 508 of the Rehabilitation Act: images shall carry alternative text, videos shall include synchronized captions, and important information posted in a format that is not accessible shall also be made available in an accessible format on the OPR website.]]')
d.h('7.9 Disclaimers', 2)
d.p('[[GL706|Each official account shall carry, in its profile or through a link, the OPR disclaimer stating that links to non-Federal websites and any advertising displayed by the platform do not constitute an endorsement by OPR.]]')
d.h('7.10 Closing or Transferring an Account', 2)
d.p('[[GL204|An account that has not been updated for six months, or that is no longer needed for its purpose, shall be closed by the account manager at the direction of the Director, OCPA, after its content has been captured for records purposes; when an account manager leaves, the head of the office designates a replacement and credentials are changed before the account is handed over.]]')
d.h('7.11 Incident and Emergency Communications', 2)
d.p('a. During a pipeline incident of regional or national significance, the Director, OCPA, may direct all offices to suspend scheduled posts and to share only content issued by OCPA or by a Joint Information Center in which OPR participates.')
d.p('b. Regional account managers shall not speculate about the cause of an incident, casualties or enforcement consequences, and shall refer media inquiries received through social media to the OCPA press desk.')
d.h('7.12 Training', 2)
d.p('Account managers and back-up account managers shall complete annual refresher training, provided by the Social Media Program Manager, that covers this Directive, records capture, privacy, accessibility and comment moderation. Completion is recorded in the OPR learning management system.')
d.h('7.13 Metrics and Reporting', 2)
d.p('Each office that owns an official account shall report quarterly to OCPA on the number of posts, followers, engagement rates and comments removed. Reports shall contain aggregate figures only. OCPA summarizes the reports in an annual memorandum to the Deputy Administrator, which may recommend that accounts be consolidated.')
d.h('7.14 Scheduling Tools and Paid Promotion', 2)
d.p('a. Scheduling and social media management services may be used to post to official accounts only after they have been reviewed under paragraph 6 by the Chief Information Officer and listed on the OCPA intranet page.')
d.p('b. Paid promotion of OPR content requires the prior approval of the Director, OCPA, and certification of funds by the Office of the Chief Financial Officer. OPR shall not purchase followers, likes or other engagement.')
d.h('8. EMPLOYEE RESPONSIBILITIES', 1)
d.p('[[GL401|8.1 Employees who post in an official capacity remain subject to the Standards of Ethical Conduct for Employees of the Executive Branch and the OPR Ethics Guide.]]')
d.p('[[GL402|8.2 Employees posting in an official capacity shall be professional, courteous and factual, and shall not engage in arguments with members of the public.]]')
d.p('[[GL503|8.3 An employee who takes part, as part of his or her duties, in discussions on outside sites such as professional association forums or other agencies\' pages shall identify himself or herself as an OPR employee, shall limit comments to matters within his or her expertise and to public information, and shall coordinate any statement of OPR policy with OCPA.]] [[GL502|When such an employee expresses a personal view in those discussions, the employee shall state: "These are my own views and not necessarily those of the Office of Pipeline and Resource Review."]]')
d.h('9. VIOLATIONS', 1)
d.p('[[GL403|Failure to comply with this Directive may result in the removal of access to official accounts and in disciplinary action, up to and including removal from Federal service, in accordance with OPR Directive 3750.1, Discipline and Adverse Actions.]]')
d.h('10. RELATED DIRECTIVES', 1)
d.bullets(['[[GL903|OPR Directive 1420.2, Limited Personal Use of Government Office Equipment]]', '[[GL903|OPR Directive 2400.1, Records Management Program]]', '[[GL903|OPR Directive 2650.3, Privacy Program]]', 'OPR Directive 3750.1, Discipline and Adverse Actions', 'OPR Ethics Guide (2024 edition)'])
d.h('11. REVIEW', 1)
d.p('[[GL904|This Directive will be reviewed by OCPA at least every three years and updated as needed to reflect changes in law, platforms or OPR organization.]]')
d.h('APPENDIX A — OPR COMMENT POLICY (TEXT TO BE POSTED)', 1)
d.p('We welcome your comments on this page. Comments here are not part of the official record of any OPR proceeding; to comment on a proceeding, please use the docket on our website.')
d.p('[[GL802|We will remove comments that contain:]]')
d.bullets(['[[GL802|vulgar or abusive language, or threats;]]', '[[GL802|personal attacks of any kind;]]', '[[GL802|content that promotes discrimination on the basis of race, color, religion, sex, national origin, age, disability, sexual orientation or gender identity;]]',
 '[[GL802|personal information such as telephone numbers or home addresses;]]', '[[GL802|spam, advertising or links to commercial sites;]]', '[[GL802|material that supports or opposes a political candidate or party;]]', 'content that is off-topic.'])
d.p('A comment\'s removal does not mean that OPR disagrees with the view expressed. Comments are not monitored outside business hours.')
d.h('APPENDIX B — CHECKLIST FOR A NEW OFFICIAL ACCOUNT', 1)
d.table([['Step', 'Action', 'Office'],
 ['1', 'Submit OPR Form 2210-1 with business purpose and named account managers', 'Owning office'],
 ['2', 'Privacy impact assessment completed or updated', 'Chief Privacy Officer'],
 ['3', 'Records capture method confirmed', 'Records Officer'],
 ['4', 'Terms of service confirmed as acceptable for Federal use', 'OGC'],
 ['5', 'Section 508 review of account set-up and templates', 'Section 508 Coordinator'],
 ['6', 'Written approval', 'Director, OCPA'],
 ['7', 'Account added to inventory; comment policy and disclaimer posted', 'Social Media Program Manager']])
d.p('Questions about this Directive may be addressed to the Social Media Program Manager, Office of Communications and Public Affairs, 400 Meridian Plaza SW, Washington, DC 20000, socialmedia@opr.example.gov.')
tmp = '/tmp/blinde/pdf'; os.makedirs(tmp, exist_ok=True)
d.save(tmp + '/e06-opr-directive-2210-4.docx')
subprocess.run(['soffice', '--headless', '--convert-to', 'pdf', '--outdir', OUT, tmp + '/e06-opr-directive-2210-4.docx'], check=True, capture_output=True)
g.write('e06-opr-directive-2210-4.pdf')
