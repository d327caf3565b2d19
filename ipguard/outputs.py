"""Writing an output file (a PDF, a workbook, an export) without ever destroying data.

Every output goes through :func:`output_file`: the content is written to a
temporary file in the target's own folder, flushed to disk, given the mode the
user's umask asks for (as any file the user creates), and only then renamed
over the target in one step. A crash, a full disk or a failing writer leaves
the target as it was and no temporary file behind.

Before anything is written the target is checked: a folder, an SQLite database
(by its header: the live ipguard file, a backup, anything else) or one of the
paths the caller protects (the open database and its ``-wal``/``-shm``) is
refused with a message naming the file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

from ipguard import messages
from ipguard.errors import IpguardError
from ipguard.store.probe import FileKind, probe

messages.register(
    {
        "output_is_directory": ("“{path}”是一个文件夹，请给出要写入的文件名", "“{path}” is a folder: give a file name to write"),
        "output_is_database": (
            "“{path}”是一个数据库文件，不能被输出文件覆盖；请换一个文件名",
            "“{path}” is a database file and must not be overwritten by an output; choose another file name",
        ),
        "output_is_open_database": (
            "“{path}”是正在使用的数据库，不能被输出文件覆盖；请换一个文件名",
            "“{path}” is the database in use and must not be overwritten by an output; choose another file name",
        ),
        "output_disk_full": (
            "磁盘空间不足，无法写入“{path}”；请清理磁盘或换一个位置，原文件未被改动",
            "the disk is full, “{path}” could not be written; free some space or choose another place (nothing was changed)",
        ),
        "output_no_folder": ("无法写入“{path}”：文件夹“{folder}”不存在", "cannot write “{path}”: the folder “{folder}” does not exist"),
        "output_write_failed": (
            "无法写入“{path}”：{detail}；请检查文件夹是否存在、是否有写权限，原文件未被改动",
            "cannot write “{path}”: {detail}; check that the folder exists and is writable (nothing was changed)",
        ),
    }
)


class OutputError(IpguardError):
    """An output file was refused or could not be written; nothing was changed."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key, "output", **params)


_umask_lock = threading.Lock()


def creation_mode() -> int:
    """0o666 less the process's umask: the mode a plain ``open(path, "w")`` would give."""
    with _umask_lock:  # os.umask can only be read by setting it
        mask = os.umask(0o022)
        os.umask(mask)
    return 0o666 & ~mask


def _same_file(a: Path, b: Path) -> bool:
    with contextlib.suppress(OSError):
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    return a.resolve() == b.resolve()


def check_target(target: str | Path, *, protect: Iterable[str | Path] = ()) -> Path:
    """Refuse a target that is a folder, a database, or a protected path; return it as a Path."""
    path = Path(target).expanduser()
    for guarded in protect:
        guarded = Path(guarded)
        for candidate in (guarded, Path(f"{guarded}-wal"), Path(f"{guarded}-shm"), Path(f"{guarded}-journal")):
            if _same_file(path, candidate):
                raise OutputError("output_is_open_database", path=str(path))
    kind = probe(path)
    if kind is FileKind.DIRECTORY:
        raise OutputError("output_is_directory", path=str(path))
    if kind.is_database:
        raise OutputError("output_is_database", path=str(path))
    return path


def _failure(path: Path, exc: OSError) -> OutputError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return OutputError("output_disk_full", path=str(path))
    return OutputError("output_write_failed", path=str(path), detail=exc.strerror or str(exc))


@contextlib.contextmanager
def output_file(target: str | Path, *, protect: Iterable[str | Path] = ()) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces ``target`` in one rename.

    ``with output_file(out, protect=[store.path]) as tmp: workbook.save(tmp)``
    """
    path = check_target(target, protect=protect)
    if not path.parent.is_dir():
        raise OutputError("output_no_folder", path=str(path), folder=str(path.parent))
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise _failure(path, exc) from exc
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.chmod(tmp, creation_mode())
        os.replace(tmp, path)
    except OSError as exc:
        raise _failure(path, exc) from exc
    finally:
        tmp.unlink(missing_ok=True)


def write_output(target: str | Path, data: bytes, *, protect: Iterable[str | Path] = ()) -> Path:
    """Write ``data`` to ``target`` through :func:`output_file`; return the target."""
    with output_file(target, protect=protect) as tmp:
        tmp.write_bytes(data)
    return Path(target).expanduser()
