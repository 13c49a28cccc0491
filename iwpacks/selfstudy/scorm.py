"""The SCORM 1.2 manifest of a self-study course: one organisation, one item, one SCO (the course's page).

SCORM 1.2 rather than 2004: the version every LMS in use takes, and the one its run-time (cmi.core.*) is
simplest in. The manifest names the IMS content packaging 1.1.2 and ADL 1.2 schemas it conforms to; the
package does not carry the schema files, which an LMS does not read.
"""
from __future__ import annotations

import re

from lxml import etree

from iwpacks.model import Module

MANIFEST = "imsmanifest.xml"
IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
IMSMD = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATIONS = (f"{IMSCP} imscp_rootv1p1p2.xsd {IMSMD} imsmd_rootv1p2p1.xsd "
                    f"{ADLCP} adlcp_rootv1p2.xsd")
LAUNCH = "index.html"


def _identifier(text: str) -> str:
    """An xs:ID from any text: letters, digits, '-', '_' and '.', starting with a letter."""
    return "iwpacks-" + re.sub(r"[^A-Za-z0-9_.-]", "-", text)


def manifest(module: Module, version: str, files: tuple[str, ...], pass_mark: int) -> bytes:
    title = f"{module.ref} {module.name}: self-study"
    root = etree.Element(f"{{{IMSCP}}}manifest", nsmap={None: IMSCP, "adlcp": ADLCP, "xsi": XSI},
                         identifier=_identifier(f"{module.ref}-{version}"), version=version)
    root.set(f"{{{XSI}}}schemaLocation", SCHEMA_LOCATIONS)
    metadata = etree.SubElement(root, f"{{{IMSCP}}}metadata")
    etree.SubElement(metadata, f"{{{IMSCP}}}schema").text = "ADL SCORM"
    etree.SubElement(metadata, f"{{{IMSCP}}}schemaversion").text = "1.2"
    organizations = etree.SubElement(root, f"{{{IMSCP}}}organizations", default="organisation")
    organization = etree.SubElement(organizations, f"{{{IMSCP}}}organization", identifier="organisation")
    etree.SubElement(organization, f"{{{IMSCP}}}title").text = title
    item = etree.SubElement(organization, f"{{{IMSCP}}}item", identifier="item", identifierref="sco",
                            isvisible="true")
    etree.SubElement(item, f"{{{IMSCP}}}title").text = title
    # The knowledge check's pass mark: an LMS compares cmi.core.score.raw with it.
    etree.SubElement(item, f"{{{ADLCP}}}masteryscore").text = str(pass_mark)
    resources = etree.SubElement(root, f"{{{IMSCP}}}resources")
    resource = etree.SubElement(resources, f"{{{IMSCP}}}resource", identifier="sco", type="webcontent",
                                href=LAUNCH)
    resource.set(f"{{{ADLCP}}}scormtype", "sco")
    for path in files:
        etree.SubElement(resource, f"{{{IMSCP}}}file", href=path)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
