import sys; sys.path.insert(0, "/tmp/blindf"); from lib import *
g = Gold()
B = [
("h1", "Comments and interaction policy (netiquette)"),
("p", "[[GL901|The Ministry of Rural Waterways and Fisheries uses social media to share news about fisheries openings and closures, water-level advisories and public safety notices, and to hear from people who live, work and fish along the province's rivers and lakes.]]"),
("p", "You can find us on:"),
("bullet", ["Facebook: @RuralWaterwaysNR", "X (formerly Twitter): @RWF_NR / @REP_NR (French)", "YouTube: Rural Waterways and Fisheries", "Instagram: @waterways.nr"]),
("p", "[[GL203|These accounts are managed by the Ministry's Communications Branch.]] [[GL804|This comments and interaction policy is linked from the profile or \"About\" section of each account listed above.]]"),
("h2", "Comments are welcome"),
("p", "[[GL801|We encourage you to comment on and share our posts, and we read comments in both English and French.]] We may not reply to every comment. Our accounts are monitored from 8:30 a.m. to 4:30 p.m., Monday to Friday, except on statutory holidays."),
("p", "Please note that comments posted on our accounts are not considered submissions to a formal consultation. To take part in the review of the Inland Fisheries Regulation, please use the consultation form on our website before the comment period closes."),
("h2", "What we will remove"),
("p", "[[GL802|We will remove comments that:]]"),
("bullet", ["[[GL802|are abusive, threatening, obscene or sexually explicit;]]",
            "[[GL802|are racist, sexist, homophobic or otherwise discriminatory;]]",
            "[[GL802|contain personal information, such as your own or another person's phone number, address or licence number;]]",
            "[[GL802|advertise products or services, or are spam;]]",
            "[[GL802|encourage illegal activity, such as fishing out of season;]]",
            "[[GL802|are repetitive or clearly off-topic.]]"]),
("p", "[[GL803|Comments that break these rules will be hidden or deleted by Communications Branch moderators, and users who repeatedly break them may be blocked.]] We will not edit your comments."),
("h2", "Privacy"),
("p", "[[GL701|Do not share personal information about yourself or others in comments; the Ministry does not collect personal information through its social media accounts except when you contact us directly, and any personal information you send us in a private message is handled under the Freedom of Information and Protection of Privacy Act.]] [[GL703|Comments and messages you send to the Ministry may be subject to an access to information request under that Act.]]"),
("p", "The social media platforms have their own privacy policies. Read them before you sign up."),
("h2", "Links and endorsement"),
("p", "[[GL706|Links to other websites, and sharing or \"liking\" content from other accounts, do not mean that the Ministry endorses those organizations, their products or their views.]]"),
("h2", "Copyright"),
("p", "[[GL707|Information posted by the Ministry is subject to Crown copyright and may be reproduced for non-commercial purposes; your use of each platform is also governed by that platform's terms of service.]]"),
("h2", "Official languages"),
("p", "We post information in English and French. Some content from other organizations that we share may only be available in the language in which it was published."),
("h2", "Media and emergencies"),
("p", "Journalists should contact Media Relations at media.rwf@example.gov. Do not use social media to report an emergency. Call 911 or, to report a poaching violation, the Conservation Tip Line."),
]
body = blocks_html(B, g)
page = f"""<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Comments and interaction policy (netiquette) - Ministry of Rural Waterways and Fisheries</title>
<meta name="description" content="Rules for commenting on and interacting with the Ministry of Rural Waterways and Fisheries social media accounts.">
<meta name="dcterms.creator" content="Ministry of Rural Waterways and Fisheries">
<meta name="dcterms.language" content="eng">
<link rel="alternate" hreflang="fr" href="https://www.example.gov/rep/netiquette-fr.html">
<link rel="stylesheet" href="/assets/css/prov-theme.min.css?v=4.2.1">
<style>.cookie-banner{{position:fixed;bottom:0;left:0;right:0;background:#26374a;color:#fff;padding:1em}} .breadcrumb li{{display:inline}}</style>
<script async src="https://analytics.example.org/js/tag.js?id=RWF-22"></script>
<script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}} gtag('consent','default',{{analytics_storage:'denied'}});</script>
</head>
<body class="page-type-article">
<div id="cookie-banner" class="cookie-banner" role="dialog" aria-label="Cookie consent">
  <p>We use cookies to understand how our website is used. <a href="/privacy#cookies">Learn more</a></p>
  <button type="button" id="cookie-accept">Accept</button> <button type="button" id="cookie-reject">Reject non-essential</button>
</div>
<a class="skip" href="#main-content">Skip to main content</a>
<header class="site-header">
  <div class="brand"><a href="/"><img src="/assets/img/province-logo.svg" alt="Province home"></a></div>
  <nav class="lang"><a href="/rep/netiquette-fr.html" lang="fr">Français</a></nav>
  <form class="search" action="/search"><label for="q">Search</label><input id="q" name="q" type="search"><button>Search</button></form>
  <nav class="main-menu" aria-label="Main">
    <ul>
      <li><a href="/services">Services</a></li>
      <li><a href="/fishing">Fishing and licences</a></li>
      <li><a href="/water">Water levels and advisories</a></li>
      <li><a href="/news">News</a></li>
      <li><a href="/ministry">About the ministry</a></li>
    </ul>
  </nav>
</header>
<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/">Home</a> &rsaquo;</li><li><a href="/ministry">About the ministry</a> &rsaquo;</li><li><a href="/ministry/contact">Contact us</a> &rsaquo;</li><li>Netiquette</li></ol></nav>
<main id="main-content" property="mainContentOfPage">
{body}
<div class="pagedetails">
  <a class="btn" href="/feedback?page=netiquette">Report a problem on this page</a>
  <dl><dt>Date modified:</dt><dd><time property="dateModified">2025-11-04</time></dd></dl>
</div>
</main>
<footer class="site-footer">
  <ul>
    <li><a href="/ministry/contact">Contact us</a></li>
    <li><a href="/accessibility">Accessibility</a></li>
    <li><a href="/privacy">Privacy</a></li>
    <li><a href="/terms">Terms of use</a></li>
    <li><a href="/ministry/netiquette">Social media</a></li>
  </ul>
  <p>&copy; King&rsquo;s Printer for the Province, 2025</p>
</footer>
<script src="/assets/js/prov-theme.min.js"></script>
<script>document.getElementById('cookie-accept').onclick=function(){{document.getElementById('cookie-banner').remove();}};</script>
</body>
</html>
"""
name = "f04-provincial-ministry-netiquette.html"
open(os.path.join(OUT, name), "w").write(page)
g.write(name)
check(name, html_text(os.path.join(OUT, name)))
