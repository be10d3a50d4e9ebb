"""Render the HTML report in headless Chromium and check its pictures are drawn.

    python scripts/render_report.py [--db FILE] [--out DIR]

Writes the report of the warehouse (default: the published one), screenshots it, and
screenshots a twin report whose pictures are replaced by solid magenta images of the same
size. Where the two screenshots differ is where the pictures sit; within each, a real
share of the pixels must be drawn (not white) for the picture to count as drawn.
Prints the figures; exits 1 if a picture is blank or missing.
Installs Debian's `chromium` with apt-get when /usr/bin/chromium is missing.
"""
from __future__ import annotations

import argparse
import base64
import io
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageChops

ROOT = Path(__file__).resolve().parents[1]
for folder in (ROOT, ROOT / "scripts"):  # the project, and headless_chromium beside this script
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

WINDOW = (1400, 2400)
_IMAGE_SRC = re.compile(r"src='data:image/png;base64,([A-Za-z0-9+/=]+)'")


def ensure_chromium() -> str | None:
    """Path of a Chromium binary, installing Debian's package if there is none."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    if shutil.which("apt-get"):
        subprocess.run(["apt-get", "update", "-qq"], check=False, capture_output=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=False, capture_output=True,
                       env={"DEBIAN_FRONTEND": "noninteractive", "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"})
    return shutil.which("chromium")


def screenshot(chromium: str, html_file: Path, png_file: Path, window: tuple[int, int] = WINDOW) -> None:
    """Screenshot the page once it has announced it is fully drawn (pictures decoded and
    painted), however long a busy machine takes to get there."""
    from headless_chromium import ChromiumPage

    with ChromiumPage(chromium, window) as page:
        page.open(html_file)
        page.screenshot(png_file)


PLACEHOLDER = (255, 0, 255)


def replace_pictures(report_html: str, colour=PLACEHOLDER) -> str:
    """The same report with every inline picture replaced by a solid one of the same size,
    so the pages lay out alike and differ exactly over the pictures."""
    def solid(match: re.Match) -> str:
        size = Image.open(io.BytesIO(base64.b64decode(match.group(1)))).size
        buffer = io.BytesIO()
        Image.new("RGB", size, colour).save(buffer, format="PNG")
        return "src='data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii") + "'"

    return _IMAGE_SRC.sub(solid, report_html)


@dataclass
class Region:
    top: int
    bottom: int
    left: int
    right: int
    drawn_fraction: float  # share of the region's pixels that are not white

    @property
    def area(self) -> int:
        return (self.bottom - self.top) * (self.right - self.left)


def picture_regions(real_png: Path, twin_png: Path, min_gap: int = 3) -> list[Region]:
    """Vertical bands where the real screenshot differs from its placeholder twin: one per picture."""
    real = Image.open(real_png).convert("RGB")
    twin = Image.open(twin_png).convert("RGB")
    diff = ImageChops.difference(real, twin).convert("L").point(lambda value: 255 if value > 16 else 0)
    width, height = diff.size
    rows = [y for y in range(height) if diff.crop((0, y, width, y + 1)).getbbox()]
    bands: list[list[int]] = []
    for y in rows:
        if bands and y - bands[-1][1] <= min_gap:
            bands[-1][1] = y
        else:
            bands.append([y, y])
    regions = []
    for top, bottom in bands:
        box = diff.crop((0, top, width, bottom + 1)).getbbox()
        left, right = box[0], box[2]
        crop = real.crop((left, top, right, bottom + 1)).convert("L")
        histogram = crop.histogram()
        not_white = sum(histogram[:240]) / max(1, sum(histogram))
        regions.append(Region(top, bottom + 1, left, right, not_white))
    return regions


def measure_pictures(chromium: str, report: Path) -> tuple[list[Region], Path, float]:
    """Screenshot `report` and its placeholder twin; the pictures' regions, the screenshot, seconds taken."""
    twin = report.with_name(report.stem + "-placeholders.html")
    twin.write_text(replace_pictures(report.read_text(encoding="utf-8")), encoding="utf-8")
    shot, twin_shot = report.with_suffix(".png"), twin.with_suffix(".png")
    started = time.perf_counter()
    screenshot(chromium, report, shot)
    seconds = time.perf_counter() - started
    screenshot(chromium, twin, twin_shot)
    return picture_regions(shot, twin_shot), shot, seconds


def pictures_drawn(regions: list[Region]) -> bool:
    """Both pictures present, of a real size, and not blank."""
    return len(regions) >= 2 and all(region.area > 100_000 and region.drawn_fraction > 0.02
                                     for region in regions[:2])


def render_and_measure(db: Path, out_dir: Path) -> tuple[list[Region], Path, float]:
    from pipelines.analyst.report import write_report

    chromium = ensure_chromium()
    if chromium is None:
        raise RuntimeError("chromium is not installed and could not be installed with apt-get")
    out_dir.mkdir(parents=True, exist_ok=True)
    return measure_pictures(chromium, write_report(db, out_dir / "report.html"))


def main(argv: list[str] | None = None) -> int:
    from pipelines import settings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=Path("build/report-render"))
    args = parser.parse_args(argv)
    regions, png, seconds = render_and_measure(args.db or settings.warehouse_path(), args.out)
    print(f"screenshot: {png} ({seconds:.1f} s in chromium)")
    for name, region in zip(("timeline chart", "cooperation network"), regions):
        print(f"{name}: rows {region.top}-{region.bottom}, cols {region.left}-{region.right}, "
              f"{region.drawn_fraction:.1%} of pixels drawn")
    ok = pictures_drawn(regions)
    print("pictures drawn" if ok else "a picture is missing or blank")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
