"""A synthetic corpus of news reports on official visits, for benchmarking Dossier.

Each article (~1,000 words) tells of one official visit: the guest received at an airport, the
delegations with named ministers, focus areas under numbered headings, memoranda signed,
figures in many formats, regional issues, prospects and a conclusion. Articles come as plain
text (one paragraph per line, or blank-line separated), as Markdown with ``##`` headings and
bullets, with or without YAML front matter, and now and then with a defect of the kind real
copy has (a typo, a spliced sentence, a doubled word, a missing space).

Every sentence template here was written for this file. Output is a pure function of the seed:
article ``i`` depends only on ``(seed, i)``, so a corpus of 100 is the first 100 of 1,000.

    python bench/corpus.py --n 1000 --seed 1 --out DIR

writes ``DIR/config.yaml``, ``DIR/content/articles/*.txt|md`` (Dossier's input) and
``DIR/markdown/*.md`` (the same articles as plain Markdown pages with ``title``/``date``/``slug``
front matter that both Hugo and Pelican read). Standard library only.
"""
from __future__ import annotations

import argparse
import functools
import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

# --- people -----------------------------------------------------------------------------------
# Name pools per naming tradition: (male first names, female first names, family names, family
# name first?). Combined at random, so the people are fictional.

POOLS: dict[str, tuple[list[str], list[str], list[str], bool]] = {
    "slavic": (
        ["Aleksei", "Dmitri", "Viktor", "Sergei", "Mikhail", "Andrei", "Pavel", "Yuri", "Oleg",
         "Stanislav", "Bogdan", "Miroslav", "Nikolai", "Vadim"],
        ["Olga", "Tatiana", "Irina", "Natalia", "Svetlana", "Katarina", "Milena", "Yelena",
         "Daria", "Ludmila"],
        ["Volkov", "Sokolenko", "Marchuk", "Petrovic", "Kovalenko", "Zhukovsky", "Baranov",
         "Dragunov", "Savchenko", "Lisovsky", "Nowacki", "Horvat", "Jankovic", "Melnik",
         "Grishin", "Tarasevich"],
        False),
    "germanic": (
        ["Klaus", "Matthias", "Jonas", "Henrik", "Lars", "Pieter", "Stefan", "Maximilian",
         "Erik", "Wolfgang", "Joost", "Anders"],
        ["Annika", "Sabine", "Ingrid", "Liesbeth", "Freya", "Katrin", "Sofie", "Greta",
         "Mette", "Helga"],
        ["Brandt", "Hofmann", "Van der Berg", "Lindqvist", "Eriksen", "Vogel", "Keller",
         "Jansen", "Halvorsen", "Schreiber", "Bakker", "Nyberg", "Lehmann", "De Vries"],
        False),
    "romance": (
        ["Marco", "Luca", "Julien", "Antoine", "Javier", "Rafael", "Tiago", "Andrei", "Mihai",
         "Pierre", "Alessandro", "Duarte"],
        ["Chiara", "Elena", "Camille", "Ines", "Lucia", "Beatriz", "Ioana", "Margaux",
         "Francesca", "Sofia"],
        ["Moretti", "Delacroix", "Fernandez", "Ribeiro", "Popescu", "Lambert", "Bianchi",
         "Navarro", "Carvalho", "Dumont", "Ionescu", "Serrano", "Gallo", "Marchand"],
        False),
    "latam": (
        ["Alejandro", "Diego", "Joaquin", "Mateo", "Rodrigo", "Eduardo", "Felipe", "Gustavo",
         "Sebastian", "Ricardo", "Fernando", "Andres"],
        ["Valentina", "Camila", "Ximena", "Daniela", "Mariana", "Gabriela", "Renata",
         "Paola", "Luciana", "Carolina"],
        ["Castillo", "Mendoza", "Vargas", "Herrera", "Rojas", "Gutierrez", "Salazar",
         "Quintero", "Arriaga", "Benitez", "Ortega", "Cardenas", "Lozano", "Figueroa"],
        False),
    "anglo": (
        ["James", "Oliver", "William", "Thomas", "Daniel", "Patrick", "Michael", "Richard",
         "Andrew", "Hugh", "Liam", "Gareth"],
        ["Emma", "Charlotte", "Sarah", "Rebecca", "Fiona", "Catherine", "Megan", "Rachel",
         "Aoife", "Joanna"],
        ["Whitfield", "Harrington", "Caldwell", "Pemberton", "O'Sullivan", "Fletcher",
         "Brennan", "Ashworth", "MacLeod", "Thornton", "Gallagher", "Sinclair", "Holloway",
         "Ramsay"],
        False),
    "arabic": (
        ["Khalid", "Faisal", "Omar", "Tariq", "Yousef", "Hamad", "Saeed", "Nasser", "Abdullah",
         "Karim", "Rashid", "Walid"],
        ["Layla", "Noura", "Mariam", "Huda", "Reem", "Salma", "Amal", "Dina", "Fatima",
         "Hessa"],
        ["Al-Mansouri", "Al-Harbi", "Haddad", "El-Sayed", "Al-Qasimi", "Bensalah", "Al-Thani",
         "Khoury", "Al-Otaibi", "Bouzid", "Al-Nuaimi", "Mahfouz", "Saadi", "Al-Rashed"],
        False),
    "turkic_persian": (
        ["Emre", "Murat", "Ilham", "Rustam", "Farhad", "Timur", "Nurlan", "Bakhtiyar",
         "Kamran", "Dariush", "Serdar", "Azamat"],
        ["Aigerim", "Leyla", "Shirin", "Dilnoza", "Zeynep", "Gulnara", "Parisa", "Madina",
         "Aysel", "Nargiz"],
        ["Yilmaz", "Aliyev", "Karimov", "Tokayev", "Rahimi", "Nazarbek", "Ozturk", "Mammadov",
         "Tashkentov", "Hosseini", "Sadykov", "Demir", "Jafarov", "Ermekov"],
        False),
    "south_asian": (
        ["Imran", "Rajesh", "Arjun", "Faisal", "Tanvir", "Sanjay", "Kamal", "Asif", "Vikram",
         "Mahinda", "Bilal", "Prakash"],
        ["Ayesha", "Priya", "Sunita", "Nasreen", "Kavita", "Farzana", "Anjali", "Shirin",
         "Deepa", "Sadia"],
        ["Qureshi", "Sharma", "Chaudhry", "Rahman", "Perera", "Iyer", "Malik", "Banerjee",
         "Siddiqui", "Thapa", "Reddy", "Hussain", "Jayasuriya", "Kapoor"],
        False),
    "chinese": (
        ["Jianguo", "Wei", "Zhiqiang", "Haoran", "Guoming", "Lijun", "Yong", "Xiaoping"],
        ["Meiling", "Xiaoyan", "Hui", "Lan", "Yufei", "Jing"],
        ["Wang", "Zhang", "Liu", "Chen", "Zhao", "Huang", "Zhou", "Sun", "Ma", "Guo", "Lin"],
        True),
    "japanese": (
        ["Hiroshi", "Takeshi", "Kenji", "Daisuke", "Yoshihiro", "Shinji", "Masato", "Kazuo"],
        ["Yuko", "Akiko", "Naomi", "Haruka", "Emiko", "Sayuri"],
        ["Tanaka", "Nakamura", "Kobayashi", "Yamada", "Matsumoto", "Inoue", "Fujita",
         "Kimura", "Hayashi", "Ishikawa"],
        False),
    "korean": (
        ["Min-ho", "Jae-sung", "Dong-hyun", "Seung-woo", "Young-chul", "Ji-hoon"],
        ["Seo-yeon", "Hye-jin", "Min-ji", "Eun-young", "Soo-ah"],
        ["Kim", "Park", "Choi", "Jung", "Kang", "Yoon", "Han", "Shin"],
        True),
    "southeast_asian": (
        ["Budi", "Arif", "Somchai", "Rizal", "Anwar", "Ramon", "Hakim", "Thanh", "Sokha",
         "Teguh", "Paolo", "Kiet"],
        ["Siti", "Dewi", "Malee", "Nurul", "Maria", "Linh", "Ratna", "Chanthy", "Kanya",
         "Ayu"],
        ["Santoso", "Wijaya", "Ibrahim", "Suwannarat", "Dela Cruz", "Hidayat", "Rahmat",
         "Chanthavong", "Reyes", "Kusuma", "Pham", "Sok", "Abdullah", "Bautista"],
        False),
    "east_african": (
        ["Daniel", "Joseph", "Samuel", "Abebe", "Musa", "Peter", "Emmanuel", "Baraka",
         "Yohannes", "Godfrey", "Juma", "Innocent"],
        ["Grace", "Wanjiru", "Amina", "Faith", "Tigist", "Neema", "Esther", "Aisha",
         "Winnie", "Rehema"],
        ["Kamau", "Otieno", "Mwangi", "Tesfaye", "Nyerere", "Mugisha", "Ochieng", "Kiprono",
         "Habimana", "Mbatia", "Wekesa", "Kebede", "Nsengiyumva", "Achieng"],
        False),
    "west_african": (
        ["Kwame", "Chinedu", "Ibrahim", "Mamadou", "Kofi", "Olusegun", "Abdoulaye",
         "Emeka", "Yaw", "Ousmane", "Babatunde", "Sekou"],
        ["Ngozi", "Abena", "Aminata", "Folake", "Fatou", "Adwoa", "Chioma", "Mariama",
         "Yetunde", "Awa"],
        ["Mensah", "Okonkwo", "Diallo", "Adeyemi", "Traore", "Asante", "Ndiaye", "Okafor",
         "Boateng", "Kamara", "Ouedraogo", "Balogun", "Sesay", "Koroma"],
        False),
    "southern_african": (
        ["Thabo", "Sipho", "Tendai", "Mandla", "Kagiso", "Chipo", "Hage", "Nelson",
         "Bongani", "Lungu", "Tapiwa", "Joaquim"],
        ["Nomvula", "Thandiwe", "Rudo", "Naledi", "Precious", "Lindiwe", "Tsitsi",
         "Palesa", "Nandi", "Graca"],
        ["Dlamini", "Moyo", "Ndlovu", "Banda", "Mokoena", "Phiri", "Khumalo", "Mutasa",
         "Sithole", "Mwale", "Nkosi", "Chissano", "Masisi", "Zulu"],
        False),
    "hellenic": (
        ["Nikos", "Giorgos", "Konstantinos", "Dimitris", "Yannis", "Christos", "Andreas"],
        ["Eleni", "Katerina", "Maria", "Despina", "Sofia", "Anna"],
        ["Papadopoulos", "Georgiou", "Karamanlis", "Christodoulou", "Nikolaidis",
         "Vlachos", "Stavrou", "Economou"],
        False),
}


