"""Vietnam's administrative units of both eras, from the
``vietnamadminunits`` package's dataset (MIT): 63 provinces, about 700
districts and 10 000 communes before 1 July 2025, 34 provinces and about
3 300 communes after.  Loaded lazily, once per process, into small
name indexes; nothing of the package's own code is imported.
"""

from __future__ import annotations

import importlib.util
import sqlite3

import regex
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Optional

from ..errors import E_NO_GAZETTEER, DependencyError
from ..grammar.lazy import compile_pattern, first_use
from .words import finditer_at, finditer_found
from ..grammar.pattern_cache import compile_std

# Provinces whose name changed in the dataset's legacy era (the dataset
# keeps the latest name; articles use the one of their time).
_PROVINCE_ALIASES = {"thừa thiên huế": "Huế", "thừa thiên - huế": "Huế", "tp.hcm": "Hồ Chí Minh",
                     "tphcm": "Hồ Chí Minh", "tp hcm": "Hồ Chí Minh", "sài gòn": "Hồ Chí Minh",
                     "hcm": "Hồ Chí Minh", "bà rịa vũng tàu": "Bà Rịa - Vũng Tàu"}


# aliases that name a province before it became a centrally governed city
_FORMER_PROVINCES = frozenset(("thừa thiên huế",))  # (key() drops the hyphen of "Thừa Thiên - Huế")


@dataclass(frozen=True)
class Unit:
    """One administrative unit: short ``name``, ``level`` ("tỉnh", "huyện",
    "xã", ...), its ``province`` (short name), ``district`` (legacy era),
    official ``code`` and ``era`` ("legacy" or "2025")."""

    name: str
    level: str
    province: str
    district: Optional[str]
    code: str
    era: str
    key: str = ""  # the dataset's key: "province_district_ward" (legacy), "province_ward" (2025)


_OLD_TONES = (("oà", "òa"), ("oá", "óa"), ("oả", "ỏa"), ("oã", "õa"), ("oạ", "ọa"),
              ("uỳ", "ùy"), ("uý", "úy"), ("uỷ", "ủy"), ("uỹ", "ũy"), ("uỵ", "ụy"))
_TONE_MARKED = frozenset("àáảãạỳýỷỹỵ")


@lru_cache(maxsize=65536)
def key(name: str) -> str:
    """An index key: NFC, lower-case, single spaces, no hyphens; tone
    placement unified ("hoà" = "hòa")."""
    s = unicodedata.normalize("NFC", name).lower().replace("-", " ")
    if not _TONE_MARKED.isdisjoint(s):
        for old, new in _OLD_TONES:
            s = s.replace(old, new)
    return " ".join(s.split())


def loose_key(name: str) -> str:
    """A looser key, for the names of the highlands written several ways
    ("Đakrông" = "Đa Krông", "KBang" = "K'Bang", "Cư Mgar" = "Cư M'gar",
    "Đắk Glong" = "Đăk Glong"): :func:`key` without spaces or apostrophes,
    "đắk" as "đăk"."""
    return key(name).replace("đắk", "đăk").replace(" ", "").replace("'", "").replace("’", "")


def _keys(names: list[str]) -> dict[str, str]:
    """:func:`key` of each name, computed over all of them as one text (the
    per-name calls were a third of the index's cold start)."""
    if any("\n" in n for n in names):
        return {n: key(n) for n in names}
    s = unicodedata.normalize("NFC", "\n".join(names)).lower().replace("-", " ")
    for old, new in _OLD_TONES:  # (a no-op where no tone-marked letter stands, as in key())
        s = s.replace(old, new)
    return dict(zip(names, (" ".join(line.split()) for line in s.split("\n"))))


