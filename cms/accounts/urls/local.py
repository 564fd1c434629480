"""local account URLs."""

urlpatterns = []
