"""Writes the PNG and JPEG files the imaging tests decode (Debian python3-pil), into the folder given."""
import sys

from PIL import Image

out = sys.argv[1]
w, h = 5, 3
gray = [(x * 40 + y * 7) % 256 for y in range(h) for x in range(w)]
img = Image.new("L", (w, h)); img.putdata(gray); img.save(f"{out}/gray8.png")
img16 = Image.new("I;16", (w, h)); img16.putdata([v * 257 + 3 for v in gray]); img16.save(f"{out}/gray16.png")
rgb = [((x * 50) % 256, (y * 90) % 256, 200) for y in range(h) for x in range(w)]
img = Image.new("RGB", (w, h)); img.putdata(rgb); img.save(f"{out}/rgb.png")
img = Image.new("RGBA", (w, h)); img.putdata([p + (128,) for p in rgb]); img.save(f"{out}/rgba.png")
img = Image.new("P", (w, h)); img.putpalette([0, 0, 0, 255, 0, 0, 0, 255, 0] + [0] * (253 * 3)); img.putdata([(x + y) % 3 for y in range(h) for x in range(w)]); img.save(f"{out}/palette.png")
big = Image.new("RGB", (64, 48), (10, 120, 240)); big.save(f"{out}/rgb.jpg", quality=95)
Image.new("L", (64, 48), 77).save(f"{out}/gray.jpg", quality=95)
