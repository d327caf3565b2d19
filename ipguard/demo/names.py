"""Made-up but plausible Chinese companies, people and identifiers.

Every identifier carries a correct check digit, so the demo data passes the
same validation as real input. Deterministic for a given ``random.Random``.
"""

from __future__ import annotations

import datetime as dt
import random

from stdnum.cn import ric, uscc

from ipguard.validators import patent_check_char

_PLACES = ("浦江", "张江", "临港", "金桥", "外高桥", "陆家嘴", "川沙", "周浦", "康桥", "唐镇", "高行", "曹路", "泥城", "航头")
_CORES = (
    "芯", "微", "智", "光", "量子", "云", "数", "星", "海", "博", "睿", "联", "晶", "航", "安", "新", "源", "瀚", "达", "科",
    "辰", "岳", "澜", "衡", "图", "灵", "思", "创", "驰", "磐",
)
_FIELDS = (
    ("半导体科技", "集成电路"), ("生物医药科技", "生物医药"), ("智能装备", "高端装备"), ("信息技术", "软件和信息技术服务"),
    ("新材料科技", "新材料"), ("光电科技", "光电子"), ("医疗器械", "医疗器械"), ("人工智能科技", "人工智能"),
    ("新能源科技", "新能源"), ("检测技术", "科技服务"), ("机器人科技", "高端装备"), ("数据科技", "软件和信息技术服务"),
)
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志海宁晨宇浩然子涵思远文博嘉怡欣悦俊凯"
_INVENTIONS = (
    "一种低功耗神经网络加速芯片及其控制方法", "一种基于深度学习的晶圆缺陷检测方法", "一种高通量单细胞测序文库构建方法",
    "一种柔性钙钛矿光伏组件的封装结构", "一种用于协作机器人的力矩传感器", "一种多模态医学影像配准方法及系统",
    "一种锂离子电池固态电解质及其制备方法", "一种工业互联网边缘计算调度方法", "一种微流控芯片及其制备工艺",
    "一种激光雷达点云实时分割方法", "一种抗体偶联药物的连接子及其应用", "一种碳化硅功率器件的终端结构",
)
_UTILITY = ("一种可调式检测治具", "一种散热模组结构", "一种便携式采样装置", "一种模块化电控柜", "一种防尘连接器")
_SOFTWARE = ("智能排产管理系统V2.0", "设备远程运维平台V3.1", "医学影像分析软件V1.5", "供应链协同平台V2.3", "实验数据管理系统V1.0")
AREA_CODES = ("310115", "310104", "310112", "310110", "310230", "320505", "330106")


def org_code_check(digits8: str) -> str:
    """GB 11714 organisation code check character for 8 digits."""
    weights = (3, 7, 9, 10, 5, 8, 4, 2)
    value = 11 - sum(int(d) * w for d, w in zip(digits8, weights, strict=True)) % 11
    return {10: "X", 11: "0"}.get(value, str(value))


def make_uscc(rng: random.Random, area: str = "310115") -> str:
    body8 = f"{rng.randrange(10**8):08d}"
    base = f"91{area}{body8}{org_code_check(body8)}"
    code = base + uscc.calc_check_digit(base + "0")
    assert uscc.is_valid(code), code
    return code


# Districts whose codes were in use for births in 1965-1990 (the check looks the
# code up as of the birth date).
RIC_AREAS = ("310101", "310104", "310105", "310106", "310107", "310109", "310110")


def make_resident_id(rng: random.Random, born: dt.date | None = None) -> str:
    born = born or dt.date(1965, 1, 1) + dt.timedelta(days=rng.randrange(365 * 25))
    body = f"{rng.choice(RIC_AREAS)}{born:%Y%m%d}{rng.randrange(1000):03d}"
    number = body + ric.calc_check_digit(body + "0")
    assert ric.is_valid(number), number
    return number


def make_patent_number(rng: random.Random, year: int, kind: str) -> str:
    """A 12-digit application number with the right type digit and check digit."""
    digits = f"{year}{kind}{rng.randrange(10**7):07d}"
    return f"ZL{digits}.{patent_check_char(digits)}"


def person_name(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2))))


def company(rng: random.Random) -> tuple[str, str]:
    """(company name, industry)."""
    place = rng.choice(_PLACES)
    core = "".join(rng.sample(_CORES, 2))
    field, industry = rng.choice(_FIELDS)
    suffix = rng.choice(("有限公司", "股份有限公司", "有限公司"))
    return f"上海{place}{core}{field}{suffix}", industry


def phone(rng: random.Random) -> str:
    return f"1{rng.choice('3589')}{rng.randrange(10**9):09d}"


def _pick(rng: random.Random, pool: tuple[str, ...], used: set[str] | None, prefix: str = "") -> str:
    """A title from ``pool``; with ``used``, one not in it (while any is left), then remembered there.

    Draws once as before and only re-draws on a repeat, so callers without ``used``
    (and companies without a repeat) see the same sequence as ever.
    """
    title = prefix + rng.choice(pool)
    if used is not None:
        if title in used:
            fresh = [prefix + t for t in pool if prefix + t not in used]
            if fresh:
                title = rng.choice(fresh)
        used.add(title)
    return title


def invention_title(rng: random.Random, used: set[str] | None = None) -> str:
    return _pick(rng, _INVENTIONS, used)


def utility_title(rng: random.Random, used: set[str] | None = None) -> str:
    return _pick(rng, _UTILITY, used)


def software_title(rng: random.Random, company_short: str, used: set[str] | None = None) -> str:
    """A software product title; pass one ``used`` set per company so its titles differ."""
    return _pick(rng, _SOFTWARE, used, company_short)