@dataclass(frozen=True)
class Country:
    name: str
    demonym: str
    capital: str
    pool: str
    head: str            # the head of state's title
    gov: str             # who runs the government and receives guests
    money: str           # currency style for local figures: usd, eur, gbp, inr, pkr, jpy, cny
    the: bool = False    # "the United Kingdom"


def _c(name, demonym, capital, pool, head="President", gov="Prime Minister", money="usd",
       the=False):
    return Country(name, demonym, capital, pool, head, gov, money, the)


COUNTRIES: list[Country] = [
    _c("Pakistan", "Pakistani", "Islamabad", "south_asian", money="pkr"),
    _c("India", "Indian", "New Delhi", "south_asian", money="inr"),
    _c("Bangladesh", "Bangladeshi", "Dhaka", "south_asian"),
    _c("Sri Lanka", "Sri Lankan", "Colombo", "south_asian", gov="President"),
    _c("Nepal", "Nepali", "Kathmandu", "south_asian"),
    _c("Belarus", "Belarusian", "Minsk", "slavic", gov="President"),
    _c("Russia", "Russian", "Moscow", "slavic", gov="President"),
    _c("Ukraine", "Ukrainian", "Kyiv", "slavic", gov="President"),
    _c("Poland", "Polish", "Warsaw", "slavic", money="eur"),
    _c("Serbia", "Serbian", "Belgrade", "slavic", gov="President"),
    _c("Czechia", "Czech", "Prague", "slavic", money="eur"),
    _c("Bulgaria", "Bulgarian", "Sofia", "slavic", money="eur"),
    _c("Croatia", "Croatian", "Zagreb", "slavic", money="eur"),
    _c("Germany", "German", "Berlin", "germanic", gov="Chancellor", money="eur"),
    _c("Austria", "Austrian", "Vienna", "germanic", gov="Chancellor", money="eur"),
    _c("Netherlands", "Dutch", "Amsterdam", "germanic", head="King", money="eur", the=True),
    _c("Sweden", "Swedish", "Stockholm", "germanic", head="King", money="eur"),
    _c("Norway", "Norwegian", "Oslo", "germanic", head="King"),
    _c("Denmark", "Danish", "Copenhagen", "germanic", head="King", money="eur"),
    _c("Finland", "Finnish", "Helsinki", "germanic", money="eur"),
    _c("France", "French", "Paris", "romance", gov="President", money="eur"),
    _c("Italy", "Italian", "Rome", "romance", money="eur"),
    _c("Spain", "Spanish", "Madrid", "romance", head="King", money="eur"),
    _c("Portugal", "Portuguese", "Lisbon", "romance", money="eur"),
    _c("Romania", "Romanian", "Bucharest", "romance", gov="President", money="eur"),
    _c("Belgium", "Belgian", "Brussels", "romance", head="King", money="eur"),
    _c("Greece", "Greek", "Athens", "hellenic", money="eur"),
    _c("Cyprus", "Cypriot", "Nicosia", "hellenic", gov="President", money="eur"),
    _c("Hungary", "Hungarian", "Budapest", "slavic", money="eur"),
    _c("United Kingdom", "British", "London", "anglo", head="King", money="gbp", the=True),
    _c("Ireland", "Irish", "Dublin", "anglo", gov="Taoiseach", money="eur"),
    _c("United States", "American", "Washington", "anglo", gov="President", the=True),
    _c("Canada", "Canadian", "Ottawa", "anglo", head="Governor General"),
    _c("Australia", "Australian", "Canberra", "anglo", head="Governor-General"),
    _c("New Zealand", "New Zealand", "Wellington", "anglo", head="Governor-General"),
    _c("Brazil", "Brazilian", "Brasilia", "latam", gov="President"),
    _c("Mexico", "Mexican", "Mexico City", "latam", gov="President"),
    _c("Argentina", "Argentine", "Buenos Aires", "latam", gov="President"),
    _c("Chile", "Chilean", "Santiago", "latam", gov="President"),
    _c("Peru", "Peruvian", "Lima", "latam", gov="President"),
    _c("Colombia", "Colombian", "Bogota", "latam", gov="President"),
    _c("Uruguay", "Uruguayan", "Montevideo", "latam", gov="President"),
    _c("Saudi Arabia", "Saudi", "Riyadh", "arabic", head="King", gov="Crown Prince"),
    _c("United Arab Emirates", "Emirati", "Abu Dhabi", "arabic", the=True),
    _c("Qatar", "Qatari", "Doha", "arabic", head="Emir", gov="Emir"),
    _c("Kuwait", "Kuwaiti", "Kuwait City", "arabic", head="Emir"),
    _c("Oman", "Omani", "Muscat", "arabic", head="Sultan", gov="Sultan"),
    _c("Egypt", "Egyptian", "Cairo", "arabic", gov="President"),
    _c("Jordan", "Jordanian", "Amman", "arabic", head="King", gov="King"),
    _c("Morocco", "Moroccan", "Rabat", "arabic", head="King"),
    _c("Algeria", "Algerian", "Algiers", "arabic", gov="President"),
    _c("Tunisia", "Tunisian", "Tunis", "arabic", gov="President"),
    _c("Iraq", "Iraqi", "Baghdad", "arabic"),
    _c("Turkey", "Turkish", "Ankara", "turkic_persian", gov="President"),
    _c("Iran", "Iranian", "Tehran", "turkic_persian", gov="President"),
    _c("Azerbaijan", "Azerbaijani", "Baku", "turkic_persian", gov="President"),
    _c("Kazakhstan", "Kazakh", "Astana", "turkic_persian", gov="President"),
    _c("Uzbekistan", "Uzbek", "Tashkent", "turkic_persian", gov="President"),
    _c("Kyrgyzstan", "Kyrgyz", "Bishkek", "turkic_persian", gov="President"),
    _c("Tajikistan", "Tajik", "Dushanbe", "turkic_persian", gov="President"),
    _c("Turkmenistan", "Turkmen", "Ashgabat", "turkic_persian", gov="President"),
    _c("China", "Chinese", "Beijing", "chinese", gov="President", money="cny"),
    _c("Singapore", "Singaporean", "Singapore", "chinese"),
    _c("Japan", "Japanese", "Tokyo", "japanese", head="Emperor", money="jpy"),
    _c("South Korea", "South Korean", "Seoul", "korean", gov="President"),
    _c("Indonesia", "Indonesian", "Jakarta", "southeast_asian", gov="President"),
    _c("Malaysia", "Malaysian", "Kuala Lumpur", "southeast_asian", head="King"),
    _c("Vietnam", "Vietnamese", "Hanoi", "southeast_asian"),
    _c("Thailand", "Thai", "Bangkok", "southeast_asian", head="King"),
    _c("Philippines", "Filipino", "Manila", "southeast_asian", gov="President", the=True),
    _c("Cambodia", "Cambodian", "Phnom Penh", "southeast_asian", head="King"),
    _c("Kenya", "Kenyan", "Nairobi", "east_african", gov="President"),
    _c("Tanzania", "Tanzanian", "Dodoma", "east_african", gov="President"),
    _c("Uganda", "Ugandan", "Kampala", "east_african", gov="President"),
    _c("Rwanda", "Rwandan", "Kigali", "east_african", gov="President"),
    _c("Ethiopia", "Ethiopian", "Addis Ababa", "east_african"),
    _c("Nigeria", "Nigerian", "Abuja", "west_african", gov="President"),
    _c("Ghana", "Ghanaian", "Accra", "west_african", gov="President"),
    _c("Senegal", "Senegalese", "Dakar", "west_african", gov="President"),
    _c("Sierra Leone", "Sierra Leonean", "Freetown", "west_african", gov="President"),
    _c("Cote d'Ivoire", "Ivorian", "Abidjan", "west_african", gov="President"),
    _c("South Africa", "South African", "Pretoria", "southern_african", gov="President"),
    _c("Zambia", "Zambian", "Lusaka", "southern_african", gov="President"),
    _c("Zimbabwe", "Zimbabwean", "Harare", "southern_african", gov="President"),
    _c("Botswana", "Botswana", "Gaborone", "southern_african", gov="President"),
    _c("Namibia", "Namibian", "Windhoek", "southern_african", gov="President"),
    _c("Mozambique", "Mozambican", "Maputo", "southern_african", gov="President"),
    _c("Angola", "Angolan", "Luanda", "southern_african", gov="President"),
]


