"""The Qt-free core: everything a user can do, without a screen."""
