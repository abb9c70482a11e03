"""Vietnam's administrative units of both eras, from the
``vietnamadminunits`` package's dataset (MIT): 63 provinces, about 700
districts and 10 000 communes before 1 July 2025, 34 provinces and about
3 300 communes after.  Loaded lazily, once per process, into small
name indexes; nothing of the package's own code is imported.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional

from ..errors import E_NO_GAZETTEER, DependencyError

# Provinces whose name changed in the dataset's legacy era (the dataset
# keeps the latest name; articles use the one of their time).
_PROVINCE_ALIASES = {"thừa thiên huế": "Huế", "thừa thiên - huế": "Huế", "tp.hcm": "Hồ Chí Minh",
                     "tphcm": "Hồ Chí Minh", "tp hcm": "Hồ Chí Minh", "sài gòn": "Hồ Chí Minh",
                     "hcm": "Hồ Chí Minh", "bà rịa vũng tàu": "Bà Rịa - Vũng Tàu"}
_CITY_PROVINCES = {"Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"}


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


def key(name: str) -> str:
    """An index key: NFC, lower-case, single spaces, no hyphens; tone
    placement unified ("hoà" = "hòa")."""
    s = unicodedata.normalize("NFC", name).lower().replace("-", " ")
    for old, new in (("oà", "òa"), ("oá", "óa"), ("oả", "ỏa"), ("oã", "õa"), ("oạ", "ọa"),
                     ("uỳ", "ùy"), ("uý", "úy"), ("uỷ", "ủy"), ("uỹ", "ũy"), ("uỵ", "ụy")):
        s = s.replace(old, new)
    return " ".join(s.split())


class Gazetteer:
    """Name → units indexes for provinces, districts and communes."""

    def __init__(self, rows_legacy, rows_2025):
        self.by_name: dict[str, list[Unit]] = {}
        seen = set()

        def add(unit: Unit) -> None:
            ident = (unit.level, unit.code, unit.era)
            if ident in seen:
                return
            seen.add(ident)
            self.by_name.setdefault(key(unit.name), []).append(unit)

        for prov, dist, ward, dtype, wtype, pcode, dcode, wcode in rows_legacy:
            add(Unit(prov, "tỉnh", prov, None, pcode, "legacy"))
            if dist:
                add(Unit(dist, (dtype or "huyện").lower(), prov, None, dcode, "legacy"))
            if ward:
                add(Unit(ward, (wtype or "xã").lower(), prov, dist, wcode, "legacy"))
        for prov, ward, wtype, pcode, wcode in rows_2025:
            add(Unit(prov, "tỉnh", prov, None, pcode, "2025"))
            if ward:
                add(Unit(ward, (wtype or "xã").lower(), prov, None, wcode, "2025"))
        self.provinces = {key(u.name): u.name for units in self.by_name.values() for u in units if u.level == "tỉnh"}
        for alias, name in _PROVINCE_ALIASES.items():
            self.provinces.setdefault(key(alias), name)

    def province(self, name: str) -> Optional[str]:
        """The dataset's short name of a province written ``name``, or None."""
        return self.provinces.get(key(name))

    def lookup(self, name: str, level: Optional[str] = None, province: Optional[str] = None,
               district: Optional[str] = None, legacy: bool = True) -> list[Unit]:
        """Units called ``name`` (of ``level`` when given), narrowed by the
        province and district when that leaves any; legacy era first."""
        units = self.by_name.get(key(name), [])
        if level:
            lv = _level_class(level)
            units = [u for u in units if _level_class(u.level) == lv]
        if province:
            p = self.province(province) or province
            narrowed = [u for u in units if key(u.province) == key(p)]
            units = narrowed or units
        if district:
            narrowed = [u for u in units if u.district and key(u.district) == key(district)]
            units = narrowed or units
        era = "legacy" if legacy else "2025"
        preferred = [u for u in units if u.era == era]
        return preferred or units

    def is_city_province(self, name: str) -> bool:
        return (self.province(name) or "") in _CITY_PROVINCES


def _level_class(level: str) -> str:
    level = level.lower()
    if level in ("tỉnh", "thành phố trung ương"):
        return "tỉnh"
    if level in ("huyện", "quận", "thị xã", "thành phố"):
        return "huyện"
    if level in ("xã", "phường", "thị trấn", "đặc khu"):
        return "xã"
    return level


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (loaded on first use)."""
    try:
        db = resources.files("vietnamadminunits") / "data" / "dataset.db"
    except ModuleNotFoundError as exc:  # pragma: no cover - a broken install
        raise DependencyError(E_NO_GAZETTEER) from exc
    with resources.as_file(db) as path:
        con = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
        try:
            legacy = con.execute("select provinceShort, districtShort, wardShort, districtType, wardType, "
                                 "provinceCode, districtCode, wardCode from admin_units_legacy").fetchall()
            new = con.execute("select provinceShort, wardShort, wardType, provinceCode, wardCode "
                              "from admin_units").fetchall()
        finally:
            con.close()
    return Gazetteer(legacy, new)
