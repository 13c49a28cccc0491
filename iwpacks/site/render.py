"""Draws the site's pages with jinja2: one environment, autoescape on, so no content or overlay text is markup."""
from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

import jinja2

from iwpacks.model import Brand, Programme
from iwpacks.planning.plan import CoursePlan
from iwpacks.site import links, views
from iwpacks.site.colours import custom_properties, site_colours
from iwpacks.site.downloads import PackFiles
from iwpacks.site.search import INDEX_SCRIPT

LANGUAGE = "en-GB"  # the strategy's and the packs' English


@functools.cache
def environment() -> jinja2.Environment:
    # autoescape everywhere (the stylesheet too): a brand colour is validated hex, and any other text is escaped.
    # StrictUndefined: a misspelt name in a template fails the build instead of printing nothing.
    return jinja2.Environment(loader=jinja2.PackageLoader("iwpacks.site", "templates"), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                              keep_trailing_newline=True)


class Site:
    """What every page shares: who the site is for, its plans and the pack on it, if any."""

    def __init__(self, programme: Programme, brand: Brand, plans: Mapping[str, CoursePlan],
                 pack: PackFiles | None, logo: str) -> None:
        self.programme, self.brand, self.plans, self.pack = programme, brand, plans, pack
        local = programme.localisation
        self.la_name = local.display_name if local is not None else ""
        self.name = brand.name
        self.logo = logo
        self.logo_alt = f"Logo of {self.la_name}" if self.la_name else f"Logo of {brand.name}"
        first = next(iter(plans.values()))
        self.contacts = views.local_contacts(first)  # the slots are the programme's: any plan reads them

    def page(self, template: str, path: str, title: str, **values: Any) -> bytes:
        def link(target: str) -> str:
            return links.relative(target, path)
        html = environment().get_template(template).render(
            site=self, title=title, link=link, lang=LANGUAGE, here=path, links=links, views=views,
            search_script=INDEX_SCRIPT, **values)
        return html.encode("utf-8")


def stylesheet(brand: Brand) -> bytes:
    css = environment().get_template("site.css").render(custom_properties=custom_properties(site_colours(brand)))
    return css.encode("utf-8")
