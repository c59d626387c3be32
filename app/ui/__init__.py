"""The desktop app (Qt). Nothing outside ``app/ui`` imports Qt.

PySide6 6.12 on CPython 3.11 returns ``None`` from void methods without taking a reference, so every call such as
``widget.update()`` lowers None's reference count by one until the interpreter aborts ("none_dealloc"). From
CPython 3.12 None is immortal and this cannot happen; on 3.11 we give None a reference count no program reaches.
"""

import sys

if sys.version_info < (3, 12) and sys.implementation.name == "cpython":
    import ctypes

    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 48
