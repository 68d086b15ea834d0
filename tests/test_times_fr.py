"""The times stage on French news sentences: extent, TIMEX3 type and value anchored on the DCT.

The DCT of every case is Tuesday 16 May 2023 unless a case says otherwise.
"""

from __future__ import annotations

import pytest

from sitrep import extract
from tests.stage_helpers import DCT, TIMES_ONLY, one_time, times_found


def times(text: str, published: str | None = DCT) -> list[tuple[str, str, str]]:
    return times_found(text, "fr", published)


def one(text: str, published: str | None = DCT) -> tuple[str, str, str]:
    return one_time(text, "fr", published)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # absolute dates in their usual written forms; determiners inside, prepositions outside
        ("L'accord a été signé le 10 mai 2023 à Istanbul.", ("le 10 mai 2023", "DATE", "2023-05-10")),
        ("L'offensive a commencé le 1er mars.", ("le 1er mars", "DATE", "2023-03-01")),
        ("Le sommet s'est tenu mardi 9 mai à Bruxelles.", ("mardi 9 mai", "DATE", "2023-05-09")),
        ("Le cessez-le-feu expire le 31 décembre 2024.", ("le 31 décembre 2024", "DATE", "2024-12-31")),
        ("Le décret date du 16/05/2023.", ("16/05/2023", "DATE", "2023-05-16")),
        ("Le communiqué est daté 2023-05-12.", ("2023-05-12", "DATE", "2023-05-12")),
        ("Les combats ont repris en mai 2022.", ("mai 2022", "DATE", "2022-05")),
        ("La ville est tombée en 2014.", ("2014", "DATE", "2014")),
        ("Le pont avait été construit dans les années 90.", ("les années 90", "DATE", "199X")),
        ("La forteresse date du XIIe siècle.", ("XIIe siècle", "DATE", "11XX")),
        # weekdays: the tense of the clause decides the previous or the next one
        ("Kiev a été frappée lundi par des drones.", ("lundi", "DATE", "2023-05-15")),
        ("Les troupes ont attaqué jeudi à l'aube.", ("jeudi", "DATE", "2023-05-11")),
        ("Les pourparlers reprendront jeudi à Genève.", ("jeudi", "DATE", "2023-05-18")),
        ("Le ministre se rendra à Kiev lundi prochain.", ("lundi prochain", "DATE", "2023-05-22")),
        ("Le vote a eu lieu vendredi dernier.", ("vendredi dernier", "DATE", "2023-05-12")),
        # days relative to the DCT
        ("Le président a parlé hier devant le Parlement.", ("hier", "DATE", "2023-05-15")),
        ("Le Conseil de sécurité se réunira demain.", ("demain", "DATE", "2023-05-17")),
        ("Les frappes ont commencé avant-hier.", ("avant-hier", "DATE", "2023-05-14")),
        ("Le ministre se rend aujourd'hui à Odessa.", ("aujourd'hui", "DATE", "2023-05-16")),
        # parts of day
        ("Des explosions ont retenti mardi soir à Kiev.", ("mardi soir", "TIME", "2023-05-16TEV")),
        ("Le convoi a été attaqué hier matin.", ("hier matin", "TIME", "2023-05-15TMO")),
        ("Kiev a été visée dans la nuit de lundi à mardi.", ("la nuit de lundi à mardi", "TIME", "2023-05-15TNI")),
        ("Le porte-parole a démenti ce matin.", ("ce matin", "TIME", "2023-05-16TMO")),
        ("Les sirènes ont retenti vers 3 h 30.", ("vers 3 h 30", "TIME", "2023-05-16T03:30")),
        ("Le couvre-feu commence à 23 heures.", ("23 heures", "TIME", "2023-05-16T23:00")),
        ("La frappe a eu lieu à midi.", ("midi", "TIME", "2023-05-16T12:00")),
        # months with or without a year
        ("Le barrage a cédé en mars.", ("mars", "DATE", "2023-03")),
        ("Le sommet de l'Otan aura lieu en juillet.", ("juillet", "DATE", "2023-07")),
        ("Les élections sont prévues en juin prochain.", ("juin prochain", "DATE", "2023-06")),
        ("La ville avait été reprise en novembre dernier.", ("novembre dernier", "DATE", "2022-11")),
        # début / mi- / fin
        ("Les livraisons ont commencé fin 2022.", ("fin 2022", "DATE", "2022")),
        ("Les chars arriveront début juin.", ("début juin", "DATE", "2023-06")),
        ("La contre-offensive a été lancée mi-avril.", ("mi-avril", "DATE", "2023-04")),
        ("Les réserves ont été épuisées mi-2022.", ("mi-2022", "DATE", "2022")),
        ("L'armée veut reprendre la ville d'ici la fin de l'année.", ("fin de l'année", "DATE", "2023")),
        # durations, number words included
        ("Le siège a duré trois ans.", ("trois ans", "DURATION", "P3Y")),
        ("Une trêve de quarante-huit heures a été proclamée.", ("quarante-huit heures", "DURATION", "PT48H")),
        ("La ville est encerclée depuis des mois.", ("des mois", "DURATION", "PXM")),
        ("Le conflit dure depuis plus de vingt ans.", ("plus de vingt ans", "DURATION", "P20Y")),
        ("Les otages ont été libérés après 12 jours de captivité.", ("12 jours", "DURATION", "P12D")),
        ("Les combats se sont intensifiés ces derniers jours.", ("ces derniers jours", "DURATION", "PXD")),
        ("Un blessé a été évacué après une garde de 24 heures.", ("24 heures", "DURATION", "PT24H")),
        ("Le quinquennat s'achève.", ("quinquennat", "DURATION", "P5Y")),
        ("Les pourparlers ont duré une dizaine de jours.", ("une dizaine de jours", "DURATION", "P10D")),
        ("L'alerte a duré une demi-heure.", ("une demi-heure", "DURATION", "PT30M")),
        # units relative to the DCT
        ("Moscou a rejeté la proposition la semaine dernière.", ("la semaine dernière", "DATE", "2023-W19")),
        ("Le contrat sera renouvelé l'an prochain.", ("l'an prochain", "DATE", "2024")),
        ("Les exportations ont chuté cette année.", ("cette année", "DATE", "2023")),
        ("Le prix du blé a bondi le mois dernier.", ("le mois dernier", "DATE", "2023-04")),
        ("Le village a été repris il y a trois jours.", ("il y a trois jours", "DATE", "2023-05-13")),
        ("La guerre a commencé il y a plus d'un an.", ("il y a plus d'un an", "DATE", "2022")),
        ("Le pont a sauté il y a quelques jours.", ("il y a quelques jours", "DATE", "PAST_REF")),
        ("Les inspecteurs arriveront dans deux semaines.", ("dans deux semaines", "DATE", "2023-05-30")),
        # vague references
        ("Le front est actuellement calme.", ("actuellement", "TIME", "PRESENT_REF")),
        ("Les combats ont récemment repris.", ("récemment", "TIME", "PAST_REF")),
        ("Ces garanties protégeront le pays à l'avenir.", ("l'avenir", "TIME", "FUTURE_REF")),
        # sets
        ("Des drones survolent la ville chaque jour.", ("chaque jour", "SET", "P1D")),
        ("Les manifestants se rassemblent tous les lundis.", ("tous les lundis", "SET", "XXXX-WXX-1")),
        ("Le rapport annuel de l'ONU est paru.", ("annuel", "SET", "P1Y")),
    ],
)
def test_expression(sentence: str, expected: tuple[str, str, str]) -> None:
    assert one(sentence) == expected