def cname(c: Country) -> str:
    """The country's name as it runs in a sentence ("the Netherlands")."""
    return f"the {c.name}" if c.the else c.name


@dataclass(frozen=True)
class Person:
    given: str
    family: str
    gender: str          # "m" or "f"
    family_first: bool

    @property
    def full(self) -> str:
        return f"{self.family} {self.given}" if self.family_first else f"{self.given} {self.family}"

    @property
    def short(self) -> str:
        return self.family

    @property
    def his(self) -> str:
        return "his" if self.gender == "m" else "her"

    @property
    def he(self) -> str:
        return "he" if self.gender == "m" else "she"


def make_person(rng: random.Random, pool: str) -> Person:
    males, females, families, family_first = POOLS[pool]
    gender = "m" if rng.random() < 0.68 else "f"
    given = rng.choice(males if gender == "m" else females)
    return Person(given, rng.choice(families), gender, family_first)


# Offices: role → ways the press writes it. The first variant is the usual one.
OFFICES: dict[str, list[str]] = {
    "foreign": ["Foreign Minister", "Minister of Foreign Affairs", "Minister for Foreign Affairs"],
    "trade": ["Minister of Trade", "Commerce Minister", "Minister for Trade and Industry"],
    "finance": ["Finance Minister", "Minister of Finance", "Minister of Economy and Finance"],
    "energy": ["Energy Minister", "Minister of Energy", "Minister for Energy and Mines"],
    "agriculture": ["Agriculture Minister", "Minister of Agriculture",
                    "Minister for Agriculture and Food Security"],
    "transport": ["Transport Minister", "Minister of Transport", "Minister for Railways"],
    "defence": ["Defence Minister", "Minister of Defence", "Minister of National Defence"],
    "interior": ["Interior Minister", "Minister of the Interior", "Minister for Home Affairs"],
    "information": ["Information Minister", "Minister of Information and Broadcasting"],
    "education": ["Education Minister", "Minister of Higher Education",
                  "Minister for Education and Science"],
    "health": ["Health Minister", "Minister of Health", "Minister for Health and Social Care"],
    "industry": ["Minister for Industries", "Minister of Industry", "Industry Minister"],
    "digital": ["Minister for Digital Affairs", "Minister of Information Technology",
                "Minister of Communications and Digital Economy"],
    "mining": ["Minister of Mines", "Mining Minister", "Minister of Natural Resources"],
    "tourism": ["Tourism Minister", "Minister of Culture and Tourism"],
    "water": ["Minister of Water Resources", "Minister for Climate Change",
              "Environment Minister"],
    "investment": ["Minister of Investment", "Minister for Investment and Privatisation"],
    "maritime": ["Minister of Maritime Affairs", "Ports Minister"],
    "labour": ["Labour Minister", "Minister of Labour and Employment"],
    "science": ["Minister of Science and Technology", "Minister for Innovation"],
    "central_bank": ["Governor of the Central Bank", "Central Bank Governor"],
}


@dataclass
class Roster:
    """Who holds which office in one country (stable for a seed, so people recur)."""

    country: Country
    head: Person
    gov: Person
    ministers: dict[str, Person]
    deputy_pm: str | None       # role held together with "Deputy Prime Minister", if any
    ambassador: Person


@functools.lru_cache(maxsize=8)
def rosters(seed: int) -> dict[str, Roster]:
    """Every country's office holders for ``seed``; no full name is used twice."""
    taken: set[str] = set()

    def unique(rng: random.Random, pool: str) -> Person:
        for _ in range(200):
            p = make_person(rng, pool)
            if p.full not in taken:
                break
        taken.add(p.full)
        return p

    out = {}
    for country in COUNTRIES:
        rng = random.Random(f"roster:{seed}:{country.name}")
        head = unique(rng, country.pool)
        gov = head if country.gov in (country.head, "President") else unique(rng, country.pool)
        ministers = {role: unique(rng, country.pool) for role in OFFICES}
        deputy = rng.choice([None, None, "foreign", "finance", "trade"]) \
            if country.gov in ("Prime Minister", "Chancellor", "Taoiseach") else None
        out[country.name] = Roster(country, head, gov, ministers, deputy,
                                   unique(rng, country.pool))
    return out


def roster(seed: int, country: Country) -> Roster:
    return rosters(seed)[country.name]


def office(rng: random.Random, role: str) -> str:
    variants = OFFICES[role]
    return variants[0] if rng.random() < 0.6 else rng.choice(variants)


# --- numbers and figures ------------------------------------------------------------------------

WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve"]


def number_word(n: int) -> str:
    return WORDS[n] if 0 <= n < len(WORDS) else f"{n:,}"


def _amount(rng: random.Random, low: float, high: float) -> float:
    """A round-looking amount between low and high (in millions)."""
    x = rng.uniform(low, high)
    if x >= 1000:
        return round(x / 100) * 100
    if x >= 100:
        return round(x / 10) * 10
    if x >= 10:
        return float(round(x))
    return round(x, 1)


def _fmt_millions(m: float, style: str) -> str:
    """`m` millions written as '17 million', '1.2 billion', '2.5bn', '300m'."""
    if m >= 1000:
        b = m / 1000
        b_txt = f"{b:.1f}".rstrip("0").rstrip(".")
        return {"long": f"{b_txt} billion", "short": f"{b_txt}bn"}[style]
    m_txt = f"{m:,.1f}".rstrip("0").rstrip(".")
    return {"long": f"{m_txt} million", "short": f"{m_txt}m"}[style]


