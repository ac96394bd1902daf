"""Import a Docusaurus 3 site into the French page tree. See pages/importers/docusaurus/."""

import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _


class Command(BaseCommand):
    # The system checks load the whole URLconf (API v3 schemas, about half a second) that an import
    # does not use, on every run, unchanged re-runs included; `manage.py check` is run on deploy.
    requires_system_checks = []

    # argparse formats the description and every help text with `re`, which takes no lazy string
    # (`TypeError: expected string or bytes-like object, got '__proxy__'`): they are translated here,
    # when the parser is built, in the language of the command.
    @property
    def help(self):
        return _("Importe un site Docusaurus 3 (docs/, sidebars.js, static/) dans l'arborescence française.")

    def add_arguments(self, parser):
        parser.add_argument("path", help=_("Racine du site Docusaurus (dossier de docusaurus.config.js)."))
        parser.add_argument("--dry-run", action="store_true",
                            help=_("N'écrit rien et n'envoie rien (ni courriel, ni webhook) ; affiche le même rapport."))
        parser.add_argument("--publish", action="store_true",
                            help=_("Publie les pages nouvelles ou modifiées (sinon : soumises à la révision)."))
        parser.add_argument("--user", metavar="NOM",
                            help=_("Compte qui importe : auteur des révisions et des demandes de révision ; "
                                   "pour --publish, un compte qui peut publier. Par défaut : le premier "
                                   "superutilisateur actif."))
        parser.add_argument("--report", metavar="FILE.json", help=_("Écrit le rapport complet en JSON."))
        parser.add_argument("--force", action="store_true", help=_("Écrase aussi les pages modifiées dans le CMS."))
        parser.add_argument("--rules", metavar="RULES.json", help=_("Table de règles des types de page (JSON)."))
        parser.add_argument("--category-rules", metavar="CATEGORIES.json",
                            help=_("Règles des catégories des guides d'après leur dossier ou la barre latérale (JSON)."))
        parser.add_argument("--home-rules", metavar="HOME.json",
                            help=_("Règles de la page d'accueil : fichier source et composants repris (JSON)."))
        parser.add_argument("--catalogue-rules", metavar="CATALOGUES.json",
                            help=_("Composants et fichiers de données repris comme catalogues (JSON)."))

    def handle(self, *args, **options):
        # Imported here, not with the module: `manage.py help import_docusaurus` and `--help` load this
        # module, and need none of the importer (markdown-it, tree-sitter, bs4, the writer).
        from pages.importers.docusaurus.categories import load_category_rules
        from pages.importers.docusaurus.memo import known_steps
        from pages.importers.docusaurus.plan import build_plan
        from pages.importers.docusaurus.rules import (
            load_catalogue_rules,
            load_home_rules,
            load_rules,
        )
        from pages.importers.docusaurus.writer import Importer, NoImportUser

        root = Path(options["path"])
        if not root.is_dir():
            raise CommandError(_("%(path)s : dossier introuvable.") % {"path": root})
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"], is_active=True).first()
            if user is None:
                raise CommandError(_("Utilisateur « %(user)s » introuvable (ou inactif).") % {"user": options["user"]})
        try:
            rules = load_rules(options["rules"]) if options["rules"] else None
            home_rules = load_home_rules(options["home_rules"]) if options["home_rules"] else None
            catalogue_rules = load_catalogue_rules(options["catalogue_rules"]) if options["catalogue_rules"] else None
            category_rules = load_category_rules(options["category_rules"]) if options["category_rules"] else None
        except (OSError, ValueError) as exc:
            raise CommandError(str(exc)) from None
        # Without --force, what the last run learnt of unchanged docs spares parsing them (memo.py).
        plan = build_plan(root, rules, catalogue_rules=catalogue_rules, category_rules=category_rules,
                          known_steps=None if options["force"] else known_steps())
        for _file, problem in plan.problems:
            if problem.code == "docs_missing":
                raise CommandError(_("%(root)s : pas de dossier de documents (%(docs)s/) ; rien à importer.") % {
                    "root": root, "docs": plan.site.docs_path})
        importer = Importer(plan, user=user, publish=options["publish"], force=options["force"],
                            dry_run=options["dry_run"], progress=self._progress, home_rules=home_rules)
        try:
            report = importer.run()
        except NoImportUser as exc:
            raise CommandError(str(exc)) from None
        sys.stderr.write("\n")
        if options["report"]:
            Path(options["report"]).write_text(report.to_json(), encoding="utf-8")
        for entry in report.entries:
            if entry.level == "error":
                self.stderr.write(f"{entry.where}: [{entry.code}] {entry.message}")
        prefix = _("[essai à blanc] ") if options["dry_run"] else ""
        for line in report.summary_lines():
            self.stdout.write(prefix + line)
        if not report.ok:
            raise CommandError(_("%(count)s document(s) en échec.") % {"count": len(report.failed)}, returncode=1)
        if not plan.docs:
            raise CommandError(_("Aucun document trouvé dans %(docs)s : rien n'a été importé.") % {
                "docs": plan.site.docs_dir}, returncode=1)

    def _progress(self, index, total, label):
        width = 30
        done = int(width * index / total) if total else width
        sys.stderr.write(f"\r[{'#' * done}{'.' * (width - done)}] {index}/{total} {label[:50]:<50}")
        sys.stderr.flush()