def test_range_gives_the_first_day_the_month_of_the_second() -> None:
    assert times("Des pourparlers se tiendront du 3 au 5 juin à Vienne.") == [
        ("3", "DATE", "2023-06-03"),
        ("5 juin", "DATE", "2023-06-05"),
    ]


def test_clock_time_takes_the_day_named_before_it() -> None:
    assert times("Le vote aura lieu jeudi 18 mai à 14 h 30.") == [
        ("jeudi 18 mai", "DATE", "2023-05-18"),
        ("14 h 30", "TIME", "2023-05-18T14:30"),
    ]


def test_day_after_an_event_is_anchored_on_the_last_date_named() -> None:
    assert times("Le 2 mai, la ville a été bombardée. Le lendemain, l'armée s'est retirée.") == [
        ("Le 2 mai", "DATE", "2023-05-02"),
        ("Le lendemain", "DATE", "2023-05-03"),
    ]


def test_that_day_is_the_day_the_text_talks_about() -> None:
    assert times("Le 2 mai, la ville a été bombardée. Ce jour-là, 12 civils ont été tués.") == [
        ("Le 2 mai", "DATE", "2023-05-02"),
        ("Ce jour-là", "DATE", "2023-05-02"),
    ]


def test_weekday_and_day_pick_the_year_where_they_agree() -> None:
    # 29 May is a Saturday in 1999: an article of 26 May 1999 means that one.
    assert one("La collecte sera menée samedi 29 mai.", published="1999-05-26") == (
        "samedi 29 mai", "DATE", "1999-05-29")  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Le président a parlé hier.", ("hier", "DATE", "XXXX-XX-XX", "DCT-P1D")),
        ("Kiev a été frappée lundi.", ("lundi", "DATE", "XXXX-XX-XX", "DCT<MO")),
        ("Les pourparlers reprendront jeudi.", ("jeudi", "DATE", "XXXX-XX-XX", "DCT>TH")),
        ("La ville a été reprise le 10 mai.", ("le 10 mai", "DATE", "XXXX-05-10", None)),
        ("Des explosions ont retenti mardi soir.", ("mardi soir", "TIME", "XXXX-XX-XXTEV", "DCT<TU")),
        ("Moscou a rejeté la proposition la semaine dernière.", ("la semaine dernière", "DATE", "XXXX-WXX", "DCT-P1W")),
        ("Le village a été repris il y a trois jours.", ("il y a trois jours", "DATE", "XXXX-XX-XX", "DCT-P3D")),
    ],
)
def test_without_dct_relative_values_stay_underspecified(sentence: str, expected: tuple[str, ...]) -> None:
    report = extract(sentence, lang="fr", published=None, options=TIMES_ONLY)
    assert [(t.text, t.type, t.value, t.anchor) for t in report.times] == [expected]


