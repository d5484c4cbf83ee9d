from lib import *
g = Gold()
html = '''<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Social Media Comment and Moderation Policy | Pinecrest State Department of Transportation</title>
<meta name="description" content="Rules for comments and interaction on PSDOT social media channels.">
<meta property="og:title" content="Social Media Comment and Moderation Policy">
<meta property="og:site_name" content="Pinecrest DOT">
<link rel="canonical" href="https://www.dot.example.gov/about/social-media-policy">
<link rel="stylesheet" href="/themes/psdot/css/main.min.css?v=4.18.2">
<link rel="icon" href="/themes/psdot/img/favicon.ico">
<style>.cookie-banner{position:fixed;bottom:0;left:0;right:0;background:#1d2b3a;color:#fff;padding:1rem}.visually-hidden{position:absolute;left:-9999px}</style>
<script async src="https://analytics.example.org/gtag/js?id=G-PSDOT01"></script>
<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());gtag('config','G-PSDOT01',{anonymize_ip:true});</script>
</head>
<body class="page-node page-node-type-basic-page">
<a class="visually-hidden" href="#main-content">Skip to main content</a>
<div class="state-banner">An official website of the State of Pinecrest <a href="https://www.example.gov/">Pinecrest.gov</a></div>
<header class="site-header">
  <a class="logo" href="/"><img src="/themes/psdot/img/psdot-logo.svg" alt="Pinecrest Department of Transportation"></a>
  <nav class="main-nav" aria-label="Main">
    <ul>
      <li><a href="/travel">Travel &amp; Traffic</a></li>
      <li><a href="/projects">Projects</a></li>
      <li><a href="/business">Doing Business</a></li>
      <li><a href="/safety">Safety</a></li>
      <li><a href="/about">About PSDOT</a></li>
      <li><a href="/contact">Contact</a></li>
    </ul>
  </nav>
  <form class="search" action="/search"><label for="q" class="visually-hidden">Search</label><input id="q" name="q" type="search" placeholder="Search PSDOT"></form>
</header>
<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/about">About PSDOT</a></li><li><a href="/about/news">News &amp; Media</a></li><li aria-current="page">Social Media Policy</li></ol></nav>
<main id="main-content">
<article>
<h1>Social Media Comment and Moderation Policy</h1>
<p class="meta">Office of Public Affairs &middot; <span>[[GL904|Last updated: August 14, 2024]]</span></p>
<p>[[GL901|The Pinecrest State Department of Transportation (PSDOT) uses Facebook, X, Instagram and YouTube to share real-time travel information, construction updates, safety campaigns and news about the state's transportation system.]] [[GL801|We welcome your comments and questions on our pages, and we read them.]] This policy explains what you can expect from us and what we expect from you.</p>
<p>[[GL804|A link to this policy appears in the "About" section of every PSDOT social media account.]]</p>
<h2>Not for emergencies or official comments on projects</h2>
<p>Our social media pages are not monitored 24 hours a day. To report a crash, a road hazard or an emergency, call 911 or *SP from a mobile phone. To report a pothole or damaged sign, use the <a href="/contact/report">online service request form</a>.</p>
<p>Comments posted on social media are not part of the official record for a project's public comment period under the National Environmental Policy Act or state law. To submit an official comment on a proposed project, use the comment form on that project's page or attend a public hearing.</p>
<h2>What we may remove</h2>
<p>[[GL705|PSDOT's social media pages are a limited public forum, and we do not remove comments simply because they disagree with or criticize the department, its employees, or its decisions.]] [[GL802|We may hide or remove comments, images or links that:]]</p>
<ul>
<li>[[GL802|contain obscene, profane or sexually explicit language or material;]]</li>
<li>[[GL802|threaten or harass any person or organization;]]</li>
<li>[[GL802|promote discrimination based on race, color, religion, sex, national origin, age, disability, sexual orientation or gender identity;]]</li>
<li>[[GL802|include personal information such as phone numbers, home addresses or license plate numbers of others;]]</li>
<li>[[GL802|advertise or solicit for a commercial product, service or business, or support or oppose a political campaign or ballot measure;]]</li>
<li>[[GL802|are spam, repeated posts, or clearly off-topic;]]</li>
<li>encourage or describe illegal activity, including dangerous driving;</li>
<li>infringe a copyright or trademark.</li>
</ul>
<p>[[GL803|Comments are moderated by Office of Public Affairs staff during regular business hours; users who repeatedly violate this policy may be blocked from our pages after a warning.]] Removal is made on the content of a post, not on the identity or views of the person who posted it.</p>
<h2>Public records</h2>
<p>[[GL702|Comments and messages sent to PSDOT on social media are public records under the Pinecrest Public Records Act and are kept by PSDOT, including comments that are later removed, in line with the state's records retention schedules.]] [[GL703|They may be released to anyone who asks for them under that Act.]]</p>
<h2>Your privacy</h2>
<p>[[GL701|PSDOT does not collect personal information from your social media profile beyond what is visible in your public posts, and we will not use comments or messages to contact you for any purpose other than answering your question.]] Please do not post your own personal details, such as your driver's license or account numbers, in a comment. If you need help with an account, send us a direct message or call Customer Service.</p>
<p>[[GL604|PSDOT will never ask for a password, payment, or bank details through social media; if you are asked for them by an account that looks like ours, do not respond and report it to the platform.]]</p>
<h2>Third-party sites</h2>
<p>[[GL707|Facebook, X, Instagram and YouTube are private companies, and your use of them is governed by their own terms of service and privacy policies, not by PSDOT.]] [[GL706|Links to outside websites and advertisements that the platforms place on our pages are not endorsements by PSDOT.]]</p>
<h2>Questions</h2>
<p>Questions about this policy may be sent to the Office of Public Affairs at <a href="mailto:socialmedia@dot.example.gov">socialmedia@dot.example.gov</a>.</p>
</article>
<aside class="related">
<h2>Related links</h2>
<ul><li><a href="/about/news">Newsroom</a></li><li><a href="/about/public-records">Request public records</a></li><li><a href="/about/accessibility">Accessibility</a></li><li><a href="/about/title-vi">Title VI / Nondiscrimination</a></li></ul>
</aside>
</main>
<footer class="site-footer">
<div class="footer-cols">
<div><h3>Pinecrest Department of Transportation</h3><p>1200 Capitol Loop, Mill City, PS 00000<br>Main: (555) 010-4000</p></div>
<div><ul><li><a href="/about/accessibility">Accessibility</a></li><li><a href="/privacy">Privacy Notice</a></li><li><a href="/about/social-media-policy">Social Media Policy</a></li><li><a href="/careers">Careers</a></li><li><a href="/sitemap">Site Map</a></li></ul></div>
</div>
<p class="copyright">&copy; 2024 State of Pinecrest</p>
</footer>
<div class="cookie-banner" id="cookie-banner" role="dialog" aria-live="polite">
<p>This site uses cookies to understand how visitors use our pages. See our <a href="/privacy">Privacy Notice</a>.</p>
<button type="button" id="cookie-accept">Accept</button> <button type="button" id="cookie-decline">Decline</button>
</div>
<script src="/themes/psdot/js/main.min.js?v=4.18.2"></script>
<script>document.getElementById('cookie-accept').addEventListener('click',function(){document.cookie='psdot_consent=1;path=/;max-age=31536000';document.getElementById('cookie-banner').remove();});</script>
</body>
</html>
'''
open(OUT + '/e02-pinecrest-dot-comment-policy.html', 'w').write(g.s(html))
g.write('e02-pinecrest-dot-comment-policy.html')
