"""The kinds of intellectual property a company can pledge, with their names.

The lowest layer of the vocabulary: :mod:`ipguard.validators` checks numbers by
kind and :mod:`ipguard.domain` builds assets from it, so it imports neither.
"""

from __future__ import annotations

from enum import StrEnum


class IpType(StrEnum):
    INVENTION_PATENT = "invention_patent"
    UTILITY_MODEL = "utility_model"
    DESIGN_PATENT = "design_patent"
    TRADEMARK = "trademark"
    SOFTWARE_COPYRIGHT = "software_copyright"
    COPYRIGHT = "copyright"

    @property
    def label(self) -> str:
        return _IP_TYPE_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _IP_TYPE_LABELS[self][1]

    @property
    def is_patent(self) -> bool:
        return self in (IpType.INVENTION_PATENT, IpType.UTILITY_MODEL, IpType.DESIGN_PATENT)

    @property
    def registry(self) -> str:
        """Where a pledge of this asset is registered."""
        if self.is_patent or self is IpType.TRADEMARK:
            return "国家知识产权局"
        return "中国版权保护中心"


_IP_TYPE_LABELS = {
    IpType.INVENTION_PATENT: ("发明专利", "invention patent"),
    IpType.UTILITY_MODEL: ("实用新型", "utility model"),
    IpType.DESIGN_PATENT: ("外观设计", "design patent"),
    IpType.TRADEMARK: ("注册商标", "trademark"),
    IpType.SOFTWARE_COPYRIGHT: ("软件著作权", "software copyright"),
    IpType.COPYRIGHT: ("著作权", "copyright"),
}
