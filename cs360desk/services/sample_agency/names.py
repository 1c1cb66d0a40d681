"""Personal names of a Gulf Coast town (English, Spanish, Vietnamese) and contact details."""

from __future__ import annotations

import random
import unicodedata

ENGLISH_GIVEN = (
    "James",
    "Robert",
    "Michael",
    "David",
    "William",
    "Richard",
    "Thomas",
    "Charles",
    "Daniel",
    "Matthew",
    "Anthony",
    "Mark",
    "Steven",
    "Paul",
    "Andrew",
    "Joshua",
    "Kevin",
    "Brian",
    "Ronald",
    "Timothy",
    "Mary",
    "Patricia",
    "Jennifer",
    "Linda",
    "Elizabeth",
    "Barbara",
    "Susan",
    "Jessica",
    "Sarah",
    "Karen",
    "Lisa",
    "Nancy",
    "Betty",
    "Sandra",
    "Ashley",
    "Kimberly",
    "Donna",
    "Michelle",
    "Carol",
    "Amanda",
    "Dorothy",
    "Rebecca",
    "Tamika",
    "LaToya",
    "Darnell",
    "Marcus",
    "Andre",
    "Keisha",
    "Curtis",
    "Delores",
)
ENGLISH_FAMILY = (
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Miller",
    "Davis",
    "Wilson",
    "Anderson",
    "Taylor",
    "Thomas",
    "Moore",
    "Jackson",
    "Martin",
    "Thompson",
    "White",
    "Harris",
    "Clark",
    "Lewis",
    "Robinson",
    "Walker",
    "Young",
    "Allen",
    "King",
    "Wright",
    "Scott",
    "Green",
    "Baker",
    "Adams",
    "Nelson",
    "Hill",
    "Campbell",
    "Mitchell",
    "Carter",
    "Roberts",
    "Phillips",
    "Evans",
    "Turner",
    "Parker",
    "Collins",
    "Edwards",
    "Stewart",
    "Morris",
    "Murphy",
    "Cook",
    "Rogers",
    "Washington",
    "Jefferson",
    "Boudreaux",
    "Fontenot",
)
SPANISH_GIVEN = (
    "José Luis",
    "María Fernanda",
    "Juan Carlos",
    "Ana María",
    "Luis",
    "Carmen",
    "Jesús",
    "Guadalupe",
    "Alejandro",
    "Verónica",
    "Ramón",
    "Leticia",
    "Héctor",
    "Sofía",
    "Andrés",
    "Mónica",
    "Raúl",
    "Inés",
    "Joaquín",
    "Rocío",
    "Martín",
    "Beatriz",
    "Tomás",
    "Araceli",
    "Rubén",
    "Yesenia",
    "Efraín",
    "Elena",
    "Arturo",
    "Marisol",
    "Óscar",
    "Lucía",
    "Jesús Ángel",
    "María José",
    "Sebastián",
    "Daniela",
    "Iván",
    "Adriana",
    "Ángel",
    "Rosalía",
)
SPANISH_FAMILY = (
    "Ramírez",
    "Gómez",
    "Hernández",
    "Martínez",
    "Rodríguez",
    "González",
    "López",
    "Pérez",
    "Sánchez",
    "Jiménez",
    "Álvarez",
    "Vásquez",
    "Gutiérrez",
    "Fernández",
    "Muñoz",
    "Núñez",
    "Peña",
    "Domínguez",
    "Ibáñez",
    "Chávez",
    "Ríos",
    "Cárdenas",
    "Treviño",
    "Saldaña",
    "Garza",
    "Villarreal",
    "Cantú",
    "Guzmán",
    "Mendoza",
    "Castillo",
    "Morales",
    "Reyes",
    "Flores",
    "Ortiz",
    "Cruz",
    "Salinas",
    "Benavides",
    "Ybarra",
    "Zúñiga",
    "Montemayor",
)
VIETNAMESE_FAMILY = (
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
)
# Vietnamese middle names usually mark gender (Văn, Thị), so given names are paired with one.
VIETNAMESE_MALE = (
    ("Văn", ("Minh", "Hùng", "Tuấn", "Dũng", "Long", "Hải", "Quang", "Sơn", "Thành", "Phúc")),
    ("Đức", ("Anh", "Huy", "Thắng", "Trung", "Tài", "Lộc")),
    ("Quốc", ("Bảo", "Việt", "Khánh", "Cường", "Hưng")),
    ("Hữu", ("Nghĩa", "Phước", "Tâm", "Thiện")),
)
VIETNAMESE_FEMALE = (
    ("Thị", ("Hoa", "Lan", "Hạnh", "Phương", "Thảo", "Trang", "Hằng", "Nga", "Mai", "Tuyết")),
    ("Ngọc", ("Anh", "Bích", "Hân", "Diệp", "Trâm")),
    ("Thu", ("Hà", "Thủy", "Hương", "Vân")),
    ("Kim", ("Chi", "Liên", "Oanh", "Yến")),
)

ENGLISH, SPANISH, VIETNAMESE = "en", "es", "vi"


class NamePicker:
    """Draws names that are unique within one generated workspace."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._used: set[str] = set()

    def pick(self, language: str) -> str:
        for _attempt in range(200):
            name = self._compose(language)
            if name not in self._used:
                self._used.add(name)
                return name
        raise RuntimeError(f"ran out of {language} names")

    def pick_any(self) -> str:
        roll = self._rng.random()
        return self.pick(ENGLISH if roll < 0.42 else SPANISH if roll < 0.80 else VIETNAMESE)

    def _compose(self, language: str) -> str:
        rng = self._rng
        if language == SPANISH:
            family = rng.choice(SPANISH_FAMILY)
            # Many Tejano families keep both surnames; most everyday use shows one.
            if rng.random() < 0.2:
                family = f"{family} {rng.choice(SPANISH_FAMILY)}"
            return f"{rng.choice(SPANISH_GIVEN)} {family}"
        if language == VIETNAMESE:
            table = VIETNAMESE_MALE if rng.random() < 0.5 else VIETNAMESE_FEMALE
            middle, givens = rng.choice(table)
            return f"{rng.choice(VIETNAMESE_FAMILY)} {middle} {rng.choice(givens)}"
        return f"{rng.choice(ENGLISH_GIVEN)} {rng.choice(ENGLISH_FAMILY)}"


def ascii_fold(text: str) -> str:
    """Letters without diacritics, for e-mail addresses ("Đặng Thị Hoa" -> "Dang Thi Hoa")."""
    text = text.replace("Đ", "D").replace("đ", "d")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def email_for(full_name: str, domain: str, *, personal: bool = False, number: int = 0) -> str:
    """Work addresses are given.family@domain; personal ones look like what people really use."""
    given, family = (ascii_fold(part).lower() for part in _given_and_family(full_name))
    if personal:
        return f"{family}{given[0]}{number % 90 + 10}@{domain}"
    return f"{given}.{family}@{domain}"


def _given_and_family(full_name: str) -> tuple[str, str]:
    tokens = full_name.split()
    if tokens[0] in VIETNAMESE_FAMILY:
        return tokens[-1], tokens[0]
    families = set(ENGLISH_FAMILY) | set(SPANISH_FAMILY)
    family = next((token for token in tokens[1:] if token in families), tokens[-1])
    return tokens[0], family


def phone_number(index: int, area_code: str = "361") -> str:
    """555-0100 to 555-0199 are reserved for fiction, so no real line is ever printed."""
    return f"({area_code}) 555-01{index % 100:02d}"
