"""Check a received bundle without unpacking it: safe names first, then BagIt manifests, then portfolio.json."""

from __future__ import annotations

import hashlib
import os
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Cancelled, UnsafeBundle
from .bundle_layout import unsafe_name_reason
from .bundle_reader import BundleReader

VerifyProgress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]
MANIFEST_LINE = re.compile(r"^([0-9a-fA-F]+)[ \t]+(\S.*)$")
MANIFEST_NAME = re.compile(r"^(tag)?manifest-([A-Za-z0-9_-]+)\.txt$")
BAGIT_LINES = ["BagIt-Version: 1.0", "Tag-File-Character-Encoding: UTF-8"]
ALGORITHMS = {name for name in hashlib.algorithms_guaranteed if not name.startswith("shake")}
OUR_MANIFEST, OUR_TAG_MANIFEST = "manifest-sha256.txt", "tagmanifest-sha256.txt"
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
    ours: bool = (
        False  # made by Portfolio Builder (bag-info says so and portfolio.json has our format)
    )

    @property
    def headline(self) -> str:
        """The first line a person reads: whether this is a Portfolio Builder bundle at all, then the verdict."""
        if self.valid:
            return f"Valid bundle: {self.setting} ({self.scheme}), {self.uuid}."
        if not self.ours:
            return (
                "This is not a Portfolio Builder bundle (or it is too damaged to tell): "
                f"{len(self.problems)} problem(s) found."
            )
        return (
            f"This Portfolio Builder bundle from {self.setting or 'an unnamed setting'} is NOT valid: it was "
            f"changed or damaged after it was exported ({len(self.problems)} problem(s))."
        )


def _decode_path(raw: str) -> str:
    return (
        raw.replace("%0A", "\n")
        .replace("%0a", "\n")
        .replace("%0D", "\r")
        .replace("%0d", "\r")
        .replace("%25", "%")
    )


