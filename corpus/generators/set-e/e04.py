from lib import *
g = Gold(); d = D(g, font='Arial', size=11)
d.header('Eastmoor Borough Council — Social Media Guidance for Officers and Councillors — OFFICIAL')
d.footer('EBC/COMMS/SMG v3.1')
d.title('Social Media Guidance for Officers and Councillors')
d.p('Eastmoor Borough Council', size=13)
d.table([['Document', 'Social Media Guidance for Officers and Councillors'],
 ['Owner', '[[GL904|Head of Communications and Engagement]]'],
 ['Version', '3.1'],
 ['Approved by', 'Corporate Management Team, 11 September 2024; Standards Committee, 2 October 2024'],
 ['Review date', '[[GL904|September 2026]]'],
 ['Classification', 'OFFICIAL']], bold_first=False, widths=[4, 12])
d.h('1. Introduction', 1)
d.p('[[GL901|Social media is one of the main ways the council keeps residents informed about services, consultations, events and emergencies, and it lets us hear quickly what people think of the services we provide.]] This guidance explains how the council\'s corporate accounts are run, and what is expected of officers and councillors when they use social media in a work capacity and in their private lives.')
d.p('It should be read alongside:')
d.bullets(['[[GL903|the Employee Code of Conduct;]]', '[[GL903|the Members\' Code of Conduct (Part 5 of the Constitution);]]', '[[GL903|the ICT Acceptable Use Policy;]]', 'the Data Protection Policy; and', 'the Protocol on Member/Officer Relations.'])
d.p('[[GL902,GL904|This guidance is owned by the Communications and Engagement Team and is reviewed every two years with the Monitoring Officer, HR and ICT Services.]]')
d.h('2. Three ways of using social media', 1)
d.p('[[GL301|We recognise three different kinds of use, and the expectations differ for each:]]')
d.bullets(['[[GL301|Corporate use — posting on behalf of the council on an official council account;]]',
 '[[GL301|Professional use — using your own account to take part in discussion connected with your job or your role as a councillor, for example on LinkedIn or a professional network;]]',
 '[[GL301|Personal use — your own private accounts, used in your own time.]]'])
d.p('Use of personal social media during working hours is covered by the ICT Acceptable Use Policy and is not repeated here.')
d.h('3. Corporate accounts', 1)
d.h('3.1 Setting up an account', 2)
d.p('[[GL201|A service that wants its own account must first agree a short business case with the Head of Communications and Engagement, who decides whether a new account is needed or whether the main council channels should be used instead.]] Most services will be asked to use the main channels.')
d.h('3.2 Who can post', 2)
d.p('[[GL101|Only officers who have been authorised by the Communications and Engagement Team may post on corporate accounts.]] [[GL103|To be authorised, an officer completes the Social Media Access Request form, signed by their Head of Service, and attends a briefing with the Digital Communications Officer.]]')
d.p('[[GL203|Every corporate account has at least two named administrators, and accounts are registered to a team mailbox rather than to an individual\'s email address.]]')
d.h('3.3 Content', 2)
d.p('[[GL501|Posts on the main council channels are written and scheduled by the Communications and Engagement Team; services with their own accounts are responsible for their content, and anything that is likely to attract media attention or is politically sensitive is cleared with the Communications team before it goes out.]]')
d.p('[[GL704|Under the Public Sector Bodies (Websites and Mobile Applications) Accessibility Regulations 2018, council content should be usable by as many people as possible: images must have alternative text, videos must be captioned, and important information should never be published only as an image.]]')
d.p('[[GL701|Do not post anything that identifies a resident, service user or member of staff without their consent, and never share personal data in a way that would breach UK GDPR or the Data Protection Act 2018.]]')
d.h('3.4 Talking with residents', 2)
d.p('[[GL801|We want conversation on our channels: the Communications and Engagement Team answers comments and messages between 9am and 5pm, Monday to Friday.]] Comments on social media are not treated as formal objections to planning applications or as responses to a consultation, and residents who want their views considered should use the routes set out in the consultation or planning notice.')
d.p('[[GL804|The council\'s house rules for comments are published on the council website and linked from the profile of every corporate account.]] [[GL803|Comments that break the house rules are hidden or deleted by the Communications and Engagement Team, and repeated breaches can lead to a user being blocked.]]')
d.h('3.5 Records and information requests', 2)
d.p('[[GL702|Posts and messages on corporate accounts are council information and are kept in line with the council\'s Retention Schedule.]] [[GL703|Information held on corporate accounts, including direct messages, may have to be disclosed in response to a request under the Freedom of Information Act 2000.]] Councillors should be aware that messages about council business on their own accounts may also fall within the Act.')
d.h('4. What is expected of you', 1)
d.p('[[GL402|Whether you are posting for the council or for yourself, you should be courteous, honest and respectful, and should not say anything online that you would not say in person at a public meeting.]]')
d.p('[[GL401|Officers remain bound by the Employee Code of Conduct, and councillors by the Members\' Code of Conduct, whenever they could reasonably be seen to be acting in their official role online.]]')
d.p('[[GL303|You must not use social media to:]]')
d.bullets(['[[GL303|share confidential or exempt information, including the content of Part 2 committee reports;]]',
 '[[GL303|bully, harass or discriminate against anyone, including colleagues;]]',
 '[[GL303|promote a business in which you have an interest;]]',
 '[[GL303|use council accounts or resources for party political purposes.]]'])
d.p('During the pre-election period the council does not publish material on corporate accounts that could be seen as supporting a candidate or party, and councillors standing for election should not use council images or branding in their campaign material.')
d.h('5. Personal accounts', 1)
d.p('[[GL404,GL502|If you mention your work or your role on a personal account, you must make it clear that you are not speaking for the council, and you must not post anything that could bring the council into disrepute, even in your own time.]] Officers in politically restricted posts must not take part in party political activity online.')
d.p('Some things that work well and some that do not:')
d.table([['Do', 'Don\'t'],
 ['[[GL502|Add a line such as "Views are my own, not those of Eastmoor Borough Council" to your profile if you say where you work.]]', 'Argue with residents about a complaint about your service.'],
 ['Check your privacy settings regularly.', 'Post photographs taken at work without permission.'],
 ['Think about who can see your posts.', 'Accept friend requests from service users you work with.']])
d.h('6. If things go wrong', 1)
d.p('[[GL405|The tips in the table in Section 5 are good practice and are not rules; the requirements in Sections 3 to 5 that say "must" are rules, and breaching them may be treated as misconduct.]] [[GL403|Misconduct by officers will be dealt with under the Disciplinary Procedure and can lead to dismissal; complaints about councillors are dealt with by the Monitoring Officer under the arrangements for dealing with standards allegations.]]')
d.p('If you see something on social media about the council that worries you tell the Communications and Engagement Team at digital@eastmoor.example.gov.')
d.save(OUT + '/e04-eastmoor-council-sm-guidance.docx')
g.write('e04-eastmoor-council-sm-guidance.docx')
