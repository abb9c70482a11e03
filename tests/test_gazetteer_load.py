"""The gazetteer loaded lazily (province names first, the other units on the
first look-up by name) holds exactly what one built from all rows at once does."""

from danvan_extract.context import gazetteer as G


def test_lazy_gazetteer_equals_eager():
    lazy = G.Gazetteer.lazy(lambda: G._read(G._LEGACY_ROWS, G._ROWS_2025),
                            G._read(G._PROVINCES.format(table="admin_units_legacy"),
                                    G._PROVINCES.format(table="admin_units")))
    eager = G.Gazetteer(*G._read(G._LEGACY_ROWS, G._ROWS_2025))
    assert lazy._by_name is None  # nothing but the provinces read yet
    assert lazy.provinces == eager.provinces
    assert lazy.province_pattern().pattern == eager.province_pattern().pattern
    assert lazy.by_name == eager.by_name
    assert lazy.new_codes == eager.new_codes
