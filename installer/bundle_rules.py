"""What the PyInstaller bundles keep and drop; shared by the app's spec and the benchmark's.

Dropping unused Qt modules, plugins and libraries is most of the size budget; on Linux
the .deb takes common system libraries from the OS instead of shipping copies.
"""

import sys

# Qt pieces the bench never uses: dropping them is most of the size budget.
# QtNetwork stays: the single-instance hand-over (ui/single_instance.py) uses QLocalServer.
QT_EXCLUDES = [
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtSql",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtDBus",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtUiTools",
    "PySide6.QtXml",
    "PySide6.QtConcurrent",
    "PySide6.QtSvgWidgets",
]
# Pulled in only because httpx offers a command line (httpx._main) when they are present;
# importing them costs a quarter of a second at every start.
PY_EXCLUDES = ["click", "rich", "pygments", "markdown_it", "mdurl"]
# Reached only through optional paths (pydantic.v1's hypothesis plugin, anyio's pytest
# support, distutils shims) yet each brings a runtime hook that runs at every start:
# setuptools' and multiprocessing's cost about a tenth of a second before the window shows.
PY_EXCLUDES += [
    "pydantic.v1",
    "hypothesis",
    "_hypothesis_ftz_detector",
    "pytest",
    "_pytest",
    "setuptools",
    "distutils",
    "_distutils_hack",
    "pkg_resources",
    "wheel",
    "multiprocessing",
]

# Plugin folders kept: platforms (xcb, offscreen, windows, cocoa), image formats for
# thumbnails, platform glue for xcb, and the styles. Everything else is dropped.
KEEP_PLUGIN_DIRS = {"platforms", "imageformats", "xcbglintegrations", "styles"}
KEEP_PLATFORMS = ("qoffscreen", "qxcb", "qwindows", "qcocoa")
KEEP_IMAGEFORMATS = ("qjpeg", "qgif", "qico", "qwebp")
DROP_LIBS = (
    "Qt6Quick",
    "Qt6Qml",
    "Qt6Pdf",
    "Qt6VirtualKeyboard",
    "Qt6OpenGL",
    "Qt6Sql",
    "Qt6Designer",
    "Qt6Help",
    "Qt6Wayland",
    "Qt6Wl",
    "Qt6EglFS",
    "Qt6EglFs",
    "libQt6Quick",
    "libQt6Qml",
    "libQt6Pdf",
    "libQt6VirtualKeyboard",
    "libQt6OpenGL",
    "libQt6Sql",
    "libQt6Wayland",
    "libQt6Wl",
    "libQt6EglFS",
    "libQt6EglFs",
    # Only the GTK platform theme needed these; the bench draws its own style.
    "libgtk-3",
    "libgdk-3",
    "libgdk_pixbuf",
    "libatk-",
    "libatk-bridge",
    "libatspi",
    "libcairo",
    "libpango",
    "libepoxy",
    "libcloudproviders",
    "libtinysparql",
    "libtracker",
    "libcolord",
    "liblcms2",
    "libwayland-",
    "libXcomposite",
    "libXdamage",
    "libXinerama",
    "libXrandr",
    "libXcursor",
    "libXfixes",
    "libXi.",
    "libfribidi",
    "libthai",
    "libdatrie",
    "libpixman",
    "libgraphite2",
    "libjpeg",
    "libpng16",
    "libdeflate",
    "libLerc",
    "libjbig",
    "libtiff",
    "libwebp",
)

# On Linux the .deb takes these from the OS (its Depends line names the packages) rather
# than shipping private copies: smaller, and the desktop's own GL/X11 stack stays consistent.
LINUX_SYSTEM_LIBS = (
    "libglib-2.0",
    "libgio-2.0",
    "libgobject-2.0",
    "libgmodule-2.0",
    "libgthread-2.0",
    "libX11",
    "libXau",
    "libXdmcp",
    "libXext",
    "libXrender",
    "libxcb",
    "libxkbcommon",
    "libfontconfig",
    "libfreetype",
    "libharfbuzz",
    "libdbus-1",
    "libsystemd",
    "libgcrypt",
    "libgpg-error",
    "liblz4",
    "libzstd",
    "libcap.",
    "libstdc++",
    "libgcc_s",
    "libexpat",
    "libbrotli",
    "libbsd",
    "libmd.",
    "libpcre2",
    "libmount",
    "libblkid",
    "libselinux",
    "libuuid",
    "libffi",
    "libz.",
    "libbz2",
    "liblzma",
    "libreadline",
    "libtinfo",
    "libgssapi_krb5",
    "libkrb5",
    "libk5crypto",
    "libcom_err",
    "libkeyutils",
)


#: Qt's catalogs for the standard dialog buttons, one per language of resources/translations.
KEEP_QT_TRANSLATIONS = frozenset({"qtbase_es.qm", "qtbase_de.qm"})


def wanted(entry: tuple[str, ...]) -> bool:
    """Keep this (dest, source, kind) entry of a.binaries / a.datas?"""
    dest = entry[0].replace("\\", "/")
    if "/Qt/plugins/" in dest or ("/plugins/" in dest and "PySide6" in dest):
        parts = dest.split("/plugins/", 1)[1].split("/")
        folder = parts[0]
        if folder not in KEEP_PLUGIN_DIRS:
            return False
        name = parts[-1]
        if folder == "platforms" and not any(k in name for k in KEEP_PLATFORMS):
            return False
        if folder == "imageformats" and not any(k in name for k in KEEP_IMAGEFORMATS):
            return False
    if "/Qt/translations/" in dest or "/translations/qtwebengine" in dest:
        # Qt's own words (OK, Cancel, Yes, No) in the languages PackStation speaks.
        return dest.rsplit("/", 1)[-1] in KEEP_QT_TRANSLATIONS
    base = dest.rsplit("/", 1)[-1]
    if sys.platform.startswith("linux") and "/" not in dest and base.startswith(LINUX_SYSTEM_LIBS):
        return False
    return not any(base.startswith(lib) for lib in DROP_LIBS)