def money(rng: random.Random, low: float, high: float, local: str = "usd") -> str:
    """An amount of money, written the way newspapers do, in dollars or the local currency."""
    m = _amount(rng, low, high)
    cur = local if local != "usd" and rng.random() < 0.45 else "usd"
    r = rng.random()
    if cur == "usd":
        if r < 0.45:
            return "$" + _fmt_millions(m, "long")
        if r < 0.6:
            return "US$" + _fmt_millions(m, "long")
        if r < 0.72:
            return "USD " + _fmt_millions(m, "long")
        if r < 0.85:
            return "$" + _fmt_millions(m, "short")
        if m < 5:
            return f"${int(m * 1_000_000):,}"
        return f"{_fmt_millions(m, 'long')} dollars"
    if cur == "eur":
        return ("€" + _fmt_millions(m, "long")) if r < 0.7 else ("EUR " + _fmt_millions(m, "long"))
    if cur == "gbp":
        return ("£" + _fmt_millions(m, "long")) if r < 0.75 else ("£" + _fmt_millions(m, "short"))
    if cur in ("inr", "pkr"):
        rupees_m = m * (83 if cur == "inr" else 280)
        if r < 0.55:
            crore = rupees_m / 10
            return f"Rs {crore:,.0f} crore" if crore >= 10 else f"Rs {crore:.1f} crore"
        if r < 0.8:
            return f"Rs {rupees_m / 1000:,.1f} billion".replace(".0 ", " ")
        return f"{'INR' if cur == 'inr' else 'PKR'} {rupees_m / 1000:,.1f} billion".replace(".0 ", " ")
    if cur == "jpy":
        return f"{m * 150 / 1000:,.1f} billion yen".replace(".0 ", " ")
    if cur == "cny":
        return f"{m * 7.2:,.0f} million yuan" if m < 140 else \
            f"{m * 7.2 / 1000:,.1f} billion yuan".replace(".0 ", " ")
    return "$" + _fmt_millions(m, "long")


def percent(rng: random.Random, low: float, high: float) -> str:
    x = rng.uniform(low, high)
    x_txt = f"{x:.1f}".rstrip("0").rstrip(".") if x < 10 else str(round(x))
    return rng.choice([f"{x_txt}%", f"{x_txt} percent", f"{x_txt} per cent"])


def count(rng: random.Random, low: int, high: int, words: bool = True) -> str:
    n = rng.randint(low, high)
    return number_word(n) if words and n <= 12 and rng.random() < 0.7 else f"{n:,}"


def days(rng: random.Random) -> tuple[int, str]:
    n = rng.choice([1, 2, 2, 3, 3, 3, 4, 5])
    return n, ("one-day" if n == 1 else f"{number_word(n)}-day")


# --- what the visits are about --------------------------------------------------------------------

@dataclass(frozen=True)
class Topic:
    key: str
    titles: tuple[str, ...]
    role: str                       # the ministers who discuss it
    goods: tuple[str, ...]          # sectors or products named in the text
    mous: tuple[str, ...]           # titles of memoranda on it
    prospects: tuple[str, ...]      # titles of prospects


TOPICS: list[Topic] = [
    Topic("trade", ("Trade and Investment", "Expanding Trade", "Commerce and Market Access"),
          "trade", ("textiles", "pharmaceuticals", "machinery", "processed food", "leather goods",
                    "surgical instruments", "furniture", "auto parts"),
          ("Preferential Trade Arrangement", "Joint Business Council",
           "Customs Cooperation and Mutual Assistance"),
          ("Doubling Bilateral Trade", "A Wider Export Basket")),
    Topic("energy", ("Energy Cooperation", "Oil, Gas and Renewables", "Energy Security"),
          "energy", ("solar power", "liquefied natural gas", "hydropower", "oil refining",
                     "green hydrogen", "power transmission"),
          ("Cooperation in Renewable Energy", "Supply of Liquefied Natural Gas",
           "Joint Hydropower Feasibility Study"),
          ("A Cleaner Energy Mix", "Reliable Energy Supplies")),
    Topic("agriculture", ("Agriculture and Food Security", "Farming and Agro-Processing"),
          "agriculture", ("wheat", "rice", "fertiliser", "dairy", "livestock", "tea", "cotton",
                          "irrigation equipment"),
          ("Agricultural Research Partnership", "Phytosanitary Cooperation",
           "Joint Ventures in Agro-Processing"),
          ("Food Security for Both Nations", "Modern Farming Methods")),
    Topic("transport", ("Transport and Connectivity", "Roads, Rail and Air Links",
                        "Logistics Corridors"),
          "transport", ("direct flights", "rail freight", "a road corridor", "dry ports",
                        "transit trade", "cargo handling"),
          ("Air Services Agreement", "Road Transport and Transit Protocol",
           "Railway Cooperation Framework"),
          ("Faster Connections", "A Regional Transit Hub")),
    Topic("defence", ("Defence and Security", "Security Cooperation"),
          "defence", ("joint exercises", "training of officers", "counter-terrorism",
                      "maritime patrols", "defence production"),
          ("Defence Cooperation Agreement", "Exchange of Military Training Programmes"),
          ("A Safer Neighbourhood", "Joint Defence Production")),
    Topic("education", ("Education and Research", "Universities and Scholarships"),
          "education", ("scholarships", "university exchanges", "vocational training",
                        "joint research", "language courses"),
          ("Academic Exchange Programme", "Recognition of Degrees",
           "Vocational Training Partnership"),
          ("Skills for a New Generation", "Closer Academic Ties")),
    Topic("health", ("Health and Pharmaceuticals", "Public Health"),
          "health", ("vaccines", "generic medicines", "hospital equipment", "telemedicine",
                     "training of nurses"),
          ("Cooperation in Health and Medical Sciences", "Pharmaceutical Regulatory Cooperation"),
          ("Affordable Medicines", "Stronger Health Systems")),
    Topic("digital", ("Digital Economy and Technology", "Information Technology",
                      "Innovation and Start-ups"),
          "digital", ("software exports", "data centres", "e-government", "cybersecurity",
                      "fintech", "satellite internet"),
          ("Digital Transformation Partnership", "Cooperation in Cybersecurity",
           "E-Government Cooperation"),
          ("A Shared Digital Future", "Technology-Led Growth")),
    Topic("mining", ("Mining and Critical Minerals", "Natural Resources"),
          "mining", ("copper", "lithium", "rare earths", "gold", "cobalt", "graphite"),
          ("Critical Minerals Framework", "Geological Survey Cooperation"),
          ("Value Added at the Mine", "Secure Mineral Supply Chains")),
    Topic("tourism", ("Tourism and Culture", "People-to-People Contacts", "Culture and Heritage"),
          "tourism", ("tourism", "heritage sites", "film co-productions", "sports exchanges",
                      "visa facilitation"),
          ("Cultural Exchange Programme", "Tourism Promotion Agreement",
           "Visa Exemption for Diplomatic Passports"),
          ("More Visitors Both Ways", "Cultural Understanding")),
    Topic("water", ("Climate and Water", "Climate Change and the Environment"),
          "water", ("water management", "flood protection", "reforestation", "climate finance",
                    "early warning systems"),
          ("Cooperation on Climate Adaptation", "Water Resources Management"),
          ("Resilience to Climate Shocks", "Sustainable Water Use")),
    Topic("finance", ("Banking and Finance", "Finance and Development"),
          "finance", ("trade in local currencies", "banking links", "insurance",
                      "development loans", "a joint investment fund"),
          ("Avoidance of Double Taxation", "Central Bank Cooperation",
           "Bilateral Investment Treaty"),
          ("Easier Payments", "Investment Protection")),
    Topic("industry", ("Industrial Cooperation", "Manufacturing and Industry"),
          "industry", ("tractor assembly", "steel", "cement", "small and medium enterprises",
                       "special economic zones", "electric buses"),
          ("Industrial Cooperation Programme", "Cooperation in Special Economic Zones",
           "Joint Venture for Vehicle Assembly"),
          ("Industrial Modernisation", "Jobs in Manufacturing")),
    Topic("maritime", ("Ports and the Blue Economy", "Maritime Cooperation"),
          "maritime", ("port development", "shipbuilding", "fisheries", "coastal shipping",
                       "marine research"),
          ("Maritime Transport Agreement", "Fisheries Cooperation"),
          ("A Thriving Blue Economy", "Busier Sea Lanes")),
    Topic("labour", ("Labour Mobility and Skills", "Migration and Employment"),
          "labour", ("skilled workers", "seasonal labour", "remittances", "worker welfare",
                     "recruitment agencies"),
          ("Labour Mobility Agreement", "Protection of Migrant Workers"),
          ("Fair Labour Migration", "Remittances for Development")),
    Topic("science", ("Science, Space and Innovation", "Scientific Cooperation"),
          "science", ("satellite launches", "nuclear medicine", "biotechnology",
                      "research grants", "technology parks"),
          ("Cooperation in the Peaceful Uses of Outer Space", "Joint Research Fund"),
          ("Science for Development", "Innovation Partnerships")),
]

