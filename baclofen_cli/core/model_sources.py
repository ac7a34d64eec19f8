"""The knowledge model's building blocks: the field types, the strict base of every struct, and
what a statement rests on (`Statement` and its `Source`s). The rest of the schema: model.py."""

from __future__ import annotations

from typing import Annotated, Literal

from msgspec import Meta, Struct

NonEmptyText = Annotated[str, Meta(min_length=1, max_length=2000)]
Identifier = Annotated[str, Meta(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=60)]
SourceIds = Annotated[list[Identifier], Meta(min_length=1)]
Url = Annotated[str, Meta(pattern=r"^https?://\S+$")]
IsoDate = Annotated[str, Meta(pattern=r"^\d{4}-\d{2}-\d{2}$")]
Severity = Literal["major", "moderate", "minor"]
SectionKind = Literal["info", "warning", "emergency"]
SideEffectTier = Literal["common", "less-common", "call-doctor", "emergency"]
# A region a statement or contact applies to ("US", "UK", "EU", "AU"): declared in `regions:`.
RegionCode = Annotated[str, Meta(pattern=r"^[A-Z]{2,3}$")]
SourceTier = Annotated[
    Literal["official", "reference", "other"],
    Meta(
        description=(
            "How far a patient or pharmacist can trust this source. "
            "official: the authority itself: a regulator's label, leaflet or safety communication (FDA, DailyMed, "
            "MHRA, eMC, TGA, EMA), a national health service (NHS, MedlinePlus/NLM incl. LactMed), a national "
            "formulary (BNF, NICE), Cochrane or a peer-reviewed journal (DOI/PubMed), a national poison centre or "
            "teratology service. Every safety statement cites at least one. "
            "reference: a reputable secondary source: drug references (drugs.com, Medscape, StatPearls), "
            "professional bodies (ISMP), Medicines for Children, manufacturers' and hospitals' pages. "
            "other: anything else (copies and mirrors of labels, forums, Q&A sites, shops, wikis). "
            "Never the only support of a statement, and not allowed in the shipped file; a clinic's own file may "
            "use one, with a warning."
        )
    ),
]
# What kind of document a source is. Free text so a clinic can add its own kinds, but the rules read
# these words: a contact's number must cite one of AUTHORITY_KINDS (see checks_sources.py).
SourceKind = Annotated[
    str,
    Meta(
        max_length=40,
        description=(
            "What kind of document this is, one of: label (prescribing information, SmPC, PI), leaflet "
            "(patient information leaflet), safety-communication (a regulator's warning), regulator (another "
            "regulator page or record), health-service (a national health service or government health agency "
            "page: NHS, MedlinePlus), formulary (BNF, NICE, a local NHS formulary), poison-centre, "
            "teratology-service, drug-database (LactMed, openFDA, Drugs@FDA), systematic-review, "
            "journal-article, drug-reference, professional, manufacturer, hospital, emergency-service (a national "
            "emergency-number authority), crisis-line, other. Emergency and crisis numbers must cite an official "
            "poison-centre, regulator, safety-communication, label, health-service, emergency-service or "
            "crisis-line source for their region."
        ),
        examples=["label", "health-service", "poison-centre", "journal-article"],
    ),
]
ContactKind = Literal["emergency", "poison", "crisis", "urgent-advice", "other"]


class StrictStruct(Struct, frozen=True, forbid_unknown_fields=True):
    """Unknown keys are errors: a typo in a field name must not silently drop content.

    Subclasses say `frozen=True` again: msgspec inherits it, but type checkers read each class alone."""


class Statement(StrictStruct, frozen=True):
    """One patient-facing sentence or two, with the sources that back it."""

    text: NonEmptyText
    sources: SourceIds
    # Shown only to readers in these regions (`--region`); empty means everywhere.
    regions: list[RegionCode] = []


class Source(StrictStruct, frozen=True):
    """A document the guide's statements rest on. Cite the official document itself, never a copy of it."""

    id: Annotated[
        Identifier,
        Meta(description="Short id that statements cite in their `sources:` list (s1, b7, clinical-988). Keep it "
                         "when the citation is corrected, so the statements need no change."),
    ]
    title: Annotated[NonEmptyText, Meta(description="The document's own title, as a reader would search for it.")]
    publisher: Annotated[
        NonEmptyText,
        Meta(description="Who publishes the document (\"US National Library of Medicine\", \"NHS\"), shown to "
                         "readers. One publisher, never \"various websites\" and never the copy it was read in."),
    ]
    url: Annotated[
        Url,
        Meta(description="Where the official document itself lives: a DailyMed set id page, medlineplus.gov, "
                         "nhs.uk, medicines.org.uk, NCBI Bookshelf, a DOI or PubMed record. Where the exact id is "
                         "not known, the authority's own stable search page. Never a copy or mirror (see `via`)."),
    ]
    tier: SourceTier = "other"
    kind: SourceKind = ""
    region: Annotated[
        RegionCode | None,
        Meta(description="The country or region the document is written for (US, UK, EU, AU, CA), if any. "
                         "Omit for international sources."),
    ] = None
    year: Annotated[
        Annotated[int, Meta(ge=1900, le=2100)] | None,
        Meta(description="Year the document was published or last revised, if known (shown to readers)."),
    ] = None
    accessed: Annotated[
        IsoDate | None,
        Meta(description="Date (YYYY-MM-DD) the citation was last checked against the document."),
    ] = None
    via: Annotated[
        list[Url],
        Meta(description="Where the text was actually read, when that was a copy or mirror: provenance for "
                         "editors only, never shown to readers."),
    ] = []
    note: Annotated[
        str,
        Meta(max_length=2000,
             description="A note for editors (what is still to verify, which section supports what); never shown "
                         "to readers."),
    ] = ""
