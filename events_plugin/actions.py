"""State changes of the programme: registration, the waiting list and attendance.

Each action is a class with ``check()``, which raises :class:`RegistrationError`
with a message for the person, and ``execute()``, which checks again under the
course's lock, writes, logs to Wagtail's audit log and sends its letters once the
transaction commits.
"""

import functools
import logging

from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log
from wagtail.models import Page

from . import occurrences, permissions, selectors
from .models import Attendance, Registration

logger = logging.getLogger(__name__)

# Wagtail audit log actions (labels in editing/registrations.py).
LOG_CONFIRMED = "events.registration.confirmed"
LOG_WAITLISTED = "events.registration.waitlisted"
LOG_CANCELLED = "events.registration.cancelled"
LOG_PROMOTED = "events.registration.promoted"
LOG_ATTENDANCE = "events.attendance.marked"
LOG_EXPORTED = "events.registration.exported"


class RegistrationError(Exception):
    """A refusal the person can read: ``message`` is translated, ``code`` is stable.

    Each refusal is a subclass, raised as a fresh instance every time.
    """

    message = _("Registration did not work. Please try again.")
    code = "error"

    def __init__(self, message=None):
        if message is not None:
            self.message = message
        super().__init__(str(self.message))


class NotSignedIn(RegistrationError):
    message = _("Sign in to register for this event.")
    code = "sign_in"


class AccountInactive(RegistrationError):
    message = _("This account is switched off, so it cannot register.")
    code = "inactive"


class NoEmail(RegistrationError):
    message = _(
        "Your account has no email address. We send the confirmation and the "
        "joining link by email, so an address is needed to register."
    )
    code = "no_email"


class AlreadyRegistered(RegistrationError):
    message = _("You are already registered for this event.")
    code = "already_registered"


class AlreadyWaitlisted(AlreadyRegistered):
    message = _("You are already on the waiting list for this event.")


class NotRegistered(RegistrationError):
    message = _("You have no registration for this event to cancel.")
    code = "not_registered"


class AlreadyCancelled(RegistrationError):
    message = _("This registration was already cancelled.")
    code = "already_cancelled"


class EventEnded(RegistrationError):
    message = _("This event has ended, so there is nothing to cancel.")
    code = "ended"


class RegistrationClosed(RegistrationError):
    """Registration is not open on this event; ``code`` says why."""

    messages = {
        selectors.CLOSED_NOT_REQUIRED: _(
            "This event does not need registration: just join it at the time."
        ),
        selectors.CLOSED_UNPUBLISHED: _(
            "This event is not published, so registration is closed."
        ),
        selectors.CLOSED_CANCELLED: _(
            "This event is cancelled, so registration is closed."
        ),
        selectors.CLOSED_ENDED: _(
            "Registration has closed: this event has no more dates ahead."
        ),
    }

    def __init__(self, reason):
        self.code = reason
        super().__init__(self.messages[reason])


def lock_course(event_key):
    """Lock every language version of an event until the transaction ends.

    Registrations of one course queue behind this lock, so counting the
    confirmed places and adding one cannot interleave. Pages are locked in
    primary key order, so two transactions never wait for each other.
    """
    return list(
        Page.objects.select_for_update()
        .filter(translation_key=event_key)
        .order_by("pk")
    )


def _log(page, action, registration, user=None):
    # The audit log keeps ids, not names or emails: those stay in one table.
    log(
        instance=page,
        action=action,
        user=user,
        data={
            "registration": registration.pk,
            "status": registration.status,
            "language": registration.language,
        },
    )


# Letters to residents: events/email/<kind>_subject.txt, _body.txt, _body.html.
CONFIRMATION = "confirmation"
WAITLIST = "waitlist"
PROMOTION = "promotion"
CANCELLATION = "cancellation"


def _notify(kind, registration):
    """Send the letter once the transaction commits, never for a rolled-back one."""
    transaction.on_commit(functools.partial(send_letter, kind, registration.pk))


