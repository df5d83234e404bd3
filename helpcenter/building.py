"""Building and serving the site: the one copy used by the CLI, the benchmark and the tests.

`build` runs a real strict MkDocs build in a subprocess (as a person would). `build_atomic` builds
into a temporary folder beside the output and swaps it in only on success, so a failed build never
costs the last good site. `serve` is a static HTTP server on 127.0.0.1 for tests and tools.
"""

from __future__ import annotations

import contextlib
import functools
import os
import secrets
import shutil
import socket
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from helpcenter import project

# Material's end-of-life notice: quoted once in README.md ("Platform"), not printed by every build.
QUIET = {"NO_MKDOCS_2_WARNING": "1"}


def build(dest: Path, site_url: str | None = None, cwd: Path | None = None, config_file: str | None = None,
          verbose: bool = False, command: list[str] | None = None, **env: str) -> subprocess.CompletedProcess:
    """A strict MkDocs build of the project in `cwd` (default: this process's) into `dest`, in a subprocess;
    the result holds its output. `verbose` adds everything MkDocs and the plugins log (-v). Never -q:
    MkDocs' quiet mode drops warnings before --strict counts them, and the build passes.
    `command` runs another generator with MkDocs' command line (ProperDocs)."""
    cmd = [*(command or [sys.executable, "-m", "mkdocs"]), "build", "--strict", *(["-v"] if verbose else []),
           "--site-dir", str(dest)]
    if config_file:
        cmd += ["--config-file", config_file]
    extra = {"SITE_URL": site_url} if site_url else {}
    return subprocess.run(cmd, cwd=cwd or project.root(), capture_output=True, text=True,
                          env={**os.environ, **QUIET, **extra, **env})


def temp_sibling(output: Path) -> Path:
    """A new empty folder beside `output` to build into. Its name carries this process's id, so
    that `clean_stale` can tell a folder a killed build left behind from one still in use."""
    output.parent.mkdir(parents=True, exist_ok=True)
    while True:
        folder = output.parent / f".{output.name}-building-{os.getpid()}-{secrets.token_hex(4)}"
        try:
            folder.mkdir()      # not mkdtemp: its 0700 would become the published site's mode
            return folder
        except FileExistsError:
            continue


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:      # someone else's process: alive
        return True
    return True


def clean_stale(output: Path) -> list[Path]:
    """Remove the temporary folders beside `output` whose build process is gone (killed, or
    stopped by the power going out); returns what was removed. A folder of a build still running
    (its process id is alive) is left alone."""
    removed = []
    for folder in output.parent.glob(f".{output.name}-building-*"):
        pid = folder.name[len(f".{output.name}-building-"):].split("-", 1)[0]
        if pid.isdigit() and (int(pid) == os.getpid() or _alive(int(pid))):
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed


def warnings_and_errors(result: subprocess.CompletedProcess) -> str:
    """A build's output without MkDocs' INFO records (their indented continuation lines go too)."""
    kept, keep = [], True
    for line in (result.stdout + result.stderr).splitlines(keepends=True):
        if not line[:1].isspace():        # a new record ("INFO    -  ...", "WARNING -  ...") or other output
            keep = not line.startswith("INFO ")
        if keep:
            kept.append(line)
    return "".join(kept)


def build_atomic(output: Path, cwd: Path | None = None, config_file: str | None = None,
                 site_url: str | None = None, echo: bool = True, verbose: bool = False) -> subprocess.CompletedProcess:
    """Build into a temporary sibling of `output`; replace `output` only when the build passed."""
    output = output.resolve()
    clean_stale(output)
    tmp = temp_sibling(output)
    try:
        result = build(tmp / "site", site_url, cwd, config_file, verbose)
        if echo:
            sys.stderr.write(result.stdout + result.stderr if verbose else warnings_and_errors(result))
        if result.returncode == 0:
            old = tmp / "previous"
            if output.exists():
                output.rename(old)
            (tmp / "site").rename(output)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return result


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(root: Path, port: int | None = None) -> tuple[ThreadingHTTPServer, str]:
    """Serve `root` on 127.0.0.1 in a background thread; returns the server and its base URL."""
    port = port or free_port()
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{port}/"


@contextlib.contextmanager
def served(site_dir: Path):
    """`serve` as a context manager: yields the base URL, shuts the server down afterwards."""
    server, url = serve(site_dir)
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()
