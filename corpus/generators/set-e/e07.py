from lib import *
g = Gold()
html = '''<!doctype html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="X-UA-Compatible" content="IE=edge">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <title>Social Media Guidelines for Departments and Clubs - Lakeshore Valley Community College</title>
  <meta name="description" content="Guidelines for college departments, programs and registered student clubs that run social media accounts.">
  <meta name="robots" content="index, follow">
  <link rel="preconnect" href="https://fonts.example.org">
  <link rel="stylesheet" href="/_resources/css/lvcc-2023.css">
  <link rel="stylesheet" href="/_resources/css/print.css" media="print">
  <script src="/_resources/js/jquery-3.6.0.min.js"></script>
  <script>
    (function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],j=d.createElement(s);j.async=true;j.src='https://tags.example.org/gtm.js?id='+i;f.parentNode.insertBefore(j,f);})(window,document,'script','dataLayer','GTM-LVCC9');
  </script>
</head>
<body>
<div id="cookie-consent" class="cookie-consent" role="region" aria-label="Cookie notice">
  <p>We use cookies to improve your experience on lvcc.example.edu. By continuing to browse, you agree to our use of cookies. <a href="/about/privacy.php">Learn more</a></p>
  <button class="btn btn-sm" onclick="document.getElementById('cookie-consent').style.display='none'">Got it</button>
</div>
<header id="site-header">
  <div class="utility-bar"><a href="/apply/">Apply</a> | <a href="/request-info/">Request Info</a> | <a href="/give/">Give</a> | <a href="https://portal.lvcc.example.edu">myLVCC</a></div>
  <div class="brand"><a href="/"><img src="/_resources/img/lvcc-logo.png" alt="Lakeshore Valley Community College"></a></div>
  <nav id="primary-nav">
    <ul class="menu">
      <li><a href="/academics/">Academics</a></li>
      <li><a href="/admissions/">Admissions &amp; Aid</a></li>
      <li><a href="/student-life/">Student Life</a></li>
      <li><a href="/community/">Community &amp; Workforce</a></li>
      <li class="active"><a href="/about/">About LVCC</a></li>
    </ul>
  </nav>
</header>
<div class="breadcrumbs"><a href="/">Home</a> &rsaquo; <a href="/about/">About LVCC</a> &rsaquo; <a href="/about/marcomm/">Marketing &amp; Communications</a> &rsaquo; Social Media Guidelines</div>
<div id="content" class="container">
<div class="row">
<aside class="col-md-3 sidebar">
  <h2>Marketing &amp; Communications</h2>
  <ul>
    <li><a href="/about/marcomm/brand/">Brand Standards</a></li>
    <li><a href="/about/marcomm/photo-video/">Photo &amp; Video Requests</a></li>
    <li class="current"><a href="/about/marcomm/social/">Social Media Guidelines</a></li>
    <li><a href="/about/marcomm/social/directory/">Social Media Directory</a></li>
    <li><a href="/about/marcomm/news/">Submit a News Story</a></li>
  </ul>
</aside>
<div class="col-md-9 page-content">
<h1>Social Media Guidelines for Departments and Clubs</h1>
<p class="updated">[[GL904|Last revised: January 2025 by the Office of Marketing and Communications]]</p>

<p>[[GL901|Social media helps Lakeshore Valley reach prospective students where they are, celebrate student success, and keep current students informed about deadlines, events and campus closures.]] These guidelines are for college departments, academic programs, student services offices and registered student clubs that run an account connected with the college. They are meant to help, not to get in the way.</p>

<p>Looking for the Board of Trustees? The Board's public comment period takes place at its monthly meetings and is not conducted on social media; see the <a href="/about/board/">Board of Trustees page</a> for the meeting calendar.</p>

<h2>Who can run an account</h2>
<p>[[GL101|Full-time and part-time faculty and staff may use college-approved platforms for instruction and to promote their department or program.]] [[GL203|Every department account must have at least two college employees listed as administrators, and a registered club's account must list its faculty or staff advisor as an administrator in addition to student officers.]]</p>

<h3>Approved platforms</h3>
<ul>
  <li>[[GL102|Facebook, Instagram, LinkedIn and YouTube are approved for department and club accounts.]]</li>
  <li>[[GL102|TikTok may not be installed on or accessed from college-owned devices or the college network, in line with state law.]]</li>
  <li>Other platforms: ask us first at socialmedia@lvcc.example.edu.</li>
</ul>

<h2>Starting a new account</h2>
<ol>
  <li>Talk to your dean or director (departments) or the Office of Student Life (clubs) about whether an account is the best way to reach your audience.</li>
  <li>[[GL201|Fill out the New Account Request form; department accounts need the approval of the dean or director, and club accounts need the approval of the Student Life coordinator, before the account goes live.]]</li>
  <li>[[GL203|Use a department e-mail address, not a personal one, to register the account.]]</li>
  <li>[[GL202|Marketing and Communications adds the account to the college's Social Media Directory, which lists every official account and the names of its administrators.]]</li>
</ol>

<h2>Posting</h2>
<p>[[GL501|The department chair or director is responsible for what goes out on a department account; for clubs, the advisor reviews posts that announce events or use the college name.]] Big announcements, such as program closures or anything involving a safety issue, come from the main college accounts, so please check with Marketing and Communications first.</p>
<p>[[GL704|Add captions to every video and alt text to every image, and avoid putting important information only in a graphic, so that students who use screen readers or who are deaf or hard of hearing can follow along.]]</p>
<p>[[GL707|Use of the college name, logo and mascot must follow the LVCC Brand Standards, and posts may not include music, images or video that you do not have the right to use.]]</p>

<h3>Please don't post</h3>
<ul>
  <li>[[GL701|grades, schedules, ID numbers or any other student information protected by FERPA;]]</li>
  <li>[[GL701|photos of students who have not signed a photo release;]]</li>
  <li>[[GL303|advertisements for products or services sold for personal profit;]]</li>
  <li>[[GL303|endorsements of candidates or ballot measures;]]</li>
  <li>inside jokes, memes or slang that could be misunderstood by people outside your group.</li>
</ul>

<h2>Passwords and access</h2>
<p>[[GL601|Share account passwords only with the account's listed administrators, and change the password at the start of each semester and whenever an administrator leaves.]]</p>

<h2>When an account is no longer active</h2>
<p>[[GL204|If a club is inactive for two semesters, the Office of Student Life will ask Marketing and Communications to deactivate or archive its account, and when a department administrator leaves the college, the department chair assigns a new administrator and the departing employee is removed.]]</p>

<h2>Conduct</h2>
<p>[[GL401,GL903|Students who post on club accounts are expected to follow the Student Code of Conduct, and employees are expected to follow Board Policy 3720 (Computer and Network Use) and the Employee Handbook.]] [[GL403|Accounts that repeatedly do not follow these guidelines may be removed from the Social Media Directory and asked to stop using the college name and logo.]]</p>

<h2>What these guidelines don't cover</h2>
<p>These guidelines do not address records retention; see Board Policy 3310 (Records Retention and Destruction). They also do not apply to faculty members' personal accounts or to course discussions held inside Canvas.</p>

<h2>Questions?</h2>
<p>Contact Marketing and Communications, Building A, Room 214, 555-010-7700, <a href="mailto:socialmedia@lvcc.example.edu">socialmedia@lvcc.example.edu</a>.</p>
</div>
</div>
</div>
<footer id="site-footer">
  <div class="footer-inner">
    <p><strong>Lakeshore Valley Community College</strong><br>4400 College Parkway, Port Aldine, MI 00000</p>
    <ul class="footer-links">
      <li><a href="/about/accessibility.php">Accessibility</a></li>
      <li><a href="/about/nondiscrimination.php">Nondiscrimination Statement</a></li>
      <li><a href="/about/privacy.php">Privacy</a></li>
      <li><a href="/about/consumer-information.php">Consumer Information</a></li>
      <li><a href="/employment/">Employment</a></li>
    </ul>
    <ul class="social-icons">
      <li><a href="https://www.facebook.com/" aria-label="Facebook"><i class="icon-facebook"></i></a></li>
      <li><a href="https://www.instagram.com/" aria-label="Instagram"><i class="icon-instagram"></i></a></li>
      <li><a href="https://www.youtube.com/" aria-label="YouTube"><i class="icon-youtube"></i></a></li>
    </ul>
    <p class="copyright">&copy; 2025 Lakeshore Valley Community College. All rights reserved.</p>
  </div>
</footer>
<script src="/_resources/js/lvcc-main.js"></script>
</body>
</html>
'''
open(OUT + '/e07-lvcc-social-media-guidelines.html', 'w').write(g.s(html))
g.write('e07-lvcc-social-media-guidelines.html')
