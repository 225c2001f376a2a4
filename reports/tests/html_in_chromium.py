#!/usr/bin/env python3
"""The HTML report rendered in a real browser under Jenkins' default Content-Security-Policy.

For each report given, serves its directory from 127.0.0.1 with the header Jenkins sends for
artifacts (no <style>, no style="", no script may apply), loads it in headless Chromium, asserts on
the rendered DOM and that Chromium reported no Content-Security-Policy violation (a canary page with
inline style first shows that the header is applied and that a violation would be seen), and writes
a screenshot.

  html_in_chromium.py REPORT.html:CHECKS[:SCREENSHOT.png[:HEIGHT]] ...

CHECKS is a comma-separated list of what the rendered DOM must hold (see CHECKS below). Exit 0 when
every report passes, 1 otherwise, 77 when Chromium is missing (1 under CI=true).
"""
import http.server
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

JENKINS_CSP = "sandbox; default-src 'none'; img-src 'self'; style-src 'self';"


def count(pattern):
    return lambda dom: len(re.findall(pattern, dom))


# name -> (what, how many in the DOM, at least)
CHECKS = {
    "causes": ("a section per failure cause", count(r'<section class="cause"'), 1),
    "eio-first": ("the first cause names EIO", count(r'id="cause-1"><h3><font[^>]*>[^<]*EIO'), 1),
    "grouped": ("a cause shared by several tests", count(r'class="cause-count">([2-9]|\d\d+) tests'), 1),
    "details": ("assertion text one click away", count(r"<details><summary>"), 1),
    "sweep": ("a size-sweep picture", count(r'<svg[^>]*class="dq-sweep"'), 1),
    "sweep-fail": ("failing sizes drawn", count(r'<rect class="size fail"'), 1),
    "sweep-pass": ("passing sizes drawn", count(r'<rect class="size pass"'), 1),
    "limit": ("the published limit drawn in", count(r'<line class="limit"'), 1),
    "lba-strip": ("an LBA strip with extents", count(r'<rect class="extent '), 1),
    "attach": ("attach times against the budget", count(r'<line class="budget"'), 1),
    "baseline": ("throughput against the baseline", count(r'<rect class="current regressed"'), 1),
    "selftest": ("the selftest matrix", count(r'aria-label="selftest matrix"'), 1),
}


class CspHandler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header("Content-Security-Policy", JENKINS_CSP)
        super().end_headers()

    def log_message(self, *args):
        pass


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def browse(browser, url, profile, extra):
    command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--hide-scrollbars", f"--user-data-dir={profile}", *extra, url]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def serve(directory):
    handler = lambda *a, **k: CspHandler(*a, directory=str(directory), **k)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def csp_violations(result):
    return [line for line in result.stderr.splitlines() if "Content Security Policy" in line]


def rendered(browser, url, work):
    # The console (CSP violations among it) goes to stderr with --enable-logging=stderr.
    return browse(browser, url, tempfile.mkdtemp(dir=work), ["--dump-dom", "--enable-logging=stderr", "--v=0"])


def canary_sees_violations(browser, work):
    page = Path(work) / "canary"
    page.mkdir()
    (page / "index.html").write_text('<!DOCTYPE html><html><head><style>p{color:red}</style></head>'
                                     '<body><p style="color:red">canary</p></body></html>')
    server, base = serve(page)
    try:
        found = len(csp_violations(rendered(browser, f"{base}/index.html", work)))
    finally:
        server.shutdown()
    print(f"canary: inline style under the Jenkins CSP: {found} violations reported {'ok' if found else 'NONE'}")
    return found > 0


def check_report(browser, spec, work):
    parts = spec.split(":")
    html, wanted = Path(parts[0]), [c for c in parts[1].split(",") if c]
    screenshot = Path(parts[2]) if len(parts) > 2 and parts[2] else None
    height = int(parts[3]) if len(parts) > 3 else 1500  # CSS pixels of page the screenshot shows
    server, base = serve(html.parent)
    url = f"{base}/{html.name}"
    try:
        dom = rendered(browser, url, work)
        if dom.returncode != 0 or "<body" not in dom.stdout:
            print(f"{html}: chromium --dump-dom failed ({dom.returncode}): {dom.stderr[-2000:]}")
            return False
        violations = csp_violations(dom)
        print(f"{html}: CSP violations: {len(violations)} {'ok' if not violations else violations[:3]}")
        ok = not violations
        for name in wanted:
            what, measure, at_least = CHECKS[name]
            found = measure(dom.stdout)
            print(f"{html}: {what}: {found} {'ok' if found >= at_least else 'MISSING'}")
            ok = ok and found >= at_least
        if screenshot:
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            shot = browse(browser, url, tempfile.mkdtemp(dir=work),
                          [f"--screenshot={screenshot.resolve()}", f"--window-size=1000,{height}",
                           "--force-device-scale-factor=0.75"])
            if shot.returncode != 0 or not screenshot.exists():
                print(f"{html}: screenshot failed: {shot.stderr[-2000:]}")
                return False
            print(f"{html}: screenshot {screenshot} ({screenshot.stat().st_size} bytes)")
        return ok
    finally:
        server.shutdown()


def main(specs):
    browser = chromium()
    if browser is None:
        print("html_in_chromium: cannot run: no chromium (apt-get install chromium)")
        return 1 if os.environ.get("CI") == "true" else 77
    with tempfile.TemporaryDirectory(prefix="dextqual-chromium.") as work:
        results = [canary_sees_violations(browser, work)]
        results += [check_report(browser, spec, work) for spec in specs]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
