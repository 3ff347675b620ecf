"""Check a received bundle without unpacking it: safe names first, then BagIt manifests, then portfolio.json."""

from __future__ import annotations

import hashlib
import os
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .bundle_layout import unsafe_name_reason
from .bundle_reader import BundleReader, UnsafeBundle
from .errors import Cancelled

VerifyProgress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]
MANIFEST_LINE = re.compile(r"^([0-9a-fA-F]{64})[ \t]+(\S.*)$")
BAGIT_LINES = ["BagIt-Version: 1.0", "Tag-File-Character-Encoding: UTF-8"]
# sha256 and zip's CRC-32 release the GIL, so two members hashed at once use both cores of a laptop.
HASH_THREADS = max(1, min(4, os.cpu_count() or 1))


@dataclass
class VerifyReport:
    """The verdict on a bundle: valid only when safe and every BagIt and portfolio check passed."""

    valid: bool = False
    problems: list[str] = field(default_factory=list)
    damaged: set[str] = field(default_factory=set)  # payload paths ("data/...") missing or altered
    safe: bool = True
    uuid: str = ""
    setting: str = ""
    scheme: str = ""


def _decode_path(raw: str) -> str:
    return raw.replace("%0A", "\n").replace("%0a", "\n").replace("%0D", "\r").replace("%0d", "\r") \
        .replace("%25", "%")


def parse_manifest(text: str, name: str, problems: list[str]) -> dict[str, str]:
    """path -> lower-case sha256 from a manifest, noting malformed, duplicate or escaping lines."""
    result: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = MANIFEST_LINE.match(line)
        if not match:
            problems.append(f"{name} line {number} is malformed (expected '<sha256> <path>').")
            continue
        path = _decode_path(match.group(2).strip())
        reason = unsafe_name_reason(path)
        if reason:
            problems.append(f"{name} lists '{path[:120]}', which {reason}.")
            continue
        if path in result:
            problems.append(f"{name} lists '{path}' twice.")
        result[path] = match.group(1).lower()
    return result


