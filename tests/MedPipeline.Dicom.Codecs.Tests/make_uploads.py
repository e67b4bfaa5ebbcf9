"""Writes PNG and JPEG uploads of every kind the single-image endpoints accept (Debian python3-pil), into the folder given."""
import random
import sys

from PIL import Image

out = sys.argv[1]
rng = random.Random(20261127)
w, h = 97, 61


def noise(count, top=256):
    return [rng.randrange(top) for _ in range(count)]


gray = noise(w * h)
rgb = list(zip(noise(w * h), noise(w * h), noise(w * h)))
img = Image.new("L", (w, h)); img.putdata(gray); img.save(f"{out}/gray8.png")
img16 = Image.new("I;16", (w, h)); img16.putdata(noise(w * h, 65536)); img16.save(f"{out}/gray16.png")
img = Image.new("LA", (w, h)); img.putdata([(g, 200) for g in gray]); img.save(f"{out}/gray-alpha.png")
img = Image.new("RGB", (w, h)); img.putdata(rgb); img.save(f"{out}/rgb.png")
img.save(f"{out}/rgb.jpg", quality=90)
img.save(f"{out}/progressive.jpg", quality=80, progressive=True)
img = Image.new("RGBA", (w, h)); img.putdata([p + (128,) for p in rgb]); img.save(f"{out}/rgba.png")
img = Image.new("P", (w, h)); img.putpalette(noise(256 * 3)); img.putdata(noise(w * h)); img.save(f"{out}/palette.png")
img = Image.new("L", (w, h)); img.putdata(gray); img.save(f"{out}/gray.jpg", quality=90)
