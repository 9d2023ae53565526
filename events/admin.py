from django.contrib import admin

from events.models import Event, Mention, Release

admin.site.register(Release)
admin.site.register(Event)
admin.site.register(Mention)
