"""The WSGI application: routes, refusals and security headers around the check.

Every response carries a Content-Security-Policy (the upload page allows only 'self'; the
report page its own policy, the one its <meta> states), nosniff, no referrer, and no
framing. A request whose Host header is not this server's is refused before anything else
(DNS rebinding), and a POST from another origin is refused too.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import IO, Any

from werkzeug.exceptions import HTTPException, RequestEntityTooLarge
from werkzeug.routing import Map, Rule
from werkzeug.sansio.utils import host_is_trusted
from werkzeug.wrappers import Request, Response

from gaplint.errors import UserError
from gaplint.guard import BUG_NOTE, internal_error_line
from gaplint.neutralise import error_line
from gaplint.reporters import RenderContext
from gaplint.reporters.html import PageLink, content_security_policy, render_page
from gaplint.run import NamedInput, RunResult
from gaplint.serve.checking import Busy, CheckService
from gaplint.serve.downloads import DOWNLOADS
from gaplint.serve.pages import Pages, static_file
from gaplint.serve.results import ResultStore, ResultTooLarge, StoredResult
from gaplint.serve.settings import ServeSettings
from gaplint.serve.uploads import UploadFolder, shown_name, unique_names

UPLOAD_FIELD = "documents"
SET_FIELD = "set_name"
MAX_SET_NAME = 200
PAGE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
RETRY_SECONDS = 60
FORM_MEMORY_BYTES = 1_000_000
"""Werkzeug's bound on what the multipart parser buffers (a text field, a chunk of a file
being parsed): above its read size (64 KiB), or every large upload would be refused."""


class UploadRequest(Request):
    """Werkzeug's request, whose file parts are written into this request's UploadFolder."""

    upload_folder: UploadFolder | None = None

    def _get_file_stream(
        self,
        total_content_length: int | None,
        content_type: str | None,
        filename: str | None = None,
        content_length: int | None = None,
    ) -> IO[bytes]:
        if self.upload_folder is None:  # pragma: no cover - only /check parses a form
            raise RuntimeError("file upload outside /check")
        return self.upload_folder.new_file()


class Refusal(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


TITLES = {400: "Bad request", 403: "Refused", 404: "Not found", 405: "Method not allowed",
          413: "Too large", 500: "Server error", 503: "Busy"}  # fmt: skip


class ServeApp:
    def __init__(self, settings: ServeSettings, service: CheckService) -> None:
        self.settings = settings
        self.service = service
        self.pages = Pages(service.judge, settings)
        self.results = ResultStore(
            settings.result_seconds, settings.result_store_bytes, settings.result_count
        )
        self.trusted = settings.trusted_hosts()
        self.routes = Map(
            [
                Rule("/", endpoint="upload", methods=["GET"]),
                Rule("/check", endpoint="check", methods=["POST"]),
                Rule("/static/<name>", endpoint="static", methods=["GET"]),
                Rule("/result/<token>", endpoint="result", methods=["GET"]),
                Rule("/result/<token>/report.<fmt>", endpoint="download", methods=["GET"]),
            ],
            strict_slashes=True,
        )

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        request = UploadRequest(environ)
        response = self.respond(request)
        for name, value in _SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        response.headers.setdefault("Content-Security-Policy", PAGE_CSP)
        return response(environ, start_response)

    def respond(self, request: UploadRequest) -> Response:
        wants_json = "application/json" in request.headers.get("Accept", "")
        try:
            self._refuse_foreign(request)
            endpoint, values = self.routes.bind_to_environ(request.environ).match()
            handler = getattr(self, f"_{endpoint}")
            response: Response = handler(request, **values)
            return response
        except Refusal as refusal:
            return self._error(refusal.status, refusal.message, wants_json)
        except RequestEntityTooLarge:
            return self._error(413, self._too_large(), wants_json)
        except HTTPException as error:
            status = error.code or 400
            return self._error(status, error.description or TITLES.get(status, ""), wants_json)
        except Exception as error:  # a bug: one line on the server's stderr, never a traceback
            sys.stderr.write(internal_error_line(error) + "\n")
            return self._error(500, f"internal error {BUG_NOTE}", wants_json)

    # --- refusals -----------------------------------------------------------------------

    def _refuse_foreign(self, request: Request) -> None:
        host = request.headers.get("Host")
        if not host_is_trusted(host, self.trusted):
            raise Refusal(400, "this server answers only to its own address (Host header)")
        if request.method == "POST":
            origin = request.headers.get("Origin")
            site = request.headers.get("Sec-Fetch-Site")
            if (origin is not None and origin != f"http://{host}") or site not in (
                None, "same-origin", "none",
            ):  # fmt: skip
                raise Refusal(403, "uploads are accepted only from this server's own page")

    def _too_large(self) -> str:
        megabytes = self.settings.max_upload_bytes / 1_000_000
        return (
            f"the upload is over the limit of {megabytes:g} MB "
            f"(or {self.settings.max_files} files); send fewer or smaller files"
        )

    def _error(self, status: int, message: str, wants_json: bool) -> Response:
        if wants_json:
            response = _json({"error": message}, status)
        else:
            page = self.pages.message(TITLES.get(status, "Error"), message)
            response = Response(page, status, content_type="text/html; charset=utf-8")
        if status == 503:
            response.headers["Retry-After"] = str(RETRY_SECONDS)
        return response

    # --- pages --------------------------------------------------------------------------

    def _upload(self, request: Request) -> Response:
        return Response(self.pages.upload(), content_type="text/html; charset=utf-8")

    def _static(self, request: Request, name: str) -> Response:
        found = static_file(name)
        if found is None:
            raise Refusal(404, "no such file")
        return Response(found.body, content_type=found.content_type)

    def _check(self, request: UploadRequest) -> Response:
        wants_json = "application/json" in request.headers.get("Accept", "")
        length = request.content_length
        if length is not None and length > self.settings.max_upload_bytes:
            raise Refusal(413, self._too_large())  # before reading a byte of it
        request.max_content_length = self.settings.max_upload_bytes
        request.max_form_memory_size = FORM_MEMORY_BYTES
        request.max_form_parts = self.settings.max_files + 8
        with UploadFolder() as folder:
            request.upload_folder = folder
            inputs = self._inputs(request)
            try:
                result = self.service.check(inputs, _set_name(request))
            except Busy:
                raise Refusal(503, "other checks are running; try again in a minute") from None
            except UserError as error:
                raise Refusal(500, str(error)) from None
        try:
            token = self.results.put(result.report, _context(result))
        except ResultTooLarge as error:
            raise Refusal(413, f"{error}; check fewer documents at once") from None
        where = f"/result/{token}"
        if wants_json:
            lines = [
                error_line(doc.path, doc.error.code, doc.error.message)
                for doc in result.report.documents
                if doc.error is not None
            ]
            return _json({"result": where, "documents": len(inputs), "errors": lines}, 200)
        return Response(status=303, headers={"Location": where})

    def _inputs(self, request: UploadRequest) -> list[NamedInput]:
        uploads = [f for f in request.files.getlist(UPLOAD_FIELD) if f.filename]
        if not uploads:
            raise Refusal(400, "choose at least one document to check")
        if len(uploads) > self.settings.max_files:
            raise Refusal(413, f"at most {self.settings.max_files} documents at once")
        names = unique_names([shown_name(f.filename, i) for i, f in enumerate(uploads)])
        inputs = []
        for name, upload in zip(names, uploads):
            upload.stream.seek(0)
            inputs.append(NamedInput(name, upload.stream.read()))
        return inputs

    def _stored(self, token: str) -> StoredResult:
        stored = self.results.get(token)
        if stored is None:
            raise Refusal(404, "this result has expired or never existed; check the files again")
        return stored

    def _result(self, request: Request, token: str) -> Response:
        stored = self._stored(token)
        links = [
            PageLink(f"Download {d.label}", f"/result/{token}/report.{ext}", download=True)
            for ext, d in DOWNLOADS.items()
            if d.applies(stored.report)
        ]
        links.append(PageLink("Check other documents", "/"))
        page = render_page(stored.report, stored.context, links)
        response = Response(page, content_type="text/html; charset=utf-8")
        response.headers["Content-Security-Policy"] = (
            f"{content_security_policy()}; frame-ancestors 'none'"
        )
        response.headers["Cache-Control"] = "no-store"
        return response

    def _download(self, request: Request, token: str, fmt: str) -> Response:
        download = DOWNLOADS.get(fmt)
        if download is None:
            raise Refusal(404, "no such download")
        stored = self._stored(token)
        if not download.applies(stored.report):
            raise Refusal(404, "an addendum is drafted for one document: check it on its own")
        body = download.render(stored.report, stored.context)
        response = Response(body, content_type=download.content_type)
        response.headers["Content-Disposition"] = f'attachment; filename="{download.filename}"'
        response.headers["Cache-Control"] = "no-store"
        if fmt == "html":
            response.headers["Content-Security-Policy"] = content_security_policy()
        return response


_SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def _json(data: dict[str, Any], status: int) -> Response:
    return Response(json.dumps(data), status, content_type="application/json")


def _context(result: RunResult) -> RenderContext:
    return RenderContext(pack=result.pack, root=result.root)


def _set_name(request: UploadRequest) -> str | None:
    """The name the uploads are judged under as one policy set, if the form gives one."""
    name = " ".join(request.form.get(SET_FIELD, "").split())
    if len(name) > MAX_SET_NAME:
        raise Refusal(400, f"a set name has at most {MAX_SET_NAME} characters")
    return name or None
