<!DOCTYPE html>
<html lang="en">
<!-- saved from url=(0071)https://www.bayviewusd.example.org/District/Communications/Comments.aspx -->
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>Social Media Comment Guidelines | Bayview Unified School District</title>
<link rel="stylesheet" href="./Comments_files/site.css">
<script type="text/javascript">
  window.dataLayer = window.dataLayer || [];
  function gtag(){dataLayer.push(arguments);}
  gtag('js', new Date());
  gtag('config', 'G-BAYVIEW01');
</script>
</head>
<body class="page-district">
<form method="post" action="./Comments.aspx" id="aspnetForm">
<div class="aspNetHidden">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1MmRkD3x1qU8r0a9nS1e5Q0Lw4w==">
<input type="hidden" name="__VIEWSTATEGENERATOR" id="__VIEWSTATEGENERATOR" value="CA0B0334">
</div>

<header id="site-header">
  <a class="skip-link" href="#main-content">Skip to main content</a>
  <div class="logo"><a href="/"><img src="./Comments_files/bayview-logo.png" alt="Bayview Unified School District home"></a></div>
  <nav id="main-nav" aria-label="Main">
    <ul>
      <li><a href="/District/">Our District</a></li>
      <li><a href="/Schools/">Schools</a></li>
      <li><a href="/Families/">Families</a></li>
      <li><a href="/Board/">Board of Education</a></li>
      <li><a href="/HR/Jobs.aspx">Careers</a></li>
      <li><a href="/Staff/Login.aspx">Staff Login</a></li>
      <li><a href="/Translate.aspx">Translate</a></li>
    </ul>
  </nav>
  <div class="alert-banner">Registration for the 2024-25 school year is now open. <a href="/Families/Enroll.aspx">Enroll now</a></div>
</header>

<div id="breadcrumbs"><a href="/">Home</a> &gt; <a href="/District/">Our District</a> &gt; <a href="/District/Communications/">Communications</a> &gt; Social Media Comment Guidelines</div>

<script type="text/javascript">
//<![CDATA[
var contentLoaded = false;
document.addEventListener('DOMContentLoaded', function () { contentLoaded = true; });
//]]>
</script>
<div id="main-content" class="content-area" role="main">
<h1>Social Media Comment Guidelines</h1>

<p>Bayview Unified School District and its schools have accounts on Facebook, Instagram, X and YouTube. These guidelines explain how you can take part in the conversation on those accounts.</p>

<h2>Joining the conversation</h2>
<p>Parents, students, staff and community members are welcome to comment on and reply to the District's posts. Comments are not a way to report a safety concern: for emergencies call 911, and for concerns about a specific student please contact the school directly.</p>

<h2>Comments we remove</h2>
<p>We will remove comments that:</p>
<ul>
  <li>use profanity or contain sexual content;</li>
  <li>threaten, harass or bully any person, including students and staff;</li>
  <li>contain hate speech or discriminate on the basis of any protected characteristic;</li>
  <li>promote a business, product, fundraiser or political campaign;</li>
  <li>are spam or contain links unrelated to the post; or</li>
  <li>are off-topic for the post.</li>
</ul>

<h2>How we moderate</h2>
<p>The Communications Department monitors the District's accounts during school days, and removes or hides comments that break these guidelines; a copy of each removed comment and the reason it was removed is kept by the Communications Department.</p>
<p>Because the District is a public agency, we respect the right of free speech: we do not remove comments for disagreeing with the District or the Board of Education, and we apply these guidelines in a viewpoint-neutral way.</p>

<h2>Links, endorsements and ownership</h2>
<p>Links to other websites and mentions of organizations or businesses on District pages are provided for information only and are not an endorsement by the District.</p>
<p>Use of the District's pages is also governed by the terms of service of the platform that hosts them, and photos and videos posted by the District remain the District's copyright unless otherwise noted.</p>

<h2>Where to find these guidelines</h2>
<p>These guidelines are linked from the profile or About section of every District and school social media account.</p>

<p>Questions? Contact the Communications Department at (555) 201-4400 or communications@bayviewusd.example.org.</p>
</div>
<script type="text/javascript">
//<![CDATA[
if (window.Sys && Sys.WebForms) { Sys.WebForms.PageRequestManager.getInstance(); }
var cookieNotice = "This website uses cookies to improve your experience. By continuing to use this site you agree to our use of cookies.";
//]]>
</script>

<footer id="site-footer">
  <div class="footer-col">
    <h3>Bayview Unified School District</h3>
    <p>1200 Harbor Road, Bayview, CA 94000<br>Phone (555) 201-4000</p>
  </div>
  <div class="footer-col">
    <h3>Staff Resources</h3>
    <p>IT Help Desk: Forgot your password? Staff can reset their network password at the Staff Login page or call extension 4357, Monday to Friday 7:00 a.m. to 5:00 p.m.</p>
  </div>
  <div class="footer-col">
    <ul class="footer-links">
      <li><a href="/Accessibility.aspx">Accessibility</a></li>
      <li><a href="/Nondiscrimination.aspx">Non-Discrimination Statement</a></li>
      <li><a href="/Privacy.aspx">Privacy</a></li>
      <li><a href="/Sitemap.aspx">Site Map</a></li>
    </ul>
    <p>&copy; 2024 Bayview Unified School District. All rights reserved.</p>
  </div>
</footer>
</form>
<script src="./Comments_files/WebResource.axd" type="text/javascript"></script>
</body>
</html>
