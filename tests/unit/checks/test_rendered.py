"""Translation QA on what the patient sees: each known attack renders, and is caught.

Every translation here would pass a check that reads the msgstr as text;
rendered through the page's Markdown pipeline, it shows the patient wrong,
hidden or missing text.
"""

from __future__ import annotations

import pytest
import yaml
from mkdocs.config.defaults import MkDocsConfig

from helpers import ROOT, TRANSLATED
from leaflet.checks import qa, rendered
from leaflet.i18n import catalogs
from leaflet.i18n.po import read_catalog
from leaflet.settings import read_project

PUBLISHED = TRANSLATED

ENGLISH = "These can be signs of a joint infection. This is rare but serious."
FRENCH = "Ces signes peuvent indiquer une infection de l'articulation. C'est rare mais grave."


def codes(msgid: str, msgstr: str, locale: str = "fr") -> list[str]:
    return [problem.code for problem in qa.problems(msgid, msgstr, locale)]


def details(msgid: str, msgstr: str, locale: str = "fr") -> dict[str, str]:
    return {problem.code: problem.message for problem in qa.problems(msgid, msgstr, locale)}


# -- the pipeline is the page's ------------------------------------------------------


class _Loader(yaml.SafeLoader):
    """mkdocs.yml may carry !ENV or !!python/name tags: read them as nothing."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def test_extensions_are_those_mkdocs_yml_lists() -> None:
    listed = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)["markdown_extensions"]
    names = tuple(next(iter(item)) if isinstance(item, dict) else item for item in listed)
    configs = {name: config for item in listed if isinstance(item, dict) for name, config in item.items()}
    assert names == rendered.EXTENSIONS
    assert configs == rendered.EXTENSION_CONFIGS


def test_mkdocs_builtin_extensions_are_loaded_too() -> None:
    assert tuple(MkDocsConfig.markdown_extensions.builtins) == rendered.MKDOCS_BUILTINS
    assert set(rendered.NAMES) == set(rendered.MKDOCS_BUILTINS + rendered.EXTENSIONS)


def test_the_pipeline_renders_what_the_pages_use() -> None:
    md = rendered.pipeline()
    page = md.convert(
        '## Risks {#risks}\n\n| a |\n| --- |\n\n**x**{: .y}\n\n!!! urgent "Now"\n\n    ```\n    code\n    ```'
    )
    assert '<h2 id="risks">' in page  # toc and attr_list
    assert "<th>a</th>" in page  # tables
    assert '<strong class="y">' in page  # attr_list
    assert '<span class="care-card__label">Urgent advice:</span>' in page  # admonition and care cards
    assert "<code>code" in page  # fenced code inside a card (superfences)


def test_placeholders_stay_literal_text() -> None:
    shown = rendered.render("Call {{ phone.in_hours }}. We are open {{ clinic.opening_days }}.", "paragraph")
    assert shown.shown == "Call {{ phone.in_hours }}. We are open {{ clinic.opening_days }}."
    assert shown.targets == ()  # the placeholder checks own them
    assert qa.numbers(shown.shown) == {}


def test_a_placeholder_added_is_the_placeholder_checks_alone() -> None:
    """Its stand-in link is no link target, element or attribute of its own."""
    found = codes("Call {{ phone.in_hours }}.", "Appelez le {{ phone.in_hours }} ou le {{ phone.out_of_hours }}.")
    assert found == ["placeholder-changed"]


def test_the_care_card_label_is_not_the_units_text() -> None:
    card = rendered.render("Get help today if:", "care-card title")
    assert card.shown.strip() == "Get help today if:"
    assert "Urgent advice:" in card.decoded


def test_english_renderings_are_cached() -> None:
    rendered.renderings(ENGLISH)
    before = rendered.renderings.cache_info().hits
    qa.problems(ENGLISH, FRENCH, "de")  # another language: the checks run again, the English is not rendered again
    assert rendered.renderings.cache_info().hits > before


# -- the attacks ------------------------------------------------------------------------


def test_a_comment_as_the_whole_translation_shows_nothing() -> None:
    found = codes("Get help today if:", "<!-- Obtenez de l'aide aujourd'hui si : -->")
    assert {"text-empty", "comment-added"} <= set(found)


@pytest.mark.parametrize("blank", ["   ", "\u00a0", "\u00a0 \u00a0", "\u3000", "\u2800\u3164"])
def test_spaces_or_no_break_spaces_show_nothing(blank: str) -> None:
    found = details(ENGLISH, blank)
    assert found["text-empty"] == f"{blank!r} shows the patient no text"


def test_a_hidden_attribute_list_hides_the_text() -> None:
    found = codes(ENGLISH, FRENCH + " {hidden}")
    assert {"text-hidden", "attribute-added", "attribute-list-added"} <= set(found)
    bold = details("**Joint infection.** This is rare.", "**Infection articulaire.**{hidden} C'est rare.")
    assert bold["text-hidden"] == "<strong hidden> hides its text from the patient"


def test_a_number_in_words_with_its_digits_in_a_comment() -> None:
    # "dix" is 10, so the visible number is right; the comment is still an error.
    found = details("Wait 10 days before you drive.", "Attendez dix jours avant de conduire. <!-- 10 -->")
    assert "number-changed" not in found
    assert found["comment-added"] == "'<!-- 10 -->' is an HTML comment, which the patient never sees"
    # A wrong number in words, its right digits hidden in a comment: both are errors.
    found = details("Wait 10 days before you drive.", "Attendez neuf jours avant de conduire. <!-- 10 -->")
    assert found["number-changed"] == "expected number '10', which the translation lacks"
    assert "comment-added" in found


def test_event_handlers_in_an_attribute_list() -> None:
    found = details(
        "**Joint infection.** This is rare.", "**Infection.**{: onfocus=alert(1) autofocus contenteditable} Rare."
    )
    assert found["attribute-added"] == (
        "<strong autofocus>, <strong contenteditable>, <strong onfocus='alert(1)'>: attributes the English lacks"
    )
    assert "attribute-list-added" in found


def test_a_link_target_in_an_attribute_list() -> None:
    found = details(
        "See [When to get help](get-help.md) for all the signs.",
        'Voir [Quand demander de l\'aide](get-help.md){: href="https://evil.example"} pour tous les signes.',
    )
    assert found["link-changed"] == "expected link target 'get-help.md' but received 'https://evil.example'"
    assert "attribute-list-added" in found


def test_a_carriage_return_then_a_reference_definition() -> None:
    found = details("See [When to get help][help].", "Voir [Quand demander de l'aide][help].\r[help]: https://evil.example")
    assert found["line-break-added"] == (
        "U+000D CARRIAGE RETURN starts a new line on the page, where the English has none"
    )
    assert found["reference-definition-added"] == (
        "defines the link reference 'help: https://evil.example', which the English does not"
    )
    assert found["link-changed"] == "received link target 'https://evil.example', which the English lacks"


@pytest.mark.parametrize(
    ("entity", "named"),
    [
        ("&rlm;", "U+200F RIGHT-TO-LEFT MARK"),
        ("&zwj;", "U+200D ZERO WIDTH JOINER"),
        ("&#xFEFF;", "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
        ("&#8207;", "U+200F RIGHT-TO-LEFT MARK"),
    ],
)
def test_an_entity_for_an_invisible_or_bidi_character(entity: str, named: str) -> None:
    found = details(ENGLISH, FRENCH.replace(" ", f" {entity}", 1))
    assert found["entity-added"] == f"{entity!r} ({named}) is a character reference the English does not have"
    assert found["invisible-character"].startswith(named)


def test_a_heading_that_names_another_id() -> None:
    found = details("Possible complications", "Complications possibles {#other}")
    assert found["attribute-added"] == "<th id='other'>: an attribute the English lacks (as a table cell)"
    assert found["attribute-changed"].startswith("<h2> has id='complications-possibles-other-unit' where the English")
    assert "attribute-list-added" in found


def test_a_placeholder_followed_by_an_attribute_list() -> None:
    """On the page the placeholder becomes a tel: link, and {hidden} lands on it."""
    found = details("Call {{ phone.in_hours }}.", "Appelez le {{ phone.in_hours }}{hidden}.")
    assert found["text-hidden"] == "<a hidden href='{{ phone.in_hours }}'> hides its text from the patient"


def test_swapped_placeholders_and_links() -> None:
    swapped = details(
        "Call {{ phone.in_hours }}. We are open {{ clinic.opening_days }}, {{ clinic.opening_times }}.",
        "Appelez le {{ phone.in_hours }}. Ouvert {{ clinic.opening_times }}, {{ clinic.opening_days }}.",
    )
    assert list(swapped) == ["order-changed"]
    links = details("Read [before](before.md) and [after](after.md).", "Lisez [après](after.md) et [avant](before.md).")
    assert links == {"order-changed": "link targets in another order: expected 'before.md', 'after.md' "
                     "but received 'after.md', 'before.md'"}


@pytest.mark.parametrize(
    "link",
    ["[aide](javascript&#58;alert(1))", "[aide](java&#x09;script:alert(1))", '<a href="jav&#x61;script:x">aide</a>'],
)
def test_a_javascript_url_written_with_entities(link: str) -> None:
    found = details("See [help](get-help.md).", f"Voir {link}.")
    assert found["unsafe-url"].endswith("can run code or hide content in a patient's browser")
    assert "link-changed" in found


# -- length by script ---------------------------------------------------------------------


def test_a_cut_short_translation_is_found() -> None:
    assert details(ENGLISH, "Rare.")["text-too-short"] == (
        "shows 4 letters for the English's 52; expected at least 16 (30%) in this script"
    )
    assert codes(ENGLISH, "这可能是关节感染的迹象。这很少见，但很严重。", "zh") == []
    assert "text-too-short" in codes(ENGLISH, "罕见。", "zh")
    assert codes("Overview", "概述", "zh") == []  # short English is not judged


# -- every code, one example each -------------------------------------------------------------

EXAMPLES = {
    "text-empty": (ENGLISH, "   "),
    "text-hidden": (ENGLISH, f'<span style="display: none">{FRENCH}</span>'),
    "text-too-short": (ENGLISH, "Rare."),
    "number-changed": ("Wait 10 days.", "Attendez 12 jours."),
    "link-changed": ("See [help](get-help.md).", "Voir [aide](help.md)."),
    "phone-changed": ("Call [111](tel:111).", "Appelez le [111](tel:112)."),
    "placeholder-changed": ("Call {{ phone.in_hours }}.", "Appelez le {{ phone.out_of_hours }}."),
    "order-changed": ("Read [before](before.md), [after](after.md).", "Lisez [après](after.md), [avant](before.md)."),
    "code-changed": ("Run `make site`.", "Lancez `make build`."),
    "structure-changed": ("**Joint infection.** This is rare.", "Infection articulaire. C'est rare."),
    "attribute-added": ("Get help", "Obtenez de l'aide {: .urgent}"),
    "attribute-changed": ("Possible complications", "Complications possibles {#other}"),
    "attribute-list-added": ("Get help now", "Obtenez {: .x} de l'aide"),
    "html-added": ("Breathing", "Respirer <b>fort</b>"),
    "comment-added": ("Wait 10 days.", "Attendez 10 jours. <!-- note -->"),
    "entity-added": ("Hot, red", "Chaud,&nbsp;rouge"),
    "reference-definition-added": (ENGLISH, FRENCH + "\r[x]: https://evil.example"),
    "line-break-added": (ENGLISH, FRENCH.replace(". ", ".\u2028", 1)),
    "unsafe-url": ("Image", "Image data:text/html,xx"),
    "block-markup-added": ("This is rare.", "- C'est rare."),
    "invisible-character": ("Get help", "Obtenez\u200b de l'aide"),
    "lookalike-punctuation": ("hot, red", "chaude\u201a rouge"),
    "identical-to-source": ("Overview", "Overview"),
    "number-may-wrap": ("About 1 in 10,000 injections.", "Environ 1 injection sur 10 000."),
    "french-spacing": ("Call us now", "Appelez-nous :"),
    "full-width-punctuation": ("Call us today.", "请今天联系我们.", "zh"),
}


def test_every_code_has_an_example() -> None:
    assert set(EXAMPLES) == qa.CODES


@pytest.mark.parametrize("code", sorted(EXAMPLES))
def test_each_check_finds_its_example(code: str) -> None:
    msgid, msgstr, *locale = EXAMPLES[code]
    assert code in codes(msgid, msgstr, *locale)
    assert code not in codes(msgid, msgid if code != "identical-to-source" else "Vue d'ensemble", *locale)


@pytest.mark.parametrize("code", sorted(EXAMPLES))
def test_an_escape_skips_its_check(code: str) -> None:
    msgid, msgstr, *locale = EXAMPLES[code]
    assert code not in codes_allowing(msgid, msgstr, code, *locale)


def codes_allowing(msgid: str, msgstr: str, code: str, locale: str = "fr") -> list[str]:
    return [problem.code for problem in qa.problems(msgid, msgstr, locale, {code})]


# -- no false alarms on what ships ---------------------------------------------------------------


@pytest.mark.parametrize("locale", PUBLISHED)
def test_shipped_translations_pass_every_check(locale: str) -> None:
    """Without escapes: none of the shipped translations needs one."""
    identical_ok = read_project(ROOT).identical_ok
    path = catalogs.po_path(ROOT, locale)
    catalog = read_catalog(path, path.relative_to(ROOT).as_posix(), catalogs.catalog_code(locale))
    found = [
        f"{message.id!r}: {problem}"
        for message in catalog
        if isinstance(message.id, str) and message.id and message.string and not message.fuzzy
        for problem in qa.problems(message.id, message.string, locale, (), identical_ok)
    ]
    assert found == []


def test_the_urgent_advice_placeholder_is_a_phone_stand_in_as_the_others() -> None:
    found = rendered.render("If you cannot reach us, call {{ phone.urgent_advice }}.", "paragraph")
    assert found.targets == ()  # the placeholder checks own it
    assert found.attributes == ()
    assert "a" not in found.structure
    swapped = codes("If you cannot reach us, call {{ phone.urgent_advice }}.",
                    "Si vous ne pouvez pas nous joindre, appelez le {{ phone.emergency }}.")
    assert swapped == ["placeholder-changed"]
    hidden = details("Call {{ phone.urgent_advice }}.", "Appelez le {{ phone.urgent_advice }}{hidden}.")
    assert hidden["text-hidden"] == "<a hidden href='{{ phone.urgent_advice }}'> hides its text from the patient"


def test_the_clinic_s_numbers_are_placeholders_not_numbers() -> None:
    english = "Your INR must be {{ clinic.inr_max }} or lower, from a test in the {{ clinic.inr_within_days }} days."
    assert qa.numbers(rendered.render(english, "paragraph").shown) == {}
    french = "Votre INR doit être de {{ clinic.inr_max }} ou moins, d'un test des {{ clinic.inr_within_days }} jours."
    assert codes(english, french) == []