class Gazetteer:
    """Name → units indexes for provinces, districts and communes.

    ``rows_legacy`` and ``rows_2025`` are the dataset's rows (see
    :func:`gazetteer`).  :meth:`lazy` reads them on the first look-up by
    name instead."""

    def __init__(self, rows_legacy, rows_2025, province_rows=None):
        # the rows, or a function that reads them (see lazy)
        self._rows = (rows_legacy, rows_2025) if rows_2025 is not None else rows_legacy
        self._by_name: Optional[dict[str, list[Unit]]] = None
        self._by_loose_name: Optional[dict[str, list[Unit]]] = None
        self._new_codes: Optional[dict[str, str]] = None
        self._old_to_new: Optional[dict[str, Optional[str]]] = None
        self._pattern = None
        self._finder = None  # the names' stdlib ``re`` scan (see find_provinces)
        self._names_alt: Optional[str] = None
        if province_rows is None:
            self.provinces = {key(u.name): u.name for units in self.by_name.values() for u in units
                              if u.level == "tỉnh"}
        else:
            # the last province unit of a key wins, as in the index
            self.provinces = {key(name): name for rows in province_rows for name, _, _ in rows}
        # the centrally governed cities: the dataset's key names the level ("thanhphohanoi")
        self.cities = (frozenset(name for rows in province_rows for name, _, pkey in rows if pkey.startswith("thanhpho"))
                       if province_rows is not None else frozenset())
        for alias, name in _PROVINCE_ALIASES.items():
            self.provinces.setdefault(key(alias), name)

    @classmethod
    def lazy(cls, read_rows, province_rows) -> "Gazetteer":
        """A gazetteer whose name indexes are built from ``read_rows()``
        (the two eras' rows) on the first look-up by name; the province
        names, which every text needs, come from ``province_rows`` at once
        (``(name, code, key)`` rows of each era, in the dataset's order), so
        a text that names no unit does not pay for the 13 000 communes."""
        return cls(read_rows, None, province_rows)

    @property
    def by_name(self) -> dict[str, list[Unit]]:
        """Units by :func:`key` of their name, legacy era first."""
        if self._by_name is None:
            self._build()
        return self._by_name

    @property
    def by_loose_name(self) -> dict[str, list[Unit]]:
        """Units by :func:`loose_key` of their name (built on the first name
        the exact index does not know)."""
        if self._by_loose_name is None:
            loose: defaultdict[str, list[Unit]] = defaultdict(list)
            for k, units in self.by_name.items():
                loose[loose_key(k)].extend(units)
            self._by_loose_name = dict(loose)
        return self._by_loose_name

    @property
    def new_codes(self) -> dict[str, str]:
        """"province_ward" key (2025) → code."""
        if self._new_codes is None:
            self._build()
        return self._new_codes

    @first_use
    def _build(self) -> None:
        rows_legacy, rows_2025 = self._rows() if callable(self._rows) else self._rows
        new_codes: dict[str, str] = {}
        units: list[Unit] = []  # in the dataset's order: the order of each name's units
        add, unit = units.append, Unit
        # a row per commune: provinces and districts repeat, so they are
        # checked before a unit is built (a cold start cost)
        provinces, districts = set(), set()
        for prov, dist, ward, dtype, wtype, pcode, dcode, wcode, pkey, dkey, wkey in rows_legacy:
            dist, ward = _plain(dist), _plain(ward)
            if pcode not in provinces:
                provinces.add(pcode)
                add(unit(prov, "tỉnh", prov, None, pcode, "legacy", pkey))
            if dist and (dcode, pcode) not in districts:
                districts.add((dcode, pcode))
                add(unit(dist, (dtype or "huyện").lower(), prov, None, dcode, "legacy", f"{pkey}_{dkey}"))
            if ward:
                add(unit(ward, (wtype or "xã").lower(), prov, dist, wcode, "legacy", f"{pkey}_{dkey}_{wkey}"))
        provinces = set()
        for prov, ward, wtype, pcode, wcode, pkey, wkey in rows_2025:
            if pcode not in provinces:
                provinces.add(pcode)
                add(unit(prov, "tỉnh", prov, None, pcode, "2025", pkey))
                new_codes[pkey] = pcode
            if ward:
                add(unit(ward, (wtype or "xã").lower(), prov, None, wcode, "2025", f"{pkey}_{wkey}"))
                new_codes[f"{pkey}_{wkey}"] = wcode
        keys = _keys(list({u.name for u in units}))
        by_name: defaultdict[str, list[Unit]] = defaultdict(list)
        for u in units:
            by_name[keys[u.name]].append(u)
        self._rows = None
        self._new_codes = new_codes
        self._by_name = dict(by_name)

    def province_pattern(self):
        """A regex of every province name and alias as a capitalized text
        writes it (both tone placements), built once."""
        if self._pattern is None:
            self._pattern = compile_pattern(rf"(?<![\p{{L}}])(?:{self._province_alternation()})(?![\p{{L}}])", regex.V0)
        return self._pattern

    def find_provinces(self, text: str, starts: Optional[list[int]] = None) -> Iterator[regex.Match]:
        """``province_pattern().finditer(text)``, tried only where a stdlib
        ``re`` scan of the names (no look-arounds) finds one; ``starts``:
        every position where one of :meth:`province_names` starts, if
        found already."""
        if starts is not None:
            return finditer_at(self.province_pattern(), text, starts)
        if self._finder is None:
            self._finder = compile_std(self._province_alternation())
        return finditer_found(self.province_pattern(), text, self._finder)


    def _province_alternation(self) -> str:
        """The province names and aliases as written, as one alternation
        (made once)."""
        if self._names_alt is None:
            from ..grammar.alternation import alternation

            self._names_alt = alternation(self.province_names())
        return self._names_alt

    def province_names(self) -> set[str]:
        """Every province name and alias as a text writes it (what
        :meth:`find_provinces` looks for)."""
        names = set(self.provinces.values())
        for name in names | set(_PROVINCE_ALIASES):
            written = " ".join(w[:1].upper() + w[1:] for w in name.split())
            names.add(written)
            for old, new in _OLD_TONES:
                names.add(written.replace(new, old))
        return names

    def province_level(self, name: str) -> str:
        """The level word of the province called ``name``: "thành phố" for a
        centrally governed city, else "tỉnh"."""
        return "thành phố" if self.province(name) in self.cities and key(name) not in _FORMER_PROVINCES else "tỉnh"

    def province(self, name: str) -> Optional[str]:
        """The dataset's short name of a province written ``name``, or None."""
        return self.provinces.get(key(name))

    def lookup(self, name: str, level: Optional[str] = None, province: Optional[str] = None,
               district: Optional[str] = None, legacy: bool = True) -> list[Unit]:
        """Units called ``name`` (of ``level``'s tier when given), narrowed by
        the province, the district and the exact level word when that
        leaves any; legacy era first."""
        units = self.by_name.get(key(name), [])
        if not units and level and name.isdigit():
            # "phường 1", "quận 5": the dataset names a numbered unit with its level word
            units = self.by_name.get(key(f"{level} {name}"), [])
        if level:
            lv = _level_class(level)
            units = [u for u in units if _level_class(u.level) == lv]
        if not units:
            # a name the dataset spells another way ("huyện Đakrông": "Đa Krông")
            units = self.by_loose_name.get(loose_key(name), [])
            if level:
                units = [u for u in units if _level_class(u.level) == lv]
        if province:
            p = self.province(province) or province
            narrowed = [u for u in units if key(u.province) == key(p)]
            units = narrowed or units
        if district:
            narrowed = [u for u in units if u.district and key(u.district) == key(district)]
            units = narrowed or units
        if level and len(units) > 1:
            # "thị xã Sơn Tây", not "huyện Sơn Tây": the level word is part of a unit's name
            narrowed = [u for u in units if u.level.lower() == level.lower()]
            units = narrowed or units
        era = "legacy" if legacy else "2025"
        preferred = [u for u in units if u.era == era]
        return preferred or units

    def new_code(self, unit: Unit) -> Optional[str]:
        """The code of the unit that replaced a legacy ``unit`` on 1 July
        2025 (provinces and communes; None for districts, which were
        abolished, and for communes split between several new ones)."""
        if unit.era == "2025":
            return unit.code
        if self._old_to_new is None:
            self._old_to_new = _old_to_new_keys()
        new_key = self._old_to_new.get(unit.key)
        return self.new_codes.get(new_key) if new_key else None


