"""API v2 and v3 with random query parameters: never a server error.

A bad value answers 400 (or 404 for an unknown object) with a JSON message; the in-process test
client raises the exception itself when a view crashes, so a failure shows its traceback.
"""

from urllib.parse import urlencode

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

PARAMS = [
    "limit",
    "offset",
    "order",
    "fields",
    "type",
    "locale",
    "child_of",
    "descendant_of",
    "search",
    "search_operator",
    "html_path",
    "translation_of",
    "site",
    "version",
    "id",
    "title",
    "slug",
    "show_in_menus",
    "has_children",
    "format",
]
VALUES = st.one_of(
    st.sampled_from(
        [
            "",
            "0",
            "-1",
            "1",
            "20",
            "100000",
            "99999999999999999999999",
            "1.5",
            "1e3",
            "abc",
            "*",
            "_",
            "-id",
            "random",
            "title,-body",
            "-title",
            "id,title",
            "*,-title",
            "body(*)",
            "parent",
            "_,title",
            "pages.SpacePage",
            "pages.Inconnu",
            "wagtailcore.Page",
            "home.HomePage",
            "fr",
            "en",
            "de",
            "FR",
            "true",
            "false",
            "null",
            "and",
            "or",
            "/",
            "/fr/",
            "/en/espaces/",
            "//",
            "/fr/../",
            "%",
            "%00",
            "\x00",
            "é",
            "😀",
            "' OR 1=1 --",
            "<script>",
            "a" * 300,
            "draft",
            "live",
            "localhost:abc",
            "Language:",
        ]
    ),
    st.integers(-(10**20), 10**20).map(str),
    st.text(max_size=30),
)
ENDPOINTS = st.sampled_from(
    [
        "/api/v2/pages/",
        "/api/v2/pages/{id}/",
        "/api/v2/pages/find/",
        "/api/v2/images/",
        "/api/v2/documents/",
        "/api/v3/pages/",
        "/api/v3/pages/{id}/",
        "/api/v3/pages/find/",
        "/api/v3/images/",
        "/api/v3/documents/",
    ]
)
IDS = st.one_of(st.sampled_from(["{space}", "{home}"]), st.integers(0, 10**12).map(str))


def _check(client, site_tree, endpoint, page_id, params):
    page_id = page_id.format(space=site_tree.space_fr.pk, home=site_tree.home_en.pk)
    url = endpoint.format(id=page_id) + "?" + urlencode(params)
    response = client.get(url)
    assert response.status_code < 500, (url, response.status_code)
    if response.status_code == 400:
        assert response["Content-Type"].startswith(
            ("application/json", "application/problem+json")
        ), url
        body = response.json()
        assert body.get("message") or body.get("detail") or body.get("title"), (url, body)
    return response


@given(
    endpoint=ENDPOINTS,
    page_id=IDS,
    params=st.dictionaries(st.sampled_from(PARAMS), VALUES, max_size=4),
)
@example(endpoint="/api/v2/pages/", page_id="1", params={"search": "\x00"})
@example(endpoint="/api/v2/pages/find/", page_id="1", params={"html_path": "/fr/\x00"})
@example(endpoint="/api/v2/pages/", page_id="1", params={"child_of": "99999999999999999999999"})
@example(
    endpoint="/api/v3/pages/", page_id="1", params={"translation_of": "99999999999999999999999"}
)
@example(endpoint="/api/v2/pages/", page_id="1", params={"offset": "99999999999999999999999"})
def test_random_query_parameters_never_give_a_server_error(
    client, site_tree, endpoint, page_id, params
):
    _check(client, site_tree, endpoint, page_id, params)


@settings(max_examples=max(10, settings().max_examples // 2))
@given(
    endpoint=ENDPOINTS,
    page_id=IDS,
    name=st.text(min_size=1, max_size=12),
    value=st.text(max_size=30),
)
def test_unknown_parameter_names_never_give_a_server_error(
    client, site_tree, endpoint, page_id, name, value
):
    _check(client, site_tree, endpoint, page_id, {name: value})


@pytest.mark.parametrize(
    "url, name",
    [
        ("/api/v2/pages/?search=%00", "search"),
        ("/api/v2/pages/find/?html_path=/fr/%00", "html_path"),
        ("/api/v3/pages/?slug=a%00b", "slug"),
        ("/api/v2/pages/?offset=99999999999999999999999", "offset"),
        ("/api/v2/images/?limit=-99999999999999999999999", "limit"),
    ],
)
def test_a_nul_character_or_a_huge_offset_is_a_client_error(client, site_tree, url, name):
    """Regression: these reached the database and answered 500 (cms/api_input.py now checks them)."""
    response = client.get(url)
    assert response.status_code == 400
    assert f"« {name} »" in response.json()["message"]
