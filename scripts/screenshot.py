"""Render the seed map for 2021-11-25 in headless Chromium (network blocked) to docs/map.png.

Usage: .venv/bin/python scripts/screenshot.py [--day 2021-11-25] [--out docs/map.png]

Uses ``geo.layers.build_layers``; until that module exists it falls back to the
hand-made test layers (tests/map_fixtures.py) and says so.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from conftest import CHROMIUM_ARGS, chromium_path  # noqa: E402

from geo.dataset import load_dataset  # noqa: E402
from geo.export import export_map  # noqa: E402


def layers_for_seed(dataset):
    try:
        from geo.layers import build_layers
    except ImportError:
        from map_fixtures import layers_for

        print("geo.layers is not there yet: using the hand-made test layers", file=sys.stderr)
        return layers_for(dataset)
    return build_layers(dataset)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--day", default="2021-11-25")
    parser.add_argument("--out", default=str(ROOT / "docs" / "map.png"))
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=860)
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    dataset = load_dataset()
    with tempfile.TemporaryDirectory() as tmp:
        html = export_map(dataset, layers_for_seed(dataset), args.day, Path(tmp) / "map.html")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium_path() or "/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": args.width, "height": args.height},
                                    device_scale_factor=1)
            errors: list[str] = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            # An air-gapped laptop: nothing may leave this machine.
            page.route("**/*", lambda r: r.continue_()
                       if r.request.url.startswith(("file:", "data:")) else r.abort())
            start = time.perf_counter()
            page.goto(html.as_uri())
            page.wait_for_selector("path.lm-zone", timeout=15_000)
            drawn = time.perf_counter() - start
            page.wait_for_timeout(300)  # let labels settle
            Path(args.out).parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=args.out)
            browser.close()
    print(f"{args.out}: map for {args.day}, drawn in {drawn:.2f} s"
          + (f"; console errors: {errors}" if errors else ""))
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
