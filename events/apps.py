from django.apps import AppConfig


class EventsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "events"
    verbose_name = "Events timeline"

    def ready(self):
        from django.db.models.signals import post_delete, post_migrate, post_save
        from simple_history.signals import pre_create_historical_record

        from events import freshness, indexing, review, tally
        from events.feeds import invalidate_feeds
        from events.history import fill_actor
        from events.models import Event, events_changed

        post_save.connect(invalidate_feeds, sender="events.Event", dispatch_uid="feeds-invalidate-save")
        post_delete.connect(invalidate_feeds, sender="events.Event", dispatch_uid="feeds-invalidate-delete")
        events_changed.connect(invalidate_feeds, dispatch_uid="feeds-invalidate-bulk")
        # The open-data formats (events.freshness) also show mentions and the releases they quote.
        for sender in ("events.Mention", "events.Release"):
            post_save.connect(invalidate_feeds, sender=sender, dispatch_uid=f"open-data-invalidate-save-{sender}")
            post_delete.connect(invalidate_feeds, sender=sender, dispatch_uid=f"open-data-invalidate-delete-{sender}")
        # What readers see changed (events record it in their own write path): open-data validators.
        post_save.connect(freshness.mention_written, sender="events.Mention", dispatch_uid="public-mention-save")
        post_delete.connect(freshness.mention_written, sender="events.Mention", dispatch_uid="public-mention-delete")
        post_save.connect(freshness.release_saved, sender="events.Release", dispatch_uid="public-release-save")
        # A draft's confidence, and its neighbours', follow the mentions that state it (events.review).
        post_save.connect(review.mention_written, sender="events.Mention", dispatch_uid="review-mention-save")
        post_delete.connect(review.mention_written, sender="events.Mention", dispatch_uid="review-mention-delete")
        pre_create_historical_record.connect(fill_actor, sender=Event.history.model, dispatch_uid="history-actor")
        # The place and search document follow the mentions and releases that state an event.
        post_save.connect(indexing.mention_changed, sender="events.Mention", dispatch_uid="index-mention-save")
        post_delete.connect(indexing.mention_changed, sender="events.Mention", dispatch_uid="index-mention-delete")
        post_save.connect(indexing.release_saved, sender="events.Release", dispatch_uid="index-release-save")
        post_delete.connect(indexing.event_deleted, sender="events.Event", dispatch_uid="index-event-delete")
        # The overview's counts are kept by triggers that a rebuilt table loses: put them back.
        post_migrate.connect(tally.after_migrate, sender=self, dispatch_uid="tally-after-migrate")
