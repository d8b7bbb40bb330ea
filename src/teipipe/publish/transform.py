"""XSLT outputs: a registry of formats, each a stylesheet compiled once per run and reused.

teipipe's stylesheets' source of truth is the repository's `xslt/` folder. The package
reaches it through `teipipe/xslt`, a symlink to `../../xslt` that setuptools follows
when it builds a wheel (`[tool.setuptools.package-data]` lists `xslt/*.xsl`), so an
installed teipipe carries a copy made at build time and nobody maintains two. A project
replaces one of them by a file of the same name in its own `xslt/` (`Stylesheets`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree
from saxonche import PyXsltExecutable

from ..xml import safexml, saxon

STYLESHEETS = Path(__file__).resolve().parents[1] / "xslt"
SHIPPED_PARAMETER = "teipipe-xslt"
"""A static parameter every stylesheet is compiled with: the URI of teipipe's own
stylesheet folder, ending in a slash, so that a project's stylesheet can build on the
shipped one with `<xsl:import _href="{$teipipe-xslt}tei-to-html.xsl"/>`."""


@dataclass(frozen=True)
class Stylesheets:
    """Which stylesheet runs for each output: the project's own `xslt/NAME` where it has
    one, otherwise teipipe's. What the cache key hashes is what runs."""

    project: Path | None = None
    """The project's xslt/ folder; None: teipipe's stylesheets only."""
    shipped: Path = STYLESHEETS

    def path(self, name: str) -> Path:
        own = self.project / name if self.project is not None else None
        return own if own is not None and own.is_file() else self.shipped / name

    def folders(self) -> tuple[Path, ...]:
        """Every folder a stylesheet (or what it imports) may come from."""
        return (self.shipped,) if self.project is None else (self.shipped, self.project)


@dataclass(frozen=True)
class Output:
    """One output format: its stylesheet and the extension of the files it writes."""

    stylesheet: str
    extension: str
    per_corpus: bool = False
    """True when one run covers the whole corpus (input: a manifest of documents)."""


# A new format is one xslt/tei-to-<fmt>.xsl and one row here.
OUTPUTS: dict[str, Output] = {
    # A page on its own, for TEI from any edition: no links into a site around it.
    "html": Output("tei-to-page.xsl", ".html"),
    "text": Output("tei-to-text.xsl", ".txt"),
    "cmif": Output("tei-to-cmif.xsl", ".xml", per_corpus=True),
}
# The side-by-side page of a translation and its original; run on the translation.
PARALLEL = Output("tei-to-parallel.xsl", ".parallel.html")
# The reading page inside the site: linked to the index, the register and the schema reference.
SITE_PAGE = Output("tei-to-html.xsl", ".html")

MANIFEST_NS = "urn:teipipe:manifest"


class TransformError(Exception):
    """A stylesheet failed to compile or to run; the message is Saxon's."""


@dataclass
class Transformer:
    """The compiled stylesheets of one run.

    Lifecycle: make one per run; each stylesheet is compiled at its first use into an
    executable that is never given parameters or modes afterwards, so every document
    sees the same executable. Not thread-safe (Saxon's processor is the process's).
    """

    stylesheets: Stylesheets = Stylesheets()
    _compiled: dict[str, PyXsltExecutable] = field(default_factory=dict, init=False, repr=False)

    def executable(self, output: Output) -> PyXsltExecutable:
        compiled = self._compiled.get(output.stylesheet)
        if compiled is None:
            path = self.stylesheets.path(output.stylesheet)
            if not path.is_file():
                raise TransformError(f"no stylesheet {output.stylesheet} in the xslt folder")
            try:
                processor = saxon.processor()
                compiler = processor.new_xslt30_processor()
                compiler.set_parameter(SHIPPED_PARAMETER, processor.make_string_value(
                    self.stylesheets.shipped.resolve().as_uri() + "/"))
                with saxon.quiet():
                    compiled = compiler.compile_stylesheet(stylesheet_file=str(path))
            except saxon.PySaxonApiError as error:
                raise TransformError(f"{output.stylesheet} does not compile: "
                                     f"{saxon.one_line(error)}") from error
            self._compiled[output.stylesheet] = compiled
        return compiled

    def apply_file(self, output: Output, source: Path,
                   limits: safexml.Limits = safexml.NO_XINCLUDE) -> str:
        """The result of a stylesheet on one TEI file, read by the secure reader (its URI
        is the base for relative links); TransformError names a refused file."""
        tree, problems = safexml.read(source, source.name, limits)
        if tree is None:
            raise TransformError(problems[0].message)
        return self.apply_tree(output, tree, source.name, source.resolve().as_uri())

    def apply_tree(self, output: Output, tree: etree._ElementTree, name: str,
                   base_uri: str | None = None) -> str:
        """The result of a stylesheet on a tree the secure reader returned (`name` names it
        in errors; `base_uri`: its file's URI, for stylesheets that read files beside it)."""
        try:
            node = saxon.from_tree(tree, base_uri)
        except saxon.PySaxonApiError as error:
            raise TransformError(f"{name} cannot be read: {saxon.one_line(error)}") from error
        return self.apply_parsed(output, node, name)

    def apply_parsed(self, output: Output, document: saxon.PyXdmNode, name: str) -> str:
        """The result of a stylesheet on a document already given to Saxon by
        `saxon.from_tree`, which several stylesheets (and the Schematron) can share."""
        try:
            with saxon.quiet():
                result = self.executable(output).transform_to_string(xdm_node=document)
        except saxon.PySaxonApiError as error:
            raise TransformError(
                f"{output.stylesheet} failed on {name}: {saxon.one_line(error)}") from error
        return result or ""

    def apply_corpus(self, output: Output, manifest: etree._Element) -> str:
        """The result of a corpus-level stylesheet on a manifest listing the documents."""
        return self.apply_tree(output, etree.ElementTree(manifest), "the corpus")


def manifest(documents: list[Path], settings: dict[str, str]) -> etree._Element:
    """The input of a corpus stylesheet: edition settings as attributes, a row a document."""
    root = etree.Element(f"{{{MANIFEST_NS}}}corpus",
                         nsmap={None: MANIFEST_NS})  # type: ignore[dict-item]
    for key, value in sorted(settings.items()):
        root.set(key, value)
    for path in documents:
        etree.SubElement(root, f"{{{MANIFEST_NS}}}document",
                         href=path.resolve().as_uri(), name=path.stem)
    return root
