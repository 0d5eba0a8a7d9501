"""Column types that keep domain values exact across SQLite and PostgreSQL.

Decimals are stored as their text so a typed "3.96" or "4.50" comes back exactly as entered (SQLite
has no exact decimal type). Enumerations are stored as their CLI spelling (`StrEnum.value`), not as
native database enums, so adding a word to the vocabulary needs no database migration.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import String
from sqlalchemy.types import TypeDecorator


class DecimalText(TypeDecorator[Decimal]):
    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Any) -> str | None:
        return None if value is None else str(value)

    def process_result_value(self, value: str | None, dialect: Any) -> Decimal | None:
        return None if value is None else Decimal(value)


class EnumText(TypeDecorator[StrEnum]):
    impl = String
    cache_ok = True

    def __init__(self, enum_type: type[StrEnum], length: int = 64) -> None:
        super().__init__(length)
        self.enum_type = enum_type

    def process_bind_param(self, value: StrEnum | str | None, dialect: Any) -> str | None:
        return None if value is None else self.enum_type(value).value

    def process_result_value(self, value: str | None, dialect: Any) -> StrEnum | None:
        return None if value is None else self.enum_type(value)


# Family-name search keys compare byte-wise (UTF-8 order = code-point order) on both backends so a
# prefix becomes an index range scan; PostgreSQL needs the "C" collation for that.
SearchKey = String(200).with_variant(String(200, collation="C"), "postgresql")
