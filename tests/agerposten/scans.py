"""Scanned issues made on the spot: Danish text drawn with Pillow at 300 dpi, wrapped in a PDF
with no text layer, as a flatbed scanner makes them. For the OCR tests and the benchmark."""

import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

DPI = 300
A4_PIXELS = (2480, 3508)  # 210 × 297 mm at 300 dpi
FONT_FILES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
]
LINES = [
    "Beboerhuset holder åbent hus lørdag",
    "Frivillige søger hjælp til køkkenhaven",
    "Læs om fodboldklubbens nye træner",
    "Generalforsamling i afdelingen på torsdag",
    "Børnene plantede æbletræer ved søen",
]


def font(size):
    for path in FONT_FILES:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size=size)


def page_lines(number):
    """The known text of page `number`: a heading with the page number and five lines."""
    return [f"Side {number}", *LINES[number % len(LINES) :], *LINES[: number % len(LINES)]]


def scanned_page(lines, size=A4_PIXELS):
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    text_font = font(60)  # about 14 pt at 300 dpi
    top = 300
    for line in lines:
        draw.text((250, top), line, font=text_font, fill=0)
        top += 110
    return image


def scanned_pdf(pages):
    """PDF bytes with one 300 dpi image per page and no text: `pages` is a list of line lists."""
    images = [scanned_page(lines) for lines in pages]
    out = io.BytesIO()
    images[0].save(out, format="PDF", save_all=True, append_images=images[1:], resolution=DPI)
    return out.getvalue()


def scanned_issue(page_count):
    """(PDF bytes, [the known lines of each page])."""
    pages = [page_lines(n) for n in range(1, page_count + 1)]
    return scanned_pdf(pages), pages
