"""Save a screenshot of a kg page as it looks in headless Chromium (for the README).

    .venv/bin/python bench/screenshot.py graphs/xinjiang-report.html graphs/xinjiang-report.png
    .venv/bin/python bench/screenshot.py PAGE PNG --click "Michelle Bachelet"   # with her panel open
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser import chromium_driver, wait_until_ready  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page")
    parser.add_argument("png")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--click", help="open the side panel of the node with this label")
    args = parser.parse_args()
    with chromium_driver(width=args.width, height=args.height) as driver:
        driver.get(Path(args.page).resolve().as_uri())
        wait_until_ready(driver)
        if args.click:
            node = driver.execute_script(
                "var want = arguments[0]; return nodes.getIds().filter(function (id) { return nodes.get(id).label === want; })[0]",
                args.click)
            if node is None:
                print(f"no node labelled {args.click!r}", file=sys.stderr)
                return 2
            driver.execute_script("network.selectNodes([arguments[0]]); window.kgShowPanel(arguments[0]);", node)
        driver.save_screenshot(args.png)
    print(f"wrote {args.png} ({Path(args.png).stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
