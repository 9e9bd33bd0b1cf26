"""Draws the site's icons from the logo (templates/components/logo.svg) with Pillow.

    .venv/bin/python scripts/draw_icons.py

Writes favicon.svg, favicon.ico (16, 32 and 48 px), apple-touch-icon.png (180 px) and the web
app manifest's icon-192.png, icon-512.png and icon-maskable-512.png to
kvarter/static/kvarter/icons/.
Drawn here rather than fetched, so the site makes no third-party request.
"""

from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "kvarter" / "static" / "kvarter" / "icons"
BRAND, WHITE, SUN = "#0b5c4a", "#ffffff", "#ffbf47"
# The logo on a 32-unit grid: two houses, a door and two windows.
HOUSES = [
    [(5, 26), (5, 15), (11, 10), (17, 15), (17, 26)],
    [(17, 26), (17, 11), (22, 7), (27, 11), (27, 26)],
]
LINES = [[(9, 26), (9, 21), (13, 21), (13, 26)], [(20, 14), (24, 14)], [(20, 18), (24, 18)]]

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">'
    f'<rect width="32" height="32" rx="7" fill="{BRAND}"/>'
    f'<path d="M5 26V15l6-5 6 5v11zM17 26V11l5-4 5 4v15z" fill="{WHITE}"/>'
    f'<path d="M9 26v-5h4v5M20 14h4M20 18h4" stroke="{SUN}" stroke-width="2" fill="none"/>'
    "</svg>\n"
)


def draw(size, padding=0.0, radius=7):
    """The logo at `size` px; `padding` (a share of the size) keeps a maskable icon's safe zone."""
    scale = 4  # drawn large, then scaled down for smooth edges
    big = size * scale
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    unit = big * (1 - 2 * padding) / 32
    offset = big * padding
    if padding:
        pen.rectangle([0, 0, big, big], fill=BRAND)
    else:
        pen.rounded_rectangle([0, 0, big - 1, big - 1], radius=radius * unit, fill=BRAND)

    def point(x, y):
        return (offset + x * unit, offset + y * unit)

    for house in HOUSES:
        pen.polygon([point(*p) for p in house], fill=WHITE)
    for line in LINES:
        pen.line([point(*p) for p in line], fill=SUN, width=round(2 * unit), joint="curve")
    return image.resize((size, size), Image.LANCZOS)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "favicon.svg").write_text(SVG)
    draw(48).save(OUT / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
    draw(180, padding=0.1).convert("RGB").save(OUT / "apple-touch-icon.png", optimize=True)
    draw(192).save(OUT / "icon-192.png", optimize=True)
    draw(512).save(OUT / "icon-512.png", optimize=True)
    draw(512, padding=0.1).save(OUT / "icon-maskable-512.png", optimize=True)


if __name__ == "__main__":
    main()