# the dataset tells apart two units of one name by their level in a bracket
# ("Kỳ Anh (Thị xã)", "Kỳ Anh (Huyện)"); a text writes the level word before the name
_LEVEL_SUFFIX = compile_std(r"\s*\((?:Huyện|Thị xã|Thành phố|Thị trấn|Xã|Phường|Quận)\)$")


def _plain(name: Optional[str]) -> Optional[str]:
    """The unit's name without the dataset's bracketed level."""
    return _LEVEL_SUFFIX.sub("", name) if name and name.endswith(")") else name


def _level_class(level: str) -> str:
    level = level.lower()
    if level in ("tỉnh", "thành phố trung ương"):
        return "tỉnh"
    if level in ("huyện", "quận", "thị xã", "thành phố"):
        return "huyện"
    if level in ("xã", "phường", "thị trấn", "đặc khu"):
        return "xã"
    return level


# public: the class of a level word ("tỉnh", "huyện" for district level,
# "xã" for commune level), for the context's place rules
level_class = _level_class


def _data_dir() -> Path:
    """The package's data folder, found without importing the package (its
    import parses its own JSON tables and compiles regexes: seconds)."""
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover - a broken install
        raise DependencyError(E_NO_GAZETTEER)
    return Path(next(iter(spec.submodule_search_locations))) / "data"


