"""The case file (电子档案): documents attached to a case, kept, exported and verified.

See docs/casefile.md. The actions are in :mod:`ipguard.casefile.service`; the
checks of one offered file in :mod:`ipguard.casefile.files`; the zip export and
its verification in :mod:`ipguard.casefile.export`.
"""

from ipguard.casefile.service import (
    RECORD_KINDS,
    RecordTarget,
    attach,
    attach_path,
    read_file,
    record_targets,
    remove,
    require_file_for_received,
    size_limit,
    supersede,
)

__all__ = ["RECORD_KINDS", "RecordTarget", "attach", "attach_path", "read_file", "record_targets", "remove", "require_file_for_received", "size_limit", "supersede"]