def test_absolute_values_need_no_dct() -> None:
    assert one("L'accord a été signé le 10 mai 2023.", published=None) == ("le 10 mai 2023", "DATE", "2023-05-10")


@pytest.mark.parametrize(
    "sentence",
    [
        "Plus de 90 % des votants ont approuvé le texte.",
        "Les troupes ont avancé de 20 km vers l'est.",
        "Londres veut livrer des F-16 et Moscou déploie des S-400.",
        "Un garçon de 12 ans a été blessé.",
        "Pierre Dupont, 45 ans, a été arrêté.",
        "Elle a 73 ans et vit à Kherson.",
        "À 33 ans, il commande déjà un bataillon.",
        "Le match s'est terminé sur le score de 2-1.",
        "Appelez le 01 45 67 89 00 pour tout renseignement.",
        "Quelque 1 200 soldats et 2000 réservistes ont été mobilisés.",
        "Une seconde explosion a été entendue.",
        "Le convoi comptait 300 véhicules.",
        "Il a été tué en mars sur Mars.",
        "Il fête ses 52 ans à Kiev.",
        "Selon 20 Minutes, le convoi comptait 300 véhicules.",
        "Le militant de Fridays for Future a été interpellé.",
        "Le quotidien Le Monde en parle.",
        "La trêve du Vendredi saint a été rompue.",
        "Le centre accueille les moins de 17 ans.",
    ],
)
def test_no_false_times(sentence: str) -> None:
    found = times(sentence)
    # The only sentence with a real time keeps just that one.
    assert found in ([], [("mars", "DATE", "2023-03")]), found