_LEGACY_ROWS = ("select provinceShort, districtShort, wardShort, districtType, wardType, provinceCode, districtCode, "
                "wardCode, provinceKey, districtKey, wardKey from admin_units_legacy")
_ROWS_2025 = "select provinceShort, wardShort, wardType, provinceCode, wardCode, provinceKey, wardKey from admin_units"
# One row per province, where it first appears (SQLite takes the bare
# columns from the row of the min()).
_PROVINCES = "select provinceShort, provinceCode, provinceKey from {table} group by provinceCode order by min(rowid)"


@first_use
def _read(*queries: str) -> list[list[tuple]]:
    """The rows of each query, from the dataset read-only."""
    db = _data_dir() / "dataset.db"
    con = sqlite3.connect(f"file:{db}?mode=ro&immutable=1", uri=True)
    try:
        return [con.execute(q).fetchall() for q in queries]
    finally:
        con.close()


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (loaded on first use: the province names
    at once, the other units on the first look-up by name)."""
    provinces = _read(_PROVINCES.format(table="admin_units_legacy"), _PROVINCES.format(table="admin_units"))
    return Gazetteer.lazy(lambda: _read(_LEGACY_ROWS, _ROWS_2025), provinces)


def _old_to_new_keys() -> dict[str, Optional[str]]:
    """Legacy key → 2025 key, from the dataset's conversion tables: every
    old province to its new one; an old commune to the new commune it
    became whole (a split commune maps to None)."""
    import json

    data = json.loads((_data_dir() / "converter_2025.json").read_text(encoding="utf-8"))
    out: dict[str, Optional[str]] = {}
    for new_province, old_provinces in data["DICT_PROVINCE"].items():
        for old in old_provinces:
            out[old] = new_province
    for new_province, wards in data["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_ward, old_keys in wards.items():
            for old in old_keys:
                out[old] = f"{new_province}_{new_ward}"
    for new_province, divided in data["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old in divided:
            out[old] = None
    return out
