import sys; sys.path.insert(0, "/tmp/blindf"); from lib import *
g = Gold()
B = [
("h1", "Website Terms of Use and Privacy Notice"),
("p", "[[GL904|Effective date: April 1, 2026]]"),
("p", "Welcome to the website of the Tamarack Valley Regional Park District (\"the District\", \"we\", \"us\"). By using tamarackparks.example.gov, our online reservation system, or our social media pages, you agree to these Terms of Use. If you do not agree, please do not use the site."),
("h2", "Part A – Terms of Use"),
("h3", "1. Use of this site"),
("p", "This site provides information about District parks, trails, programs, permits and reservations. Information is provided for general purposes. Trail conditions, closures and fire restrictions change quickly; always check posted signs at the trailhead. You agree not to use the site to interfere with its operation or to attempt to gain unauthorized access to District systems."),
("h3", "2. Copyright and trademarks"),
("p", "[[GL707|Unless otherwise noted, text, maps and photographs on this site are owned by the District and may be used for personal, non-commercial purposes with credit to \"Tamarack Valley Regional Park District\"; the District name, logo and the Tamarack leaf mark are trademarks of the District and may not be used without written permission.]] Some photographs are provided by community members and remain the property of the photographer."),
("h3", "3. Links to other websites"),
("p", "[[GL706|This site contains links to websites operated by other organizations, such as transit agencies, partner nonprofits and concessionaires; the District does not control those sites, is not responsible for their content, and a link does not imply endorsement.]]"),
("h3", "4. Accessibility"),
("p", "[[GL704|The District is committed to making its website usable by everyone, and we work to meet the Web Content Accessibility Guidelines (WCAG) 2.1 Level AA.]] If you have trouble using any part of this site, contact our ADA Coordinator at ada@tamarackparks.example.gov or (555) 018-4410 and we will provide the information in another format."),
("h3", "5. Social media"),
("p", "[[GL901|The District uses Facebook, Instagram and YouTube to share news about park programs, volunteer opportunities, wildlife, trail conditions and emergency closures, and to hear from park visitors.]] [[GL801|You are welcome to comment on our posts.]] Our pages are monitored during regular business hours. Social media is not the place to report an emergency, a downed tree across a trail, or an illegal campfire: call 911 or Park Dispatch at (555) 018-4000."),
("p", "[[GL705|Our social media pages are a limited public forum, and we do not delete comments because they criticize the District or express a particular point of view.]] [[GL802|However, we may remove comments or posts that:]]"),
("bullet", ["[[GL802|contain obscene, sexually explicit or profane language or images;]]",
            "[[GL802|threaten or harass any person, or promote violence;]]",
            "[[GL802|promote discrimination based on race, religion, sex, sexual orientation, gender identity, national origin, age or disability;]]",
            "[[GL802|advertise products, services or political campaigns;]]",
            "[[GL802|share another person's private information;]]",
            "[[GL802|are unrelated to the topic of the original post.]]"]),
("p", "[[GL803|Comments that violate these rules will be hidden or removed by District Public Affairs staff, and a copy of the removed comment and the reason for its removal will be kept.]]"),
("p", "Please note that comments on our social media pages are not part of the official record for the draft Tamarack Ridge Land Use Plan. The public comment period for the draft plan closes on June 30, 2026; written comments can be submitted through the planning page of this site or at the Board meeting."),
("h3", "6. Disclaimer and limitation of liability"),
("p", "THE SITE AND ITS CONTENT ARE PROVIDED \"AS IS\" WITHOUT WARRANTIES OF ANY KIND. TO THE EXTENT PERMITTED BY LAW, THE DISTRICT IS NOT LIABLE FOR ANY DAMAGES ARISING FROM YOUR USE OF THE SITE."),
("h3", "7. Changes to these terms"),
("p", "We may update these Terms from time to time. The effective date at the top of this page shows when they were last changed."),
("h2", "Part B – Privacy Notice"),
("h3", "8. Information we collect"),
("p", "[[GL701|When you make a reservation, buy a permit, register for a program or sign up for our newsletter, we collect the personal information needed for that transaction, such as your name, address, e-mail address, phone number and payment details, and we use it only to provide the service you requested.]] Payments are processed by our payment provider; the District does not store full card numbers."),
("p", "We also collect standard website data such as your IP address, browser type and the pages you visit, through cookies and analytics tools. You can turn off non-essential cookies using the banner at the bottom of this page."),
("h3", "9. Sharing"),
("p", "[[GL701|We do not sell your personal information.]] We share it only with service providers working on our behalf, with law enforcement where required by law, or as described below."),
("h3", "10. Public records"),
("p", "[[GL703|The District is a public agency, and information you submit to us, including e-mails, comment cards and messages sent through our social media pages, may be disclosed in response to a request under the California Public Records Act, unless an exemption applies.]] [[GL702|Comments and messages on District social media pages are public records and are retained in accordance with the District's Records Retention Schedule.]]"),
("h3", "11. Children"),
("p", "Our website is not directed at children under 13, and we do not knowingly collect personal information from them online. Youth program registration is completed by a parent or guardian."),
("h3", "12. Security"),
("p", "We use reasonable administrative and technical measures to protect the information we hold. No website or internet transmission is completely secure."),
("h3", "13. Contact"),
("p", "Questions about these Terms or this Privacy Notice can be sent to the District Clerk, Tamarack Valley Regional Park District, 900 Foothill Road, Alder Creek, or to clerk@tamarackparks.example.gov."),
]
body = blocks_html(B, g)
page = f"""<!doctype html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="X-UA-Compatible" content="IE=edge">
  <meta name="viewport" content="width=device-width,initial-scale=1">
  <title>Terms of Use &amp; Privacy | Tamarack Valley Regional Park District</title>
  <meta name="description" content="Terms of use and privacy notice for the Tamarack Valley Regional Park District website, reservation system and social media pages.">
  <meta property="og:title" content="Terms of Use &amp; Privacy">
  <meta property="og:site_name" content="Tamarack Valley Regional Park District">
  <link rel="icon" href="/favicon.ico">
  <link rel="stylesheet" href="/themes/tvrpd/css/style.css?t3k9a">
  <link rel="stylesheet" href="https://fonts.example.org/css2?family=Source+Sans+3:wght@400;700&amp;display=swap">
  <style>
    #cookie-consent {{ position: fixed; bottom: 0; width: 100%; background: #2f4a2a; color: #fff; z-index: 999; }}
    .alert-banner {{ background: #ffcc00; padding: .5rem 1rem; }}
  </style>
  <script src="/core/assets/vendor/jquery/jquery.min.js?v=3.7.1"></script>
  <script>var drupalSettings = {{"path":{{"baseUrl":"/","currentPath":"node/1182"}},"tvrpd":{{"alerts":true}}}};</script>
</head>
<body class="path-node page-node-type-basic-page">
  <div class="alert-banner" role="region" aria-label="Alert">Red Flag Warning: Ridge Trail and Quarry Loop closed Friday–Sunday. <a href="/alerts">All alerts</a></div>
  <header class="site-header">
    <a class="logo" href="/"><img src="/themes/tvrpd/logo.svg" alt="Tamarack Valley Regional Park District"></a>
    <nav class="menu--main" aria-label="Main navigation">
      <ul>
        <li><a href="/parks">Parks &amp; Trails</a></li>
        <li><a href="/reservations">Reservations</a></li>
        <li><a href="/programs">Programs &amp; Events</a></li>
        <li><a href="/volunteer">Volunteer</a></li>
        <li><a href="/about">About the District</a></li>
        <li><a href="/donate" class="button">Donate</a></li>
      </ul>
    </nav>
  </header>
  <div class="breadcrumb"><a href="/">Home</a> / <a href="/about">About the District</a> / <span>Terms of Use &amp; Privacy</span></div>
  <div class="layout-container">
    <aside class="sidebar"><ul><li><a href="/about/board">Board of Directors</a></li><li><a href="/about/public-records">Public Records Requests</a></li><li><a href="/about/accessibility">Accessibility</a></li><li class="active"><a href="/terms">Terms of Use &amp; Privacy</a></li></ul></aside>
    <main id="content" class="main-content" role="main">
      <article class="node node--type-basic-page">
        <div class="field field--name-body">
{body}
        </div>
      </article>
    </main>
  </div>
  <footer class="site-footer">
    <div class="footer-cols">
      <div><h4>Visit</h4><ul><li><a href="/parks/map">Park Map</a></li><li><a href="/rules">Park Rules</a></li></ul></div>
      <div><h4>Connect</h4><ul><li><a href="https://www.facebook.example.org/tamarackparks">Facebook</a></li><li><a href="https://www.instagram.example.org/tamarackparks">Instagram</a></li><li><a href="https://www.youtube.example.org/@tamarackparks">YouTube</a></li></ul></div>
      <div><h4>District</h4><ul><li><a href="/jobs">Jobs</a></li><li><a href="/terms">Terms &amp; Privacy</a></li><li><a href="/about/accessibility">Accessibility</a></li></ul></div>
    </div>
    <p class="copyright">&copy; 2026 Tamarack Valley Regional Park District. 900 Foothill Road, Alder Creek.</p>
  </footer>
  <div id="cookie-consent" role="dialog" aria-live="polite">
    <p>This website uses cookies to improve your experience and to collect anonymous usage statistics. <a href="/terms#information-we-collect">Privacy Notice</a></p>
    <button class="agree-button">Accept all</button><button class="decline-button">Essential only</button>
  </div>
  <script src="/themes/tvrpd/js/main.js?t3k9a"></script>
  <script>jQuery('.agree-button,.decline-button').on('click',function(){{jQuery('#cookie-consent').hide();}});</script>
</body>
</html>
"""
name = "f07-regional-parks-terms-privacy.html"
open(os.path.join(OUT, name), "w").write(page)
g.write(name)
check(name, html_text(os.path.join(OUT, name)))