class _Verifier:
    """One verification run over an opened reader, collecting problems in order."""

    def __init__(self, reader: BundleReader, report: VerifyReport, progress, cancel):
        self.reader, self.report, self.progress, self.cancel = reader, report, progress, cancel
        self.done = 0
        self.total = 0
        self._lock = threading.Lock()  # members are hashed on several threads; progress stays in order

    def problem(self, message: str) -> None:
        self.report.problems.append(message)

    def digest_member(self, name: str) -> tuple[str | None, str | None]:
        """(SHA-256, None) of a member, streamed; (None, why) if it cannot be read. Safe on any thread."""
        digest = hashlib.sha256()
        try:
            with self.reader.open_member(name) as member:
                while chunk := member.read(1024 * 1024):
                    digest.update(chunk)
                    with self._lock:
                        self.done += len(chunk)
                        if self.progress is not None:
                            self.progress(self.done, max(self.total, self.done))
                    if self.cancel is not None and self.cancel():
                        raise Cancelled("Verification cancelled.")
        except UnsafeBundle as exc:
            return None, str(exc)
        return digest.hexdigest(), None

    def hash_member(self, name: str) -> str | None:
        """SHA-256 of a member; None (with the problem noted) if it cannot be read."""
        actual, why = self.digest_member(name)
        if why:
            self.problem(why)
        return actual

    def check_bagit_txt(self) -> None:
        if "bagit.txt" not in self.reader.entries:
            self.problem("bagit.txt is missing: this is not a BagIt bag.")
            return
        lines = [line.strip() for line in self.reader.read_text("bagit.txt", 4096).splitlines() if line.strip()]
        if lines != BAGIT_LINES:
            self.problem("bagit.txt does not declare 'BagIt-Version: 1.0' with UTF-8 tag files.")

    def check_payload(self) -> dict[str, str]:
        entries = self.reader.entries
        if "manifest-sha256.txt" not in entries:
            self.problem("manifest-sha256.txt is missing, so no file can be checked.")
            return {}
        manifest = parse_manifest(self.reader.read_text("manifest-sha256.txt"), "manifest-sha256.txt",
                                  self.report.problems)
        for path in [p for p in manifest if not p.startswith("data/")]:
            self.problem(f"manifest-sha256.txt lists '{path}', which is outside data/.")
            del manifest[path]
        for path in sorted(p for p in entries if p.startswith("data/") and p not in manifest):
            self.problem(f"{path} is in the bundle but not in the manifest (an extra file).")
            self.report.damaged.add(path)
        present = {p: h for p, h in manifest.items() if p in entries}
        for path in sorted(set(manifest) - set(present)):
            self.problem(f"{path} is missing from the bundle.")
            self.report.damaged.add(path)
        self.total = sum(entries[p].size for p in present)
        paths = sorted(present)
        pool = ThreadPoolExecutor(max_workers=HASH_THREADS, thread_name_prefix="verify")
        try:
            digests = list(pool.map(self.digest_member, paths))
        finally:  # on cancel, members not yet started are dropped rather than read
            pool.shutdown(wait=True, cancel_futures=True)
        for path, (actual, why) in zip(paths, digests):
            if why:
                self.problem(why)
            if actual != present[path]:
                if actual is not None:
                    self.problem(f"{path} has been changed or damaged: its checksum does not match the manifest.")
                self.report.damaged.add(path)
        return manifest

    def check_tags(self, manifest: dict[str, str]) -> None:
        entries = self.reader.entries
        if "tagmanifest-sha256.txt" in entries:
            tags = parse_manifest(self.reader.read_text("tagmanifest-sha256.txt"), "tagmanifest-sha256.txt",
                                  self.report.problems)
            for path, expected in sorted(tags.items()):
                if path.startswith("data/"):
                    self.problem(f"tagmanifest-sha256.txt lists the payload file {path}.")
                elif path not in entries:
                    self.problem(f"Tag file {path} is listed in tagmanifest-sha256.txt but missing.")
                elif self.hash_member(path) != expected:
                    self.problem(f"Tag file {path} has been changed: its checksum does not match.")
        oxum = self.reader.bag_info().get("Payload-Oxum")
        if oxum:
            octets, _, count = oxum.partition(".")
            listed = [p for p in manifest if p in entries]
            if not (octets.isdigit() and count.isdigit()):
                self.problem("bag-info.txt has a malformed Payload-Oxum.")
            elif (int(octets), int(count)) != (sum(entries[p].size for p in listed), len(manifest)):
                self.problem(f"Payload-Oxum says {count} files and {octets} bytes, which is not what the bundle holds.")

    def check_portfolio(self, manifest: dict[str, str]) -> None:
        try:
            snapshot = self.reader.portfolio_json()
        except UnsafeBundle as exc:
            self.problem(str(exc))
            return
        if "data/portfolio.json" not in manifest:
            self.problem("data/portfolio.json is not covered by the manifest.")
        if not self.report.scheme:
            self.report.scheme = snapshot.scheme.name
        if not self.report.setting:
            self.report.setting = snapshot.setting.name
        for item in snapshot.evidence:
            if item.included and item.path:
                path = f"data/{item.path}"
                if path not in manifest:
                    self.problem(f"Evidence {item.id} ('{item.title[:80]}') should be at {path}, "
                                 "but the manifest does not list it.")
                    self.report.damaged.add(path)


def verify_bundle(path: Path, progress: VerifyProgress | None = None,
                  cancel: CancelCheck | None = None) -> VerifyReport:
    """Verify a bundle: unsafe -> safe=False and stop; otherwise every BagIt and portfolio.json check."""
    report = VerifyReport()
    try:
        reader = BundleReader(Path(path))
    except UnsafeBundle as exc:
        report.safe = False
        report.problems.append(str(exc))
        return report
    with reader:
        verifier = _Verifier(reader, report, progress, cancel)
        try:
            info = reader.bag_info()
            report.uuid = info.get("External-Identifier", "")
            report.setting = info.get("Source-Organization", "")
            report.scheme = info.get("Scheme", "")
            verifier.check_bagit_txt()
            manifest = verifier.check_payload()
            verifier.check_tags(manifest)
            verifier.check_portfolio(manifest)
        except UnsafeBundle as exc:
            report.safe = False
            report.problems.append(str(exc))
    report.valid = report.safe and not report.problems
    return report