ISSUES = [
    "the war in Ukraine", "the humanitarian situation in Gaza", "the conflict in Sudan",
    "insecurity across the Sahel", "attacks on shipping in the Red Sea",
    "tensions on the Korean Peninsula", "the situation in Afghanistan",
    "climate finance for vulnerable countries", "reform of the UN Security Council",
    "high food and fertiliser prices", "the political crisis in Myanmar",
    "maritime disputes in the South China Sea", "water sharing in Central Asia",
    "the debt burden of developing economies", "cooperation against terrorism",
    "the security crisis in Haiti", "fighting in the eastern Democratic Republic of the Congo",
    "irregular migration across the Mediterranean", "nuclear non-proliferation",
    "the stalled global trade talks", "the future of the Iran nuclear agreement",
    "instability in Libya", "the reconstruction of Syria",
]
FORUMS = ["the United Nations", "the Organisation of Islamic Cooperation", "the G20",
          "the African Union", "the Shanghai Cooperation Organisation", "BRICS",
          "the Commonwealth", "the Non-Aligned Movement", "ASEAN", "the World Trade Organization",
          "the Organization for Security and Co-operation in Europe", "the Group of 77"]
PUBLISHERS = ["The Daily Ledger", "Capital Herald", "Global Affairs Review", "The Diplomat's Desk",
              "Eastern Courier", "The Continental Times", "Morning Observer", "World Brief",
              "The Policy Wire", "Regional Monitor", "The Evening Dispatch", "Horizon News"]
