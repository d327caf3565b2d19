"""Companies, their actual controllers and their IP assets."""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING

from ipguard import messages
from ipguard.domain import Company, IpAsset
from ipguard.errors import NotFoundError, ValidationError
from ipguard.store.records import AssetRecord, CompanyRecord, RelatedParty, from_date, to_date

if TYPE_CHECKING:
    from ipguard.store.core import Store

messages.register(
    {
        "asset_owned_elsewhere": (
            "{number} 已登记在另一家企业（{company}）名下",
            "{number} is already recorded under another company ({company})",
        ),
    }
)


def _asset_values(asset: IpAsset) -> dict[str, object]:
    return {
        "ip_type": asset.ip_type.value,
        "number": asset.number,
        "title": asset.title,
        "owners": asset.owners,
        "sole_owner": int(asset.sole_owner),
        "filing_date": from_date(asset.filing_date),
        "grant_date": from_date(asset.grant_date),
        "expiry_date": from_date(asset.expiry_date),
        "legal_status": asset.legal_status.value,
        "nice_class": asset.nice_class,
        "pledged": int(asset.pledged),
        "licensed": int(asset.licensed),
        "in_dispute": int(asset.in_dispute),
        "used_in_main_products": int(asset.used_in_main_products),
        "revenue_supported_fen": asset.revenue_supported,
        "co_owner_consent": int(asset.co_owner_consent),
        "first_published_on": from_date(asset.first_published_on),
        "certificate_no": asset.certificate_no,
    }


