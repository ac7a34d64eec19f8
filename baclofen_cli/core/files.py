"""Reading and writing files safely: atomic writes, cache files read only if they are ours, and
output files (`handout -o`) that never follow a planted link or leave half a file.

Standard library only, imported lazily: this runs on every command that touches the cache.
"""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

# A temporary file of a write that was killed (SIGKILL cannot be caught) is removed by the next
# write of the same file once its process is gone, or once it is this old (another machine's).
STALE_TEMP_SECONDS = 600
TEMP_SUFFIX = ".tmp"
_HAS_OWNERS = hasattr(os, "getuid")


class UntrustedFile(Exception):
    """A file or folder that this user did not make private: never read, never written into."""


# ------------------------------------------------------------------ trust


def check_private_dir(path: Path, *, tighten: bool = False) -> None:
    """Raise UntrustedFile unless `path` is a real folder (not a link), ours, and only we can write it.

    `tighten`: a folder of ours that others may write is made private instead (for a folder
    that is ours by name and purpose, never one the user chose).
    """
    info = os.lstat(path)
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
        raise UntrustedFile(f"{path} is not a plain folder")
    if tighten and _HAS_OWNERS and info.st_uid == os.getuid() and info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        os.chmod(path, stat.S_IMODE(info.st_mode) & ~(stat.S_IWGRP | stat.S_IWOTH))
        info = os.lstat(path)
    _check_owner_and_mode(path, info)


def _check_owner_and_mode(path: Path, info: os.stat_result) -> None:
    if not _HAS_OWNERS:
        return
    if info.st_uid != os.getuid():
        raise UntrustedFile(f"{path} is owned by user {info.st_uid}, not by you ({os.getuid()})")
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        raise UntrustedFile(f"{path} can be changed by other users (mode {stat.S_IMODE(info.st_mode):04o})")


def read_private_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file we own that no one else can write, read without following a link.

    O_NONBLOCK: opening a named pipe planted in its place never waits for a writer.
    Raises UntrustedFile, or OSError if it cannot be read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        import errno

        if exc.errno == errno.ELOOP:  # O_NOFOLLOW on a link
            raise UntrustedFile(f"{path} is a link") from None
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UntrustedFile(f"{path} is not a regular file")
        _check_owner_and_mode(path, info)
        if info.st_size > max_bytes:
            raise UntrustedFile(f"{path} is larger than {max_bytes:,} bytes")
        chunks, left = [], max_bytes + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
        if len(data) > max_bytes:
            raise UntrustedFile(f"{path} grew past {max_bytes:,} bytes while being read")
        return data
    finally:
        os.close(fd)


def make_private_dir(path: Path, *, tighten: bool = False) -> None:
    """Create `path` (and its parents) if missing, the last one readable by us only; check it is ours."""
    try:
        path.mkdir(mode=0o700, parents=True)
    except FileExistsError:
        pass
    check_private_dir(path, tighten=tighten)


# ------------------------------------------------------------------ atomic writes


def write_atomically(
    path: Path,
    data: bytes,
    *,
    quiet: bool = False,
    overwrite: bool = True,
    mode: int | None = None,
    keep: os.stat_result | None = None,
) -> None:
    """Write to a temporary file beside `path`, then rename: readers never see half a file.

    The temporary file is private (0600). `mode` (e.g. 0o666) gives the finished file the usual
    permissions, less the umask; `keep` (the stat of the file being replaced) keeps its mode,
    and, where we may, its owner. With `overwrite=False` an existing file is never replaced:
    FileExistsError is raised, even if the file appeared while writing. The rename never
    follows a link: a link put at `path` meanwhile is replaced, its target untouched.
    """
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        prefix = f".{path.name}.{os.getpid()}."
        remove_stale_temporaries(path)
        fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=TEMP_SUFFIX)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                if keep is not None:
                    _keep_owner_and_mode(handle.fileno(), keep)
                os.fsync(handle.fileno())
            if mode is not None and keep is None:
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(tmp_name, mode & ~umask)
            if overwrite:
                os.replace(tmp_name, path)
            else:
                _rename_no_replace(tmp_name, path)
        except BaseException:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass
            raise
    except OSError:
        if not quiet:
            raise


