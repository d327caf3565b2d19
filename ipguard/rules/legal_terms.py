"""How long each kind of IP is protected, by law (the one place that holds these terms).

- Invention patent 20 years, utility model 10 years from the filing date
  (专利法 art. 42).
- Design patent: 15 years from filing for applications filed on or after
  2021-06-01, when the 2020 amendment of the Patent Law took effect; 10 years
  for those filed before (专利法 2008 art. 42, still governing them).
- Trademark: 10 years from registration (商标法 art. 39), renewable for 10
  years at a time (art. 40): a stated expiry after a renewal is believed.
- Software copyright of a legal person: to 31 December of the 50th year
  after first publication (计算机软件保护条例 art. 14); other works of a legal
  person likewise (著作权法 art. 23). Not the registration date: registration
  may come years after publication.

A patent's or copyright's stated expiry is never believed past the legal
term: a careless or dishonest entry cannot lengthen protection.
"""

from __future__ import annotations

import datetime as dt

from ipguard.domain import IpAsset, IpType
from ipguard.rules import add_months

DESIGN_PATENT_15_YEARS_FROM = dt.date(2021, 6, 1)
PATENT_YEARS = {IpType.INVENTION_PATENT: 20, IpType.UTILITY_MODEL: 10}
TRADEMARK_YEARS = 10
COPYRIGHT_YEARS_AFTER_PUBLICATION = 50


def legal_term_end(asset: IpAsset) -> dt.date | None:
    """The last day of protection the law gives this asset, or None when the record lacks the date it runs from."""
    kind = asset.ip_type
    if kind.is_patent:
        if asset.filing_date is None:
            return None
        if kind is IpType.DESIGN_PATENT:
            years = 15 if asset.filing_date >= DESIGN_PATENT_15_YEARS_FROM else 10
        else:
            years = PATENT_YEARS[kind]
        return add_months(asset.filing_date, 12 * years) - dt.timedelta(days=1)
    if kind is IpType.TRADEMARK:
        basis = asset.grant_date or asset.filing_date
        return add_months(basis, 12 * TRADEMARK_YEARS) - dt.timedelta(days=1) if basis else None
    if asset.first_published_on is None:
        return None
    return dt.date(asset.first_published_on.year + COPYRIGHT_YEARS_AFTER_PUBLICATION, 12, 31)


def effective_expiry(asset: IpAsset) -> tuple[dt.date | None, bool]:
    """The expiry to count on, and whether it was derived from the law rather than stated.

    A stated expiry stands for trademarks (renewals extend them) and is cut
    to the legal term for patents and copyrights.
    """
    legal = legal_term_end(asset)
    stated = asset.expiry_date
    if stated is None:
        return legal, legal is not None
    if asset.ip_type is IpType.TRADEMARK or legal is None:
        return stated, False
    return (legal, True) if legal < stated else (stated, False)