INSTITUTES = ["Institute of Strategic Studies", "Centre for Regional Affairs",
              "Foreign Policy Council", "Institute for Economic Research",
              "Centre for International Relations", "Council on Trade and Development"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
LANDMARKS = ["the national museum", "a war memorial", "the old city", "a technology park",
             "a leading university", "an industrial zone", "the parliament building",
             "a newly opened port", "a historic mosque", "a cathedral", "a textile mill",
             "a research farm"]


# --- one article ---------------------------------------------------------------------------------

@dataclass
class Block:
    kind: str            # "p" paragraph, "h" section heading, "item" numbered item, "bullet"
    text: str
    title: str = ""      # for items: the item's title (text is then its description)
    number: int = 0


@dataclass
class Spec:
    """What one generated article is about, and its text in blocks (before formatting)."""

    index: int
    slug: str
    title: str
    date: str
    publisher: str
    guest: Country
    host: Country
    people: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    style: str = "lines"         # "lines" | "blank" | "md"
    front_matter: bool = False
    headline: bool = False
    defects: list[str] = field(default_factory=list)


class _Writer:
    """Holds the cast of one visit and writes its sentences."""

    def __init__(self, rng: random.Random, seed: int, guest: Country, host: Country) -> None:
        self.r = rng
        self.g, self.h = guest, host
        self.gr, self.hr = roster(seed, guest), roster(seed, host)
        self.people: list[str] = []
        self.decks: dict[str, list[int]] = {}
        # Who comes: usually the head of government or state, sometimes a foreign minister.
        kind = rng.random()
        if kind < 0.45:
            self.guest_title, self.guest = guest.gov, self.gr.gov
        elif kind < 0.8:
            self.guest_title, self.guest = guest.head, self.gr.head
        else:
            self.guest_title, self.guest = office(rng, "foreign"), self.gr.ministers["foreign"]
        if self.guest_title in ("Governor General", "Governor-General"):
            self.guest_title, self.guest = guest.gov, self.gr.gov
        if self.guest_title.startswith(("Foreign", "Minister")):
            self.host_title, self.host = office(rng, "foreign"), self.hr.ministers["foreign"]
        else:
            self.host_title, self.host = host.gov, self.hr.gov
        self.visit_days, self.visit_len = days(rng)
        self.visit_kind = rng.choice(["state visit", "official visit", "working visit",
                                      "official visit", "state visit"])
        self.delegation = rng.randint(12, 140)
        self.roles = [t.role for t in TOPICS]
        self.used_roles: set[str] = {"foreign"}
        self.named(self.guest, self.guest_title, guest)
        self.named(self.host, self.host_title, host)

    # People ---------------------------------------------------------------------------------
    def named(self, p: Person, title: str, c: Country) -> str:
        self.people.append(p.full)
        return f"{title} {p.full}"

    def minister(self, side: str, role: str, with_country: bool = False) -> str:
        rost, c = (self.gr, self.g) if side == "guest" else (self.hr, self.h)
        p = rost.ministers[role]
        title = office(self.r, role)
        if rost.deputy_pm == role and self.r.random() < 0.7:
            title = f"Deputy Prime Minister and {title}"
        self.people.append(p.full)
        if with_country:
            owner = f"{cname(c)}'s" if self.r.random() < 0.5 else c.demonym
            return f"{owner} {title} {p.full}"
        return f"{title} {p.full}"

    def host_entourage(self) -> str:
        roles = self.r.sample(["foreign", "interior", "information", "finance", "trade",
                               "defence", "investment"], self.r.randint(2, 4))
        if self.host_title.startswith(("Foreign", "Minister")):
            roles = [x for x in roles if x != "foreign"] or ["trade"]
        names = [self.minister("host", role) for role in roles]
        return ", ".join(names[:-1]) + (", and " if self.r.random() < 0.5 else " and ") + names[-1]

    def G(self, full: bool = True) -> str:
        return f"{self.guest_title} {self.guest.full if full else self.guest.short}"

    def H(self, full: bool = True) -> str:
        return f"{self.host_title} {self.host.full if full else self.host.short}"

    def m(self, low: float, high: float, local: str | None = None) -> str:
        return money(self.r, low, high, local or self.r.choice([self.g.money, self.h.money]))

    def deal(self, key: str, options: list[str]) -> str:
        """One of ``options``, not repeating the one picked last time for ``key`` until all
        have been used (so list items in one article do not all open the same way)."""
        deck = self.decks.get(key)
        if not deck:
            deck = self.decks[key] = self.r.sample(range(len(options)), len(options))
        return options[deck.pop()]


def _title(w: _Writer, topics: list[Topic], mou_count: int) -> str:
    g, h, r = w.g, w.h, w.r
    gn, hn = cname(g), cname(h)
    options = [
        f"{w.guest_title} {w.guest.short}'s {w.visit_kind.title()} to {hn[0].upper() + hn[1:]}",
        f"{g.demonym} {w.guest_title} Concludes {w.visit_len.title()} Visit to {h.name}",
        f"{h.name} and {g.name} Sign {number_word(mou_count).title()} Agreements During "
        f"{w.guest.short} Visit",
        f"{topics[0].titles[0]} Tops the Agenda as {w.guest.short} Visits {h.capital}",
        f"{h.demonym}-{g.demonym} Ties Get a Boost from {w.guest_title}'s Visit",
        f"{w.guest.short} in {h.capital} - What the Visit Delivered",
    ]
    return r.choice(options)


def _lede(w: _Writer, date_text: str) -> list[str]:
    r = w.r
    airport = r.choice([f"{w.h.capital} International Airport",
                        f"the VIP terminal of {w.h.capital}'s main airport",
                        f"{w.h.capital} Air Base",
                        f"the state pavilion at {w.h.capital} airport"])
    ent = w.host_entourage()
    first = r.choice([
        f"{w.G()} arrived in {w.h.capital} on {date_text} for a {w.visit_len} {w.visit_kind} and "
        f"was met at {airport} by {w.H()}, who was joined by {ent}.",
        f"{w.H()} personally received {w.G()} at {airport} on {date_text}. Waiting with "
        f"{w.host.his} {w.h.demonym} hosts on the apron were {ent}.",
        f"A guard of honour and a military band greeted {w.G()} when the {w.g.demonym} "
        f"delegation's aircraft touched down at {airport}. {w.H()} headed the welcoming party, "
        f"which also included {ent}.",
        f"{w.G()} began a {w.visit_len} {w.visit_kind} to {cname(w.h)} on {date_text}, landing at "
        f"{airport} where {w.H()} and a group of senior ministers - {ent} - stood in line to "
        f"greet {w.guest.his} party.",
    ])
    second = r.choice([
        f"Officials in {w.h.capital} said the reception was meant to show how much {cname(w.h)} "
        f"values its relationship with {cname(w.g)}.",
        f"Diplomats read the size of the welcoming party as a deliberate signal of the "
        f"priority {w.h.capital} now gives to {cname(w.g)}.",
        f"It is the first visit of its kind in {count(r, 6, 19, words=False)} years, and the "
        f"protocol reflected that.",
        f"The host government had billed the trip as a turning point in relations that have "
        f"been cordial but thin in substance.",
    ])
    third = r.choice([
        f"The main avenues of {w.h.capital} were lined with the flags of both countries and "
        f"large billboards carrying portraits of the two leaders.",
        f"Along the motorcade route, banners in two languages welcomed the visitors.",
        f"Schoolchildren waving paper flags lined the road from the airport to the city "
        f"centre.",
        f"Security was tightened across the capital, with several roads closed for the "
        f"motorcade.",
    ])
    return [f"{first} {second} {third}"]


def _delegation(w: _Writer) -> list[str]:
    r = w.r
    gm = [w.minister("guest", role) for role in r.sample(["trade", "energy", "industry",
                                                          "agriculture", "finance"], 2)]
    s1 = r.choice([
        f"{w.guest.short} travelled with a {w.delegation}-member delegation that included "
        f"{gm[0]} and {gm[1]}, along with the heads of several state companies and private firms.",
        f"The {w.g.demonym} {w.guest_title.lower()} was accompanied by {gm[0]}, {gm[1]} and a "
        f"delegation of {w.delegation} officials and business executives.",
        f"Accompanying {w.guest.short} were {gm[0]}, {gm[1]} and a {w.delegation}-strong "
        f"delegation drawn from government and industry.",
    ])
    forum_money = w.m(5, 900)
    ahead = r.choice(["A day before the leaders met", "Two days ahead of the visit",
                      "On the eve of the talks", "Earlier in the week"])
    s2 = r.choice([
        f"{ahead}, a business forum in {w.h.capital} brought together {count(r, 60, 400)} "
        f"companies from both sides and closed with deals worth {forum_money}.",
        f"{ahead}, an advance group of {count(r, 20, 90)} {w.g.demonym} business leaders held "
        f"meetings with {w.h.demonym} chambers of commerce; contracts valued at {forum_money} "
        f"were initialled there.",
        f"{ahead}, trade officials met at a business forum where {count(r, 5, 40)} commercial "
        f"contracts worth a combined {forum_money} were announced.",
    ])
    return [f"{s1} {s2}"]


def _context(w: _Writer, year: int) -> list[str]:
    r = w.r
    trade = w.m(20, 4000)
    t = r.sample(TOPICS[0].goods, 3)
    s = r.choice([
        f"Bilateral trade reached about {trade} in {year - 1}, a figure both governments "
        f"describe as far below what their economies could support.",
        f"Trade between the two countries stood at roughly {trade} last year, having grown by "
        f"{percent(r, 2, 35)} over the previous twelve months.",
        f"According to official figures, two-way trade was worth {trade} in {year - 1}, with "
        f"{cname(w.h)} running a surplus of {percent(r, 5, 60)} of the total.",
    ])
    s2 = r.choice([
        f"{w.g.name} mainly sells {t[0]} and {t[1]}, while {cname(w.h)} exports {t[2]} and "
        f"farm produce.",
        f"The basket is narrow: {t[0]}, {t[1]} and {t[2]} account for most of it.",
        f"Business groups on both sides have long argued that {t[0]} and {t[2]} could add "
        f"much more.",
    ])
    return [f"{s} {s2}"]


def _focus_paragraph(w: _Writer, topic: Topic) -> str:
    r = w.r
    host_named = r.random() < 0.5
    hm = w.minister("host", topic.role, with_country=host_named)
    gm = w.minister("guest", topic.role, with_country=not host_named or r.random() < 0.5)
    goods = r.sample(topic.goods, min(3, len(topic.goods)))
    first = w.deal("focus1", [
        f"{hm} and {gm} led the talks on this track.",
        f"Separate sessions between {hm} and {gm} dealt with the details.",
        f"In a meeting that ran well past its scheduled hour, {hm} and {gm} went through a "
        f"list of pending projects.",
        f"{gm} held talks with {hm} on the margins of the main meeting.",
    ])
    middle = w.deal("focus2", [
        f"They agreed to set up a working group on {goods[0]} that will report back within "
        f"{count(r, 3, 9)} months.",
        f"Both sides identified {goods[0]} and {goods[1]} as the areas where results could come "
        f"fastest.",
        f"The discussion covered {goods[0]}, {goods[1]} and {goods[-1]}, with officials asked to "
        f"draw up a joint action plan.",
        f"A proposal for a joint venture in {goods[0]}, estimated at {w.m(3, 600)}, was "
        f"discussed in detail.",
    ])
    last = w.deal("focus3", [
        f"{w.h.demonym} officials said current cooperation in {goods[-1]} was worth about "
        f"{w.m(1, 300)} a year and could grow by {percent(r, 10, 80)}.",
        f"The two ministers also discussed financing, including a credit line of {w.m(10, 800)}.",
        f"Experts from both countries will meet in {w.g.capital} before the end of the year to "
        f"take the work forward.",
        f"{w.guest.short} said {w.guest.he} expected the first concrete projects within "
        f"{count(r, 6, 24, words=False)} months.",
        f"The target is to train {count(r, 100, 5000, words=False)} specialists over the next "
        f"{count(r, 2, 5)} years.",
    ])
    return f"{first} {middle} {last}"


def _mou_description(w: _Writer, topic: Topic, valued: bool) -> str:
    r = w.r
    goods = r.choice(topic.goods)
    text = w.deal("mou", [
        f"sets out a framework for cooperation in {goods}",
        f"provides for joint projects and exchanges of experts in {goods}",
        f"commits both governments to a timetable for work on {goods}",
        f"creates a joint committee to oversee cooperation in {goods}",
        f"opens the way for companies from both countries to invest in {goods}",
    ])
    if valued:
        text += r.choice([f", with initial funding of {w.m(1, 500)}",
                          f"; projects worth {w.m(5, 1500)} are foreseen",
                          f", backed by {w.m(2, 250)} over {count(r, 2, 5)} years"])
    return text[0].upper() + text[1:] + "."


def _issues(w: _Writer) -> list[str]:
    r = w.r
    issues = r.sample(ISSUES, 3)
    forum = r.choice(FORUMS)
    p1 = r.choice([
        f"Beyond bilateral matters, the leaders compared notes on {issues[0]} and "
        f"{issues[1]}. They called for dialogue and a negotiated settlement, and agreed to "
        f"coordinate their positions at {forum}.",
        f"The talks also covered the wider world. {w.guest.short} and {w.host.short} discussed "
        f"{issues[0]}, and both stressed the need to protect civilians and keep aid flowing. "
        f"On {issues[1]}, they pledged to work together at {forum}.",
        f"Regional security took up part of the agenda, with {issues[0]} and {issues[2]} "
        f"singled out in the joint statement. The two sides said they would support each "
        f"other's candidacies at {forum}.",
    ])
    fh = w.minister("host", "foreign", with_country=True)
    fg = w.minister("guest", "foreign", with_country=True)
    p2 = r.choice([
        f"The groundwork was laid by {fh} and {fg}, who met the day before the summit. Their "
        f"talks also touched on {issues[2]}.",
        f"{fh} and {fg} held a separate round of consultations and agreed to meet at least "
        f"once a year.",
        f"In a joint press appearance, {fh} said the two countries shared the view that "
        f"{issues[1]} could not be solved by force, a point echoed by {fg}.",
    ])
    return [p1, p2]


def _padding(w: _Writer, year: int) -> tuple[list[str], list[str]]:
    """Optional paragraphs used to bring the article to its length: (background that reads
    well early in the article, reactions that belong after the talks)."""
    r = w.r
    officials = {p.full for ro in (w.gr, w.hr) for p in (ro.head, ro.gov, ro.ambassador,
                                                          *ro.ministers.values())}
    analyst = make_person(r, r.choice([w.g.pool, w.h.pool, "anglo"]))
    while analyst.full in officials:
        analyst = make_person(r, "anglo")
    w.people.append(analyst.full)
    inst = r.choice(INSTITUTES)
    city = r.choice([w.g.capital, w.h.capital])
    history = [
        f"Diplomatic relations between {cname(w.g)} and {cname(w.h)} were established in "
        f"{r.randint(1947, 1995)}. For most of the time since, contacts were limited to "
        f"occasional meetings on the sidelines of international conferences. The number of "
        f"high-level exchanges has risen sharply in the past {count(r, 2, 6)} years.",
        f"The {w.g.demonym} ambassador, {w.gr.ambassador.full}, told reporters that the embassy "
        f"would open a trade office in {r.choice(['a second city', 'the commercial capital', 'a major port city'])} "
        f"and that consular staff would be increased by {percent(r, 10, 50)} to handle the "
        f"expected rise in visa applications.",
    ]
    return history, [
        f"Dr. {analyst.full}, a senior fellow at the {inst} in {city}, said the visit showed "
        f"\"a willingness on both sides to move from declarations to delivery\". {analyst.he.title()}"
        f" cautioned, however, that earlier agreements had been slow to produce results and that "
        f"the real test would be whether the projects announced this week were funded.",
        f"On the second day, {w.guest.short} visited {r.choice(LANDMARKS)} and laid a wreath "
        f"at a monument in {w.h.capital}. {w.guest.his.title()} programme also included a "
        f"meeting with members of the {w.g.demonym} community living in {cname(w.h)}, estimated "
        f"at around {count(r, 2, 90, words=False)},000 people.",
        f"At a joint press conference, {w.host.short} said the two governments had agreed to "
        f"revive their joint ministerial commission, which has not met since {year - r.randint(3, 9)}. "
        f"Its next session is planned in {w.g.capital} in {r.choice(MONTHS)}.",
        f"Business leaders welcomed the outcome. The head of the {w.h.demonym} chamber of "
        f"commerce said member firms had been waiting for clearer rules on investment and for "
        f"a faster visa regime, and that both now seemed within reach.",
        f"{w.g.demonym} state media gave the trip extensive coverage, describing {w.h.name} as a "
        f"\"reliable partner\". In {w.h.capital}, commentators were more reserved, noting that "
        f"similar promises were made during a ministerial visit {count(r, 2, 7)} years ago.",
        f"Officials said a follow-up mission of around {count(r, 15, 80, words=False)} experts "
        f"would arrive within {count(r, 2, 8)} weeks to turn the signed documents into project "
        f"plans, each with a lead agency and a deadline.",
    ]


def _prospect(w: _Writer, title: str, topic: Topic) -> str:
    r = w.r
    g = r.choice(topic.goods)
    return w.deal("prospect", [
        f"If the agreements are carried out, cooperation in {g} could add {w.m(10, 2000)} to "
        f"annual trade within {count(r, 3, 10)} years.",
        f"Steady work on {g} would give both economies a new source of growth and jobs.",
        f"Progress here depends on financing; officials spoke of {w.m(5, 900)} in possible "
        f"investment in {g}.",
        f"Both sides see {g} as a way to reach markets beyond their own borders.",
        f"A target of {percent(r, 10, 100)} growth in {g} by {r.randint(2026, 2035)} was "
        f"mentioned in the joint statement.",
    ])


def _conclusion(w: _Writer, mou_count: int) -> str:
    r = w.r
    return r.choice([
        f"{w.guest_title} {w.guest.short}'s visit to {cname(w.h)} gave a relationship that had "
        f"long been polite but distant a practical agenda. With {number_word(mou_count)} "
        f"documents signed, a business forum behind them and a timetable for follow-up, both "
        f"capitals now have a way to measure progress. Whether that agenda survives the "
        f"usual delays will decide how this {w.visit_len} visit is remembered.",
        f"The {w.visit_len} visit ended with a joint statement and a promise to meet again "
        f"next year. It produced more paperwork than money for now, but the "
        f"{number_word(mou_count)} memoranda give officials in {w.g.capital} and "
        f"{w.h.capital} a list of concrete tasks. The months ahead will show how many of them "
        f"are completed.",
        f"In sum, the visit moved relations between {cname(w.g)} and {cname(w.h)} onto firmer "
        f"ground. The two governments have named priorities, signed {number_word(mou_count)} "
        f"agreements and set up the machinery to follow them. Turning these into trade, jobs "
        f"and investment is the work that remains.",
    ])


HEAD_FOCUS = ["Key Areas of Discussion", "Priorities on the Agenda", "What Was Discussed",
              "Main Areas of Cooperation", "Agenda of the Talks", "Areas of Collaboration"]
HEAD_MOUS = ["Agreements Signed", "Memoranda of Understanding", "MoUs and Agreements",
             "Documents Signed During the Visit", "Memorandums of Understanding (MoUs)"]
HEAD_ISSUES = ["Regional and Global Issues", "Beyond Bilateral Ties", "The Wider Picture",
               "International Concerns"]
HEAD_PROSPECTS = ["Looking Ahead", "Prospects for the Relationship", "What Comes Next",
                  "The Road Ahead", "Future Prospects"]
HEAD_END = ["Conclusion", "Outlook", "Assessment", "Conclusion", "Final Thoughts"]
EDIT_SENTENCES = [
    "Officials later confirmed the date of the next round of talks.",
    "A spokesperson added that the joint statement would be published in full.",
    "The ministries will report on progress at the end of the quarter.",
]


def _words(text: str) -> int:
    return len(text.split())


def build_spec(seed: int, index: int) -> Spec:
    """The article numbered ``index`` of the corpus made with ``seed``."""
    r = random.Random(f"article:{seed}:{index}")
    guest, host = r.sample(COUNTRIES, 2)
    w = _Writer(r, seed, guest, host)
    year = r.randint(2016, 2025)
    month, day = r.randint(1, 12), r.randint(1, 28)
    date = f"{year:04d}-{month:02d}-{day:02d}"
    date_text = r.choice([f"{WEEKDAYS[r.randrange(7)]}", f"{day} {MONTHS[month - 1]}",
                          f"{MONTHS[month - 1]} {day}", f"{day} {MONTHS[month - 1]} {year}"])
    topics = r.sample(TOPICS, r.randint(3, 5))
    mou_topics = topics + r.sample([t for t in TOPICS if t not in topics], r.randint(0, 2))
    mou_count = len(mou_topics) + r.randint(0, 2)
    title = _title(w, topics, mou_count)
    blocks: list[Block] = []
    P = lambda text: blocks.append(Block("p", text))  # noqa: E731
    H = lambda text: blocks.append(Block("h", text))  # noqa: E731

    for t in _lede(w, date_text) + _delegation(w):
        P(t)
    early, late = _padding(w, year)
    r.shuffle(early)
    r.shuffle(late)
    padding = (early[1:] + late + early[:1])  # popped from the end: an early one first
    pad_at_top = len(blocks)
    H(r.choice(HEAD_FOCUS))
    for t in _context(w, year):
        P(t)
    for n, topic in enumerate(topics, 1):
        blocks.append(Block("item", _focus_paragraph(w, topic), title=r.choice(topic.titles),
                            number=n))
    H(r.choice(HEAD_MOUS))
    among = "among them" if mou_count > len(mou_topics) else "namely"
    P(r.choice([
        f"In the presence of the two leaders, ministers signed {number_word(mou_count)} "
        f"memoranda of understanding and agreements, {among}:",
        f"The following documents were signed at a ceremony after the delegation-level talks:",
        f"Officials exchanged {number_word(mou_count)} signed documents covering a wide range "
        f"of sectors, {among}:",
    ]))
    valued = set(r.sample(range(len(mou_topics)), r.randint(1, max(1, len(mou_topics) // 2))))
    for n, topic in enumerate(mou_topics, 1):
        blocks.append(Block("bullet", _mou_description(w, topic, n - 1 in valued),
                            title=r.choice(topic.mous), number=n))
    H(r.choice(HEAD_ISSUES))
    for t in _issues(w):
        P(t)
    pad_after_issues = len(blocks)
    H(r.choice(HEAD_PROSPECTS))
    P(r.choice([
        f"Both governments say the visit has opened a new phase. Among the prospects:",
        f"What could the relationship look like in five years? The outcomes point in several "
        f"directions:",
        f"Officials listed the following areas where they expect results:",
    ]))
    for n, topic in enumerate(topics[:r.randint(3, len(topics))], 1):
        ptitle = r.choice(topic.prospects)
        blocks.append(Block("item", _prospect(w, ptitle, topic), title=ptitle, number=n))
    H(r.choice(HEAD_END))
    P(_conclusion(w, mou_count))

    # Length: add background paragraphs until the article is about 1,000 words.
    target = r.randint(940, 1060)
    total = sum(_words(b.text) + _words(b.title) for b in blocks)
    extra: list[str] = []
    while padding and total < target - 40:
        t = padding.pop()
        extra.append(t)
        total += _words(t)
    # the first background paragraph after the delegation one, the rest after the issues
    later = [Block("p", t) for t in extra[1:]]
    blocks[pad_after_issues:pad_after_issues] = later
    if extra:
        blocks.insert(pad_at_top, Block("p", extra[0]))

    style = r.choices(["lines", "blank", "md"], weights=[35, 25, 40])[0]
    spec = Spec(index=index, slug="", title=title, date=date, publisher=r.choice(PUBLISHERS),
                guest=guest, host=host, people=[p for p in dict.fromkeys(w.people)
                        if any(p in b.text for b in blocks)], blocks=blocks,
                style=style, front_matter=r.random() < 0.4, headline=r.random() < 0.55)
    spec.slug = f"{index:05d}-" + re.sub(r"[^a-z0-9]+", "-",
                                         f"{guest.name}-visit-{host.name}".lower()).strip("-")
    _add_defects(r, spec)
    return spec


def _add_defects(r: random.Random, spec: Spec) -> None:
    """Now and then, the kind of damage that real copy shows."""
    paras = [b for b in spec.blocks if b.kind == "p" and len(b.text) > 200]
    if not paras:
        return
    if r.random() < 0.15:   # a typo: two letters swapped in a long word
        b = r.choice(paras)
        words = b.text.split(" ")
        long = [i for i, x in enumerate(words) if len(x) > 7 and x.isalpha()]
        if long:
            i = r.choice(long)
            x = words[i]
            j = r.randrange(1, len(x) - 2)
            words[i] = x[:j] + x[j + 1] + x[j] + x[j + 2:]
            b.text = " ".join(words)
            spec.defects.append("typo")
    if r.random() < 0.10:   # a spliced sentence: a second ending glued on mid-word
        b = spec.blocks[-1]
        b.text = b.text.rstrip() + "s" + r.choice([
            " visit has been described as a success by both sides, opening new avenues for "
            "cooperation.",
            " talks were held in a warm and friendly atmosphere, officials said.",
            " agreements will now go to the two cabinets for approval."])
        spec.defects.append("spliced-text")
    if r.random() < 0.08:   # a doubled word
        b = r.choice(paras)
        b.text = re.sub(r"\b(the|and|of)\b", r"\1 \1", b.text, count=1)
        spec.defects.append("doubled-word")
    if r.random() < 0.08:   # a missing space after a full stop
        b = r.choice(paras)
        b.text = re.sub(r"\. ([A-Z])", r".\1", b.text, count=1)
        spec.defects.append("missing-space")


# --- formats -------------------------------------------------------------------------------------

def _yaml_scalar(value: str) -> str:
    """A YAML scalar that needs no escaping beyond double quotes."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render_source(spec: Spec) -> tuple[str, str]:
    """The article as Dossier reads it: (file name, text)."""
    ext = "md" if spec.style == "md" else "txt"
    out: list[str] = []
    if spec.front_matter:
        out += ["---", f"title: {_yaml_scalar(spec.title)}", f"date: {spec.date}",
                f"publisher: {_yaml_scalar(spec.publisher)}"]
        if spec.index % 3 == 0:
            out.append(f"source_url: https://news.example.com/{spec.date[:4]}/{spec.slug}")
        if spec.index % 4 == 1:
            out.append(f"countries: [{spec.guest.name}, {spec.host.name}]")
        out += ["---", ""]
    if spec.style == "md":
        if spec.headline and not spec.front_matter:
            out += [f"# {spec.title}", ""]
        for b in spec.blocks:
            if b.kind == "h":
                out += [f"## {b.text}", ""]
            elif b.kind == "item":
                out += [f"### {b.number}. {b.title}", "", b.text, ""]
            elif b.kind == "bullet":
                out.append(f"- **{b.title}**: {b.text}")
                nxt = spec.blocks.index(b) + 1
                if nxt >= len(spec.blocks) or spec.blocks[nxt].kind != "bullet":
                    out.append("")
            else:
                out += [b.text, ""]
    elif spec.style == "lines":
        # one paragraph per line, headings on lines of their own (a blank line after section
        # headings), numbered items as "1. Title" followed by their paragraph
        if spec.headline and not spec.front_matter:
            out.append(spec.title)
        for b in spec.blocks:
            if b.kind == "h":
                out += [b.text, ""]
            elif b.kind == "item":
                out += [f"{b.number}. {b.title}", b.text]
            elif b.kind == "bullet":
                out += [f"{b.number}. {b.title}:", b.text]
            else:
                out.append(b.text)
    else:  # "blank": blank-line separated blocks
        if spec.headline and not spec.front_matter:
            out += [spec.title, ""]
        for b in spec.blocks:
            if b.kind == "item":
                out += [f"{b.number}. {b.title}", "", b.text, ""]
            elif b.kind == "bullet":
                out += [f"({b.number}) {b.title} - {b.text}", ""]
            else:
                out += [b.text, ""]
    text = "\n".join(out).rstrip("\n") + "\n"
    return f"{spec.slug}.{ext}", text


def render_markdown_page(spec: Spec) -> tuple[str, str]:
    """The same article as a plain Markdown page with front matter Hugo and Pelican both read.

    The block between '---' lines is YAML for Hugo and 'Key: value' metadata for Python-Markdown's
    meta extension (Pelican); values are kept free of characters either would treat specially.
    """
    title = re.sub(r"[:#\"\[\]{}]", "", spec.title).strip("' ")
    out = ["---", f"title: {title}", f"date: {spec.date}", f"slug: {spec.slug}", "---", ""]
    for b in spec.blocks:
        if b.kind == "h":
            out += [f"## {b.text}", ""]
        elif b.kind == "item":
            out += [f"### {b.number}. {b.title}", "", b.text, ""]
        elif b.kind == "bullet":
            out += [f"- **{b.title}**: {b.text}", ""]
        else:
            out += [b.text, ""]
    return f"{spec.slug}.md", "\n".join(out).rstrip("\n") + "\n"


def generate_specs(n: int, seed: int) -> list[Spec]:
    return [build_spec(seed, i) for i in range(1, n + 1)]


def generate(n: int, seed: int) -> list[tuple[str, str]]:
    """``n`` articles as (file name, text) for Dossier's content/articles/."""
    return [render_source(s) for s in generate_specs(n, seed)]


def write_corpus(out: Path, n: int, seed: int) -> list[Spec]:
    """Write config.yaml, content/articles/ and markdown/ under ``out`` (replacing them)."""
    out.mkdir(parents=True, exist_ok=True)
    for sub in ("content", "markdown"):
        if (out / sub).exists():
            shutil.rmtree(out / sub)
    articles = out / "content" / "articles"
    pages = out / "markdown"
    articles.mkdir(parents=True)
    pages.mkdir(parents=True)
    (out / "config.yaml").write_text("title: Bench\n", encoding="utf-8")
    specs = generate_specs(n, seed)
    for spec in specs:
        name, text = render_source(spec)
        (articles / name).write_text(text, encoding="utf-8")
        name, text = render_markdown_page(spec)
        (pages / name).write_text(text, encoding="utf-8")
    return specs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="number of articles (default 1000)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--out", type=Path, required=True, help="folder to write the site into")
    args = ap.parse_args(argv)
    if args.n < 1:
        ap.error("--n must be at least 1")
    specs = write_corpus(args.out, args.n, args.seed)
    words = sum(_words(render_source(s)[1]) for s in specs)
    print(f"wrote {len(specs)} articles ({words / len(specs):.0f} words on average) to {args.out}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
