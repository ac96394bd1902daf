from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("home", "0003_featured_pages_into_body"),
    ]

    operations = [
        migrations.RemoveField(model_name="homepage", name="featured_pages"),
    ]
