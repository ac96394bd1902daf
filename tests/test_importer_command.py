"""`manage.py import_docusaurus` as an operator meets it: its help, its exit codes, what it says
when it cannot work, and a dry run that leaves no trace anywhere."""

import shutil
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import CommandError, call_command
from django.core.management.base import BaseCommand

from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry, Revision

import pytest

from pages.delivery.models import WebhookDelivery, WebhookEndpoint
from pages.management.commands.import_docusaurus import Command

pytestmark = pytest.mark.django_db

MINISITE = Path(__file__).parent / "fixtures" / "docusaurus" / "minisite"


def media_files():
    return sorted(p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file())


def test_the_help_lists_every_option_in_french_and_explains_the_user():
    help_text = Command().create_parser("manage.py", "import_docusaurus").format_help()
    for option in ("--dry-run", "--publish", "--user", "--report", "--force", "--rules"):
        assert option in help_text
    assert "Compte qui importe" in help_text
    assert "Importe un site Docusaurus 3" in help_text
    assert isinstance(Command().help, str)
    assert issubclass(Command, BaseCommand)


def test_a_site_without_a_docs_folder_is_an_error(site_tree, role_users, tmp_path):
    (tmp_path / "docusaurus.config.js").write_text("export default {title: 'Vide'};\n", encoding="utf-8")
    with pytest.raises(CommandError, match="pas de dossier de documents") as error:
        call_command("import_docusaurus", str(tmp_path), "--user", role_users["Rédaction"].username)
    assert error.value.returncode != 0


def test_an_import_that_imports_nothing_fails(site_tree, role_users, tmp_path):
    (tmp_path / "docusaurus.config.js").write_text("export default {title: 'Vide'};\n", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "notes.txt").write_text("pas un doc\n", encoding="utf-8")
    pages = Page.objects.count()
    with pytest.raises(CommandError, match="Aucun document trouvé") as error:
        call_command("import_docusaurus", str(tmp_path), "--user", role_users["Rédaction"].username)
    assert error.value.returncode == 1
    assert Page.objects.count() == pages


def test_publish_on_a_site_without_superuser_says_to_name_an_account(site_tree, role_users):
    get_user_model().objects.filter(is_superuser=True).update(is_active=False)
    pages = Page.objects.count()
    with pytest.raises(CommandError, match="--user") as error:
        call_command("import_docusaurus", str(MINISITE), "--publish")
    assert "createsuperuser" in str(error.value)
    assert Page.objects.count() == pages
    # Naming a reviewer works.
    call_command("import_docusaurus", str(MINISITE), "--publish", "--user", role_users["Révision"].username)
    assert Page.objects.count() > pages


def test_an_unknown_or_inactive_account_is_refused(site_tree, role_users):
    editor = role_users["Rédaction"]
    editor.is_active = False
    editor.save()
    with pytest.raises(CommandError, match="introuvable"):
        call_command("import_docusaurus", str(MINISITE), "--user", editor.username)


def test_a_dry_run_sends_no_mail_calls_no_webhook_and_writes_nothing(site_tree, role_users, tmp_path,
                                                                    django_capture_on_commit_callbacks):
    site = tmp_path / "site"
    shutil.copytree(MINISITE, site)
    WebhookEndpoint.objects.create(name="Portail", url="http://127.0.0.1:8499/hook", secret="s3cret")
    editor = role_users["Rédaction"]
    before = (Page.objects.count(), Revision.objects.count(), PageLogEntry.objects.count(),
              get_image_model().objects.count(), WebhookDelivery.objects.count(), media_files())
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        call_command("import_docusaurus", str(site), "--dry-run", "--user", editor.username)
    assert mail.outbox == []
    assert callbacks == []
    after = (Page.objects.count(), Revision.objects.count(), PageLogEntry.objects.count(),
             get_image_model().objects.count(), WebhookDelivery.objects.count(), media_files())
    assert after == before

    # The same import for real submits every page to review: the reviewers get e-mails.
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_docusaurus", str(site), "--user", editor.username)
    assert mail.outbox, "a real import sends the review e-mails the dry run must not send"
    assert Page.objects.count() > before[0]
    assert media_files() != before[-1]
