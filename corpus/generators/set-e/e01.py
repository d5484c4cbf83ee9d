from lib import *
g = Gold(); d = D(g, font='Times New Roman', size=11)
d.header('Harborview Police Department — General Order 342 — Department Social Media')
d.footer('GO 342 Department Social Media (Rev. 2)')
d.p('HARBORVIEW POLICE DEPARTMENT', size=14).alignment = WD_ALIGN_PARAGRAPH.CENTER
d.p('GENERAL ORDER', size=12).alignment = WD_ALIGN_PARAGRAPH.CENTER
d.table([
 ['GENERAL ORDER NO. 342', 'SUBJECT: Department Social Media'],
 ['[[GL904|EFFECTIVE DATE: March 1, 2025]]', '[[GL904|REVIEW DATE: March 1, 2027]]'],
 ['SUPERSEDES: GO 342 (Rev. 1), dated June 12, 2019', 'DISTRIBUTION: All Personnel'],
 ['APPROVED BY: Chief of Police Dolores M. Varga', 'PAGES: See footer'],
 ['CALEA STANDARDS: 54.1.1, 54.1.3', 'RELATED ORDERS: GO 320, GO 605, GO 810'],
], widths=[8.2, 8.2])
d.h('342.1 PURPOSE AND SCOPE', 1)
d.p('[[GL901|The Harborview Police Department uses social media to share timely public safety information, to support investigations through community tips, to recruit, and to build trust with the neighborhoods we serve.]] This order establishes the department\'s procedures for the management and use of department social media accounts and provides guidance to members on their personal use of social media.')
para = d.p('This order does not govern the use of social media as an investigative or intelligence-gathering tool, which is addressed in GO 605 (Online Investigations). Accessibility of department web content is addressed by the City of Harborview Digital Services Standard and is outside the scope of this order.')
d.sup(para, '1')
d.h('342.2 DEFINITIONS', 1)
d.p('For the purposes of this order:')
d.p('[[GL301|Department social media account — Any social media page, profile, channel or handle created or maintained by the department, or by a member on behalf of the department, to communicate official information.]]', style='List Bullet')
d.p('[[GL301|Personal social media account — Any account maintained by a member in his or her private capacity, whether or not the member identifies as an employee of the department.]]', style='List Bullet')
d.p('Post / content — Any text, photograph, video, audio, link or other material published on a social media platform, including comments and replies.', style='List Bullet')
d.p('Public Information Officer (PIO) — The member assigned by the Chief of Police to coordinate department communications with the news media and the public.', style='List Bullet')
d.p('Account administrator — A member authorized in writing to post content to, and moderate, a department social media account.', style='List Bullet')
d.h('342.3 POLICY', 1)
d.p('It is the policy of the department that department social media accounts are an official communication channel and are subject to the same standards as any other release of information by the department. [[GL401|Members using social media, whether on or off duty, remain bound by GO 320 (Standards of Conduct) and the City of Harborview Personnel Rules.]]')
d.h('342.4 PROCEDURE — ESTABLISHING DEPARTMENT ACCOUNTS', 1)
d.p('[[GL201|No division, unit or member shall create a social media account on behalf of the department without the written approval of the Chief of Police.]] Requests shall be submitted by memorandum through the chain of command to the PIO and shall include:')
d.numbered(['the purpose and intended audience of the account;',
 'the platform proposed and the reason it is suitable;',
 'the names of the proposed primary and back-up administrators; and',
 'an estimate of the staff time required to maintain the account.'])
d.p('[[GL102|Department accounts may be maintained only on the platforms listed in Attachment A (Approved Platforms), currently Facebook, Instagram, X, Nextdoor and YouTube.]] Additional platforms may be added to Attachment A by the Chief of Police upon recommendation of the PIO and the Information Technology Unit.')
d.p('[[GL202|The PIO maintains the register of department social media accounts, which lists each account, its URL, its administrators and the date of the last credential change.]] [[GL203|Each account shall have a primary administrator and at least one back-up administrator, and shall be registered to a department e-mail address rather than a member\'s personal e-mail address.]]')
d.p('[[GL204|Accounts that have not been used for ninety (90) days will be reviewed by the PIO and may be closed or archived with the approval of the Chief of Police.]]')
d.h('342.5 AUTHORIZED USERS AND ACCESS', 1)
d.p('[[GL101|Only the PIO and members designated in writing as account administrators are authorized to post content to department social media accounts.]] Other members who wish to suggest content shall forward it to the PIO.')
d.p('[[GL103|Administrator status is requested by the member\'s division commander on Form HPD-342A, approved by the PIO, and is revoked upon transfer, extended leave, or at the direction of the Chief of Police.]] Members granted administrator status shall sign the acknowledgement on Form HPD-342A before receiving log-in credentials.')
d.h('342.6 DEPARTMENT-SANCTIONED CONTENT', 1)
d.p('[[GL501|All content posted to department accounts is approved by the PIO or, in the PIO\'s absence, by the Watch Commander.]] Routine content (traffic advisories, community event notices, recruitment announcements) may be posted by an administrator without prior review when it follows a template approved by the PIO.')
d.p('[[GL504|Information released through social media shall be accurate and current; when an error is discovered, the administrator posts a correction on the same account and notes the time of the correction rather than silently deleting the original post.]]')
d.p('Department accounts shall not be used to post:')
d.bullets(['[[GL701|the name, image or identifying details of a juvenile, a victim of a sexual offense, or a witness, except as permitted by law;]]',
 'information that would compromise an active investigation, tactical operation or officer safety;',
 'personal opinions of the administrator, or endorsements of commercial products, services or political candidates.'])
