from tests.ui.conftest import library, make_window  # noqa: F401 - shared fixtures