def parse_manifest(
    text: str, name: str, problems: list[str], algorithm: str = "sha256"
) -> dict[str, str]:
    """path -> lower-case checksum from a manifest, noting malformed, duplicate or escaping lines."""
    result: dict[str, str] = {}
    width = hashlib.new(algorithm).digest_size * 2
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = MANIFEST_LINE.match(line)
        if not match or len(match.group(1)) != width:
            problems.append(
                f"{name} line {number} is malformed (expected '<{algorithm} checksum> <path>')."
            )
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
        self._lock = (
            threading.Lock()
        )  # members are hashed on several threads; progress stays in order

    def problem(self, message: str) -> None:
        self.report.problems.append(message)

    def digest_member(
        self, name: str, algorithms: tuple[str, ...] = ("sha256",)
    ) -> tuple[dict | None, str | None]:
        """({algorithm: checksum}, None) of a member, read once; (None, why) if it cannot be read. Any thread."""
        digests = {algorithm: hashlib.new(algorithm) for algorithm in algorithms}
        try:
            with self.reader.open_member(name) as member:
                while chunk := member.read(1024 * 1024):
                    for digest in digests.values():
                        digest.update(chunk)
                    with self._lock:
                        self.done += len(chunk)
                        if self.progress is not None:
                            self.progress(self.done, max(self.total, self.done))
                    if self.cancel is not None and self.cancel():
                        raise Cancelled("Verification cancelled.")
        except UnsafeBundle as exc:
            return None, str(exc)
        return {algorithm: digest.hexdigest() for algorithm, digest in digests.items()}, None

    def check_bagit_txt(self) -> None:
        """bagit.txt is exactly the two lines BagIt 1.0 requires: no byte-order mark, nothing added."""
        if "bagit.txt" not in self.reader.entries:
            self.problem("bagit.txt is missing: this is not a BagIt bag.")
            return
        raw = self.reader.read_bytes("bagit.txt", 4096)
        try:
            lines = raw.decode("utf-8").splitlines(keepends=True)
        except UnicodeDecodeError:
            lines = []
        if (
            raw.startswith(b"\xef\xbb\xbf")
            or [line.rstrip("\r\n") for line in lines] != BAGIT_LINES
            or not all(line.endswith(("\n", "\r")) for line in lines)
        ):
            self.problem(
                "bagit.txt is not exactly the two lines BagIt 1.0 requires ('BagIt-Version: 1.0' and "
                "'Tag-File-Character-Encoding: UTF-8', no byte-order mark, nothing else)."
            )

    def manifests(self, tag: bool) -> dict[str, dict[str, str]]:
        """Every (tag) manifest in the bag as algorithm -> {path: checksum}; unknown algorithms are refused."""
        found = {}
        for name in sorted(self.reader.entries):
            match = MANIFEST_NAME.match(name)
            if not match or bool(match.group(1)) != tag:
                continue
            algorithm = match.group(2).lower()
            if algorithm not in ALGORITHMS:
                self.problem(
                    f"{name} uses the checksum algorithm '{algorithm}', which cannot be checked here."
                )
                continue
            found[algorithm] = parse_manifest(
                self.reader.read_text(name), name, self.report.problems, algorithm
            )
        return found

    def hash_all(self, wanted: dict[str, list[str]]) -> dict[str, dict | None]:
        """Each member's checksums with the algorithms it is listed under, members on several threads.

        A few plain threads, each taking the next member (concurrent.futures would load logging, and verify
        is a command people wait for); on cancel, members not yet started are dropped rather than read."""
        paths = sorted(wanted)
        results: list[tuple[dict | None, str | None]] = [(None, None)] * len(paths)
        pending = iter(range(len(paths)))
        taking = threading.Lock()
        failures: list[BaseException] = []

        def work() -> None:
            while not failures:
                with taking:
                    index = next(pending, None)
                if index is None:
                    return
                try:
                    results[index] = self.digest_member(paths[index], tuple(wanted[paths[index]]))
                except BaseException as exc:  # noqa: BLE001 - raised again on the caller's thread
                    failures.append(exc)

        threads = [
            threading.Thread(target=work, name=f"verify-{n}")
            for n in range(min(HASH_THREADS, len(paths)))
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        if failures:
            raise failures[0]
        digests = {}
        for path, (actual, why) in zip(paths, results):
            if why:
                self.problem(why)
            digests[path] = actual
        return digests

    def check_payload(self) -> dict[str, str]:
        """Every payload manifest checked with its own algorithm; every payload file listed in every one."""
        entries = self.reader.entries
        if OUR_MANIFEST not in entries:
            self.problem(f"{OUR_MANIFEST} is missing, so no file can be checked.")
        manifests = self.manifests(tag=False)
        for algorithm, manifest in manifests.items():
            for path in [p for p in manifest if not p.startswith("data/")]:
                self.problem(f"manifest-{algorithm}.txt lists '{path}', which is outside data/.")
                del manifest[path]
        payload = sorted(p for p in entries if p.startswith("data/"))
        listed = set().union(*manifests.values()) if manifests else set()
        for path in payload:
            missing_from = [f"manifest-{a}.txt" for a, m in manifests.items() if path not in m]
            if missing_from:
                self.problem(
                    f"{path} is in the bundle but not in {', '.join(missing_from)} (an extra file)."
                )
                self.report.damaged.add(path)
        for path in sorted(listed - set(entries)):
            self.problem(f"{path} is missing from the bundle.")
            self.report.damaged.add(path)
        wanted = {p: [a for a, m in manifests.items() if p in m] for p in listed if p in entries}
        self.total = sum(entries[p].size for p in wanted)
        for path, actual in self.hash_all(wanted).items():
            bad = actual is None or any(actual[a] != manifests[a][path] for a in wanted[path])
            if bad:
                if actual is not None:
                    self.problem(
                        f"{path} has been changed or damaged: its checksum does not match the manifest."
                    )
                self.report.damaged.add(path)
        return manifests.get("sha256") or next(iter(manifests.values()), {})

    def check_tags(self, manifest: dict[str, str]) -> None:
        """The tag manifest is required; each one is checked with its own algorithm; every tag file is listed."""
        entries = self.reader.entries
        if OUR_TAG_MANIFEST not in entries:
            self.problem(
                f"{OUR_TAG_MANIFEST} is missing, so bag-info.txt, START-HERE.html and the manifests "
                "cannot be checked (every Portfolio Builder bundle has one)."
            )
        tag_manifests = self.manifests(tag=True)
        wanted: dict[str, list[str]] = {}
        for algorithm, tags in tag_manifests.items():
            for path in sorted(tags):
                if path.startswith("data/"):
                    self.problem(f"tagmanifest-{algorithm}.txt lists the payload file {path}.")
                elif path not in entries:
                    self.problem(
                        f"Tag file {path} is listed in tagmanifest-{algorithm}.txt but missing."
                    )
                else:
                    wanted.setdefault(path, []).append(algorithm)
        for path, actual in self.hash_all(wanted).items():
            for algorithm in wanted[path]:
                if actual is not None and actual[algorithm] != tag_manifests[algorithm][path]:
                    self.problem(
                        f"Tag file {path} has been changed: its checksum does not match "
                        f"tagmanifest-{algorithm}.txt."
                    )
        for path in sorted(entries):
            match = MANIFEST_NAME.match(path)
            if (
                not path.startswith("data/")
                and not (match and match.group(1))
                and path not in wanted
                and not any(path in tags for tags in tag_manifests.values())
            ):
                self.problem(f"{path} is in the bundle but no manifest lists it (an extra file).")
        oxum = self.reader.bag_info().get("Payload-Oxum")
        if oxum:
            octets, _, count = oxum.partition(".")
            listed = [p for p in manifest if p in entries]
            if not (octets.isdigit() and count.isdigit()):
                self.problem("bag-info.txt has a malformed Payload-Oxum.")
            elif (int(octets), int(count)) != (sum(entries[p].size for p in listed), len(manifest)):
                self.problem(
                    f"Payload-Oxum says {count} files and {octets} bytes, which is not what the bundle holds."
                )

    def check_portfolio(self, manifest: dict[str, str]) -> None:
        try:
            snapshot = self.reader.portfolio_dict()
        except UnsafeBundle as exc:
            self.problem(str(exc))
            return
        if "data/portfolio.json" not in manifest:
            self.problem("data/portfolio.json is not covered by the manifest.")
        self.report.ours = self.report.ours or bool(snapshot)
        if not self.report.scheme:
            self.report.scheme = snapshot["scheme"]["name"]
        if not self.report.setting:
            self.report.setting = snapshot["setting"]["name"]
        for item in snapshot["evidence"]:
            if item["included"] and item["path"]:
                path = f"data/{item['path']}"
                if path not in manifest:
                    self.problem(
                        f"Evidence {item['id']} ('{item['title'][:80]}') should be at {path}, "
                        "but the manifest does not list it."
                    )
                    self.report.damaged.add(path)


def verify_bundle(
    path: Path, progress: VerifyProgress | None = None, cancel: CancelCheck | None = None
) -> VerifyReport:
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
            report.ours = bool(info.get("Portfolio-Builder-Version"))
            verifier.check_bagit_txt()
            manifest = verifier.check_payload()
            verifier.check_tags(manifest)
            verifier.check_portfolio(manifest)
        except UnsafeBundle as exc:
            report.safe = False
            report.problems.append(str(exc))
    report.valid = report.safe and not report.problems
    return report