def _keep_owner_and_mode(fd: int, keep: os.stat_result) -> None:
    if hasattr(os, "fchown") and _HAS_OWNERS and (keep.st_uid, keep.st_gid) != (os.getuid(), os.getgid()):
        try:
            os.fchown(fd, keep.st_uid, keep.st_gid)  # works as root, or for a group we are in
        except OSError:
            pass
    if hasattr(os, "fchmod"):
        os.fchmod(fd, stat.S_IMODE(keep.st_mode))
    # On Windows the rename keeps the default permissions; there are no modes to keep.


def remove_stale_temporaries(path: Path) -> None:
    """Remove what killed writes of `path` left: `.NAME.PID.XXXXXXXX.tmp` files we own whose
    process is gone (or that are old). A live writer's file, or anyone else's, is left alone."""
    prefix = f".{path.name}."
    try:
        with os.scandir(path.parent) as found:
            candidates = [e for e in found if e.name.startswith(prefix) and e.name.endswith(TEMP_SUFFIX)]
    except OSError:
        return
    now = time.time()
    for entry in candidates:
        pid_text = entry.name[len(prefix):].split(".", 1)[0]
        if not pid_text.isascii() or not pid_text.isdigit():
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode) or (_HAS_OWNERS and info.st_uid != os.getuid()):
                continue
            if now - info.st_mtime < STALE_TEMP_SECONDS and _process_alive(int(pid_text)):
                continue
            os.unlink(entry.path)
        except OSError:
            continue


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return True  # no cheap check: rely on the age alone
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def _rename_no_replace(tmp_name: str, path: Path) -> None:
    """Move the finished file into place unless `path` exists (FileExistsError then)."""
    try:
        # link() fails if the target exists, so a file that appeared meanwhile is kept.
        os.link(tmp_name, path)
    except FileExistsError:
        raise
    except OSError:
        # No hard links here (some network, FAT or container file systems): claim the name
        # with O_EXCL, then rename over the empty placeholder. Still never half a file.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
        try:
            os.replace(tmp_name, path)
        except BaseException:
            try:
                os.unlink(path)
            except OSError:
                pass
            raise
        return
    os.unlink(tmp_name)


# ------------------------------------------------------------------ output files (handout -o)


def _shown(path: object) -> str:
    from baclofen_cli.core.output import show_input

    return show_input(str(path), 200)


def _output_error(message: str) -> Exception:
    from baclofen_cli.core.errors import OutputFileError

    return OutputFileError(message)


def _os_error(path: object, exc: OSError) -> Exception:
    import errno

    if exc.errno in (errno.EACCES, errno.EPERM):
        return _output_error(f"cannot write {_shown(path)} (permission denied)")
    if exc.errno == errno.ELOOP:
        return _output_error(f"cannot write {_shown(path)}: it is a loop of links")
    if exc.errno == errno.ENOTDIR:
        blocker = next((p for p in Path(str(path)).parents if os.path.lexists(p) and not os.path.isdir(p)), None)
        if blocker is not None:
            return _output_error(f"cannot write {_shown(path)}: {_shown(blocker)} is a file, not a folder")
    if exc.errno == errno.ENAMETOOLONG:
        return _output_error(f"cannot write {_shown(path)}: the file name is too long")
    return _output_error(f"cannot write {_shown(path)} ({exc.strerror or exc})")


def check_output_path(output: str, force: bool) -> Path:
    """Check -o FILE before any work, so a refusal is quick and nothing is half done.

    Raises OutputFileError (one line, exit 2) for every path that cannot or must not be written.
    """
    path = Path(output)
    try:
        return _check_output_path(output, path, force)
    except OSError as exc:
        raise _os_error(path, exc) from None
    except RuntimeError:  # Path.resolve() on a loop of links (Python 3.11, 3.12)
        raise _output_error(f"cannot write {_shown(path)}: it is a loop of links") from None


