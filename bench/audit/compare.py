"""Before and after, side by side: the first screen of the six pages a new resident tries (home,
a story, the events page, a guide, the Agerposten archive, the help desk) at 360 and 1280 px,
in Danish and Arabic, from two running servers.

    .venv/bin/python bench/audit/compare.py OUT before=http://127.0.0.1:8159 after=http://127.0.0.1:8151

Either state may be taken on its own (`OUT before=URL`, later `OUT after=URL`); the pictures
are combined once both are there.

OUT/shots/ gets every screenshot, the first screen and the whole page (`…-full.png`), to look
at; OUT/ gets the combined pictures, kept small (a 256-colour palette):
- `compare-360-<page>.png`: da before, da after, ar before, ar after, at full size;
- `compare-1280-<lang>.png`: every page, before on the left and after on the right, at a third.
"""

import sys
from pathlib import Path

from frontend import PAGES, STORIES
from PIL import Image, ImageDraw, ImageFont
from playwright.sync_api import sync_playwright

COMPARED = ("home", "story", "events", "guide", "archive", "help-desk")
LANGUAGES = ("da", "ar")
HEIGHT = 780
LABEL = 28
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def take(bases, shots):
    shots.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-background-networking"],
        )
        for width in (360, 1280):
            context = browser.new_context(viewport={"width": width, "height": HEIGHT})
            page = context.new_page()
            for state, base in bases.items():
                for lang in LANGUAGES:
                    for name in COMPARED:
                        page.goto(base + PAGES[name].format(lang=lang, story=STORIES[lang]))
                        stem = shots / f"{name}-{lang}-{width}-{state}"
                        page.screenshot(path=f"{stem}.png")
                        page.screenshot(path=f"{stem}-full.png", full_page=True)
            context.close()
        browser.close()


def labelled(path, text, scale=1.0):
    shot = Image.open(path).convert("RGB")
    if scale != 1.0:
        shot = shot.resize((round(shot.width * scale), round(shot.height * scale)))
    tile = Image.new("RGB", (shot.width, shot.height + LABEL), "white")
    tile.paste(shot, (0, LABEL))
    ImageDraw.Draw(tile).text((6, 4), text, fill="black", font=ImageFont.truetype(FONT, 16))
    return tile


def grid(tiles, columns, gap=8):
    width, height = tiles[0].size
    rows = -(-len(tiles) // columns)
    sheet = Image.new("RGB", (columns * (width + gap) - gap, rows * (height + gap) - gap), "#888")
    for index, tile in enumerate(tiles):
        sheet.paste(tile, ((index % columns) * (width + gap), (index // columns) * (height + gap)))
    return sheet


def save(sheet, path):
    sheet.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)
    print(f"{path} {path.stat().st_size // 1024} KB")


def combine(shots, out):
    for name in COMPARED:
        tiles = [
            labelled(shots / f"{name}-{lang}-360-{state}.png", f"{name} {lang} {state}")
            for lang in LANGUAGES
            for state in ("before", "after")
        ]
        save(grid(tiles, 4), out / f"compare-360-{name}.png")
    for lang in LANGUAGES:
        tiles = [
            labelled(shots / f"{name}-{lang}-1280-{state}.png", f"{name} {lang} {state}", 1 / 3)
            for name in COMPARED
            for state in ("before", "after")
        ]
        save(grid(tiles, 2), out / f"compare-1280-{lang}.png")


if __name__ == "__main__":
    out = Path(sys.argv[1])
    take(dict(argument.split("=", 1) for argument in sys.argv[2:]), out / "shots")
    if len(list((out / "shots").glob("*-after.png"))) == len(
        list((out / "shots").glob("*-before.png"))
    ):
        combine(out / "shots", out)
