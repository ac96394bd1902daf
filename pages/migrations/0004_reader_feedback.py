import django.db.models.deletion
from django.conf import settings
from django.db import DatabaseError, migrations, models, transaction

# French full-text search that ignores accents ("decoupe" finds "découpe"), PostgreSQL only.
CONFIG_SQL = """
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'studiobib_french') THEN
        CREATE TEXT SEARCH CONFIGURATION studiobib_french (COPY = pg_catalog.french);
    END IF;
END $$;
"""
UNACCENT_SQL = """
ALTER TEXT SEARCH CONFIGURATION studiobib_french
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
"""


def create_search_config(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(CONFIG_SQL)
    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    except DatabaseError:
        # Not allowed to create extensions: French stemming still works, accents then count.
        print("\n  unaccent extension unavailable: ask a superuser to run CREATE EXTENSION unaccent, then migrate again.")  # noqa: T201
        return
    schema_editor.execute(UNACCENT_SQL)


def drop_search_config(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS studiobib_french")


class Migration(migrations.Migration):

    dependencies = [
        ('pages', '0003_editorial_roles'),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='ReaderFeedback',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('helpful', models.BooleanField(help_text='La réponse du lecteur : oui ou non.', verbose_name='page utile')),
                ('comment', models.TextField(blank=True, max_length=2000, verbose_name='commentaire')),
                ('created_at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='reçu le')),
                ('page', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reader_feedback', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='page')),
            ],
            options={
                'verbose_name': 'avis de lecteur',
                'verbose_name_plural': 'avis des lecteurs',
                'ordering': ['-created_at'],
            },
        ),
        migrations.RunPython(create_search_config, drop_search_config),
    ]