def send_letter(kind, registration_id):
    """Email a registration's letter in its language; False when it was not sent.

    Runs after the commit: a mail server that fails must not turn a done
    registration into an error page, so failures are logged, not raised.
    """
    try:
        registration = Registration.objects.select_related("user").get(
            pk=registration_id
        )
        address = registration.user.email
        if not address:
            return False
        with (
            translation.override(registration.language),
            timezone.override(occurrences.TIME_ZONE),
        ):
            context = selectors.letter_context(registration)
            subject = render_to_string(f"events/email/{kind}_subject.txt", context)
            text = render_to_string(f"events/email/{kind}_body.txt", context)
            html = render_to_string(f"events/email/{kind}_body.html", context)
        message = EmailMultiAlternatives(
            " ".join(subject.split()), text, None, [address]
        )
        message.attach_alternative(html, "text/html")
        message.send()
    except Exception:
        logger.exception(
            "The %s letter of registration %s failed", kind, registration_id
        )
        return False
    logger.info("The %s letter of registration %s was sent", kind, registration_id)
    return True


class RegisterAction:
    """Take a place on an event, or a place in its queue when it is full."""

    def __init__(self, page, user):
        self.page = page
        self.user = user

    def check(self):
        if not (self.user and self.user.is_authenticated):
            raise NotSignedIn
        if not permissions.can_register_for_event(self.user):
            raise AccountInactive
        reason = selectors.registration_closed_reason(self.page)
        if reason:
            raise RegistrationClosed(reason)
        if not self.user.email:
            raise NoEmail
        existing = selectors.active_registration(self.page.translation_key, self.user)
        if existing is not None:
            if existing.status == Registration.Status.WAITLISTED:
                raise AlreadyWaitlisted
            raise AlreadyRegistered

    def execute(self):
        """The new registration, confirmed or waitlisted."""
        key = self.page.translation_key
        with transaction.atomic():
            lock_course(key)
            self.check()
            capacity = selectors.course_capacity(key)
            confirmed = selectors.confirmed_count(key)
            now = timezone.now()
            status = (
                Registration.Status.CONFIRMED
                if capacity is None or confirmed < capacity
                else Registration.Status.WAITLISTED
            )
            try:
                # A savepoint, so the refusal leaves the transaction usable.
                with transaction.atomic():
                    registration = Registration.objects.create(
                        event_key=key,
                        user=self.user,
                        status=status,
                        language=self.page.locale.language_code,
                        confirmed_at=now
                        if status == Registration.Status.CONFIRMED
                        else None,
                    )
            except IntegrityError as error:
                # The database's one-registration-per-person rule: a double
                # click that slipped past the check.
                raise AlreadyRegistered from error
            confirmed_now = status == Registration.Status.CONFIRMED
            _log(
                self.page,
                LOG_CONFIRMED if confirmed_now else LOG_WAITLISTED,
                registration,
                self.user,
            )
            _notify(
                CONFIRMATION if confirmed_now else WAITLIST,
                registration,
            )
        logger.info("Account %s registered for event %s: %s", self.user.pk, key, status)
        return registration


class CancelRegistrationAction:
    """Give up a place or leave the queue; a freed place goes to the queue.

    ``user`` is who cancels: the resident, or None for a cancellation link.
    ``notify`` sends the receipt; deleting an account cancels without one.
    """

    def __init__(self, registration, user=None, *, notify=True):
        self.registration = registration
        self.user = user
        self.notify = notify

    def check(self):
        if self.registration.status == Registration.Status.CANCELLED:
            raise AlreadyCancelled
        page = selectors.course_page(self.registration.event_key)
        if page is not None and selectors.course_has_ended(page):
            raise EventEnded

    def execute(self, *, skip_checks=False):
        """The cancelled registration, and who was promoted in its place."""
        key = self.registration.event_key
        with transaction.atomic():
            lock_course(key)
            registration = Registration.objects.select_for_update().get(
                pk=self.registration.pk
            )
            self.registration = registration
            if skip_checks:
                if registration.status == Registration.Status.CANCELLED:
                    return registration, []
            else:
                self.check()
            freed_a_place = registration.status == Registration.Status.CONFIRMED
            registration.status = Registration.Status.CANCELLED
            registration.cancelled_at = timezone.now()
            registration.save(update_fields=["status", "cancelled_at"])
            page = selectors.course_page(key, registration.language)
            if page is not None:
                _log(page, LOG_CANCELLED, registration, self.user or registration.user)
            if self.notify:
                _notify(CANCELLATION, registration)
            promoted = []
            if freed_a_place:
                promoted = PromoteFromWaitlistAction(key).execute_if_open()
        logger.info("Registration %s for event %s cancelled", registration.pk, key)
        return registration, promoted


