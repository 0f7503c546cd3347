#!/usr/bin/env python3
"""Accessibility check of HTML files with axe-core (from axe-playwright-python) in Debian's
Chromium, offline. Prints every violation; exits 1 if any is serious or critical.
usage: axe_check.py FILE.html [...]"""
import pathlib
import sys

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

blocking = 0
with sync_playwright() as p:
    browser = p.chromium.launch(executable_path="/usr/lib/chromium/chromium", args=["--no-sandbox", "--disable-gpu"])
    page = browser.new_page(viewport={"width": 1280, "height": 1024})
    axe = Axe()
    for name in sys.argv[1:]:
        page.goto(pathlib.Path(name).resolve().as_uri())
        result = axe.run(page).response
        violations = result["violations"]
        print(f"{name}: axe {result['testEngine']['version']}: {len(violations)} violations")
        for v in violations:
            print(f"  [{v['impact']}] {v['id']}: {v['help']} ({len(v['nodes'])} nodes) e.g. {v['nodes'][0]['target']}")
            if v["impact"] in ("serious", "critical"):
                blocking += 1
    browser.close()
sys.exit(1 if blocking else 0)