class CompanyRepo:
    def __init__(self, store: Store) -> None:
        self.store = store

    def set_size(self, company_id: int, *, employees: int | None, total_assets: int | None, small_micro: bool) -> None:
        """The figures the enterprise size was judged on, and whether the company is small or micro."""
        self.store.db.execute(
            "UPDATE companies SET employees = COALESCE(?, employees), total_assets_fen = COALESCE(?, total_assets_fen),"
            " small_micro = ? WHERE id = ?", [employees, total_assets, int(small_micro), company_id])

    # -- related parties (关联方) -------------------------------------------------

    def add_related_party(self, company_id: int, related_id: int, relation: str, note: str) -> None:
        """Record a relation (both ways: a relation is mutual for the limits)."""
        for a, b in ((company_id, related_id), (related_id, company_id)):
            self.store.db.execute(
                "INSERT INTO related_parties (company_id, related_company_id, relation, note, recorded_at) VALUES (?,?,?,?,?)"
                " ON CONFLICT(company_id, related_company_id) DO UPDATE SET relation = excluded.relation, note = excluded.note",
                [a, b, relation, note, self.store.now()],
            )

    def related_parties(self, company_id: int) -> list[RelatedParty]:
        """The company's recorded related parties, by name."""
        return [RelatedParty(r["id"], r["name"], r["relation"], r["note"]) for r in self.store.query(
            "SELECT r.related_company_id AS id, c.name, r.relation, r.note FROM related_parties r"
            " JOIN companies c ON c.id = r.related_company_id WHERE r.company_id = ? ORDER BY c.name", [company_id])]  # fmt: skip

    # -- companies ---------------------------------------------------------

    def get(self, company_id: int) -> CompanyRecord:
        rows = self.store.query(
            "SELECT c.*, k.name AS controller_name, k.resident_id AS controller_resident_id, k.phone AS controller_phone"
            " FROM companies c LEFT JOIN controllers k ON k.company_id = c.id WHERE c.id = ?",
            [company_id],
        )
        if not rows:
            raise NotFoundError("not_found", what="企业", ident=company_id)
        r = rows[0]
        return CompanyRecord(
            id=r["id"],
            name=r["name"],
            uscc=r["uscc"],
            industry=r["industry"],
            address=r["address"],
            founded_on=to_date(r["founded_on"]),
            contact_name=r["contact_name"],
            contact_phone=r["contact_phone"],
            controller_name=r["controller_name"] or "",
            controller_resident_id=r["controller_resident_id"] or "",
            controller_phone=r["controller_phone"] or "",
            small_micro=bool(r["small_micro"]),
        )

    def by_uscc(self, uscc: str) -> CompanyRecord | None:
        company_id = self.store.scalar("SELECT id FROM companies WHERE uscc = ?", [uscc])
        return self.get(company_id) if company_id else None

    def upsert(self, company: Company, *, acting_user_id: int | None, case_id: int | None = None) -> int:
        """Insert the company, or update it when its credit code is known; audited."""
        values = {
            "name": company.name,
            "uscc": company.uscc,
            "industry": company.industry,
            "address": company.address,
            "founded_on": from_date(company.founded_on),
            "contact_name": company.contact_name,
            "contact_phone": company.contact_phone,
        }
        with self.store.transaction() as db:
            existing = self.by_uscc(company.uscc)
            now = self.store.now()
            if existing:
                company_id = existing.id
                before = {k: v for k, v in asdict(existing).items() if k in values}
                before["founded_on"] = from_date(existing.founded_on)
                if before != values:
                    db.execute(
                        f"UPDATE companies SET {', '.join(f'{k} = ?' for k in values)}, updated_at = ? WHERE id = ?",
                        [*values.values(), now, company_id],
                    )
                    self.store.audit(
                        user_id=acting_user_id, case_id=case_id, entity="company", entity_id=company_id, action="update",
                        before=before, after=values,
                    )
            else:
                cur = db.execute(
                    f"INSERT INTO companies ({', '.join(values)}, created_at, updated_at)"
                    f" VALUES ({', '.join('?' for _ in values)}, ?, ?)",
                    [*values.values(), now, now],
                )
                company_id = self.store.inserted_id(cur)
                self.store.audit(
                    user_id=acting_user_id, case_id=case_id, entity="company", entity_id=company_id, action="create", after=values
                )
            if company.controller:
                c = company.controller
                db.execute(
                    "INSERT INTO controllers (company_id, name, resident_id, phone) VALUES (?,?,?,?)"
                    " ON CONFLICT(company_id) DO UPDATE SET name = excluded.name, resident_id = excluded.resident_id,"
                    " phone = excluded.phone",
                    [company_id, c.name, c.resident_id, c.phone],
                )
                self.store.audit(
                    user_id=acting_user_id, case_id=case_id, entity="controller", entity_id=company_id, action="set",
                    after={"name": c.name, "resident_id": c.resident_id, "phone": c.phone},
                )
        return company_id

    def correct(self, company_id: int, values: dict[str, object]) -> None:
        """Write corrected records of a company and its controller (inside the caller's audited transaction).

        ``values`` keys: the companies columns (name, uscc, industry, address, contact_name, contact_phone)
        and controller_name, resident_id, controller_phone.
        """
        own = {k: v for k, v in values.items() if k in ("name", "uscc", "industry", "address", "contact_name", "contact_phone")}
        if own:
            self.store.db.execute(
                f"UPDATE companies SET {', '.join(f'{k} = ?' for k in own)}, updated_at = ? WHERE id = ?",
                [*own.values(), self.store.now(), company_id],
            )
        columns = {"controller_name": "name", "resident_id": "resident_id", "controller_phone": "phone"}
        controller = {columns[k]: v for k, v in values.items() if k in columns}
        if controller:
            exists = self.store.scalar("SELECT 1 FROM controllers WHERE company_id = ?", [company_id])
            if exists:
                self.store.db.execute(
                    f"UPDATE controllers SET {', '.join(f'{k} = ?' for k in controller)} WHERE company_id = ?",
                    [*controller.values(), company_id],
                )
            else:
                row = {"name": "", "resident_id": "", "phone": ""} | controller
                self.store.db.execute(
                    "INSERT INTO controllers (company_id, name, resident_id, phone) VALUES (?,?,?,?)",
                    [company_id, row["name"], row["resident_id"], row["phone"]],
                )

    # -- assets ------------------------------------------------------------

    def assets(self, company_id: int) -> list[AssetRecord]:
        rows = self.store.query("SELECT * FROM ip_assets WHERE company_id = ? ORDER BY id", [company_id])
        return [AssetRecord.from_row(r) for r in rows]

    def asset(self, asset_id: int) -> AssetRecord:
        rows = self.store.query("SELECT * FROM ip_assets WHERE id = ?", [asset_id])
        if not rows:
            raise NotFoundError("not_found", what="知识产权", ident=asset_id)
        return AssetRecord.from_row(rows[0])

    def find_asset(self, ip_type: str, number: str) -> AssetRecord | None:
        rows = self.store.query("SELECT * FROM ip_assets WHERE ip_type = ? AND number = ?", [ip_type, number])
        return AssetRecord.from_row(rows[0]) if rows else None

    def save_asset(
        self, company_id: int, asset: IpAsset, *, acting_user_id: int | None, case_id: int | None = None, field_prefix: str = ""
    ) -> int:
        """Insert or update (same type and number) an asset of a company; audited."""
        values = _asset_values(asset)
        with self.store.transaction() as db:
            existing = self.find_asset(asset.ip_type.value, asset.number)
            if existing and existing.company_id != company_id:
                other = self.get(existing.company_id).name
                raise ValidationError(f"{field_prefix}number", "asset_owned_elsewhere", number=asset.number, company=other)
            if existing:
                before = _asset_values(existing.to_domain())
                if before != values:
                    db.execute(
                        f"UPDATE ip_assets SET {', '.join(f'{k} = ?' for k in values)} WHERE id = ?",
                        [*values.values(), existing.id],
                    )
                    self.store.audit(
                        user_id=acting_user_id, case_id=case_id, entity="ip_asset", entity_id=existing.id, action="update",
                        before=before, after=values,
                    )
                return existing.id
            cur = db.execute(
                f"INSERT INTO ip_assets (company_id, {', '.join(values)}) VALUES (?, {', '.join('?' for _ in values)})",
                [company_id, *values.values()],
            )
            self.store.audit(
                user_id=acting_user_id, case_id=case_id, entity="ip_asset", entity_id=cur.lastrowid, action="create", after=values
            )
            return self.store.inserted_id(cur)
