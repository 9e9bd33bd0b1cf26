"""Simple illustrations drawn with Pillow, so demo content needs no downloads.

Each scene is drawn from shapes with a fixed seed, so the same scene gives the same picture.
"""

import io
import random

from PIL import Image, ImageDraw

SKY = (214, 234, 240)
GRASS = (120, 170, 96)
SKIN_TONES = [(241, 194, 155), (198, 134, 92), (141, 85, 54), (224, 172, 105), (92, 58, 38)]
CLOTHES = [(11, 92, 74), (200, 80, 60), (60, 90, 160), (230, 170, 40), (120, 60, 130)]


def _person(draw, x, ground, height, rng):
    head = height // 5
    skin = rng.choice(SKIN_TONES)
    body = rng.choice(CLOTHES)
    draw.rounded_rectangle(
        [x - head, ground - height + head * 2, x + head, ground], radius=head // 2, fill=body
    )
    draw.ellipse(
        [x - head * 0.8, ground - height, x + head * 0.8, ground - height + head * 1.6], fill=skin
    )


def _blocks(draw, width, height, rng):
    draw.rectangle([0, height * 0.75, width, height], fill=GRASS)
    for i, x in enumerate(range(80, width - 200, width // 3)):
        top = int(height * (0.2 + 0.08 * i))
        draw.rectangle([x, top, x + width // 4, height * 0.78], fill=(196, 150, 120))
        for wy in range(top + 30, int(height * 0.72), 60):
            for wx in range(x + 25, x + width // 4 - 30, 55):
                draw.rectangle([wx, wy, wx + 30, wy + 35], fill=(250, 240, 200))
    for tx in range(40, width, 170):
        ty = int(height * 0.8) + rng.randint(-10, 10)
        draw.rectangle([tx + 20, ty, tx + 34, ty + 90], fill=(110, 80, 50))
        draw.ellipse([tx - 25, ty - 90, tx + 80, ty + 20], fill=(60, 130, 70))


def _garden(draw, width, height, rng):
    draw.rectangle([0, height * 0.55, width, height], fill=(170, 140, 100))
    for i in range(4):
        x = 80 + i * (width - 160) // 4
        draw.rectangle([x, height * 0.6, x + width // 5, height * 0.85], fill=(140, 95, 55))
        for _ in range(9):
            px = rng.randint(x + 10, x + width // 5 - 10)
            draw.ellipse([px - 22, height * 0.6 - 60, px + 22, height * 0.6], fill=(70, 150, 70))
            draw.ellipse([px - 6, height * 0.6 - 70, px + 6, height * 0.6 - 58], fill=(220, 60, 70))


def _people(draw, width, height, rng):
    draw.rectangle([0, height * 0.7, width, height], fill=(200, 190, 170))
    draw.rounded_rectangle(
        [width * 0.2, height * 0.6, width * 0.8, height * 0.68], radius=10, fill=(150, 100, 60)
    )
    for i in range(6):
        _person(draw, int(width * (0.22 + i * 0.11)), int(height * 0.62), int(height * 0.4), rng)


def _youth(draw, width, height, rng):
    draw.rectangle([0, height * 0.65, width, height], fill=GRASS)
    for i in range(4):
        _person(draw, int(width * (0.2 + i * 0.2)), int(height * 0.8), int(height * 0.5), rng)
    draw.ellipse([width * 0.45, height * 0.82, width * 0.45 + 60, height * 0.82 + 60], fill="white")


def _paper(draw, width, height, rng):
    draw.rectangle([0, 0, width, height], fill=(235, 228, 214))
    for i in range(5):
        x, y = width * 0.25 + i * 18, height * 0.2 + i * 22
        draw.rectangle(
            [x, y, x + width * 0.45, y + height * 0.55], fill="white", outline=(90, 90, 90)
        )
        draw.rectangle([x + 30, y + 30, x + width * 0.45 - 30, y + 80], fill=(11, 92, 74))
        for line in range(8):
            ly = y + 110 + line * 28
            draw.rectangle(
                [x + 30, ly, x + width * 0.45 - 30 - rng.randint(0, 120), ly + 10],
                fill=(150, 150, 150),
            )


def _meeting(draw, width, height, rng):
    draw.rectangle([0, height * 0.6, width, height], fill=(210, 200, 185))
    for i in range(7):
        x = int(width * (0.14 + i * 0.12))
        draw.rectangle([x - 40, height * 0.78, x + 40, height * 0.82], fill=(80, 80, 90))
        _person(draw, x, int(height * 0.8), int(height * 0.38), rng)


def _portrait(draw, width, height, rng):
    draw.rectangle(
        [0, 0, width, height], fill=rng.choice([(214, 234, 240), (235, 228, 214), (220, 235, 215)])
    )
    skin = rng.choice(SKIN_TONES)
    draw.ellipse(
        [width * 0.15, height * 0.65, width * 0.85, height * 1.3], fill=rng.choice(CLOTHES)
    )
    draw.ellipse([width * 0.3, height * 0.18, width * 0.7, height * 0.68], fill=skin)


SCENES = {
    "blocks": _blocks,
    "garden": _garden,
    "people": _people,
    "youth": _youth,
    "paper": _paper,
    "meeting": _meeting,
    "portrait": _portrait,
}


def draw_scene(scene, seed=0):
    """The scene as JPEG bytes."""
    rng = random.Random(f"{scene}-{seed}")
    size = (600, 600) if scene == "portrait" else (1600, 900)
    image = Image.new("RGB", size, SKY)
    SCENES[scene](ImageDraw.Draw(image), size[0], size[1], rng)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=88)
    return buffer.getvalue()


def text_pdf(title, lines):
    """A small one-page PDF with real text (Helvetica, Latin-1), for demo plan documents."""

    def escape(text):
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    rows = [f"BT /F1 20 Tf 72 770 Td ({escape(title)}) Tj ET"]
    for number, line in enumerate(lines):
        rows.append(f"BT /F1 12 Tf 72 {730 - number * 18} Td ({escape(line)}) Tj ET")
    stream = "\n".join(rows).encode("cp1252")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()
