"""Everything the API v2 says about the site, URL by URL: used to compare two copies of a site."""


def api_snapshot(client):
    """Body of every listing page and of every page's detail (fields=*), by URL."""
    bodies = {}

    def get(url):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        bodies[url] = response.content.decode()
        return response.json()

    ids = []
    for locale in ("fr", "en"):
        offset, total = 0, 1
        while offset < total:
            listing = get(f"/api/v2/pages/?locale={locale}&fields=*&limit=20&offset={offset}")
            ids += [item["id"] for item in listing["items"]]
            offset, total = offset + 20, listing["meta"]["total_count"]
    for page_id in ids:
        get(f"/api/v2/pages/{page_id}/?fields=*")
    get("/api/v2/images/?fields=*")
    get("/api/v2/documents/?fields=*")
    return bodies


if __name__ == "__main__":
    # python -m tests.api_snapshot MEDIA_ROOT [ARCHIVE]: restore ARCHIVE (if given) into the
    # database of DATABASE_URL, then print the snapshot as JSON.
    import json
    import sys

    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client, override_settings

    with override_settings(MEDIA_ROOT=sys.argv[1]):
        if len(sys.argv) > 2:
            call_command("restore", sys.argv[2])
        print(json.dumps(api_snapshot(Client())))  # noqa: T201
