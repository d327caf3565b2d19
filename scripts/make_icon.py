"""Draw the application icon (a shield with a key-hole) as PNG and ICO with Pillow."""

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"


def draw(size: int) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(image)
    s = size / 256
    shield = [(128, 16), (228, 52), (220, 150), (128, 240), (36, 150), (28, 52)]
    d.polygon([(x * s, y * s) for x, y in shield], fill=(176, 32, 40, 255))
    inner = [(128, 38), (208, 66), (201, 146), (128, 216), (55, 146), (48, 66)]
    d.polygon([(x * s, y * s) for x, y in inner], fill=(250, 246, 240, 255))
    d.ellipse([104 * s, 82 * s, 152 * s, 130 * s], fill=(176, 32, 40, 255))
    d.polygon([(116 * s, 120 * s), (140 * s, 120 * s), (148 * s, 178 * s), (108 * s, 178 * s)], fill=(176, 32, 40, 255))
    return image


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    big = draw(256)
    big.save(OUT / "ipguard.png")
    big.save(OUT / "ipguard.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
    print(f"icons written to {OUT}")
