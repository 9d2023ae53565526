"""The Editors group: exactly the permissions editing in the admin needs.

Permissions are normally created after all migrations (post_migrate); on a fresh database they
do not exist yet, so they are created here first.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Editors"
PERMISSIONS = {
    "event": ("view", "add", "change"),
    "draftevent": ("view", "change"),
    "historicalevent": ("view",),
    "release": ("view", "add", "change"),
    "mention": ("view", "add", "change", "delete"),
}


def create_editors_group(apps, schema_editor):
    app_config = apps.get_app_config("events")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    codenames = [f"{action}_{model}" for model, actions in PERMISSIONS.items() for action in actions]
    permissions = Permission.objects.filter(content_type__app_label="events", codename__in=codenames)
    missing = set(codenames) - set(permissions.values_list("codename", flat=True))
    if missing:
        raise RuntimeError(f"Editors group: permissions not found: {sorted(missing)}")
    group.permissions.set(permissions)


def remove_editors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("events", "0002_admin_draftevent"),
    ]

    operations = [migrations.RunPython(create_editors_group, remove_editors_group)]
