"""`/api/docs`: the API's documentation as an ordinary page of the application, drawn on the
server from the OpenAPI schema (`/api/openapi.json`), in Bahasa Indonesia, without scripts or
styles from elsewhere (so it works on a machine without internet access)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from kinerja.web.api.api import api

METHODS = ("get", "post", "put", "patch", "delete")


def _status_meanings() -> dict[str, str]:
    return {
        "200": _("berhasil"),
        "204": _("berhasil, tanpa isi (isian dihapus)"),
        "401": _("belum masuk atau token tidak sah"),
        "403": _("tindakan ini tidak diizinkan untuk Anda"),
        "404": _("PD atau data tidak ada, atau tidak boleh Anda lihat"),
        "409": _("nilai tersimpan sudah diubah orang lain; jawaban memuat kedua nilai"),
        "422": _("isian tidak sah; jawaban menyebut kolomnya"),
    }


def _type(schema: dict[str, Any], components: dict[str, Any]) -> str:
    """A short name of a schema's type: `integer`, `string`, `TargetOut[]`, `integer?`."""
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    if "anyOf" in schema:
        kinds = [_type(s, components) for s in schema["anyOf"] if s.get("type") != "null"]
        optional = any(s.get("type") == "null" for s in schema["anyOf"])
        return " | ".join(kinds) + ("?" if optional else "")
    if schema.get("type") == "array":
        return _type(schema.get("items", {}), components) + "[]"
    return str(schema.get("type", ""))


def _fields(ref: str, components: dict[str, Any]) -> list[dict[str, Any]]:
    schema = components.get(ref.rsplit("/", 1)[-1], {})
    required = set(schema.get("required", []))
    return [{"name": name, "type": _type(prop, components), "required": name in required,
             "description": prop.get("description", "")}
            for name, prop in schema.get("properties", {}).items()]


def operations(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """Every operation of the schema: method, path, summary, parameters, request body fields
    and the answers with what they mean."""
    components = schema.get("components", {}).get("schemas", {})
    meanings = _status_meanings()
    where = {"path": _("jalur"), "query": _("kueri"), "header": _("kepala")}
    out = []
    for path, ops in schema.get("paths", {}).items():
        for method in METHODS:
            op = ops.get(method)
            if op is None:
                continue
            params = [{"name": p["name"], "in": where.get(p.get("in", ""), p.get("in", "")),
                       "type": _type(p.get("schema", {}), components),
                       "required": bool(p.get("required"))}
                      for p in op.get("parameters", [])]
            body: list[dict[str, Any]] = []
            content = op.get("requestBody", {}).get("content", {})
            ref = content.get("application/json", {}).get("schema", {}).get("$ref")
            if ref:
                body = _fields(ref, components)
            answers = []
            for code, answer in op.get("responses", {}).items():
                ref = (answer.get("content", {}).get("application/json", {})
                       .get("schema", {}))
                answers.append({"code": str(code), "meaning": meanings.get(str(code), ""),
                                "type": _type(ref, components) if ref else ""})
            out.append({"method": method.upper(), "path": path,
                        "summary": op.get("summary", ""), "params": params, "body": body,
                        "answers": answers, "id": op.get("operationId", "")})
    return out


def docs(request: HttpRequest) -> HttpResponse:
    """The documentation page of the API."""
    schema = api.get_openapi_schema()
    return render(request, "kinerja/api/docs.html", {
        "info": schema.get("info", {}), "operations": operations(schema),
        "schema_url": "/api/openapi.json",
    })
