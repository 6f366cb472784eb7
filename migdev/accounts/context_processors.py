"""The header's user menu: My account and the pages of the signed-in user's roles."""

from django.http import HttpRequest
from django.urls import reverse

from migdev.accounts import selectors
from migdev.accounts.models import User


def user_menu(request: HttpRequest) -> dict[str, object]:
    """The links of the signed-in user's menu (none for visitors)."""
    user = getattr(request, "user", None)
    if not isinstance(user, User) or not user.is_authenticated:
        return {}
    pages = [{"url": reverse(p.url_name, args=p.args), "label": p.label} for p in selectors.account_pages(user)]
    return {"account_menu": pages}