class PromoteFromWaitlistAction:
    """Give free places to the oldest registrations of the waiting list.

    Runs when a confirmed place is cancelled and when an editor publishes the
    event, perhaps with more places. Confirmed places are never taken back.
    """

    def __init__(self, event_key):
        self.event_key = event_key

    def check(self):
        page = selectors.course_page(self.event_key)
        reason = (
            selectors.registration_closed_reason(page)
            if page is not None
            else selectors.CLOSED_UNPUBLISHED
        )
        if reason:
            raise RegistrationClosed(reason)

    def execute_if_open(self):
        """Promote when registration is open; nobody is promoted onto a past event."""
        try:
            return self.execute()
        except RegistrationError:
            return []

    def execute(self):
        """The registrations moved from the waiting list to confirmed places."""
        with transaction.atomic():
            lock_course(self.event_key)
            self.check()
            capacity = selectors.course_capacity(self.event_key)
            queue = (
                Registration.objects.select_for_update()
                .filter(event_key=self.event_key, status=Registration.Status.WAITLISTED)
                .order_by("created_at", "pk")
            )
            if capacity is not None:
                free = capacity - selectors.confirmed_count(self.event_key)
                if free <= 0:
                    return []
                queue = queue[:free]
            promoted = list(queue)
            now = timezone.now()
            for registration in promoted:
                registration.status = Registration.Status.CONFIRMED
                registration.confirmed_at = now
                registration.save(update_fields=["status", "confirmed_at"])
                page = selectors.course_page(self.event_key, registration.language)
                _log(page, LOG_PROMOTED, registration)
                _notify(PROMOTION, registration)
        for registration in promoted:
            logger.info(
                "Registration %s for event %s promoted from the waiting list",
                registration.pk,
                self.event_key,
            )
        return promoted


class SaveAttendanceAction:
    """Store the attendance sheet of one event: who took part on which date.

    ``marks`` is a set of ``(registration_id, original_start)``; every cell of
    the sheet not in it is cleared. Cells outside the sheet are ignored.
    """

    def __init__(self, page, user, marks):
        self.page = page
        self.user = user
        self.marks = set(marks)

    def check(self):
        if not permissions.can_see_registrations(self.user, self.page):
            raise RegistrationError(_("You may not mark attendance for this event."))

    def execute(self):
        """How many marks were added and removed."""
        self.check()
        sheet = selectors.attendance_sheet(self.page)
        registrations = [row.registration for row in sheet.rows]
        dates = [date.original_start for date in sheet.dates]
        wanted = {
            (registration.pk, date)
            for registration in registrations
            for date in dates
            if (registration.pk, date) in self.marks
        }
        with transaction.atomic():
            existing = {
                (mark.registration_id, mark.date): mark.pk
                for mark in Attendance.objects.filter(
                    registration__in=registrations, date__in=dates
                )
            }
            removed = [pk for cell, pk in existing.items() if cell not in wanted]
            Attendance.objects.filter(pk__in=removed).delete()
            added = [
                Attendance(registration_id=registration_id, date=date)
                for registration_id, date in wanted - existing.keys()
            ]
            Attendance.objects.bulk_create(added, ignore_conflicts=True)
            if added or removed:
                log(
                    instance=self.page,
                    action=LOG_ATTENDANCE,
                    user=self.user,
                    data={"added": len(added), "removed": len(removed)},
                )
        return len(added), len(removed)


def anonymise_registrations(user):
    """On account deletion: give up the person's places without a letter.

    The rows stay for the organisers' counts; they point to the erased account.
    """
    for registration in Registration.objects.filter(user=user).exclude(
        status=Registration.Status.CANCELLED
    ):
        CancelRegistrationAction(registration, user, notify=False).execute(
            skip_checks=True
        )
