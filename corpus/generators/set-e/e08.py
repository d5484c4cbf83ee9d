from lib import *
g = Gold()
txt = '''TOWN OF MILLBROOK FALLS
RESOLUTION NO. 2024-17

A RESOLUTION OF THE TOWN COUNCIL OF THE TOWN OF MILLBROOK FALLS ADOPTING A SOCIAL MEDIA POLICY FOR THE TOWN'S OFFICIAL ACCOUNTS


WHEREAS, [[GL901|the Town Council desires to use social media to provide residents with timely information about Council meetings, road closures, trash and recycling schedules, and emergencies;]] and

WHEREAS, the use of social media by the Town raises concerns about privacy, security, and the keeping of public records, which the Council wishes to address in a simple and practical way; and

WHEREAS, the public comment period at regular meetings of the Town Council is governed by Resolution 2019-04 and is not affected by this Resolution; and

WHEREAS, the Town has a small staff and does not have a communications department;

NOW, THEREFORE, BE IT RESOLVED by the Town Council of the Town of Millbrook Falls as follows:

1.  ACCOUNTS

    1.1  [[GL201|No Town department, board or committee shall establish a social media account in the name of the Town without the prior approval of the Town Manager.]]

    1.2  [[GL203|The Town Clerk is designated as the administrator of the Town's official social media accounts and shall be responsible for their day-to-day operation.]]

2.  CONTENT

    2.1  [[GL101,GL501|Posts to the Town's accounts shall be made by the Town Clerk or the Town Manager, or by another employee with the approval of the Town Manager.]]

    2.2  Posts shall relate to Town business only.

3.  COMMENTS

    3.1  [[GL801|Members of the public may comment on posts on the Town's accounts.]]

    3.2  [[GL802,GL803|The Town Clerk may hide or remove comments that:]]
           a)  [[GL802|contain obscene or profane language;]]
           b)  [[GL802|threaten any person;]]
           c)  [[GL802|advertise a business or product; or]]
           d)  [[GL802|are not related to the subject of the post.]]

4.  RECORDS

    4.1  [[GL702|Posts and comments on the Town's accounts are public records and shall be kept in accordance with the records retention schedule issued by the State Archives.]]

5.  EFFECTIVE DATE

    5.1  [[GL904|This Resolution shall take effect immediately upon its adoption.]]


[[GL904|PASSED AND ADOPTED this 9th day of April, 2024.]]

TOWN OF MILLBROOK FALLS

______________________________
Harold J. Penney, Mayor

ATTEST:

______________________________
Marisol K. Duarte, Town Clerk
'''
open(OUT + '/e08-millbrook-falls-resolution.txt', 'w').write(g.s(txt))
g.write('e08-millbrook-falls-resolution.txt')
