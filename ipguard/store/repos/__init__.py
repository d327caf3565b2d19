"""Typed repositories over the store, one module per kind of record."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ipguard.store.core import Store


class Repositories:
    """Access to every repository of one :class:`~ipguard.store.core.Store`."""

    def __init__(self, store: Store) -> None:
        from ipguard.store.repos.amendments import AmendmentRepo
        from ipguard.store.repos.attachments import AttachmentRepo
        from ipguard.store.repos.bulk import BulkRepo
        from ipguard.store.repos.cases import CaseRepo
        from ipguard.store.repos.closing import ClosingRepo
        from ipguard.store.repos.companies import CompanyRepo
        from ipguard.store.repos.dashboard import DashboardRepo
        from ipguard.store.repos.documents import DocumentRepo
        from ipguard.store.repos.guarantor import GuarantorRepo
        from ipguard.store.repos.parties import BankRepo, ReferrerRepo
        from ipguard.store.repos.postloan import PostloanRepo
        from ipguard.store.repos.reporting import ReportingRepo
        from ipguard.store.repos.reversals import ReversalRepo
        from ipguard.store.repos.settings import SettingsRepo
        from ipguard.store.repos.underwriting import CommitteeRepo, UnderwritingRepo
        from ipguard.store.repos.users import UserRepo
        from ipguard.store.repos.work import WorkRepo

        self.users = UserRepo(store)
        self.banks = BankRepo(store)
        self.referrers = ReferrerRepo(store)
        self.companies = CompanyRepo(store)
        self.cases = CaseRepo(store)
        self.settings = SettingsRepo(store)
        self.guarantor = GuarantorRepo(store)
        self.reporting = ReportingRepo(store)
        self.dashboard = DashboardRepo(store)
        self.underwriting = UnderwritingRepo(store)
        self.committee = CommitteeRepo(store)
        self.closing = ClosingRepo(store)
        self.postloan = PostloanRepo(store)
        self.documents = DocumentRepo(store)
        self.bulk = BulkRepo(store)
        self.work = WorkRepo(store)
        self.attachments = AttachmentRepo(store)
        self.amendments = AmendmentRepo(store)
        self.reversals = ReversalRepo(store)
