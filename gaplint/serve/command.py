"""`gaplint serve`: start the local web page. Registered lazily by gaplint.cli.

Only click is imported at the top: the server libraries come from the optional `serve`
extra, and a missing one is one line saying what to install (exit 2).
"""

from __future__ import annotations

import signal
import sys
from types import FrameType
from typing import TYPE_CHECKING

import click

from gaplint.cli_options import config_options, fail, override_options
from gaplint.serve.settings import DEFAULT_HOST, DEFAULT_PORT, WILDCARD_HOSTS, ServeSettings

if TYPE_CHECKING:
    from gaplint.config import Overrides

INSTALL_HINT = (
    "gaplint serve needs the `serve` extra (werkzeug, waitress): "
    'pip install ".[serve]" in a clone of gaplint'
)
# Waitress threads: the checks themselves plus room for the page, its files and downloads.
SPARE_THREADS = 2


def _require_server_libraries() -> None:
    try:
        import waitress  # noqa: F401
        import werkzeug  # noqa: F401
    except ImportError as error:
        fail(f"{INSTALL_HINT} ({error.name} is missing)")


def _stop(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt  # SIGTERM ends the server as ^C does: uploads cleaned up


@click.command(name="serve")
@click.option(
    "--host",
    default=DEFAULT_HOST,
    show_default=True,
    help="Address to listen on. Anything but loopback opens the page to your network.",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=DEFAULT_PORT,
    show_default=True,
    help="Port to listen on (0: any free port; the address is printed).",
)
@click.option(
    "--allow-host",
    "allowed_hosts",
    multiple=True,
    metavar="NAME",
    help="Another name clients may send in the Host header (with --host 0.0.0.0).",
)
@config_options
@override_options()
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Worker processes per check.",
)
@click.option(
    "--checks",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    help="Checks run at once; another waits up to 30 s, then is told the server is busy.",
)
@click.option(
    "--max-upload-mb",
    type=click.FloatRange(min=0, min_open=True),
    default=50,
    show_default=True,
    help="Largest upload (all files together), in MB; over it is refused (413).",
)
@click.option(
    "--max-files",
    type=click.IntRange(min=1),
    default=20,
    show_default=True,
    help="Most files checked at once.",
)
def serve_command(
    host: str,
    port: int,
    allowed_hosts: tuple[str, ...],
    config_file: str | None,
    isolated: bool,
    overrides: Overrides,
    jobs: int,
    checks: int,
    max_upload_mb: float,
    max_files: int,
) -> None:
    """Start a local web page to check uploaded policies (http://127.0.0.1:8421).

    The page takes PDF, DOCX, HTML, Markdown and text files and shows the report
    `gaplint report` writes, with HTML, JSON and CSV downloads. Documents are judged with
    the configuration and rules of the folder gaplint runs in (or --config, --rules).
    """
    _require_server_libraries()
    from waitress.server import create_server

    from gaplint.serve.app import ServeApp
    from gaplint.serve.checking import CheckService

    settings = ServeSettings(
        host=host,
        port=port,
        allowed_hosts=allowed_hosts,
        config=config_file,
        isolated=isolated,
        overrides=overrides,
        jobs=jobs,
        max_upload_bytes=int(max_upload_mb * 1_000_000),
        max_files=max_files,
        concurrent_checks=checks,
    )
    service = CheckService(settings)
    service.warm()
    try:
        server = create_server(
            ServeApp(settings, service),
            host=host,
            port=port,
            threads=checks + SPARE_THREADS,
            # waitress refuses a larger body itself, even one sent without a length.
            max_request_body_size=settings.max_upload_bytes + 1_000_000,
            clear_untrusted_proxy_headers=True,
            ident="gaplint",
        )
    except OSError as error:
        fail(f"cannot listen on {host}:{port}: {error.strerror or error}")
    address = f"http://{_url_host(host)}:{server.effective_port}/"
    click.echo(f"gaplint serve: {address} (Ctrl-C to stop)")
    if host in WILDCARD_HOSTS:
        click.echo(
            "gaplint serve: listening on every interface of this machine; clients must call it "
            "by 127.0.0.1, localhost or an --allow-host name",
            err=True,
        )
    sys.stdout.flush()
    signal.signal(signal.SIGTERM, _stop)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
