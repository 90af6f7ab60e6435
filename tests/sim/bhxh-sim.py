#!/usr/bin/python3
# bhxh-sim.py — BHXH gateway (egw) simulator for tests and the demo
#
# Copyright 2026 The Tiếp đón authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Faithful to ../../../shared/docs/bhyt-gateway.md §9: /api/token/take
# (form or JSON, MD5 compared case-insensitively, 10-minute tokens bound to
# the caller's IP, expires_in ISO-8601 UTC with 7 fractional digits + Z),
# /api/egw/KQNhanLichSuKCB2024 (auth in the query string, JSON or form
# body), answers driven by a JSON data file of synthetic people.
#
# Fault injection at start (flags) or at run time (POST /_sim/faults with
# a JSON object of the same names): latency_s, http500, status401,
# code401, quota (lookups left; then quota_style "http429" (default):
# HTTP 429, or "code500": the restricted-account answer maKetQua 500
# "Có lỗi xảy ra trong quá trình tra cứu!"), token_ttl_s, null_hotencb
# ("json": maKetQua 205 with ghiChu "Null hoTenCb"; "text": that text as
# a bare text/plain body), expires_no_z (expires_in without the "Z"),
# numeric (maKetQua as JSON numbers, expires_in as seconds: another
# gateway's habits).
#
# Computed answers besides the people file: a 15-character maThe with a
# benefit digit outside 1-5 is 053, with province 00 or above 96 is 052,
# other malformed card codes are 051; a ngaySinh that is neither
# dd/MM/yyyy nor yyyy is 205; an officer CCCD not registered is 054, an
# officer name not matching it is 055; missing officer fields answer
# "Null hoTenCb".
# GET /_sim/stats gives {"logins": n, "lookups": n}. Prints "PORT <n>" on
# stdout once listening (use --port 0).
import argparse
import datetime
import hashlib
import json
import re
import secrets
import sys
import threading
import time
import unicodedata
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

LOCK = threading.Lock()
STATE = {"logins": 0, "lookups": 0, "tokens": {}, "faults": {}}
CARD_FIELDS = ["maThe", "hoTen", "ngaySinh", "gioiTinh", "diaChi", "maDKBD", "cqBHXH",
               "gtTheTu", "gtTheDen", "maKV", "ngayDu5Nam", "maSoBHXH", "maTheCu",
               "maTheMoi", "gtTheTuMoi", "gtTheDenMoi", "maDKBDMoi", "tenDKBDMoi"]


def fold(name):
    """Gateway-style comparison: case, diacritics and spaces ignored."""
    n = unicodedata.normalize("NFD", name or "").replace("đ", "d").replace("Đ", "D")
    n = "".join(c for c in n if unicodedata.category(c) != "Mn")
    return " ".join(n.upper().split())