d.h('342.7 PUBLIC INTERACTION AND COMMENTS', 1)
d.p('[[GL801|The public may comment on department Facebook and Instagram posts; commenting is disabled on YouTube.]] Department accounts are not monitored around the clock and members of the public shall be reminded that emergencies are to be reported by calling 9-1-1.')
d.p('[[GL802|Comments that contain obscenity, threats, personal attacks, the personal information of others, commercial solicitation, or content unrelated to the post may be hidden or removed.]] [[GL705|Comments shall not be removed because they are critical of the department or of a member, and administrators shall not block users on the basis of the viewpoint they express.]]')
d.p('[[GL803|The PIO and account administrators moderate comments, and before any comment is hidden or removed a screenshot is captured and saved to the PIO shared folder together with the reason for removal.]]')
d.h('342.8 SECURITY OF ACCOUNTS', 1)
d.p('[[GL601|Passwords for department accounts shall be at least fourteen characters, shall not be reused from any other account, and shall be changed whenever an administrator leaves the role.]] Passwords shall not be shared by e-mail or text message.')
d.p('[[GL604|Messages received through a department account that ask for log-in details, or that contain unexpected links or attachments, shall not be answered or opened and are to be reported to the Information Technology Unit.]]')
d.h('342.9 RECORDS', 1)
d.p('[[GL702|Content posted to department accounts, including removed comments, is a public record and is retained in accordance with the State Local Government Records Retention Schedule using the City\'s social media archiving service.]] Members shall not disclose criminal history records or other confidential department records through any social media platform.')
d.h('342.10 PERSONAL USE OF SOCIAL MEDIA', 1)
d.p('[[GL302|Members may access personal social media accounts during authorized breaks using personally owned devices; department computers, mobile data terminals and department-issued phones shall not be used for personal social media.]]')
d.p('[[GL404|When using personal social media accounts, members shall not represent themselves as speaking on behalf of the department, and shall not post photographs or video of themselves in uniform or displaying department insignia without authorization of the Chief of Police.]] Members are cautioned that speech made pursuant to their official duties is not protected in the same way as speech made as private citizens.')
d.p('[[GL303|Members shall not post, on any account:]]')
d.bullets(['[[GL303|confidential or law-enforcement-sensitive information obtained in the course of employment, including photographs of crime scenes or evidence;]]',
 '[[GL303|content that is harassing, discriminatory, or sexually explicit, or that ridicules any person on the basis of a protected characteristic;]]',
 '[[GL303|content that promotes the commercial interest of the member using his or her status as a Harborview police officer.]]'])
d.p('[[GL402|Members are expected to conduct themselves online with the same professionalism, courtesy and truthfulness expected of them in the field.]]')
d.h('342.11 VIOLATIONS', 1)
d.p('[[GL403|Violations of this order may result in discipline, up to and including termination, in accordance with GO 340 (Disciplinary Procedures).]]')
d.h('342.12 RELATED DOCUMENTS', 1)
d.bullets(['[[GL903|GO 320 — Standards of Conduct]]', 'GO 605 — Online Investigations',
 '[[GL903|GO 810 — Records Maintenance and Release]]', '[[GL903|City of Harborview Administrative Policy 4.02 — Acceptable Use of Information Technology]]',
 'Attachment A — Approved Platforms', 'Form HPD-342A — Social Media Administrator Request and Acknowledgement'])
d.p('_______________________________')
d.note('¹ The City\'s Digital Services Standard is maintained by the Department of Innovation and Technology. Questions on the scope of this order should be directed to the Professional Standards Unit.')
d.save(OUT + '/e01-harborview-pd-go342.docx')
g.write('e01-harborview-pd-go342.docx')
