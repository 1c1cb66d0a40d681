"""Personal names of a Gulf Coast town (English, Spanish, Vietnamese) and contact details."""

from __future__ import annotations

import random
import unicodedata

# fmt: off
ENGLISH_MALE = (
    "James", "Robert", "Michael", "David", "William", "Richard", "Thomas", "Charles",
    "Daniel", "Matthew", "Anthony", "Mark", "Steven", "Paul", "Andrew", "Joshua", "Kevin",
    "Brian", "Ronald", "Timothy", "Darnell", "Marcus", "Andre", "Curtis", "Gerald",
)
ENGLISH_FEMALE = (
    "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica",
    "Sarah", "Karen", "Lisa", "Nancy", "Betty", "Sandra", "Ashley", "Kimberly", "Donna",
    "Michelle", "Carol", "Amanda", "Dorothy", "Rebecca", "Tamika", "LaToya", "Keisha",
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
SPANISH_MALE = (
    "José Luis", "Juan Carlos", "Luis", "Jesús", "Alejandro", "Ramón", "Héctor", "Andrés",
    "Raúl", "Joaquín", "Martín", "Tomás", "Rubén", "Efraín", "Arturo", "Óscar", "Jesús Ángel",
    "Sebastián", "Iván", "Ángel",
)
SPANISH_FEMALE = (
    "María Fernanda", "Ana María", "Carmen", "Guadalupe", "Verónica", "Leticia", "Sofía",
    "Mónica", "Inés", "Rocío", "Beatriz", "Araceli", "Yesenia", "Elena", "Marisol", "Lucía",
    "María José", "Daniela", "Adriana", "Rosalía",
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
# fmt: on
ENGLISH, SPANISH, VIETNAMESE = "en", "es", "vi"


class NamePicker:
    """Draws names that are unique within one generated workspace."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._used: set[str] = set()

    def pick(self, language: str, gender: str = "") -> str:
        """A new name in the language; gender "m" or "f" where the role calls for one."""
        for _attempt in range(200):
            name = self._compose(language, gender or self._rng.choice("mf"))
            if name not in self._used:
                self._used.add(name)
                return name
        raise RuntimeError(f"ran out of {language} names")

    def pick_any(self) -> str:
        roll = self._rng.random()
        return self.pick(ENGLISH if roll < 0.42 else SPANISH if roll < 0.80 else VIETNAMESE)

    def _compose(self, language: str, gender: str) -> str:
        rng = self._rng
        male = gender == "m"
        if language == SPANISH:
            family = rng.choice(SPANISH_FAMILY)
            # Many Tejano families keep both surnames; most everyday use shows one.
            if rng.random() < 0.2:
                family = f"{family} {rng.choice(SPANISH_FAMILY)}"
            return f"{rng.choice(SPANISH_MALE if male else SPANISH_FEMALE)} {family}"
        if language == VIETNAMESE:
            middle, givens = rng.choice(VIETNAMESE_MALE if male else VIETNAMESE_FEMALE)
            return f"{rng.choice(VIETNAMESE_FAMILY)} {middle} {rng.choice(givens)}"
        return (
            f"{rng.choice(ENGLISH_MALE if male else ENGLISH_FEMALE)} {rng.choice(ENGLISH_FAMILY)}"
        )


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
