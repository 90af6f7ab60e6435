#!/usr/bin/python3
# make-patients.py — writes a synthetic patient list for the e2e morning
#
# Copyright 2026 The Tiếp đón authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: make-patients.py COUNT SEED > patients.json
# The output is tests/sim/people.json's format (the BHXH simulator and the
# demo kiosks read it as it is), every person with a "demo" block (so a
# demo kiosk can place their card) and an "e2e" block that says how they
# behave at the kiosk (tests/e2e/README.md). Every person is invented; the
# names, ID numbers and addresses are what the log check looks for.
import json
import random
import sys

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
          "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE_F = ["Thị", "Ngọc", "Thu", "Thanh", "Mỹ", "Hồng"]
MIDDLE_M = ["Văn", "Đức", "Minh", "Quốc", "Hữu", "Công"]
GIVEN_F = ["Hạnh", "Hương", "Lan", "Liên", "Nga", "Oanh", "Phượng", "Thảo", "Trang", "Yến", "Ánh", "Diệp"]
GIVEN_M = ["Dũng", "Hải", "Khánh", "Lộc", "Phúc", "Quân", "Sơn", "Thắng", "Toàn", "Việt", "Đạt", "Hiếu"]
WARDS = ["Phường Kim Liên", "Phường Văn Miếu", "Phường Ô Chợ Dừa", "Phường Láng Hạ", "Phường Thịnh Quang",
         "Phường Khương Đình", "Phường Yên Hòa", "Phường Nghĩa Đô", "Phường Bạch Mai", "Phường Tương Mai"]
STREETS = ["Phố Huế", "Đường Giải Phóng", "Phố Chùa Bộc", "Đường Láng", "Phố Tôn Đức Thắng", "Ngõ Thổ Quan"]
CLINICS = ["NOI", "NOI", "NOI", "TMH", "MAT"]


def dmy(y, m, d):
    return "%02d/%02d/%04d" % (d, m, y)


def main():
    count, seed = int(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(seed)
    people, used = [], set()
    for i in range(count):
        kind = rng.choices(["valid", "expired", "new_card", "dob_mismatch", "child", "elderly", "gateway_error"],
                           [70, 9, 5, 5, 5, 5, 1])[0]
        female = rng.random() < 0.55
        while True:
            name = " ".join([rng.choice(FAMILY), rng.choice(MIDDLE_F if female else MIDDLE_M),
                             rng.choice(GIVEN_F if female else GIVEN_M)])
            if name not in used:
                used.add(name)
                break
        if kind == "child":
            y = 2021 + rng.randrange(3)
        elif kind == "elderly":
            y = 1935 + rng.randrange(12)
        else:
            y = 1950 + rng.randrange(55)
        m, d = 1 + rng.randrange(12), 1 + rng.randrange(28)
        century = 2 if y >= 2000 else 0
        cccd = "001%d%02d%06d" % (century + (1 if female else 0), y % 100, 100000 + 7919 * i % 900000)
        serial = "%010d" % (3000000000 + 104729 * i)
        address = "Số %d %s, %s, Thành phố Hà Nội" % (1 + rng.randrange(300), rng.choice(STREETS),
                                                     rng.choice(WARDS))
        card = ("TE1" if kind == "child" else rng.choice(["GD4", "HT3", "DN4", "HC4"])) + "01" + serial
        rec = {"cccd": cccd, "maKetQua": "000", "maThe": card, "hoTen": name, "ngaySinh": dmy(y, m, d),
               "gioiTinh": "Nữ" if female else "Nam", "diaChi": address, "maDKBD": "01999",
               "cqBHXH": "Bảo hiểm xã hội Thành phố Hà Nội", "gtTheTu": "01/01/2025", "gtTheDen": "31/12/2030",
               "maSoBHXH": serial, "ghiChu": "Thẻ còn giá trị sử dụng!"}
        demo = {"key": "p%03d" % i, "label_vi": "Bệnh nhân thử %d" % i, "label_en": "Test patient %d" % i,
                "dob": "%04d-%02d-%02d" % (y, m, d), "sex": "female" if female else "male",
                "issued": "2021-%02d-%02d" % (1 + rng.randrange(12), 1 + rng.randrange(28)),
                "expiry": None if y < 1961 else "%04d-%02d-%02d" % (y + 60 if y > 1986 else y + 80 - 20, m, d)}
        e2e = {"via": "card", "clinic": rng.choice(CLINICS), "priority": "none", "if_not_eligible": "self-pay",
               "call_staff": False}
        if kind == "expired":
            rec.update(maKetQua="010", gtTheTu="01/01/2023", gtTheDen="31/12/2024",
                       ghiChu="Thẻ hết giá trị sử dụng!")
            e2e["if_not_eligible"] = rng.choice(["self-pay", "go-to-desk"])
        elif kind == "new_card":
            rec.update(maKetQua="003", gtTheTu="01/01/2020", gtTheDen="31/12/2020", maTheMoi="HT301" + serial,
                       gtTheTuMoi="01/01/2021", gtTheDenMoi="31/12/2035", maDKBDMoi="01999",
                       ghiChu="Thẻ cũ hết giá trị sử dụng, đã được cấp thẻ mới!")
        elif kind == "dob_mismatch":
            rec["ngaySinh"] = dmy(y, m, d + 1 if d < 28 else 1)
            e2e["if_not_eligible"] = "go-to-desk"
        elif kind == "child":
            demo = {k: demo[k] for k in ("key", "label_vi", "label_en", "dob", "sex")}
            demo.update(bhyt_qr=True, parent=" ".join([name.split()[0], "Thị", rng.choice(GIVEN_F)]))
            e2e.update(via="qr", clinic="NHI")
        elif kind == "gateway_error":
            rec = {k: rec[k] for k in ("cccd", "hoTen", "ngaySinh", "diaChi")}
            rec.update(maKetQua="101", ghiChu="Lỗi máy chủ")
        if rng.random() < 0.04:
            e2e["call_staff"] = True
        if kind != "child" and rng.random() < 0.2:
            e2e["via"] = "qr"
        rec["demo"] = demo
        rec["e2e"] = e2e
        people.append(rec)
    account = {"username": "01999_BV", "password": "sim-password", "officer_cccd": "001085009876",
               "officer_name": "Phạm Văn Bình"}
    json.dump({"account": account, "people": people}, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
