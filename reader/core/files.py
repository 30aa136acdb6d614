"""Writing the user's files safely: atomic replace, locks, private folders.

Used by the store, the exporters and the settings. The rules:

- **Atomic and durable.** ``atomic_write`` writes a temp file in the target's
  folder, fsyncs it, moves it over the target with ``os.replace`` and fsyncs
  the folder: after it returns a power cut cannot lose the data, and a failure
  half-way leaves the previous file whole.
- **A symlink is written through.** A store linked into a synced folder keeps
  being the link's target; the link is never replaced by a private copy.
- **Locks on every platform** through ``filelock`` (``fcntl`` on POSIX,
  ``msvcrt`` on Windows): ``exclusive`` for a short transaction, and
  ``InstanceLock`` for "one app per store" (a second one opens read-only).
- **Private.** Files are created ``0600`` and folders ``0700``.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

import filelock

LOCK_TIMEOUT = 10.0


class LockBusy(OSError):
    """Another process holds the lock for longer than we wait."""


def real_target(path: Path) -> Path:
    """The file a write to ``path`` must replace: a symlink's target (resolved
    through every link), else ``path`` itself."""
    if path.is_symlink():
        return Path(os.path.realpath(path))
    return path


def private_dir(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes | Sequence[bytes]) -> None:
    """Replace ``path`` (through a symlink) with ``data`` so that either the old
    or the new file exists, whole. ``data`` may be a list of pieces, written
    without joining them into one copy first."""
    target = real_target(Path(path))
    private_dir(target.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            if isinstance(data, bytes | bytearray | memoryview):
                fh.write(data)
            else:
                fh.writelines(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(target.parent)


@contextlib.contextmanager
def exclusive(path: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold an exclusive lock on the file ``path`` (created 0600) for the block."""
    lock = filelock.FileLock(str(path), timeout=timeout, mode=0o600, thread_local=False)
    try:
        lock.acquire()
    except filelock.Timeout:
        raise LockBusy(f"{path} is locked by another process") from None
    try:
        yield
    finally:
        lock.release()


class InstanceLock:
    """A lock held for a process's life: "this store is open in an app"."""

    def __init__(self, path: Path) -> None:
        self._lock = filelock.FileLock(str(path), timeout=0, mode=0o600, thread_local=False)

    def try_acquire(self) -> bool:
        try:
            self._lock.acquire(timeout=0)
        except filelock.Timeout:
            return False
        return True

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release(force=True)
