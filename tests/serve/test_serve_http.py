"""The real server over HTTP: the report it gives, the limits it keeps and what it refuses."""

from __future__ import annotations

import http.client
import io
import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from gaplint.cli import main
from gaplint.report import Report
from gaplint.reporters.html import content_security_policy
from gaplint.serve.app import PAGE_CSP

from .conftest import MAX_FILES, MAX_UPLOAD_MB
from .documents import policy_set
from .server import Server, multipart

JSON = {"Accept": "application/json"}


def _cli(folder: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> str:
    monkeypatch.chdir(folder)
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code in (0, 1, 2), result.output
    return result.stdout


def test_the_page_says_who_judges_and_loads_nothing_inline(server: Server) -> None:
    reply = server.request("GET", "/")
    assert reply.status == 200
    assert reply.headers["Content-Security-Policy"] == PAGE_CSP
    assert reply.headers["X-Content-Type-Options"] == "nosniff"
    page = reply.text
    assert '<label for="documents"' in page and 'name="documents" multiple' in page
    assert "<script>" not in page and "style=" not in page, "CSP allows only files from 'self'"
    from gaplint import __version__
    from gaplint.rules import load_pack

    assert f"<dd>{__version__}</dd>" in page
    assert load_pack(()).digest[:12] in page
    assert "builtin (38 sub-points)" in page
    for name, kind in (("serve.js", "text/javascript"), ("serve.css", "text/css")):
        asset = server.request("GET", f"/static/{name}")
        assert asset.status == 200 and asset.headers["Content-Type"].startswith(kind)


def test_uploads_get_the_report_the_cli_gives(
    server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = policy_set()
    answer = server.upload(files, JSON)
    assert answer.status == 200, answer.text
    reply = answer.json()
    assert reply["documents"] == len(files)
    # The bad file is answered with its error line; the others are still judged.
    [line] = reply["errors"]
    assert line.startswith("broken.pdf: error[corrupt]: ")

    where = reply["result"]
    page = server.request("GET", where)
    assert page.status == 200
    assert page.headers["Content-Security-Policy"] == (
        f"{content_security_policy()}; frame-ancestors 'none'"
    )
    assert page.text.count('<th scope="row" data-sort=') == len(files), "one matrix row each"
    for fmt in ("html", "json", "csv"):
        assert f'href="{where}/report.{fmt}" download>Download {fmt.upper()}</a>' in page.text

    downloads = {}
    for fmt in ("json", "html", "csv"):
        got = server.request("GET", f"{where}/report.{fmt}")
        assert got.status == 200
        disposition = f'attachment; filename="gaplint-report.{fmt}"'
        assert got.headers["Content-Disposition"] == disposition
        downloads[fmt] = got.text

    report = Report.model_validate_json(downloads["json"])
    judged = {doc.path: doc for doc in report.documents}
    assert sorted(judged) == sorted(name for name, _ in files)
    assert judged["broken.pdf"].error is not None
    assert all(doc.judged and doc.coverage for name, doc in judged.items() if name != "broken.pdf")

    # The same files checked by the CLI, under the same names: the same bytes.
    for name, data in files:
        (tmp_path / name).write_bytes(data)
    names = [name for name, _ in files]
    common = ["--isolated", "--no-cache", *names]
    assert downloads["json"] == _cli(tmp_path, monkeypatch, "check", "--format", "json", *common)
    assert downloads["html"] == _cli(tmp_path, monkeypatch, "report", *common)
    assert downloads["csv"] == _cli(tmp_path, monkeypatch, "report", "--format", "csv", *common)


def test_uploads_named_as_a_set_are_judged_as_one_as_the_cli_does(
    server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = [f for f in policy_set() if f[0] in ("policy.md", "notes.txt")]
    answer = server.upload(files, JSON, fields={"set_name": "  Example   Agency "})
    assert answer.status == 200, answer.text
    got = server.request("GET", f"{answer.json()['result']}/report.json").text
    [judged] = Report.model_validate_json(got).sets
    assert judged.name == "Example Agency"
    assert sorted(judged.paths) == ["notes.txt", "policy.md"]

    for name, data in files:
        (tmp_path / name).write_bytes(data)
    cli = ["check", "--format", "json", "--isolated", "--no-cache", "--set", "Example Agency"]
    assert got == _cli(tmp_path, monkeypatch, *cli, "notes.txt", "policy.md")


def test_a_set_name_over_the_limit_is_refused(server: Server) -> None:
    answer = server.upload(policy_set()[3:4], JSON, fields={"set_name": "x" * 201})
    assert answer.status == 400
    assert "at most 200 characters" in answer.text


def test_one_document_can_be_had_as_a_drafted_addendum(server: Server) -> None:
    markdown = policy_set()[3][1]
    where = server.check([("policy.md", markdown)])
    page = server.request("GET", where).text
    assert f'href="{where}/report.docx" download>Download addendum (DOCX)</a>' in page
    got = server.request("GET", f"{where}/report.docx")
    assert got.status == 200
    assert got.headers["Content-Disposition"] == 'attachment; filename="gaplint-addendum.docx"'
    drafted = docx.Document(io.BytesIO(got.body))
    report = Report.model_validate_json(server.request("GET", f"{where}/report.json").body)
    [doc] = report.documents
    gaps = [s.id for e in doc.elements for s in e.subpoints if s.status.value == "missing"]
    text = "\n".join(p.text for p in drafted.paragraphs)
    assert gaps and all(rule in text for rule in gaps), "a clause for every gap"

    # Two documents: the addendum is drafted one document at a time.
    both = server.check([("policy.md", markdown), ("notes.txt", policy_set()[4][1])])
    assert "report.docx" not in server.request("GET", both).text
    assert server.request("GET", f"{both}/report.docx").status == 404


def test_without_javascript_the_form_redirects_to_the_result(server: Server) -> None:
    reply = server.upload([("policy.md", policy_set()[3][1])])
    assert reply.status == 303
    assert reply.headers["Location"].startswith("/result/")
    assert server.request("GET", reply.headers["Location"]).status == 200


def test_uploads_are_deleted_and_client_paths_never_reach_the_disk(server: Server) -> None:
    markdown = policy_set()[3][1]
    where = server.check([("../../../escaped.md", markdown), ("C:\\Users\\x\\win.md", markdown)])
    report = Report.model_validate_json(server.request("GET", f"{where}/report.json").body)
    assert [doc.path for doc in report.documents] == ["escaped.md", "win.md"]
    assert list(server.uploads_tmp.iterdir()) == [], "the request's upload folder is gone"
    around = server.uploads_tmp.parent
    assert not list(around.rglob("escaped.md")) and not list(around.rglob("win.md"))


def test_document_text_and_names_are_escaped(server: Server) -> None:
    hostile = (
        b"SOCIAL MEDIA POLICY\n\nPasswords for official accounts must be kept secret and "
        b"changed every ninety days <script>alert('policy')</script>.\n"
    )  # quoted as the evidence for GL601
    name = "<img src=x onerror=alert(1)>.txt"
    page = server.request("GET", server.check([(name, hostile)])).text
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;.txt" in page
    assert "<script>alert" not in page and "&lt;script&gt;alert(" in page


def test_duplicate_names_stay_apart(server: Server) -> None:
    markdown = policy_set()[3][1]
    where = server.check([("policy.md", markdown), ("policy.md", b"# Other\n\nText.\n")])
    report = Report.model_validate_json(server.request("GET", f"{where}/report.json").body)
    assert [doc.path for doc in report.documents] == ["policy (2).md", "policy.md"]


def test_file_type_is_sniffed_as_the_cli_does(server: Server) -> None:
    pdf = policy_set()[0][1]
    files = [("login.pdf", b"<html><body><h1>Sign in</h1></body></html>"), ("misnamed.docx", pdf)]
    report = Report.model_validate_json(
        server.request("GET", f"{server.check(files)}/report.json").body
    )
    by_name = {doc.path: doc for doc in report.documents}
    assert by_name["login.pdf"].error is not None
    assert by_name["login.pdf"].error.code == "mismatched-type"
    assert by_name["misnamed.docx"].format == "pdf" and by_name["misnamed.docx"].judged


def test_an_upload_over_the_limit_is_refused_naming_the_limit(server: Server) -> None:
    big = b"x" * (MAX_UPLOAD_MB * 1_000_000 + 10)
    reply = server.upload([("big.txt", big)], JSON)
    assert reply.status == 413
    assert f"limit of {MAX_UPLOAD_MB} MB" in reply.json()["error"]
    page = server.upload([("big.txt", big)])
    assert page.status == 413 and "text/html" in page.headers["Content-Type"]
    assert f"limit of {MAX_UPLOAD_MB} MB" in page.text


def _chunked_upload(server: Server, size: int) -> int:
    """Upload one file of `size` bytes without a Content-Length; the status."""
    text = (b"Staff must not share passwords. " * (size // 32 + 1))[:size]
    body, content_type = multipart([("big.txt", text)])
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=300)
    try:
        chunks = (body[i : i + 65536] for i in range(0, len(body), 65536))
        connection.request(
            "POST",
            "/check",
            body=chunks,
            headers={"Content-Type": content_type, "Host": f"127.0.0.1:{server.port}"},
            encode_chunked=True,
        )
        return connection.getresponse().status
    finally:
        connection.close()


def test_a_chunked_upload_is_held_to_the_same_limit(server: Server) -> None:
    assert _chunked_upload(server, MAX_UPLOAD_MB * 1_000_000 + 10) == 413
    # Under it, a file of many parser reads goes through (303: the form's redirect).
    assert _chunked_upload(server, 300_000) == 303


def test_too_many_files_and_no_file(server: Server) -> None:
    many = [(f"p{i}.md", b"# Policy\n\nStaff must not post.\n") for i in range(MAX_FILES + 1)]
    reply = server.upload(many, JSON)
    assert reply.status == 413 and reply.json()["error"] == f"at most {MAX_FILES} documents at once"
    empty = server.upload([("", b"")], JSON)
    assert empty.status == 400 and "choose at least one" in empty.json()["error"]
    assert list(server.uploads_tmp.iterdir()) == [], "refused uploads are deleted too"


@pytest.mark.parametrize("path", ["/", "/check"])
def test_a_foreign_host_header_is_refused(server: Server, path: str) -> None:
    body, content_type = multipart([("policy.md", b"# Policy\n")])
    for host in ("evil.example", f"evil.example:{server.port}", "127.0.0.1.evil.example"):
        reply = server.request(
            "POST" if path == "/check" else "GET",
            path,
            body if path == "/check" else None,
            {"Host": host, "Content-Type": content_type},
        )
        assert reply.status == 400, host
        assert "Host header" in reply.text
    assert server.request("GET", "/", headers={"Host": f"localhost:{server.port}"}).status == 200


def test_a_request_without_a_host_header_is_refused(server: Server) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    try:
        connection.putrequest("GET", "/", skip_host=True)
        connection.endheaders()
        assert connection.getresponse().status == 400
    finally:
        connection.close()


def test_an_upload_from_another_origin_is_refused(server: Server) -> None:
    files = [("policy.md", b"# Policy\n\nStaff must not post.\n")]
    for headers in ({"Origin": "http://evil.example"}, {"Sec-Fetch-Site": "cross-site"}):
        reply = server.upload(files, {**JSON, **headers})
        assert reply.status == 403, headers
    same = {"Origin": f"http://127.0.0.1:{server.port}", "Sec-Fetch-Site": "same-origin"}
    assert server.upload(files, {**JSON, **same}).status == 200


def test_only_known_routes_answer(server: Server) -> None:
    where = server.check([("policy.md", b"# Policy\n\nStaff must not post.\n")])
    for path in (
        "/result/not-a-token",
        "/result/" + "x" * 200,
        f"{where}/report.exe",
        f"{where}/../../etc/passwd",
        "/static/../app.py",
        "/static/app.py",
        "/favicon.ico",
    ):
        assert server.request("GET", path).status == 404, path
    assert server.request("GET", "/check").status == 405


def test_it_listens_on_loopback_only(server: Server) -> None:
    assert server.url == f"http://127.0.0.1:{server.port}/"
    listening = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not os.path.exists(table):
            continue
        for row in Path(table).read_text().splitlines()[1:]:
            local, state = row.split()[1], row.split()[3]
            address, port = local.split(":")
            if state == "0A" and int(port, 16) == server.port:
                listening.append(address)
    assert listening == ["0100007F"], "bound to 127.0.0.1 and nothing else"


def test_without_the_serve_extra_it_says_what_to_install() -> None:
    code = (
        "import sys; sys.modules['waitress'] = None; from gaplint.cli import main; main(['serve'])"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    [line] = done.stderr.splitlines()
    assert line.startswith("gaplint: error: gaplint serve needs the `serve` extra")
    assert 'pip install ".[serve]"' in line and "waitress is missing" in line
    assert "Traceback" not in done.stderr