def _check_output_path(output: str, path: Path, force: bool) -> Path:
    separators = (os.sep, os.altsep) if os.altsep else (os.sep,)
    if output.endswith(separators):
        # Path() drops a trailing slash: "-o notes/" would write a file called notes.
        example = _shown(output + "handout.md")
        raise _output_error(f"{_shown(output)} names a folder (it ends with {output[-1]!r}): give a file name, "
                            f"e.g. {example}")
    if path.is_dir():
        raise _output_error(f"{_shown(path)} is a folder: give a file name, e.g. {_shown(path / 'handout.html')}")
    _check_link(path, dangling_ok=is_special(path))
    if is_special(path):
        return path  # /dev/stdout, a named pipe, a terminal: written straight into, nothing is replaced
    if os.path.lexists(path) and not force:
        raise _output_error(f"{_shown(path)} already exists; use --force to replace it")
    parent = path.parent
    if not parent.is_dir():
        if os.path.lexists(parent):
            raise _output_error(f"cannot write {_shown(path)}: {_shown(parent)} is a file, not a folder")
        raise _output_error(f"cannot write {_shown(path)}: the folder {_shown(parent)} does not exist")
    return path


def _check_link(path: Path, *, dangling_ok: bool = False) -> None:
    """A link at the output path is followed only if it is safe to: it leads to an existing file,
    and, in a shared sticky folder (such as /tmp), it is ours or the folder owner's, the rule
    Linux applies with fs.protected_symlinks (resolving in Python bypasses that rule)."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    if not stat.S_ISLNK(info.st_mode):
        return
    target = os.readlink(path)
    folder = os.stat(path.parent)
    shared = folder.st_mode & stat.S_ISVTX and folder.st_mode & stat.S_IWOTH
    if _HAS_OWNERS and shared and info.st_uid not in (os.getuid(), folder.st_uid):
        raise _output_error(
            f"{_shown(path)} is a link (to {_shown(target)}) made by another user in a shared folder; "
            "it is not followed: choose another file name"
        )
    if dangling_ok:
        return  # /dev/stdout -> /proc/self/fd/1 -> "pipe:[1234]": opens, though no path resolves
    try:
        path.resolve(strict=True)
    except FileNotFoundError:
        raise _output_error(
            f"{_shown(path)} is a link to {_shown(target)}, which does not exist; nothing was written: "
            "remove the link or choose another file name"
        ) from None


def is_special(path: Path) -> bool:
    """An existing device, pipe or socket (also through a link, as /dev/stdout is)."""
    try:
        mode = path.stat().st_mode
    except (OSError, RuntimeError):
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def write_output_file(path: Path, data: bytes, force: bool) -> None:
    """Write a checked output path atomically. A link (checked to be safe) keeps the link and
    replaces the file it points to; a replaced file keeps its mode (and owner, where we may)."""
    try:
        target = path.resolve() if path.is_symlink() else path
        try:
            old = os.stat(target)
            keep = old if stat.S_ISREG(old.st_mode) else None
        except FileNotFoundError:
            keep = None
        write_atomically(target, data, overwrite=force, mode=0o666, keep=keep)
    except FileExistsError:
        raise _output_error(f"{_shown(path)} already exists; use --force to replace it") from None
    except OSError as exc:
        error = _os_error(path, exc)
        if "permission denied" not in str(error):
            error.args = (f"{error}; nothing was written",)
        raise error from None
    except RuntimeError:
        raise _output_error(f"cannot write {_shown(path)}: it is a loop of links") from None


def write_special(path: Path, data: bytes) -> None:
    """Write into a device or pipe as it is: the atomic rename would replace it with a file
    (and as root, `-o /dev/stdout --force` replaced /dev/stdout itself)."""
    try:
        with open(path, "wb") as handle:
            handle.write(data)
    except BrokenPipeError:
        return  # the reader left, as with `| head`
    except OSError as exc:
        raise _output_error(f"cannot write {_shown(path)} ({exc.strerror or exc})") from None
