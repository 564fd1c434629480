"""Pictures for the demo programme, drawn with Pillow: nothing comes from outside.

Each domain gets a few abstract compositions in its own colour (circles, stripes,
a rosette of petals after Tatar ornament), stored as Wagtail images in their own
collection with a title and a description that serves as their alternative text.
"""

import io
import math

from django.core.files.images import ImageFile

from wagtail.images import get_image_model
from wagtail.models import Collection

from PIL import Image as PillowImage
from PIL import ImageDraw

COLLECTION_NAME = "Программа: иллюстрации"
SIZE = (1200, 800)
VARIANTS = 3

# Domain slug: (colour, its name in the description).
PALETTE = {
    "music": ((178, 58, 72), "бордовых"),
    "theatre": ((110, 50, 140), "фиолетовых"),
    "literature": ((47, 102, 144), "синих"),
    "museums": ((140, 94, 52), "коричневых"),
    "cinema": ((52, 58, 94), "тёмно-синих"),
    "dance": ((209, 73, 91), "розовых"),
    "fine-art": ((214, 112, 24), "оранжевых"),
    "digital": ((20, 140, 128), "бирюзовых"),
    "sport": ((46, 125, 70), "зелёных"),
    "history": ((150, 112, 40), "охристых"),
}
SHAPES = ("круги", "полосы", "розетка из лепестков")


def ensure_domain_images(domains):
    """A few images per domain, drawn once: {domain slug: [image, …]}."""
    image_model = get_image_model()
    collection = _collection()
    # Found again by file name, which editors do not change (titles they may).
    existing = {
        _file_key(image.file.name): image
        for image in image_model.objects.filter(collection=collection)
    }
    images = {}
    for number, (slug, domain) in enumerate(domains.items()):
        colour, colour_name = PALETTE.get(slug, ((90, 90, 90), "серых"))
        images[slug] = []
        for variant in range(VARIANTS):
            key = f"programme-{slug}-{variant + 1}"
            image = existing.get(key)
            if image is None:
                image = image_model(
                    title=f"{domain.name}: композиция {variant + 1}",
                    description=(
                        f"Абстрактная композиция в {colour_name} тонах: "
                        f"{SHAPES[variant]}"
                    ),
                    collection=collection,
                    file=ImageFile(
                        io.BytesIO(draw(colour, variant, seed=number)),
                        name=f"{key}.jpg",
                    ),
                )
                image._set_image_file_metadata()
                image.save()
            images[slug].append(image)
    return images


def _file_key(name):
    # "original_images/programme-music-1_Ab3dE5f.jpg" -> "programme-music-1"
    return name.rsplit("/", 1)[-1].split(".")[0].split("_")[0]


def _collection():
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=COLLECTION_NAME).first()
    return collection or root.add_child(name=COLLECTION_NAME)


def draw(colour, variant, seed=0):
    """One composition as JPEG bytes: a gradient of ``colour`` and its shapes."""
    width, height = SIZE
    light = _mix(colour, (255, 255, 255), 0.55)
    dark = _mix(colour, (0, 0, 0), 0.35)
    # A square large enough that, turned any way, it still covers the picture;
    # drawn at a quarter of the size, which a smooth gradient does not show.
    small = (width // 4, height // 4)
    side = small[0] + small[1]
    gradient = (
        PillowImage.linear_gradient("L")
        .resize((side, side))
        .rotate(45 + 30 * variant, resample=PillowImage.Resampling.BICUBIC)
    )
    left, top = (side - small[0]) // 2, (side - small[1]) // 2
    gradient = gradient.crop((left, top, left + small[0], top + small[1]))
    gradient = gradient.resize(SIZE, PillowImage.Resampling.BICUBIC)
    picture = PillowImage.composite(
        PillowImage.new("RGB", SIZE, light),
        PillowImage.new("RGB", SIZE, dark),
        gradient,
    )
    overlay = PillowImage.new("RGBA", SIZE, (0, 0, 0, 0))
    pen = ImageDraw.Draw(overlay)
    if variant == 0:
        _circles(pen, colour, seed)
    elif variant == 1:
        _stripes(pen, colour, seed)
    else:
        _rosette(pen, colour, seed)
    picture = PillowImage.alpha_composite(picture.convert("RGBA"), overlay)
    output = io.BytesIO()
    picture.convert("RGB").save(output, "JPEG", quality=85, optimize=True)
    return output.getvalue()


def _mix(colour, other, share):
    return tuple(round(a + (b - a) * share) for a, b in zip(colour, other, strict=True))


def _circles(pen, colour, seed):
    width, height = SIZE
    for index in range(9):
        radius = 60 + (index * 53 + seed * 17) % 220
        x = (index * 317 + seed * 131) % width
        y = (index * 211 + seed * 97) % height
        tint = _mix(colour, (255, 255, 255), 0.2 + 0.08 * (index % 5))
        pen.ellipse(
            (x - radius, y - radius, x + radius, y + radius),
            fill=(*tint, 90 + index * 12),
        )


def _stripes(pen, colour, seed):
    width, height = SIZE
    x = -height
    index = 0
    while x < width:
        stripe = 30 + (index * 37 + seed * 11) % 90
        tint = _mix(colour, (255, 255, 255) if index % 2 else (0, 0, 0), 0.25)
        pen.polygon(
            [
                (x, height),
                (x + stripe, height),
                (x + stripe + height, 0),
                (x + height, 0),
            ],
            fill=(*tint, 120),
        )
        x += stripe + 20 + (index * 29 + seed * 7) % 70
        index += 1


def _rosette(pen, colour, seed):
    width, height = SIZE
    centre_x = width // 2 + (seed * 37) % 200 - 100
    centre_y = height // 2
    petals = 8 + seed % 5
    for ring, (length, share) in enumerate(((330, 0.15), (230, 0.4), (130, 0.7))):
        tint = _mix(colour, (255, 255, 255), share)
        for petal in range(petals):
            angle = 2 * math.pi * (petal + 0.5 * ring) / petals
            points = _petal(centre_x, centre_y, angle, length, length * 0.32)
            pen.polygon(points, fill=(*tint, 150))
    pen.ellipse(
        (centre_x - 40, centre_y - 40, centre_x + 40, centre_y + 40),
        fill=(*_mix(colour, (255, 255, 255), 0.85), 255),
    )


def _petal(x, y, angle, length, breadth, steps=24):
    """A pointed oval from the centre outwards, like a tulip petal."""
    outline = []
    for step in range(steps + 1):
        t = step / steps
        along = length * t
        across = breadth * math.sin(math.pi * t)
        outline.append((along, across))
    outline += [(along, -across) for along, across in reversed(outline)]
    cos, sin = math.cos(angle), math.sin(angle)
    return [(x + a * cos - b * sin, y + a * sin + b * cos) for a, b in outline]
