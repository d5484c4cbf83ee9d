"""`gaplint serve`: a local web page where analysts upload policies and read the report.

One module per job: `settings` (the limits), `uploads` (a private folder per request and the
names shown), `checking` (the same batch as `gaplint check`, a bounded number at once),
`results` (reports kept in memory under a token), `pages` (the upload page), `app` (the WSGI
application: routes, security headers, refusals) and `command` (the click command).
The server libraries (werkzeug, waitress: the `serve` extra) are imported only when it runs.
"""
