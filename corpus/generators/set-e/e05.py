from lib import *
g = Gold()
md = '''---
title: "Personal social media and political neutrality"
agency: "Ministry for Coastal Affairs | Te Tari Takutai"
doc_type: Staff guidance
intranet_path: /people/conduct/social-media
owner: "[[GL904|Manager, People and Capability]]"
[[GL904|last_reviewed: 2025-05-19]]
applies_to: All employees, contractors and secondees
tags: [code-of-conduct, elections, political-neutrality]
---

# Personal social media and political neutrality

> **Quick version:** You can use social media in your own time like anyone else. [[GL404|What you post on your personal accounts must not call into question your ability to serve the government of the day impartially, and you must not present your personal views as the Ministry's.]]

## Why this matters

As public servants we are expected to be politically neutral so that current and future Ministers, and the public, can trust that we will serve any government professionally. The Ministry works on high-profile issues, such as coastal hazards, marine reserves and fisheries access, that are often debated online. This page helps you think through how to take part in those conversations safely.

[[GL401,GL903|This guidance sits under our Code of Conduct and the Public Service Commission's Standards of Integrity and Conduct; it does not replace them, and both apply to what you do online.]]

This page is about your **personal** accounts. The Ministry's corporate channels are covered by a separate procedure, and this page doesn't deal with them.

## Personal, professional or official?

[[GL301|It helps to think of three hats:]]

- [[GL301|Official: you are posting for the Ministry on a Ministry account.]] [[GL101|Only the Communications team does this.]]
- [[GL301|Professional: you use your own account to talk about your field, for example on LinkedIn, and people know where you work.]]
- [[GL301|Personal: you post as a private citizen about anything you like.]]

The more closely your post is connected to your job, the more care you need to take.

## Things to avoid

[[GL303|Whatever hat you are wearing, don't:]]

1. [[GL303|share information you have access to only because of your job, including draft advice, Cabinet material, or details of consultations that haven't been announced;]]
2. [[GL303|publicly criticise, or campaign against, the policies of the Government in an area you work on or advise on;]]
3. [[GL303|post abusive, discriminatory or harassing content about anyone, including colleagues and stakeholders;]]
4. comment on matters that are before the courts or under investigation by the Ministry.

(For requests for official information, see the OIA page on the intranet.)

## Elections

In the period before a general election, take extra care. Liking, sharing or commenting on a party's or candidate's post can be seen as endorsing it. If you are a member of a political party, that's your right, but keep that activity separate from anything that identifies you as a Ministry employee.

## Talking about your work in professional spaces

[[GL503|If you are invited to speak about the Ministry's work in a professional forum, online group or comment thread, check with your manager first, stick to information that is already public, and refer questions about Ministry policy to the Communications team.]]

[[GL402|When you do talk about your field online, be accurate, respectful and constructive, as you would be in a meeting with stakeholders.]]

## FAQ

**Can I just put "views are my own" in my bio?**
You can, but it won't make a post acceptable if it would otherwise undermine your political neutrality. People will still know where you work.

**Is everything on this page a rule?**
[[GL405|No. Most of this page is advice to help you make good judgements. The things that can lead to disciplinary action are breaches of the Code of Conduct, for example disclosing official information without authority or conduct that damages the Ministry's reputation for impartiality.]]

**What happens if I get it wrong?**
Usually your manager will have a conversation with you and may ask you to remove the post. [[GL403|Serious or repeated breaches may be treated as misconduct under the Ministry's disciplinary process, which can result in dismissal.]]

**Someone is abusing me online because of my job. What do I do?**
Don't respond. Take screenshots and talk to your manager or the Security Adviser. The Ministry will support you.

## Need help?

Talk to your manager, or contact People and Capability at people@coastal.example.govt.nz.

Related: [[GL903|Code of Conduct · Conflicts of Interest · Using ICT at work]]
'''
open(OUT + '/e05-nz-coastal-personal-social-media.md', 'w').write(g.s(md))
g.write('e05-nz-coastal-personal-social-media.md')