class Handler(BaseHTTPRequestHandler):
    server_version = "bhxh-sim"
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        if self.server.verbose:
            sys.stderr.write("bhxh-sim: " + fmt % args + "\n")

    def send(self, status, body, ctype="application/json; charset=utf-8"):
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def send_json(self, obj, status=200):
        self.send(status, json.dumps(obj, ensure_ascii=False))

    def body(self):
        n = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(n) if n > 0 else b""
        ctype = self.headers.get("Content-Type", "")
        if "json" in ctype:
            try:
                obj = json.loads(raw.decode("utf-8"))
                return obj if isinstance(obj, dict) else None
            except (ValueError, UnicodeDecodeError):
                return None
        return {k: v[0] for k, v in parse_qs(raw.decode("utf-8", "replace")).items()}

    def do_GET(self):
        if urlsplit(self.path).path == "/_sim/stats":
            with LOCK:
                self.send_json({"logins": STATE["logins"], "lookups": STATE["lookups"]})
            return
        self.send(404, "")

    def do_POST(self):
        url = urlsplit(self.path)
        if url.path == "/_sim/faults":
            faults = self.body() or {}
            with LOCK:
                STATE["faults"].update(faults)
                if faults.get("reset"):
                    STATE["faults"] = {}
                    STATE["logins"] = STATE["lookups"] = 0
            self.send_json({"ok": True})
            return
        if url.path == "/_sim/expire-tokens":
            with LOCK:
                STATE["tokens"].clear()
            self.send_json({"ok": True})
            return
        if url.path == "/api/token/take":
            self.token(self.body())
            return
        if url.path == "/api/egw/KQNhanLichSuKCB2024":
            self.lookup({k: v[0] for k, v in parse_qs(url.query).items()}, self.body())
            return
        self.send(404, "")

    def token(self, body):
        with LOCK:
            STATE["logins"] += 1
            ttl = float(STATE["faults"].get("token_ttl_s", 600))
        acct = self.server.account
        md5 = hashlib.md5(acct["password"].encode()).hexdigest()
        if (not body or body.get("username") != acct["username"]
                or str(body.get("password", "")).lower() != md5):
            self.send_json({"maKetQua": "401", "APIKey": None})
            return
        with LOCK:
            no_z = bool(STATE["faults"].get("expires_no_z"))
            numeric = bool(STATE["faults"].get("numeric"))
        tok = secrets.token_urlsafe(48)
        idt = str(uuid.uuid4())
        exp = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=ttl)
        with LOCK:
            STATE["tokens"][tok] = (idt, self.client_address[0], time.time() + ttl)
        expires = exp.strftime("%Y-%m-%dT%H:%M:%S.") + "%07d" % (exp.microsecond * 10) + ("" if no_z else "Z")
        self.send_json({"maKetQua": 200 if numeric else "200", "APIKey": {
            "access_token": tok, "id_token": idt, "token_type": "Bearer",
            "username": acct["username"],
            "expires_in": int(ttl) if numeric else expires}})

    def lookup(self, q, body):
        with LOCK:
            faults = dict(STATE["faults"])
            tok = STATE["tokens"].get(q.get("token", ""))
        latency = float(faults.get("latency_s", 0))
        if latency > 0:
            time.sleep(min(latency, 60))
        if faults.get("http500"):
            self.send(500, "<html><body><h1>500 Internal Server Error</h1></body></html>",
                      "text/html")
            return
        acct = self.server.account
        md5 = hashlib.md5(acct["password"].encode()).hexdigest()
        valid = (tok is not None and tok[0] == q.get("id_token") and tok[1] == self.client_address[0]
                 and tok[2] > time.time() and q.get("username") == acct["username"]
                 and q.get("password", "").lower() == md5)
        if faults.get("status401") or not valid:
            if faults.get("status401"):
                with LOCK:
                    STATE["faults"]["status401"] = int(faults["status401"]) - 1
            self.send(401, "")
            return
        if faults.get("code401"):
            with LOCK:
                STATE["faults"]["code401"] = int(faults["code401"]) - 1
            self.send_json({"maKetQua": "401", "ghiChu": "Lỗi xác thực tài khoản"})
            return
        with LOCK:
            if "quota" in faults:
                if int(faults["quota"]) <= 0:
                    quota_out = True
                else:
                    STATE["faults"]["quota"] = int(faults["quota"]) - 1
                    quota_out = False
            else:
                quota_out = False
            if not quota_out:
                STATE["lookups"] += 1
        if quota_out:
            if faults.get("quota_style") == "code500":
                self.send_json({"maKetQua": "500", "ghiChu": "Có lỗi xảy ra trong quá trình tra cứu!"})
            else:
                self.send(429, json.dumps({"message": "Vượt quá số lượt tra cứu trong ngày"}))
            return
        if faults.get("null_hotencb") == "text":
            self.send(200, "Null hoTenCb", "text/plain; charset=utf-8")
            return
        if faults.get("null_hotencb"):
            self.send_json({"maKetQua": "205", "ghiChu": "Null hoTenCb"})
            return
        out = self.answer(body)
        if faults.get("numeric"):
            out["maKetQua"] = int(out["maKetQua"])
        self.send_json(out)

    def answer(self, body):
        if body is None or not all(isinstance(body.get(k), str) and body.get(k)
                                   for k in ("maThe", "hoTen", "ngaySinh")):
            return {"maKetQua": "205", "ghiChu": "Lỗi định dạng tham số"}
        if not body.get("hoTenCb") or not body.get("cccdCb"):
            return {"maKetQua": "205", "ghiChu": "Null hoTenCb"}
        if body["cccdCb"] != self.server.account.get("officer_cccd", body["cccdCb"]):
            return {"maKetQua": "054", "ghiChu": "CCCD cán bộ không có trong danh sách"}
        officer = self.server.account.get("officer_name")
        if officer and fold(body["hoTenCb"]) != fold(officer):
            return {"maKetQua": "055", "ghiChu": "Họ tên cán bộ không khớp với CCCD"}
        dob = body["ngaySinh"]
        if not (re.fullmatch(r"[0-9]{4}", dob) or re.fullmatch(r"[0-9]{2}/[0-9]{2}/[0-9]{4}", dob)):
            return {"maKetQua": "205", "ghiChu": "Lỗi định dạng tham số ngaySinh"}
        card_code = body["maThe"].strip().upper()
        if not re.fullmatch(r"[0-9]{10}|[0-9]{12}|[A-Z]{2}[0-9]{13}", card_code):
            return {"maKetQua": "051", "ghiChu": "Mã thẻ không đúng!"}
        if len(card_code) == 15 and card_code[2] not in "12345":
            return {"maKetQua": "053", "ghiChu": "Mã quyền lợi không đúng!"}
        if len(card_code) == 15 and not 1 <= int(card_code[3:5]) <= 96:
            return {"maKetQua": "052", "ghiChu": "Mã tỉnh không đúng!"}
        person = self.server.people.get(card_code)
        if person is None:
            return {"maKetQua": "050", "ghiChu": "Thẻ không tồn tại!",
                    **{k: None for k in CARD_FIELDS}, "dsLichSuKCB2018": None}
        code = person.get("maKetQua", "000")
        card = {k: person.get(k, "") for k in CARD_FIELDS}
        if code == "000":
            if fold(body["hoTen"]) != fold(person["hoTen"]):
                code = "061" if fold(body["hoTen"])[:1] == fold(person["hoTen"])[:1] else "060"
            elif body["ngaySinh"] != person["ngaySinh"] and body["ngaySinh"] != person["ngaySinh"][-4:]:
                code = "070"
        out = {"maKetQua": code, "ghiChu": person.get("ghiChu", "")}
        if code in ("000", "001", "002", "003", "004", "010", "060", "061", "070", "130"):
            out.update(card)
        else:
            out.update({k: None for k in CARD_FIELDS})
        out["dsLichSuKCB2018"] = None
        out["dsLichSuKT2018"] = []
        return out


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--bind", default="127.0.0.1")
    ap.add_argument("--data", required=True, help="JSON file: {account:{...}, people:[...]}")
    ap.add_argument("--latency", type=float, default=0)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    with open(args.data, encoding="utf-8") as f:
        data = json.load(f)
    srv = ThreadingHTTPServer((args.bind, args.port), Handler)
    srv.daemon_threads = True
    srv.verbose = args.verbose
    srv.account = data["account"]
    srv.people = {}
    for p in data["people"]:
        for key in (p.get("cccd"), p.get("maThe"), p.get("maSoBHXH")):
            if key:
                srv.people[key] = p
    if args.latency:
        STATE["faults"]["latency_s"] = args.latency
    print("PORT %d" % srv.server_address[1], flush=True)
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
