"""data account URLs."""

urlpatterns = []
