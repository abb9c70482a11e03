"""The place mention record (:class:`PlaceMention`) and :func:`mention`, the
cheap way to make one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional


@dataclass(frozen=True)
class PlaceMention:
    """A place named in the text: span, level word, name as written,
    province (when known) and code; ``bare`` for a level word without a
    name ("toàn tỉnh"), whose unit is the one the text is about."""

    start: int
    end: int
    level: str
    name: Optional[str]
    province: Optional[str] = None
    code: Optional[str] = None
    bare: bool = False
    written: bool = True  # the name stands in the text right before ``end``
    new_code: Optional[str] = None
    # a level word that names a tier or several units ("cấp xã", "các xã",
    # "mỗi huyện"), not the one unit the text is about
    several: bool = False
    # named only inside an office's name ("chi nhánh Yên Thế"): it tells
    # which unit the text is about, but is not the place of its clause
    office: bool = False

    @property
    def foreign(self) -> bool:
        """A country other than Việt Nam."""
        return self.level == "quốc gia" and self.name != "Việt Nam"

    def as_place(self) -> Optional[dict]:
        """The place as a record dict; ``_name_span`` (normalized offsets
        of the name) lets the pipeline take the name as written."""
        if self.name is None:
            return None
        place = {"name": self.name, "level": self.level, "province": self.province, "code": self.code,
                 "new_code": self.new_code}
        if self.written:
            place["_name_span"] = (self.end - len(self.name), self.end)
        return place


_new = object.__new__


def mention(start: int, end: int, level: str, name: Optional[str], province: Optional[str] = None,
            code: Optional[str] = None, *, bare: bool = False, written: bool = True, new_code: Optional[str] = None,
            several: bool = False) -> PlaceMention:
    """``PlaceMention(...)`` made without the frozen dataclass's
    ``__init__``, which sets each field through ``object.__setattr__``: most
    of the cost of the many mentions a text holds."""
    mention = _new(PlaceMention)
    # (a store per field, in the fields' order: half the cost of one update() with keywords)
    fields = mention.__dict__
    fields["start"] = start
    fields["end"] = end
    fields["level"] = level
    fields["name"] = name
    fields["province"] = province
    fields["code"] = code
    fields["bare"] = bare
    fields["written"] = written
    fields["new_code"] = new_code
    fields["several"] = several
    fields["office"] = False
    return mention
