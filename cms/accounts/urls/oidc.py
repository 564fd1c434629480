"""oidc account URLs."""

urlpatterns = []
