"""Turning pydantic's errors into field-named Problems in Chinese and English.

Models validate with the pure rules (idcard, phones, money …); a rule's `Invalid` becomes a
`PydanticCustomError` carrying both messages, and `validate()` turns a `ValidationError` back into
one `Invalid` with a Problem per field, so a form can show each message beside its field.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import PydanticCustomError

from helpdesk.domain.errors import Invalid, Problem

M = TypeVar("M", bound=BaseModel)

# pydantic's own error types, said in both languages. The English is ours too: pydantic's
# default texts ("Input should be a valid string") do not say how to fix anything.
_BUILTIN: dict[str, tuple[str, str]] = {
    "missing": ("必须填写", "This field is required"),
    "string_too_short": ("不能为空", "This field cannot be empty"),
    "string_too_long": ("太长了：最多 {max_length} 个字，请缩短",
                        "Too long: at most {max_length} characters, please shorten it"),
    "string_type": ("请填写文字", "Type text here"),
    "string_unicode": ("有无法识别的字符，请删除后重新输入",
                       "It holds a character that is not valid text: delete it and type it again"),
    "string_pattern_mismatch": ("格式不对，请检查", "Wrong format: check it"),
    "int_parsing": ("请填写整数", "Type a whole number"),
    "int_parsing_size": ("数字太大了，请检查是否多输了数字",
                         "The number is too large: check for extra digits"),
    "int_type": ("请填写整数", "Type a whole number"),
    "int_from_float": ("请填写整数", "Type a whole number"),
    "greater_than": ("数值太小", "The number is too small"),
    "greater_than_equal": ("数值太小", "The number is too small"),
    "less_than_equal": ("数值太大，请检查是否多输了数字",
                        "The number is too large: check for extra digits"),
    "less_than": ("数值太大，请检查是否多输了数字",
                  "The number is too large: check for extra digits"),
    "enum": ("请从列表中选择", "Choose one of the listed values"),
    "literal_error": ("请从列表中选择", "Choose one of the listed values"),
    "date_parsing": ("日期格式应为 2026-01-31", "Type the date as 2026-01-31"),
    "date_from_datetime_parsing": ("日期格式应为 2026-01-31", "Type the date as 2026-01-31"),
    "date_type": ("日期格式应为 2026-01-31", "Type the date as 2026-01-31"),
    "bool_parsing": ("请选择是或否", "Choose yes or no"),
    "too_short": ("至少选择一项", "Choose at least one"),
    "too_long": ("选择的项目太多", "Too many items"),
    "list_type": ("请选择一项或多项", "Choose one or more items"),
    "tuple_type": ("请选择一项或多项", "Choose one or more items"),
    "dict_type": ("数据格式不对", "Wrong data format"),
    "model_type": ("数据格式不对", "Wrong data format"),
    "model_attributes_type": ("数据格式不对", "Wrong data format"),
    "bool_type": ("请选择是或否", "Choose yes or no"),
    "none_required": ("这里应当留空", "Leave this empty"),
    "extra_forbidden": ("不认识的字段", "Unknown field"),
    "uuid_parsing": ("编号格式不对", "Not a valid id"),
    "decimal_parsing": ("请填写数字", "Type a number"),
    "decimal_max_places": ("最多两位小数", "At most two decimal places"),
    "decimal_max_digits": ("数字太大了，请检查是否多输了数字",
                           "The number is too large: check for extra digits"),
    "decimal_whole_digits": ("数字太大了，请检查是否多输了数字",
                             "The number is too large: check for extra digits"),
    "decimal_type": ("请填写数字", "Type a number"),
    "finite_number": ("请填写数字", "Type a number"),
    "bytes_type": ("数据格式不对", "Wrong data format"),
}


def rule(fn: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """Wrap a domain rule for a pydantic validator: its `Invalid` carries both languages through."""

    def wrapped(value: Any) -> Any:
        try:
            return fn(value)
        except Invalid as err:
            p = err.problem
            raise PydanticCustomError(p.code, p.en, {"zh": p.zh, "en": p.en}) from None

    wrapped.__name__ = getattr(fn, "__name__", "rule")
    return wrapped


def fail(code: str, zh: str, en: str, field: str = "") -> PydanticCustomError:
    """An error for a validator to raise, in both languages; `field` names it from a model check."""
    return PydanticCustomError(code, en, {"zh": zh, "en": en, "field": field})


def problems(err: ValidationError) -> list[Problem]:
    """One Problem per pydantic error, its field named by the dotted `loc`."""
    out = []
    for e in err.errors():
        ctx: Mapping[str, Any] = e.get("ctx") or {}
        field = ctx.get("field") or ".".join(str(part) for part in e["loc"])
        if "zh" in ctx:
            zh, en = str(ctx["zh"]), str(ctx["en"])
        else:
            zh, en = _BUILTIN.get(e["type"], ("填写有误，请检查", str(e["msg"])))
            if "{" in zh:  # a limit from the error's context: "at most {max_length} characters"
                zh, en = zh.format_map(ctx), en.format_map(ctx)
        out.append(Problem(field, e["type"], zh, en))
    return out


def validate(model: type[M], data: Mapping[str, Any]) -> M:
    """Build `model` from `data`, or raise `Invalid` naming every wrong field."""
    try:
        return model.model_validate(dict(data))
    except ValidationError as err:
        raise Invalid.many(problems(err)) from None
